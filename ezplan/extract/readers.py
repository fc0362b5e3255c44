"""Documents → blocks of text, each with the line of the document it starts on.

A block is a paragraph, a heading or a table row. Positions are kept exact: for a text or Markdown
file a block's `line` is the file's line and `breaks` record where a paragraph wrapped over several
lines, so every character maps back to its line and column. For HTML the line is the source line
where the block's text starts; for .docx the paragraph's number (tables count one per row); for a
PDF the line of the text layer as pypdf extracts it, counted across pages.

Text files are read as UTF-8 (with or without BOM), else as GB18030 (which includes GBK and
GB2312); text that reads as neither is an error, never mojibake. .docx and .pdf need the
`extract` extra (python-docx, pypdf); HTML uses the standard library's parser.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".pdf"}
EXTRA_HINT = "pip install 'ezplan[extract]'"


class DocumentError(Exception):
    """A document that cannot be read: printed as `file: message` or `file:line:col: message`."""

    def __init__(self, file: str, message: str, line: int | None = None, column: int = 1):
        super().__init__(message)
        self.file = file
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Block:
    """A paragraph, heading or table row. `breaks` are offsets in `text` where a new line of the
    document begins (a paragraph wrapped over several lines); `indent` is the column offset of the
    text's first character in its first line."""

    line: int
    text: str
    kind: str = "text"  # text | heading | table | title
    breaks: tuple[int, ...] = ()
    indent: int = 0
    line_indents: tuple[int, ...] = ()  # column offset of each continued line

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of the character at `offset` in `text`."""
        line, start, indent = self.line, 0, self.indent
        for i, b in enumerate(self.breaks):
            if b > offset:
                break
            line, start = self.line + i + 1, b
            indent = self.line_indents[i] if i < len(self.line_indents) else 0
        return line, offset - start + indent + 1


@dataclass
class SourceText:
    """A document read into blocks."""

    path: str
    format: str  # txt | md | html | docx | pdf
    blocks: list[Block] = field(default_factory=list)
    encoding: str | None = None
    title: str | None = None

    @property
    def line_unit(self) -> str:
        return "paragraph" if self.format == "docx" else "line"


def read_document(path: str | Path, display: str | None = None) -> SourceText:
    """Read any supported document; every problem is a DocumentError with one line to show."""
    p = Path(path)
    name = display or str(path)
    suffix = p.suffix.lower()
    if p.is_dir():
        raise DocumentError(name, "is a directory, expected a document")
    if not p.exists():
        raise DocumentError(name, "no such file")
    if suffix not in SUFFIXES:
        kinds = ", ".join(sorted(SUFFIXES))
        raise DocumentError(
            name,
            f"cannot read {suffix or 'a file without suffix'} documents; expected one of {kinds} "
            "(save a .doc as .docx, or the text as .txt)",
        )
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise DocumentError(name, f"cannot read file: {e.strerror or e}") from None
    if suffix == ".docx":
        return _read_docx(p, name, raw)
    if suffix == ".pdf":
        return _read_pdf(p, name, raw)
    text, encoding = decode(raw, name)
    if suffix in HTML_SUFFIXES:
        doc = SourceText(name, "html", _html_blocks(text), encoding)
    elif suffix in {".md", ".markdown"}:
        blocks, title = _markdown_blocks(text)
        doc = SourceText(name, "md", blocks, encoding, title)
    else:
        doc = SourceText(name, "txt", _text_blocks(text.splitlines()), encoding)
    if doc.title is None:
        doc.title = _first_title(doc.blocks)
    return doc


# --- encodings --------------------------------------------------------------------------------


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """Bytes → text: UTF-8 (BOM or not), UTF-16 with BOM, else GB18030/GBK; never mojibake."""
    if b"\x00" in raw[:4096] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DocumentError(name, "a binary file, not text")
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[3:], "utf-8", name), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16", name), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError as e:
        line, col = _byte_position(raw, e.start)
        raise DocumentError(
            name,
            f"neither UTF-8 nor GB18030/GBK text (byte 0x{raw[e.start]:02X}); save it as UTF-8",
            line,
            col,
        ) from None
    if not _plausible(text):
        raise DocumentError(
            name, "not UTF-8, and as GB18030/GBK it reads as gibberish; save it as UTF-8"
        )
    return text, "gb18030"


def _strict(raw: bytes, encoding: str, name: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as e:
        line, col = _byte_position(raw, e.start)
        raise DocumentError(name, f"not valid {encoding} text", line, col) from None


def _byte_position(raw: bytes, index: int) -> tuple[int, int]:
    before = raw[:index]
    return before.count(b"\n") + 1, index - (before.rfind(b"\n") + 1) + 1


def _plausible(text: str) -> bool:
    """Chinese text decodes to common CJK characters, ASCII and punctuation; mojibake does not."""
    sample = text[:20000]
    if not sample:
        return True
    ok = 0
    for ch in sample:
        o = ord(ch)
        if (
            o < 0x80
            or 0x4E00 <= o <= 0x9FFF
            or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF
            or 0x2000 <= o <= 0x206F
            or ch in "·×÷°"
        ):
            ok += 1
    return ok / len(sample) >= 0.9


# --- plain text and Markdown ------------------------------------------------------------------

_FINAL = "。！？；：!?;:」』”）)】"
_LIST_RE = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)")
_HEADING_RE = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[章节篇部分]|[一二三四五六七八九十]+、|"
    r"[（(][一二三四五六七八九十]+[）)]|\d+[.．、]\s*\S|专栏)"
)


def _is_heading_like(text: str) -> bool:
    s = text.strip()
    if not s or len(s) > 60:
        return False
    if s[-1] in "。；！？，,;":
        return False
    return bool(_HEADING_RE.match(s)) or len(s) <= 30


def _text_blocks(lines: list[str], first_line: int = 1) -> list[Block]:
    """Plain text: a block per paragraph. A line that fills the width without closing its sentence
    is joined with the next (hard-wrapped text), keeping every character's line."""
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        raw = lines[i]
        if not raw.strip():
            i += 1
            continue
        indent = len(raw) - len(raw.lstrip())
        text = raw.strip()
        breaks: list[int] = []
        indents: list[int] = []
        start = i
        while (
            i + 1 < len(lines)
            and len(text) - (breaks[-1] if breaks else 0) >= 20
            and text[-1] not in _FINAL
            and lines[i + 1].strip()
            and not _HEADING_RE.match(lines[i + 1])
            and not lines[i + 1].lstrip().startswith("|")
        ):
            i += 1
            nxt = lines[i]
            breaks.append(len(text))
            indents.append(len(nxt) - len(nxt.lstrip()))
            text += nxt.strip()
        kind = "heading" if not breaks and _is_heading_like(text) else "text"
        if text.startswith("|"):
            kind = "table"
        blocks.append(Block(first_line + start, text, kind, tuple(breaks), indent, tuple(indents)))
        i += 1
    return blocks


