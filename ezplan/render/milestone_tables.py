"""Milestones and progress as tables: one layout, shown in the terminal, Markdown, CSV, JSON.

Each target's table has the years down the rows and its series across, the unit in the header.
A figure the plan states (a path's base and target, a bound) is shown as stated, a derived value
one digit finer than the coarser of the figures it comes from (whole things counted stay whole),
an actual at the finest precision the plan writes the indicator with; rates show to 0.01%. A
target that requires no change (its base only a bound, or already meeting it) says why, and
shows the bound or the level to hold instead of a path. A ratio indicator (unit %) moves in
percentage points: its columns and rates say so. For a cumulative target the base year's amount,
when the plan records none, is derived from the sum and the rate and is marked so
(``0.48（推算）``), and the running total starts in the first plan year.

In the terminal the tables fit the width (60, 80, 120 columns …): numbers and statuses are never
split or cut; names wrap first, and when the numbers alone do not fit, the progress table
becomes one short block per target.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ezplan import fmt
from ezplan.i18n import colon, t
from ezplan.milestones import Milestones
from ezplan.progress import Progress
from ezplan.render.wrap import wrap

# Progress statuses: a mark (readable in black and white) and a tone (for colours).
STATUS_MARK = {
    "achieved": "✓",
    "on_track": "✓",
    "moderate": "~",
    "limited": "!",
    "moving_away": "✗",
    "no_actuals": "–",
    "not_assessable": "–",
}
STATUS_TONE = {
    "achieved": "good",
    "on_track": "good",
    "moderate": "fair",
    "limited": "poor",
    "moving_away": "bad",
    "no_actuals": "none",
    "not_assessable": "none",
}
TERMINAL_STYLE = {
    "good": "green",
    "fair": "yellow",
    "poor": "dark_orange",
    "bad": "bold red",
    "none": "magenta",
}
NAME_MIN = 10  # below this the progress table gives way to one block per target


@dataclass(frozen=True)
class Column:
    key: str  # required, stated, amount, running_total, stated_running_total, actual, …
    header: str
    values: dict[int, float]  # by year
    decimals: int
    unit: str
    derived: frozenset[int] = field(default_factory=frozenset)  # years whose value is derived
    # years whose value is a figure the plan states, with the decimals it is written with
    stated: dict[int, int] = field(default_factory=dict)

    def decimals_in(self, year: int) -> int:
        """The decimals of the value in `year`: a stated figure's own, else the column's."""
        return self.stated.get(year, self.decimals)

    def cell(self, year: int, lang: str) -> str:
        """The value in `year` as shown: the number, marked when derived; "" when none."""
        x = self.values.get(year)
        if x is None:
            return ""
        shown = fmt.number(float(x), self.decimals_in(year))
        return shown + t("derived_mark", lang) if year in self.derived else shown


def unit_suffix(unit: str, lang: str) -> str:
    return f"（{unit}）" if lang == "zh" else f" ({unit})"


def columns(m: Milestones, lang: str) -> list[Column]:
    """The yearly series of one target, as labelled columns."""
    unit, d = m.unit.symbol, m.derived_decimals
    years = m.years
    out: list[Column] = []
    # the base and the target are figures the plan states, shown as stated
    base = {} if m.base_decimals is None else {m.base_year: m.base_decimals}
    end = {} if m.target_decimals is None else {m.end_year: m.target_decimals}

    def add(key: str, series: list[float] | None, start=0, derived=(), stated=None) -> None:
        if series is not None:
            values = dict(zip(years[start:], series[start:], strict=True))
            out.append(Column(key, t(key, lang), values, d, unit, frozenset(derived), stated or {}))

    if m.cumulative:
        implied = m.base_implied
        add(
            "amount",
            m.amounts,
            derived=[m.base_year] if implied else (),
            stated={} if implied else base,
        )
        # the running total sums the path's amounts: derived, its end too; nothing is summed
        # in the base year
        add("running_total", m.running_total, start=1)
        add("stated_running_total", m.stated_running_total, start=1)
    else:
        add("required_path", m.required, stated=base | end)
        if m.met_at_base is not None and m.target is not None:
            # nothing to reach: the bound (or the level to hold) stands in each plan year
            every = dict.fromkeys(years, m.target_decimals)
            add(f"bound_{m.met_at_base}", [m.target] * len(years), start=1, stated=every)
        add("stated_change_path" if m.points else "stated_path", m.at_stated_rate, stated=base)
    if m.actuals:  # each as stated; a running total as finely as the finest figure summed
        stated = dict(m.actual_decimals)
        out.append(Column("actual", t("actual", lang), dict(m.actuals), d, unit, stated=stated))
        running = running_actuals(m) if m.cumulative else {}
        if running:
            sums = {y: max(v for k, v in stated.items() if k <= y) for y in running}
            header = t("actual_running", lang)
            out.append(Column("actual_running", header, running, d, unit, stated=sums))
    return out


def running_actuals(m: Milestones) -> dict[int, float]:
    """The running total of a cumulative target's actual amounts, by year, as long as no year
    is missing."""
    running, total = {}, 0.0
    for y in m.years[1:]:
        if y not in m.actuals:
            break
        total += m.actuals[y]
        running[y] = total
    return running


def actual_decimals(m: Milestones, year: int | None) -> int:
    """The decimals of the actual in `year` as stated; for a cumulative target's running total,
    the finest of the figures summed."""
    if year is None:
        return m.derived_decimals
    if m.cumulative:
        return max((d for y, d in m.actual_decimals.items() if y <= year), default=0)
    return m.actual_decimals.get(year, m.derived_decimals)


def wide(ms: list[Milestones], lang: str) -> tuple[list[str], list[int], list[Column]]:
    """Headers (year, then each target's series with its unit), the years, and the columns."""
    cols: list[tuple[str, Column]] = []
    for m in ms:
        for c in columns(m, lang):
            cols.append((f"{m.label(lang)}·{c.header}{unit_suffix(c.unit, lang)}", c))
    years = sorted({y for _, c in cols for y in c.values} | {y for m in ms for y in m.years})
    return [t("year", lang)] + [h for h, _ in cols], years, [c for _, c in cols]


def needs(m: Milestones, lang: str) -> str:
    """需年均增长8.89% / needs 8.89% a year; in points for a ratio indicator; bounded where the
    target is (突破700公里: needs ≥ 14.42% a year)."""
    if m.required_rate is None:
        return ""
    words = (fmt.points_words if m.points else fmt.growth_words)(m.required_rate, 2)
    bound = m.target_stated.figure.bound if m.target_stated is not None else None
    if bound in ("at_least", "at_most"):  # 突破700公里, 13万户以上: the rate is bounded too
        words = fmt.bounded_words(words, bound)
    return t("needs", lang, rate=fmt.points_en(words[lang], lang))


def summary(m: Milestones, lang: str, with_name: bool = True) -> str:
    """社会消费品零售总额（亿元） · 需年均增长8.89% · 规划：10%, and for a cumulative target the sum
    and the previous period's."""
    parts = [f"{m.label(lang)}{unit_suffix(str(m.unit), lang)}"] if with_name else []
    if m.cumulative and m.target_stated is not None:
        parts.append(t("cumulative_target", lang, total=m.target_stated.text))
    # a cumulative path built from the stated rate (its base derived) needs exactly that rate:
    # saying so would only repeat the plan
    if m.required_rate is not None and not m.base_implied:
        parts.append(needs(m, lang))
    parts += [why for why in (no_change_words(m, lang),) if why]
    if m.stated_rate_text is not None:
        parts.append(t("plan_rate", lang, rate=m.stated_rate_text))
    if m.stated_change_text is not None:
        parts.append(t("plan_rate", lang, rate=m.stated_change_text))
    if m.previous is not None:
        parts.append(previous_words(m, lang))
    return " · ".join(parts)


def no_change_words(m: Milestones, lang: str) -> str:
    """Why the target requires no change ("" when it requires one): its base is only a bound
    (2020年的300万吨以上只是一个界限，推不出所需增速), or the base already meets it
    (5.5%以内为上限：2020年5.45%已在限内，无需降低)."""
    target = m.target_stated.text if m.target_stated is not None else ""
    if m.base_bound and (m.target is not None or m.cumulative):
        return t("no_rate_bound_base", lang, year=m.base_year, base=m.base_text)
    if m.met_at_base is not None:
        key = f"met_at_base_{m.met_at_base}"
        return t(key, lang, target=target, year=m.base_year, base=m.base_text)
    return ""


def previous_words(m: Milestones, lang: str) -> str:
    """2016—2020年累计6.93亿美元（年均1.386亿美元）."""
    p = m.previous
    assert p is not None
    return t(
        "previous_period",
        lang,
        first=p.first_year,
        end=p.end_year,
        total=p.text,
        average=fmt.amount(p.average, m.unit, p.decimals + 1),  # derived from the total
    )


def no_path_text(m: Milestones, lang: str) -> str:
    """Why the target has no yearly path, in the words `check` gives for a target it cannot
    check ("" when it has one): 无年度目标路径：baselines.yaml未记录2020年水平，…无从起算."""
    from ezplan.rules import message_template

    if m.no_path is None:
        return ""
    text = message_template("unchecked", m.no_path.code, lang)
    for prefix in ("无法核对：", "not checkable: "):
        text = text.removeprefix(prefix)
    params = {
        k: (v.get(lang) or v["en"]) if isinstance(v, dict) else v
        for k, v in m.no_path.params.items()
    }
    return t("no_path", lang, why=text.format_map(_Blank(params)))


class _Blank(dict):
    """Message params with any the reason does not carry left empty."""

    def __missing__(self, key: str) -> str:
        return ""


def derived_note(m: Milestones, lang: str) -> str:
    """Why the base year's amount of a cumulative target is marked derived ("" if it is not)."""
    if not (m.cumulative and m.base_implied):
        return ""
    return t("derived_note", lang, year=m.base_year)


# --- progress ---------------------------------------------------------------------------------

PROGRESS_KEYS = [
    "indicator",
    "latest",
    "milestone",
    "gap_pct",
    "achieved_rate",
    "remaining_rate",
    "projection",
    "status",
]


def progress_headers(lang: str) -> list[str]:
    return [t(k, lang) for k in PROGRESS_KEYS]


def _num(x: float | None, decimals: int) -> str:
    return "—" if x is None else fmt.number(x, decimals)


def rate_text(x: float | None, points: bool, lang: str) -> str:
    """A rate a year: 8.89%, or for a ratio indicator +1.20个百分点 (+1.20 pp)."""
    return "—" if x is None else fmt.rate_a_year(x, points, lang)


def status_words(p: Progress, lang: str) -> str:
    """✓ 进度正常, ✗ 偏离目标, – 无法评估 …"""
    return f"{STATUS_MARK[p.status]} {t(p.status, lang)}"


def progress_reason(m: Milestones, p: Progress, lang: str) -> str:
    """Why a target cannot be assessed, in words ("" when it can)."""
    if p.reason is None:
        return ""
    years = t("report_list_sep", lang).join(str(y) for y in p.missing)
    return t(p.reason, lang, base_year=m.base_year, end_year=m.end_year, years=years)


def held_back_note(m: Milestones, p: Progress, lang: str) -> str:
    """Why the status is worse than the ratio to the path says: where the target is heading
    (…从最新一年起算，至2025年累计2.69（目标3.2亿美元）); or, for a running total whose average so
    far falls short of the sum beside a good status, what the status follows; "" otherwise."""
    target = m.target_stated.text if m.target_stated is not None else ""
    if p.held_back_by == "pace" and p.projection is not None:
        end = fmt.number(p.projection, m.derived_decimals)
        return t("held_back_pace", lang, end=end, year=m.end_year, target=target)
    if p.held_back_by == "planned" and p.at_planned_rate is not None:
        rate = fmt.growth_words(m.required_rate or 0.0, 2)[lang]
        end = fmt.number(p.at_planned_rate, m.derived_decimals)
        key = "held_back_planned_sum" if p.cumulative else "held_back_planned"
        return t(key, lang, rate=rate, end=end, year=m.end_year, target=target)
    if _pace_short_of_sum(m, p) and p.at_planned_rate is not None and p.projection is not None:
        # a running total ahead of its path, whose average so far falls short of the sum: the
        # average is no growing path, the status follows the planned rate (a new user read
        # 'at this pace 2.88' against 3.2 beside 'on track' as a contradiction)
        return t(
            "pace_short_of_sum",
            lang,
            pace=fmt.number(p.projection, m.derived_decimals),
            rate=fmt.growth_words(m.required_rate or 0.0, 2)[lang],
            end=fmt.number(p.at_planned_rate, m.derived_decimals),
            year=m.end_year,
            target=target,
        )
    return ""


def _pace_short_of_sum(m: Milestones, p: Progress) -> bool:
    if not p.cumulative or p.projection is None or p.status not in ("on_track", "moderate"):
        return False
    if m.direction == "down":
        cap = m.target_hi if m.target_hi is not None else m.cumulative_total
        return cap is not None and p.projection > cap
    floor = m.target_lo if m.target_lo is not None else m.cumulative_total
    return floor is not None and p.projection < floor


def progress_cells(m: Milestones, p: Progress, lang: str) -> dict[str, str]:
    """Every progress value of one target as text, by PROGRESS_KEYS (the indicator with its
    unit; levels in that unit; a cumulative target's actual and milestone are running totals)."""
    d = m.derived_decimals
    latest = "—"
    if p.year is not None:
        year = f"（{p.year}年）" if lang == "zh" else f" ({p.year})"
        latest = f"{_num(p.actual, actual_decimals(m, p.year))}{year}"
        if p.cumulative:
            latest = t("cumulative_value", lang, value=latest)
    gap = gap_words(p, lang)
    return {
        "indicator": f"{m.label(lang)}{unit_suffix(m.unit.symbol, lang)}",
        "latest": latest,
        "milestone": _num(p.milestone, d),
        "gap_pct": gap,
        "achieved_rate": rate_text(p.achieved_rate, p.points, lang),
        "remaining_rate": rate_text(p.remaining_rate, p.points, lang),
        "projection": _num(p.projection, d),
        "status": status_words(p, lang),
    }


def gap_words(p: Progress, lang: str) -> str:
    """The latest actual against that year's milestone, its side in words (a bare "3.6%" or
    "-4.7%" under 差距 reads as a shortfall either way): 高3.6% / 低4.7%, 3.6% above / 4.7%
    below; in points for a ratio indicator."""
    if p.points and p.gap is not None:
        size, shown = p.gap, fmt.number(abs(p.gap), 1) + "个百分点"
    elif p.gap_pct is not None:
        size, shown = p.gap_pct, fmt.percent(abs(p.gap_pct), 1)
    else:
        return "—"
    if fmt.number(abs(size), 1).strip("0.") == "":
        return t("gap_level", lang)
    return t("gap_above" if size > 0 else "gap_below", lang, gap=fmt.points_en(shown, lang))


def progress_rows(ms: list[Milestones], progress: list[Progress], lang: str) -> list[list[str]]:
    return [
        [progress_cells(m, p, lang)[k] for k in PROGRESS_KEYS]
        for m, p in zip(ms, progress, strict=True)
    ]


# --- the terminal -----------------------------------------------------------------------------


def _width(s: str) -> int:
    return max((cell_len(line) for line in s.split("\n")), default=0)


def _fixed_widths(
    headers: list[str], cells: list[list[str]], room: int
) -> tuple[list[int], list[str]]:
    """Columns wide enough for every cell, and their headers: on one line if `room` allows,
    else each on two balanced lines (never splitting a figure)."""
    own = [max([_width(c) for c in cs] + [1]) for cs in cells]
    full = [max(w, _width(h)) for w, h in zip(own, headers, strict=True)]
    if sum(full) <= room:
        return full, headers
    widths, heads = [], []
    for w, h in zip(own, headers, strict=True):
        lines = [h]
        if _width(h) > w:
            half = (_width(h) + 1) // 2
            while len(lines := wrap(h, half)) > 2:
                half += 1
        heads.append("\n".join(lines))
        widths.append(max(w, _width(heads[-1])))
    return widths, heads


def _table(widths: list[int], headers: list[str], title: str | None = None) -> Table:
    """Left-aligned first and last columns (a name, a status), numbers right-aligned."""
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title=title,
        title_justify="left",
        title_style="bold",
    )
    last = len(headers) - 1
    for i, (h, w) in enumerate(zip(headers, widths, strict=True)):
        justify = "left" if i == 0 or (i == last and title) else "right"
        table.add_column(h, justify=justify, no_wrap=True, width=w)
    return table


