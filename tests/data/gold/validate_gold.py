"""Check the hand-made gold annotations in this folder against the corpus copies.

Run from the repository root:  python tests/data/gold/validate_gold.py
Exit status 0 when every check passes, 1 otherwise (each problem is printed).
Standard library only.

Checks, for every gold file <stem>.json:
  * the corpus copy tests/data/corpus/<stem>.md exists and its SHA-256 matches
    the one recorded in tests/data/corpus/SOURCES.md;
  * the JSON has the expected keys, field types and enumerated values;
  * every figure's line lies inside one of the scope ranges;
  * every figure's quote is a substring of its line, and some occurrence of the
    quote covers the figure's column;
  * the value is found in the line at the column (1-based, Unicode code points):
    line[column-1 : column-1+len(value)] == value, with two documented exceptions:
      - doubling figures (unit "番", e.g. 翻一番 / 翻番 / 翻了两番多): the column
        points at 翻 and the value (一, 两...) must occur in the text from 翻 up to
        番 when it is written there (翻番 has no numeral; value "一" is implied);
      - ranges (qualifier "range", value like "6-7"): the first number of the
        range must stand at the column;
  * year / period are consistent with the kind (level, share, count take a year,
    or exceptionally a "YYYY-YYYY" period when the text gives no single year;
    the other kinds take a period);
  * no two figures share (line, column, indicator);
  * every negative's text occurs in its line at its column, and no negative's
    column coincides with a figure's column.
"""

import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(os.path.dirname(HERE), "corpus")

KINDS = {"level", "annual", "total", "cumulative", "share", "change_pp", "change_abs", "count"}
YEAR_KINDS = {"level", "share", "count"}
QUALIFIERS = {"exact", "about", "at_least", "at_most", "range"}
ROLES = {"actual", "target"}
FIGURE_KEYS = [
    "line",
    "column",
    "indicator",
    "kind",
    "value",
    "unit",
    "qualifier",
    "year",
    "period",
    "role",
    "constant_prices",
    "core",
    "quote",
]
PERIOD_RE = re.compile(r"^(\d{4})(-(\d{4}))?$")


def recorded_hashes():
    """sha256 per file name, read from the table in SOURCES.md."""
    hashes = {}
    path = os.path.join(CORPUS, "SOURCES.md")
    with open(path, encoding="utf-8") as fh:
        for row in fh:
            if not row.startswith("|"):
                continue
            cells = [c.strip().strip("`") for c in row.strip().strip("|").split("|")]
            if len(cells) == 5 and re.fullmatch(r"[0-9a-f]{64}", cells[4]):
                hashes[cells[0]] = cells[4]
    return hashes


def check_value_at(line, f):
    col = f["column"] - 1
    value = f["value"]
    if f["unit"] == "番":
        if line[col : col + 1] != "翻":
            return f"doubling figure: expected 翻 at column, found {line[col : col + 3]!r}"
        end = line.find("番", col + 1)
        if end < 0 or end - col > 4:
            return "doubling figure: no 番 shortly after 翻"
        written = line[col + 1 : end]
        written = written.replace("了", "")
        if written and value not in written:
            return f"doubling figure: value {value!r} not in {line[col : end + 1]!r}"
        if not written and value != "一":
            return 'doubling figure 翻番 must have value "一"'
        return None
    if f["qualifier"] == "range":
        first = re.split(r"[-—~～至到]", value)[0]
        if line[col : col + len(first)] != first:
            found = line[col : col + len(first)]
            return f"range: first number {first!r} not at column (found {found!r})"
        return None
    if line[col : col + len(value)] != value:
        return f"value {value!r} not at column (found {line[col : col + len(value)]!r})"
    return None