def _markdown_blocks(text: str) -> tuple[list[Block], str | None]:
    lines = text.splitlines()
    blocks: list[Block] = []
    title = None
    i = 0
    if lines and lines[0].strip() == "---":  # YAML front matter: keep its title
        for j in range(1, len(lines)):
            if lines[j].strip() == "---":
                for k in range(1, j):
                    m = re.match(r"^\s*title\s*:\s*(.+?)\s*$", lines[k])
                    if m:
                        title = m.group(1).strip("'\"")
                        off = lines[k].index(m.group(1))
                        blocks.append(Block(k + 1, title, "title", (), off))
                i = j + 1
                break
    para: list[tuple[int, str]] = []

    def flush() -> None:
        if not para:
            return
        first, s = para[0]
        indent = len(s) - len(s.lstrip())
        body = s.strip()
        breaks, indents = [], []
        for _, more in para[1:]:
            breaks.append(len(body))
            indents.append(len(more) - len(more.lstrip()))
            body += more.strip()
        kind = "heading" if len(para) == 1 and _is_heading_like(body) else "text"
        blocks.append(Block(first, body, kind, tuple(breaks), indent, tuple(indents)))
        para.clear()

    in_code = False
    while i < len(lines):
        line = lines[i]
        n = i + 1
        s = line.strip()
        if s.startswith("```"):
            flush()
            in_code = not in_code
        elif in_code:
            pass
        elif not s:
            flush()
        elif s.startswith("|"):
            flush()
            if not re.match(r"^\|?[\s:|-]+\|?$", s):  # not the |---| separator row
                blocks.append(Block(n, line.rstrip(), "table", (), 0))
        elif m := re.match(r"^(\s*#{1,6}\s+)(.*?)\s*#*\s*$", line):
            flush()
            blocks.append(Block(n, m.group(2), "heading", (), len(m.group(1))))
        elif s.startswith("![") or s.startswith("<!--"):
            flush()
        elif m := _LIST_RE.match(line):
            flush()
            rest = line[m.end() :]
            kind = "heading" if _is_heading_like(rest) and len(rest.strip()) <= 20 else "text"
            blocks.append(Block(n, rest.rstrip(), kind, (), m.end()))
        else:
            para.append((n, line))
        i += 1
    flush()
    return blocks, title