def _milestone_view(m: Milestones, lang: str, width: int) -> list[Any]:
    cols = columns(m, lang)
    out: list[Any] = [Text("\n".join(wrap(summary(m, lang), width)), style="bold")]
    if not cols:  # the target is shown all the same, with the reason it has no path
        why = no_path_text(m, lang) or t("no_path", lang, why="—")
        out.append(Text("\n".join(wrap(why, width)), style="dim"))
        return out
    cells = [[c.cell(y, lang) or "—" for y in m.years] for c in cols]
    headers = [t("year", lang)] + [c.header for c in cols]
    year_w = max(4, _width(t("year", lang)))
    room = width - year_w - 3 * len(cols)
    fixed, heads = _fixed_widths(headers[1:], cells, room)
    widths = [year_w, *fixed]
    if sum(widths) + 3 * (len(widths) - 1) <= width:
        table = _table(widths, [headers[0], *heads])
        for i, y in enumerate(m.years):
            table.add_row(str(y), *(cs[i] for cs in cells))
        out.append(table)
    else:  # a line per year: year, then label: value pairs
        for i, y in enumerate(m.years):
            pairs = " · ".join(f"{c.header} {cs[i]}" for c, cs in zip(cols, cells, strict=True))
            out.append(Text("\n".join(wrap(f"{y}  {pairs}", width))))
    note = derived_note(m, lang)
    if note:
        out.append(Text("\n".join(wrap(note, width)), style="dim"))
    return out


