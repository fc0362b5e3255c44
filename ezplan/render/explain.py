"""`ezplan explain ID`: every figure stated for one indicator, then the arithmetic behind each
finding on it, step by step, so a reviewer can redo it by hand."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ezplan import fmt
from ezplan.findings import steps_in
from ezplan.i18n import colon, t
from ezplan.model import Indicator, Plan, Stated
from ezplan.render.text import MARK, STYLE, indented, shown
from ezplan.render.wrap import wrap
from ezplan.report import Report


def stated_figures(plan: Plan, iid: str, lang: str) -> list[tuple[str, Stated]]:
    """(what, figure) for every figure of `iid`, in file order."""
    out: list[tuple[str, Stated]] = []
    for lv in plan.levels:
        if lv.indicator == iid:
            label = t("x_level", lang, year=lv.year) if lv.year is not None else t("x_value", lang)
            out.extend((label, s) for s in lv.figures)
    for g in plan.growth_of(iid):
        span = fmt.years(g.base_year + 1, g.end_year, lang)
        if g.annual is not None:
            out.append((t("x_annual", lang, span=span), g.annual))
        if g.total is not None:
            # one year's growth is no 累计增幅 (2021年累计增幅：增长8%左右 read so)
            total = "x_growth_year" if g.base_year + 1 == g.end_year else "x_total"
            out.append((t(total, lang, span=span), g.total))
    for c in plan.cumulative_of(iid):
        span = fmt.years(c.base_year + 1, c.end_year, lang)
        out.extend((t("x_cumulative", lang, span=span), s) for s in c.amounts)
    for sh in plan.shares:
        if sh.indicator == iid:
            whole = plan.indicators.get(sh.of)  # the whole by its name, not its id
            of = whole.label(lang) if whole is not None else sh.of
            out.append((t("x_share", lang, of=of, year=sh.year), sh.value))
    for p in plan.points:
        if p.indicator == iid:
            span = f"{p.base_year}→{p.end_year}"
            out.append((t("x_change", lang, span=span), p.change))
    return sorted(out, key=lambda x: (x[1].mark.file, x[1].mark.line, x[1].mark.column))


_YEAR_VALUE = re.compile(r"\b((?:19|20)\d\d) (?=[约近超≥≤]?\d)")


def _head(ind: Indicator, iid: str, lang: str, width: int) -> list[str]:
    """社会消费品零售总额 [retail_sales] 单位：亿元 — the name in the language shown (zh: the
    Chinese name only), wrapped with the unit whole: it ends the last line or has one of its
    own, never ``亿`` / ``元``."""
    name = (ind.name_en or ind.name) if lang == "en" else ind.name
    lines = wrap(f"{shown(name)}  [{iid}]", width)
    unit = f"{t('unit', lang)}{colon(lang)}{shown(str(ind.unit))}"
    if cell_len(f"{lines[-1]}  {unit}") <= width:
        lines[-1] = f"{lines[-1]}  {unit}"
    else:
        lines.append(unit)
    return lines


def _lines(text: str, width: int, first: int, rest: int) -> list[str]:
    """`text` wrapped to `width`, figures whole, its first line indented by `first` cells and
    the lines it wraps onto by `rest` (never back to column 0)."""
    out = wrap(text, max(20, width - max(first, rest)))
    return [" " * first + out[0], *(" " * rest + line for line in out[1:])]


def render(report: Report, iid: str, console: Console, lang: str) -> None:
    plan = report.plan
    ind = plan.indicators[iid]
    width = console.width
    after_label = colon(lang)
    sep = "、" if lang == "zh" else ", "
    console.print(Text("\n".join(_head(ind, iid, lang, width)), style="bold"))

    def named(i: str) -> str:  # an indicator by its name in the language shown, with its id
        other = plan.indicators.get(i)
        return f"{shown(other.label(lang))} [{i}]" if other is not None else i

    if ind.parts:
        parts = f"{t('parts', lang)}{after_label}{sep.join(named(p) for p in ind.parts)}"
        console.print(indented(parts, console, 2))
    if ind.part_of:
        part_of = f"{t('part_of', lang)}{after_label}{named(ind.part_of)}"
        console.print(indented(part_of, console, 2))
    console.print(Text(t("stated", lang), style="bold underline"))
    allows = t("allows", lang) + ("" if lang == "zh" else " ")
    for what, s in stated_figures(plan, iid, lang):
        line = (
            f"{shown(str(s.mark))}  {what}{after_label}{shown(s.text)}  "
            f"{allows}{fmt.allowed(s.figure, lang)}"
        )
        console.print(Text("\n".join(_lines(line, width, 2, 6))))
        if s.quote:
            # zh: no space after the label: a Chinese sentence has none to break at
            quote = f"{t('quote', lang)}{after_label}{shown(s.quote)}"
            console.print(indented(quote, console, 6, "italic"))
        if s.note:
            note = f"{t('note_label', lang)}{after_label}{shown(s.note)}"
            console.print(indented(note, console, 6, "dim"))
    own = {s.mark for _, s in stated_figures(plan, iid, lang)}
    mine = [f for f in report.findings if f.indicator == iid or own & {f.mark, *f.related}]
    console.print(Text(t("computations", lang), style="bold underline"))
    if not mine:
        console.print(Text(f"  {t('nothing_found', lang)}"))
    for f in mine:
        line = Text(f"  {MARK[f.severity]} {t(f.severity.label, lang)}", style=STYLE[f.severity])
        line.append(f"  {shown(str(f.mark))}  {f.check}", style="dim")
        console.print(line)
        console.print(indented(shown(f.message(lang, glued=True)), console))
        for i, step in enumerate(steps_in(f, lang), 1):
            step = _YEAR_VALUE.sub("\\1\u00a0", step)  # 2025 500亿元: the year with its value
            console.print(Text("\n".join(_lines(f"{i}. {shown(step)}", width, 6, 9)), style="dim"))
    _network(report, iid, console, lang)


def _network(report: Report, iid: str, console: Console, lang: str) -> None:
    """What the whole-plan network derives for each figure, from which figures, and the
    contradictions the figure takes part in."""
    from ezplan.network import Assumption
    from ezplan.rules._common import figure_words
    from ezplan.rules.whole_plan import (
        assumption_words,
        quantity_number,
        quantity_value,
        quantity_words,
    )

    if report.facts is None:
        return
    plan = report.plan
    analysis = report.facts.network
    console.print(Text(t("network", lang), style="bold underline"))
    sep = "、" if lang == "zh" else ", "
    for _, s in stated_figures(plan, iid, lang):
        lines = []
        # a derived value keeps every digit the figure was written with (16011万美元 in 亿美元
        # is 1.6011, not 1.601), and one more for the ends of the interval its rounding allows
        digits = max(4, fmt.significant_digits(s.figure) + 1)
        for iv in analysis.intervals_for(s):
            if iv.contradictory:
                continue
            others = [f.text for f in iv.figures if f.mark != s.mark]
            source = f" ← {sep.join(others)}" if others else ""
            q = quantity_words(plan.indicators, iv.quantity)[lang]
            span = fmt.between(
                iv.lo,
                iv.hi,
                lambda x, d, q=iv.quantity: quantity_value(q, x, d),
                digits,
                lambda x, q=iv.quantity: quantity_number(q, x),
            )
            lines.append(f"{q}{colon(lang)}{span}{source}")
        mine = [c for c in analysis.contradictions if s in c.figures]
        for c in mine:
            members = sep.join(
                figure_words(m)
                if not isinstance(m, Assumption)
                else t("assumption", lang, what=assumption_words(m)[lang])
                for m in c.members
                if m is not s
            )
            tier = t(c.tier, lang)
            lines.append(t("in_contradiction", lang, tier=tier, members=members))
        if not lines:
            continue
        where = f"（{shown(str(s.mark))}）" if lang == "zh" else f"  ({shown(str(s.mark))})"
        console.print(Text(f"  {shown(figure_words(s))}{where}", style="bold"))
        for line in lines:
            console.print(indented(shown(line), console, 6, "dim"))