def _first_title(blocks: list[Block]) -> str | None:
    for b in blocks[:5]:
        if b.kind in ("title", "heading"):
            return b.text.strip("*# ")
    return None


# --- HTML -------------------------------------------------------------------------------------

_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
    "article", "title", "ul", "ol", "blockquote", "pre", "header", "footer", "dd", "dt", "hr",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg"}


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.line: int | None = None
        self.kind = "text"
        self.skip = 0
        self.cells: list[str] | None = None
        self.cell: list[str] | None = None
        self.row_line: int | None = None

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.buf)).strip()
        if text and self.line is not None:
            self.blocks.append(Block(self.line, text, self.kind))
        self.buf, self.line, self.kind = [], None, "text"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag == "tr":
            self._flush()
            self.cells, self.row_line = [], None
        elif tag in ("td", "th") and self.cells is not None:
            self.cell = []
        elif tag in _BLOCK_TAGS and self.cell is None:
            self._flush()
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "title"):
                self.kind = "heading" if tag != "title" else "title"

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.cells is not None and self.cell is not None:
            self.cells.append(re.sub(r"\s+", " ", "".join(self.cell)).strip().replace("|", "｜"))
            self.cell = None
        elif tag == "tr" and self.cells is not None:
            if any(self.cells) and self.row_line is not None:
                self.blocks.append(
                    Block(self.row_line, "| " + " | ".join(self.cells) + " |", "table")
                )
            self.cells, self.cell = None, None
        elif tag in _BLOCK_TAGS and self.cell is None:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            if data.strip() and self.row_line is None:
                self.row_line = self.getpos()[0]
            self.cell.append(data)
            return
        if data.strip() and self.line is None:
            self.line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self.buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _html_blocks(text: str) -> list[Block]:
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    out = []
    for b in parser.blocks:
        kind = b.kind
        if kind == "text" and _is_heading_like(b.text) and _HEADING_RE.match(b.text):
            kind = "heading"
        out.append(Block(b.line, b.text, kind))
    return out


# --- .docx and .pdf ---------------------------------------------------------------------------


def _read_docx(path: Path, name: str, raw: bytes) -> SourceText:
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:
        raise DocumentError(name, f"reading .docx needs the extract extra: {EXTRA_HINT}") from None
    if not zipfile.is_zipfile(path):
        raise DocumentError(name, "not a .docx (Word 2007+) file; a .doc must be saved as .docx")
    try:
        d = docx.Document(str(path))
    except Exception as e:  # python-docx raises many kinds on a damaged file
        raise DocumentError(name, f"cannot read the .docx: {e}") from None
    blocks: list[Block] = []
    n = 0
    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            n += 1
            p = Paragraph(child, d)
            text = p.text.strip()
            if not text:
                continue
            style = (p.style.name if p.style is not None else "") or ""
            heading = style.lower().startswith(("heading", "title")) or style.startswith("标题")
            kind = "heading" if heading or _is_heading_like(text) else "text"
            blocks.append(Block(n, text, kind))
        elif tag == "tbl":
            for row in Table(child, d).rows:
                n += 1
                cells = [c.text.strip().replace("|", "｜").replace("\n", " ") for c in row.cells]
                dedup = [c for i, c in enumerate(cells) if i == 0 or c != cells[i - 1]]
                if any(dedup):
                    blocks.append(Block(n, "| " + " | ".join(dedup) + " |", "table"))
    return SourceText(name, "docx", blocks, None, _first_title(blocks))


def _read_pdf(path: Path, name: str, raw: bytes) -> SourceText:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise DocumentError(name, f"reading .pdf needs the extract extra: {EXTRA_HINT}") from None
    if not raw.startswith(b"%PDF"):
        raise DocumentError(name, "not a PDF file")
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise DocumentError(name, "the PDF is encrypted; save an unprotected copy")
        lines: list[str] = []
        for page in reader.pages:
            lines.extend((page.extract_text() or "").splitlines())
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as e:
        raise DocumentError(name, f"cannot read the PDF: {e}") from None
    text = "".join(lines)
    if sum(1 for ch in text if unicodedata.category(ch)[0] in "LN") < 20:
        raise DocumentError(
            name,
            "the PDF has no text layer (a scan?); run OCR on it first (e.g. ocrmypdf) "
            "or save the text as .txt",
        )
    blocks = _text_blocks(lines)
    return SourceText(name, "pdf", blocks, None, _first_title(blocks))