def _progress_view(
    ms: list[Milestones], progress: list[Progress], lang: str, width: int
) -> list[Any]:
    rows = [progress_cells(m, p, lang) for m, p in zip(ms, progress, strict=True)]
    reasons = [progress_reason(m, p, lang) for m, p in zip(ms, progress, strict=True)]
    tones = [STATUS_TONE[p.status] for p in progress]
    keys = PROGRESS_KEYS[1:]
    overhead = 3 * len(keys)
    names = [r["indicator"] for r in rows]
    fixed, heads = _fixed_widths(
        [t(k, lang) for k in keys], [[r[k] for r in rows] for k in keys], width - overhead - 16
    )
    name_w = min(
        width - sum(fixed) - overhead,
        max([_width(t("indicator", lang))] + [_width(n) for n in names]),
    )
    title = t("progress", lang)
    if name_w >= NAME_MIN:
        table = _table([name_w, *fixed], [t("indicator", lang), *heads], title)
        for r, tone in zip(rows, tones, strict=True):
            cells = [Text("\n".join(wrap(r["indicator"], name_w)))]
            cells += [Text(r[k]) for k in keys[:-1]]
            cells.append(Text(r["status"], style=TERMINAL_STYLE[tone]))
            table.add_row(*cells)
        out: list[Any] = [table]
    else:  # one block per target: name, status, then label: value lines
        out = [Text(title, style="bold")]
        for r, tone in zip(rows, tones, strict=True):
            block = Text("\n".join(wrap(r["indicator"], width)), style="bold")
            block.append("\n  ")
            block.append(r["status"], style=TERMINAL_STYLE[tone])
            for k in keys[:-1]:
                if r[k] != "—":
                    for line in wrap(f"{t(k, lang)}{colon(lang)}{r[k]}", width - 4):
                        block.append(f"\n    {line}")
            out.append(block)
    for m, p, why in zip(ms, progress, reasons, strict=True):
        if why:
            line = f"{m.label(lang)}{colon(lang)}{t('not_assessable', lang)} — {why}"
            out.append(Text("\n".join(wrap(line, width)), style="dim"))
        held = held_back_note(m, p, lang)
        if held:
            line = f"{m.label(lang)}{colon(lang)}{status_words(p, lang)} — {held}"
            out.append(Text("\n".join(wrap(line, width)), style="dim"))
    return out


