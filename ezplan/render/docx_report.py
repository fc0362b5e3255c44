"""The report as a Word document (.docx) in Chinese official style, for officials who work in
Word or WPS: the same content as the HTML report — title, plan period, date, the targets table,
the findings in plain words, progress, each target's milestone table and chart, and the
appendix of positions.

Layout after GB/T 9704 (党政机关公文格式): A4, margins 37/35/28/26 mm, the title in 二号 宋体 bold
centred, 一、 headings in 三号 黑体, （一） headings in 三号 楷体, body in 三号 仿宋 on a 28 pt
line, tables in 小五 宋体 with a repeated header row, 表N/图N captions, page numbers "— N —".
In English: Times New Roman and Arial. Charts are PNG (matplotlib, one reused figure).

Tables are written as WordprocessingML directly: python-docx's cell access walks the whole
table each time, which for a thousand targets is minutes; the XML is built in one pass.
Needs python-docx and matplotlib (the `docx` extra).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any
from xml.sax.saxutils import escape

from ezplan import __version__
from ezplan.i18n import plan_period, t
from ezplan.milestones import Milestones
from ezplan.progress import Progress
from ezplan.render import milestone_tables as mt
from ezplan.render import report_content as rc
from ezplan.render.charts import chart
from ezplan.report import Report

HINT = "writing .docx needs python-docx and matplotlib: pip install 'ezplan[docx]'"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

FONTS = {
    "zh": {
        "title": ("宋体", "Times New Roman", 22, True),
        "h1": ("黑体", "Times New Roman", 16, False),
        "h2": ("楷体", "Times New Roman", 16, True),
        "body": ("仿宋", "Times New Roman", 16, False),
        "small": ("仿宋", "Times New Roman", 12, False),
        "caption": ("黑体", "Times New Roman", 12, False),
        "table": ("宋体", "Times New Roman", 9, False),
    },
    "en": {
        "title": ("宋体", "Times New Roman", 18, True),
        "h1": ("黑体", "Arial", 14, True),
        "h2": ("黑体", "Arial", 12, True),
        "body": ("宋体", "Times New Roman", 12, False),
        "small": ("宋体", "Times New Roman", 10, False),
        "caption": ("黑体", "Arial", 10, True),
        "table": ("宋体", "Arial", 8.5, False),
    },
}
CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (for （一） headings)."""
    if n < 10:
        return CN_DIGITS[n]
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero:
                out += "零"
            out += ("" if digit == 1 and unit == "十" and n < 20 else CN_DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    return out


class _Doc:
    """A python-docx Document with the report's styles and fast table writing."""

    def __init__(self, lang: str) -> None:
        from docx import Document
        from docx.shared import Mm

        self.lang = lang
        self.fonts = FONTS[lang]
        self.doc = Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        self.text_width_mm = 210 - 28 - 26
        self._style("Normal", "body")
        self._end = self.doc.element.body.sectPr  # everything goes before it
        self._body: list[str] = []  # the body's XML, parsed once when saved
        self.tables = 0
        self.figures = 0
        self._page_numbers()

    # --- styles and runs ----------------------------------------------------------------

    def _rfonts(self, rpr: Any, east: str, latin: str) -> None:
        from docx.oxml.ns import qn

        fonts = rpr.get_or_add_rFonts()
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
        fonts.set(qn("w:ascii"), latin)
        fonts.set(qn("w:hAnsi"), latin)
        fonts.set(qn("w:eastAsia"), east)

    def _style(self, name: str, kind: str) -> None:
        from docx.enum.text import WD_LINE_SPACING
        from docx.shared import Pt, RGBColor

        east, latin, size, bold = self.fonts[kind]
        style = self.doc.styles[name]
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.color.rgb = RGBColor(0, 0, 0)
        self._rfonts(style.element.get_or_add_rPr(), east, latin)
        if name == "Normal":
            pf = style.paragraph_format
            if self.lang == "zh":
                pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
                pf.line_spacing = Pt(28)
            pf.space_before = Pt(0)
            pf.space_after = Pt(0 if self.lang == "zh" else 4)

    def _rpr(self, kind: str, color: str | None = None, bold: bool | None = None) -> str:
        east, latin, size, default_bold = self.fonts[kind]
        bold = default_bold if bold is None else bold
        half_points = round(size * 2)
        return (
            f'<w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east}"/>'
            + ("<w:b/>" if bold else "")
            + (f'<w:color w:val="{color}"/>' if color else "")
            + f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
        )

    def _run(self, text: str, kind: str, color: str | None = None, bold: bool | None = None) -> str:
        texts = "<w:br/>".join(
            f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in text.split("\n")
        )
        return f"<w:r>{self._rpr(kind, color, bold)}{texts}</w:r>"

    def paragraph(
        self,
        text: str = "",
        kind: str = "body",
        align: str | None = None,
        indent: bool = False,
        color: str | None = None,
        bold: bool | None = None,
        space_before: float = 0,
        keep_with_next: bool = False,
        runs: list[tuple[str, str | None, bool | None]] | None = None,
        outline: int | None = None,
        inner: str = "",
    ) -> None:
        """One paragraph, written as WordprocessingML (python-docx's objects cost a thousand
        times more, which a report of a thousand targets feels); its runs are `text`, or
        `runs` of (text, colour, bold) in the paragraph's kind, then `inner` XML."""
        ppr = "<w:keepNext/>" if keep_with_next else ""
        single = kind in ("small", "table", "caption") and self.lang == "zh"
        if space_before or single:
            rule = ' w:line="240" w:lineRule="auto"' if single else ""
            ppr += f'<w:spacing w:before="{int(space_before * 20)}"{rule}/>'
        if indent:
            ppr += f'<w:ind w:firstLine="{int(self.fonts["body"][2] * 2 * 20)}"/>'
        if align:
            ppr += f'<w:jc w:val="{ {"center": "center", "right": "right"}.get(align, "both") }"/>'
        if outline is not None:
            ppr += f'<w:outlineLvl w:val="{outline}"/>'
        body = self._run(text, kind, color, bold) if text else ""
        for run_text, run_color, run_bold in runs or []:
            body += self._run(run_text, kind, run_color, run_bold)
        self._body.append(f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{body}{inner}</w:p>")

    def heading(self, text: str, level: int) -> None:
        """一、 (level 1) or （一） (level 2) headings, kept with what follows; Word's outline
        levels, so that the navigation pane lists them."""
        kind = "h1" if level == 1 else "h2"
        self.paragraph(
            text,
            kind,
            keep_with_next=True,
            space_before=12 if level == 1 else 8,
            outline=level - 1,
        )

    def caption(self, text: str) -> None:
        self.paragraph(text, "caption", align="center", keep_with_next=True, space_before=4)

    def _page_numbers(self) -> None:
        """— 1 — centred in the footer (公文 page numbers)."""
        from docx.oxml import OxmlElement, parse_xml
        from docx.oxml.ns import qn

        footer = self.doc.sections[0].footer
        p = footer.paragraphs[0]
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p._p.append(parse_xml(self._run("— ", "small").replace("<w:r>", f'<w:r xmlns:w="{W_NS}">')))
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        r = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        r.append(text)
        field.append(r)
        p._p.append(field)
        p._p.append(parse_xml(self._run(" —", "small").replace("<w:r>", f'<w:r xmlns:w="{W_NS}">')))

    # --- tables ---------------------------------------------------------------------------

    def _cell(self, text: str, width: int, align: str, header: bool, tone: str | None) -> str:
        east, latin, size, _ = self.fonts["table"]
        fill = "DCE6F1" if header else rc.TONE_FILL.get(tone or "", "")
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        bold = "<w:b/>" if header or tone else ""
        color = f'<w:color w:val="{rc.TONE_TEXT[tone]}"/>' if tone and not header else ""
        rpr = (
            f'<w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east}"/>'
            f'{bold}{color}<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>'
            "</w:rPr>"
        )
        lines = text.split("\n")
        runs = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
            f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
            f'<w:ind w:firstLine="0"/><w:jc w:val="{align}"/></w:pPr>'
            f"<w:r>{rpr}{runs}</w:r></w:p></w:tc>"
        )

    def table(
        self,
        headers: list[str],
        rows: list[list[str]],
        widths_mm: list[float],
        numeric: set[int] = frozenset(),  # type: ignore[assignment]
        tones: list[dict[int, str]] | None = None,
        caption: str | None = None,
    ) -> None:
        """A bordered table, header row repeated on every page, rows never split."""

        if caption:
            self.tables += 1
            self.caption(t("docx_table_caption", self.lang, n=self.tables, title=caption))
        scale = min(1.0, self.text_width_mm / sum(widths_mm))  # shrink to fit, never stretch
        widths = [int(w * scale * 56.7) for w in widths_mm]  # mm → twips
        border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
        borders = "".join(
            border.format(b) for b in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        out = [
            f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr><w:tblGrid>"
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
            + "</w:tblGrid>",
            "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
            + "".join(
                self._cell(h, w, "center", True, None) for h, w in zip(headers, widths, strict=True)
            )
            + "</w:tr>",
        ]
        for i, row in enumerate(rows):
            tone = tones[i] if tones else {}
            out.append(
                "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + "".join(
                    self._cell(c, w, "right" if j in numeric else "left", False, tone.get(j))
                    for j, (c, w) in enumerate(zip(row, widths, strict=True))
                )
                + "</w:tr>"
            )
        out.append("</w:tbl>")
        self._body.append("".join(out))
        self.paragraph("", "small")  # Word needs a paragraph between two tables

    def picture(self, png: bytes, caption: str) -> None:
        """The chart as an inline picture. Added directly: python-docx's add_picture hashes
        every image already in the document and searches the whole XML for a free id, which
        for a thousand charts is minutes."""
        from docx.image.image import Image
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.oxml.shape import CT_Inline
        from docx.parts.image import ImagePart
        from docx.shared import Mm

        self.figures += 1
        image = Image.from_blob(png)
        part = ImagePart.from_image(image, PackURI(f"/word/media/chart{self.figures}.png"))
        rid = self.doc.part.relate_to(part, RT.IMAGE)
        cx, cy = image.scaled_dimensions(Mm(min(150, self.text_width_mm)), None)
        inline = CT_Inline.new_pic_inline(
            1000 + self.figures, rid, f"chart{self.figures}.png", cx, cy
        )
        from lxml import etree

        drawing = etree.tostring(inline, encoding="unicode")
        self.paragraph(
            align="center",
            kind="small",
            keep_with_next=True,
            inner=f"<w:r><w:drawing>{drawing}</w:drawing></w:r>",
        )
        self.paragraph(
            t("docx_figure_caption", self.lang, n=self.figures, title=caption),
            "caption",
            align="center",
        )

    def save(self) -> bytes:
        from docx.oxml import parse_xml
        from lxml import etree

        # the body in one piece (moving thousands of elements one by one is quadratic in lxml)
        old = self.doc.element.body
        ns = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
        end = etree.tostring(self._end, encoding="unicode")
        new = parse_xml(f"<w:body {ns}>{''.join(self._body)}{end}</w:body>")
        self.doc.element.replace(old, new)
        self._body = []
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()


def render(
    report: Report,
    ms: list[Milestones],
    progress: list[Progress],
    lang: str,
    today: dt.date | None = None,
) -> tuple[bytes, str | None]:
    """The .docx bytes, and a warning for the user (no CJK font for the charts) or None."""
    import docx  # noqa: F401  (fail early with the hint when python-docx is missing)
    import PIL  # noqa: F401
    from matplotlib import font_manager  # noqa: F401  (the fonts for the charts)

    from ezplan.render import png_chart
    from ezplan.render.charts import cjk_font, no_cjk_warning

    plan = report.plan
    day = today or rc.generated_on()
    items = rc.finding_items(report, lang)
    lines = rc.target_lines(report, items, lang)
    title = rc.plan_title(plan, lang)
    d = _Doc(lang)
    props = d.doc.core_properties
    props.title, props.author, props.comments = title, "ezplan", f"ezplan {__version__}"
    props.created = props.modified = dt.datetime(day.year, day.month, day.day)

    d.paragraph(title, "title", align="center")
    d.paragraph(plan_period(plan.base_year, plan.target_year, lang), "small", align="center")
    meta = f"{t('report_generated', lang, date=rc.date_text(day, lang))} · ezplan {__version__}"
    d.paragraph(meta, "small", align="center")
    d.paragraph(report.summary_line(lang), indent=lang == "zh", space_before=12)

    d.heading(t("report_sec_targets", lang), 1)
    d.table(
        [
            t("indicator", lang),
            t("base", lang),
            t("target", lang),
            t("xl_stated", lang),
            t("xl_implied", lang),
            t("verdict", lang),
            t("report_explanation", lang),
        ],
        [
            [
                f"{x.name}{mt.unit_suffix(x.unit, lang)}",
                x.base,
                x.target,
                x.stated,
                x.implied,
                x.verdict,
                x.explanation,
            ]
            for x in lines
        ],
        [27, 26, 33, 18, 14, 16, 34] if lang == "zh" else [27, 24, 30, 16, 14, 22, 35],
        numeric={1, 2, 3, 4},
        tones=[{5: rc.VERDICT_TONE[x.status]} for x in lines],
        caption=t("report_sec_targets_caption", lang),
    )

    d.heading(t("report_sec_findings", lang), 1)
    problems = [i for i in items if i.severity != "note"]
    notes = [i for i in items if i.severity == "note"]
    d.heading(t("report_problems", lang), 2)
    if not problems:
        d.paragraph(t("report_no_problems", lang), indent=lang == "zh")
    for item in problems:
        _finding(d, item, lang)
    if notes:
        d.heading(t("report_notes", lang), 2)
        for item in notes:
            _finding(d, item, lang)

    d.heading(t("report_sec_progress", lang), 1)
    if all(p.status == "no_actuals" for p in progress):
        d.paragraph(t("report_progress_none", lang), indent=lang == "zh")
    else:
        keys = mt.PROGRESS_KEYS
        rows, tones, reasons = [], [], []
        for m, p in zip(ms, progress, strict=True):
            cells = mt.progress_cells(m, p, lang)
            rows.append([cells[k] for k in keys])
            tones.append({len(keys) - 1: mt.STATUS_TONE[p.status]})
            # why it cannot be assessed, or why its status is worse than its ratio says
            why = mt.progress_reason(m, p, lang) or mt.held_back_note(m, p, lang)
            if why:
                reasons.append(f"{m.label(lang)}{t('report_colon', lang)}{why}")
        d.table(
            [t(k, lang) for k in keys],
            rows,
            [32, 22, 15, 18, 18, 18, 15, 20],
            numeric=set(range(1, len(keys) - 1)),
            tones=tones,
            caption=t("report_sec_progress_caption", lang),
        )
        d.paragraph(t("report_legend_status", lang), "small")
        if any(p.cumulative for p in progress):
            d.paragraph(t("xl_cumulative_note", lang), "small")
        for why in reasons:
            d.paragraph(why, "small")

    d.heading(t("report_sec_milestones", lang), 1)
    family = cjk_font()
    font = png_chart.font_path(family)
    warning = no_cjk_warning().replace("the PNG is", "the charts are") if family is None else None
    models = []
    for m in ms:
        c = chart(m, lang if family else "en")
        if c is not None and family is None:  # no font for Chinese: labelled in English
            c.title = m.name_en or m.indicator
        models.append(c)
    pngs = png_chart.many(models, font)
    for n, (m, png) in enumerate(zip(ms, pngs, strict=True), 1):
        _milestones(d, png, m, n, lang)

    d.heading(t("report_sec_appendix", lang), 1)
    files = f"{plan.baselines_file}, {plan.targets_file}"
    d.paragraph(f"{t('report_appendix_intro', lang)} ({files})", "small")
    d.table(
        [
            t("report_no", lang),
            t("report_severity", lang),
            t("report_rule", lang),
            t("report_rule_code", lang),
            t("report_location", lang),
        ],
        [
            [str(i.number), f"{i.mark} {t(i.severity, lang)}", i.rule, i.finding.check, i.where]
            for i in items
        ],
        [10, 18, 40, 28, 45],
        numeric={0},
    )
    return d.save(), warning


def _finding(d: _Doc, item: rc.FindingItem, lang: str) -> None:
    key = "report_note_no" if item.severity == "note" else "report_finding_no"
    tone = rc.SEVERITY_TONE[item.severity]
    who = f" {item.indicator}" if item.indicator else ""
    d.paragraph(
        indent=lang == "zh",
        keep_with_next=True,
        space_before=4,
        runs=[
            (f"{item.mark} {t(item.severity, lang)} ", rc.TONE_TEXT[tone], True),
            (t(key, lang, n=item.number), None, True),
            (f"{who}（{item.rule}）" if lang == "zh" else f"{who} ({item.rule})", None, None),
        ],
    )
    d.paragraph(item.message, indent=lang == "zh")
    colon = t("report_colon", lang)
    if item.quote:
        quote = f"{t('quote_header', lang)}{colon}{item.quote}"
        if item.section:
            quote += t("report_paren", lang, x=f"{t('report_section', lang)}{colon}{item.section}")
        d.paragraph(quote, "h2" if lang == "zh" else "body", indent=lang == "zh", bold=False)
    if item.steps:
        d.paragraph(
            f"{t('report_computation', lang)}{colon}", "small", color="555555", keep_with_next=True
        )
        for i, step in enumerate(item.steps, 1):
            d.paragraph(f"{i}. {step}", "small", color="555555")


def _milestones(d: _Doc, png: bytes | None, m: Milestones, n: int, lang: str) -> None:
    cols = mt.columns(m, lang)
    label = f"{m.label(lang)}{mt.unit_suffix(m.unit.symbol, lang)}"
    number = f"（{chinese_number(n)}）" if lang == "zh" else f"4.{n} "
    d.heading(number + label, 2)
    if not cols:  # numbered and shown all the same, with the reason it has no yearly path
        d.paragraph(mt.no_path_text(m, lang), indent=lang == "zh")
        return
    d.paragraph(mt.summary(m, lang, with_name=False), indent=lang == "zh")
    d.table(
        [t("year", lang)] + [c.header for c in cols],
        [[str(y)] + [c.cell(y, lang) or "—" for c in cols] for y in m.years],
        [14] + [24] * len(cols),
        numeric=set(range(len(cols) + 1)),
        caption=t("docx_milestones_caption", lang, name=m.label(lang)),
    )
    note = mt.derived_note(m, lang)
    if note:
        d.paragraph(note, "small")
    if png is not None:
        d.picture(png, t("docx_chart_caption", lang, name=m.label(lang)))