def check_document(gold_path, hashes):
    problems = []
    with open(gold_path, encoding="utf-8") as fh:
        gold = json.load(fh)
    name = os.path.basename(gold_path)
    doc = gold.get("document")
    if doc != name[: -len(".json")] + ".md":
        problems.append(f"{name}: document {doc!r} does not match the gold file name")
        return problems, gold
    doc_path = os.path.join(CORPUS, doc)
    if not os.path.exists(doc_path):
        problems.append(f"{name}: corpus file {doc_path} missing")
        return problems, gold
    with open(doc_path, "rb") as fh:
        raw = fh.read()
    digest = hashlib.sha256(raw).hexdigest()
    if hashes.get(doc) != digest:
        problems.append(
            f"{name}: sha256 {digest} of {doc} differs from SOURCES.md ({hashes.get(doc)})"
        )
    lines = raw.decode("utf-8").split("\n")

    scope = gold.get("scope")
    if (
        not isinstance(scope, list)
        or not scope
        or not all(
            isinstance(r, list)
            and len(r) == 2
            and all(isinstance(x, int) for x in r)
            and 1 <= r[0] <= r[1] <= len(lines)
            for r in scope
        )
    ):
        problems.append(f"{name}: bad scope {scope!r}")
        scope = []

    def in_scope(n):
        return any(a <= n <= b for a, b in scope)

    seen = set()
    figure_cols = set()
    for i, f in enumerate(gold.get("figures", [])):
        where = f"{name} figure #{i} (line {f.get('line')}, column {f.get('column')})"
        if list(f.keys()) != FIGURE_KEYS:
            problems.append(f"{where}: keys {list(f.keys())!r}")
            continue
        if not (isinstance(f["line"], int) and 1 <= f["line"] <= len(lines)):
            problems.append(f"{where}: line out of range")
            continue
        line = lines[f["line"] - 1]
        if not (isinstance(f["column"], int) and 1 <= f["column"] <= len(line)):
            problems.append(f"{where}: column out of range")
            continue
        if not in_scope(f["line"]):
            problems.append(f"{where}: line not within scope {scope!r}")
        for key in ("indicator", "value", "quote"):
            if not isinstance(f[key], str) or not f[key]:
                problems.append(f"{where}: empty or non-string {key}")
        if not isinstance(f["unit"], str):
            problems.append(f"{where}: unit must be a string")
        if f["kind"] not in KINDS:
            problems.append("{}: kind {!r}".format(where, f["kind"]))
        if f["qualifier"] not in QUALIFIERS:
            problems.append("{}: qualifier {!r}".format(where, f["qualifier"]))
        if f["role"] not in ROLES:
            problems.append("{}: role {!r}".format(where, f["role"]))
        if not isinstance(f["constant_prices"], bool) or not isinstance(f["core"], bool):
            problems.append(f"{where}: constant_prices/core must be booleans")
        # year / period
        year, period = f["year"], f["period"]
        if f["kind"] in YEAR_KINDS:
            ok = (isinstance(year, int) and period is None) or (
                year is None
                and isinstance(period, str)
                and PERIOD_RE.match(period)
                and "-" in period
            )
        else:
            ok = year is None and isinstance(period, str) and PERIOD_RE.match(period) is not None
        if ok and isinstance(period, str):
            m = PERIOD_RE.match(period)
            ok = m.group(3) is None or int(m.group(1)) < int(m.group(3))
        if not ok:
            problems.append(
                "{}: year/period {!r}/{!r} inconsistent with kind {}".format(
                    where, year, period, f["kind"]
                )
            )
        # quote and value
        quote = f["quote"]
        if quote not in line:
            problems.append(f"{where}: quote {quote!r} not in line")
        else:
            covers = False
            start = line.find(quote)
            while start >= 0:
                if start < f["column"] <= start + len(quote):
                    covers = True
                    break
                start = line.find(quote, start + 1)
            if not covers:
                problems.append(f"{where}: no occurrence of the quote covers the column")
        err = check_value_at(line, f)
        if err:
            problems.append(f"{where}: {err}")
        key = (f["line"], f["column"], f["indicator"])
        if key in seen:
            problems.append(f"{where}: duplicate figure {key!r}")
        seen.add(key)
        figure_cols.add((f["line"], f["column"]))

    negatives = gold.get("negatives", [])
    if len(negatives) < 15:
        problems.append(f"{name}: only {len(negatives)} negatives (at least 15 expected)")
    for i, n in enumerate(negatives):
        where = f"{name} negative #{i} (line {n.get('line')}, column {n.get('column')})"
        if sorted(n.keys()) != ["column", "line", "text", "why"]:
            problems.append(f"{where}: keys {sorted(n.keys())!r}")
            continue
        if not (isinstance(n["line"], int) and 1 <= n["line"] <= len(lines)):
            problems.append(f"{where}: line out of range")
            continue
        line = lines[n["line"] - 1]
        c = n["column"] - 1
        if line[c : c + len(n["text"])] != n["text"]:
            problems.append(
                "{}: text {!r} not at column (found {!r})".format(
                    where, n["text"], line[c : c + len(n["text"])]
                )
            )
        if (n["line"], n["column"]) in figure_cols:
            problems.append(f"{where}: column coincides with a figure")
        if not n["why"]:
            problems.append(f"{where}: empty why")
    return problems, gold


def main():
    hashes = recorded_hashes()
    files = sorted(f for f in os.listdir(HERE) if f.endswith(".json"))
    if not files:
        print("no gold files found in", HERE)
        return 1
    all_problems = []
    for f in files:
        problems, gold = check_document(os.path.join(HERE, f), hashes)
        all_problems += problems
        figs = gold.get("figures", [])
        status = "OK" if not problems else f"{len(problems)} problem(s)"
        core = sum(1 for x in figs if x.get("core") is True)
        print(
            f"{f:<28} scope {json.dumps(gold.get('scope')):<34} figures {len(figs):4d}  "
            f"core {core:4d}  negatives {len(gold.get('negatives', [])):3d}  {status}"
        )
    for p in all_problems:
        print("  -", p)
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main())