def render_text(
    ms: list[Milestones], progress: list[Progress], console: Console, lang: str
) -> None:
    if not ms:
        console.print(Text(t("no_targets", lang), style="dim"))
        return
    width = console.width
    for m in ms:
        for part in _milestone_view(m, lang, width):
            console.print(part)
        console.print()
    if any(p.status != "no_actuals" for p in progress):
        for part in _progress_view(ms, progress, lang, width):
            console.print(part)
    else:
        line = f"{t('progress', lang)}{colon(lang)}{t('no_actuals', lang)}"
        console.print(Text(line, style="dim"))


# --- Markdown, CSV, JSON ----------------------------------------------------------------------


def _md(s: str) -> str:
    """A table cell for Markdown: pipes escaped, one line."""
    return s.replace("|", "\\|").replace("\n", " ")


def markdown(ms: list[Milestones], progress: list[Progress], lang: str) -> str:
    if not ms:
        return t("no_targets", lang) + "\n"
    out = []
    for m in ms:
        cols = columns(m, lang)
        out.append(f"### {_md(summary(m, lang))}\n")
        if not cols:
            out += [_md(no_path_text(m, lang) or t("no_path", lang, why="—")), ""]
            continue
        out.append("| " + " | ".join([t("year", lang), *(_md(c.header) for c in cols)]) + " |")
        out.append("|" + "---:|" * (len(cols) + 1))
        for y in m.years:
            cells = [c.cell(y, lang) or "—" for c in cols]
            out.append(f"| {y} | " + " | ".join(cells) + " |")
        note = derived_note(m, lang)
        if note:
            out.append(f"\n{_md(note)}")
        out.append("")
    out.append(f"### {t('progress', lang)}\n")
    if all(p.status == "no_actuals" for p in progress):
        return "\n".join([*out, t("no_actuals", lang)]) + "\n"
    out.append("| " + " | ".join(progress_headers(lang)) + " |")
    out.append("|---|" + "---:|" * 6 + "---|")
    for row in progress_rows(ms, progress, lang):
        out.append("| " + " | ".join(_md(c) for c in row) + " |")
    reasons = [
        f"- {_md(m.label(lang))}{colon(lang)}{_md(progress_reason(m, p, lang))}"
        for m, p in zip(ms, progress, strict=True)
        if p.reason
    ]
    reasons += [
        f"- {_md(m.label(lang))}{colon(lang)}{_md(status_words(p, lang))} — {_md(held)}"
        for m, p in zip(ms, progress, strict=True)
        if (held := held_back_note(m, p, lang))
    ]
    if reasons:
        out += ["", *reasons]
    return "\n".join(out) + "\n"


def csv_text(ms: list[Milestones], lang: str) -> str:
    """The milestones as CSV with a UTF-8 BOM (years down, each target's series across), so
    Excel and WPS open the Chinese headers intact: the export's milestones table, cell for cell
    (a ratio indicator's levels as 5.45%, as Excel reads them)."""
    from ezplan.render import sheets  # it builds on these tables

    return sheets.csv_text(sheets.milestones_sheet(ms, lang), lang)


def records(ms: list[Milestones], progress: list[Progress]) -> list[dict[str, Any]]:
    """Plain data for JSON: full-precision numbers, one record per target. A cumulative
    target's running total is null in the base year (nothing is summed yet), and
    `base_implied` says its base-year amount is derived, not recorded."""
    out = []
    for m, p in zip(ms, progress, strict=True):
        years = m.years
        out.append(
            {
                "indicator": m.indicator,
                "name": m.name,
                "name_en": m.name_en,
                "unit": m.unit.symbol,
                "points": m.points,
                "base_year": m.base_year,
                "end_year": m.end_year,
                "decimals": m.decimals,
                "base": m.base,
                "target": m.target,
                "cumulative": m.cumulative,
                "cumulative_total": m.cumulative_total,
                "base_implied": m.base_implied,
                "previous": None
                if m.previous is None
                else {
                    "first_year": m.previous.first_year,
                    "end_year": m.previous.end_year,
                    "total": m.previous.total,
                    "average": m.previous.average,
                },
                "stated_rate": m.stated_rate,
                "required_rate": m.required_rate,
                # why the target has no yearly path (its years then carry no path), in both
                # languages; null when it has one
                "no_path": None
                if m.no_path is None
                else {
                    "reason": m.no_path.code,
                    "en": no_path_text(m, "en"),
                    "zh": no_path_text(m, "zh"),
                },
                # why the target requires no change (its base only a bound, or already meeting
                # it: ceiling, floor, rounds), in both languages; null when it requires one
                "no_change": None
                if not no_change_words(m, "en")
                else {
                    "reason": "bound_base" if m.base_bound else m.met_at_base,
                    "en": no_change_words(m, "en"),
                    "zh": no_change_words(m, "zh"),
                },
                "years": [
                    {
                        "year": y,
                        "required": m.required[i] if m.required else None,
                        "at_stated_rate": m.at_stated_rate[i] if m.at_stated_rate else None,
                        "amount": m.amounts[i] if m.amounts else None,
                        "running_total": m.running_total[i] if m.running_total and i else None,
                        "actual": m.actuals.get(y),
                    }
                    for i, y in enumerate(years)
                ],
                "progress": {
                    k: list(v) if isinstance(v, tuple) else v
                    for k, v in p.__dict__.items()
                    if k != "indicator"
                },
            }
        )
    return out
