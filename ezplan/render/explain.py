"""`ezplan explain ID`: every figure stated for one indicator, then the arithmetic behind each
finding on it, step by step, so a reviewer can redo it by hand."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from ezplan import fmt
from ezplan.findings import steps_in
from ezplan.i18n import t
from ezplan.model import Plan, Stated
from ezplan.render.text import MARK, STYLE, indented, shown
from ezplan.report import Report


def stated_figures(plan: Plan, iid: str, lang: str) -> list[tuple[str, Stated]]:
    """(what, figure) for every figure of `iid`, in file order."""
    out: list[tuple[str, Stated]] = []
    for lv in plan.levels:
        if lv.indicator == iid:
            label = t("x_level", lang, year=lv.year) if lv.year is not None else t("x_value", lang)
            out.extend((label, s) for s in lv.figures)
    for g in plan.growth_of(iid):
        span = f"{g.base_year + 1}–{g.end_year}"
        if g.annual is not None:
            out.append((t("x_annual", lang, span=span), g.annual))
        if g.total is not None:
            out.append((t("x_total", lang, span=span), g.total))
    for c in plan.cumulative_of(iid):
        span = f"{c.base_year + 1}–{c.end_year}"
        out.extend((t("x_cumulative", lang, span=span), s) for s in c.amounts)
    for sh in plan.shares:
        if sh.indicator == iid:
            out.append((t("x_share", lang, of=sh.of, year=sh.year), sh.value))
    for p in plan.points:
        if p.indicator == iid:
            span = f"{p.base_year}→{p.end_year}"
            out.append((t("x_change", lang, span=span), p.change))
    return sorted(out, key=lambda x: (x[1].mark.file, x[1].mark.line, x[1].mark.column))


def _interval(s: Stated) -> str:
    lo, hi = s.figure.interval()
    dec = s.figure.decimals + 1
    return fmt.interval(lo, hi, lambda x: fmt.number(x, dec))


def render(report: Report, iid: str, console: Console, lang: str) -> None:
    plan = report.plan
    ind = plan.indicators[iid]
    title = shown(ind.name) + (f"  {shown(ind.name_en)}" if ind.name_en else "")
    console.print(indented(f"{title}  [{iid}]  {t('unit', lang)}: {ind.unit}", console, 0, "bold"))
    if ind.parts:
        console.print(Text(f"  {t('parts', lang)}: {', '.join(ind.parts)}"))
    if ind.part_of:
        console.print(Text(f"  {t('part_of', lang)}: {ind.part_of}"))
    console.print(Text(t("stated", lang), style="bold underline"))
    for what, s in stated_figures(plan, iid, lang):
        line = Text(f"  {shown(str(s.mark))}  ", style="bold")
        line.append(f"{what}: ")
        line.append(shown(s.text), style="bold")
        line.append(f"  {t('allows', lang)} {_interval(s)}", style="dim")
        console.print(line)
        if s.quote:
            # No space after the label: a Chinese sentence has none to break at, so a space
            # would push the whole quote onto the next line.
            quote = f"{t('quote', lang)}：{shown(s.quote)}"
            console.print(indented(quote, console, 6, "italic"))
        if s.note:
            note = f"{t('note_label', lang)}: {shown(s.note)}"
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
            console.print(indented(f"{i}. {shown(step)}", console, 6, "dim"))
    _network(report, iid, console, lang)


def _network(report: Report, iid: str, console: Console, lang: str) -> None:
    """What the whole-plan network derives for each figure, from which figures, and the
    contradictions the figure takes part in."""
    from ezplan.network import Assumption
    from ezplan.rules._common import figure_words
    from ezplan.rules.whole_plan import quantity_value, quantity_words

    if report.facts is None:
        return
    plan = report.plan
    analysis = report.facts.network
    console.print(Text(t("network", lang), style="bold underline"))
    for _, s in stated_figures(plan, iid, lang):
        lines = []
        for iv in analysis.intervals_for(s):
            if iv.contradictory:
                continue
            others = [f.text for f in iv.figures if f.mark != s.mark]
            source = f" ← {'、'.join(others)}" if others else ""
            q = quantity_words(plan, iv.quantity)[lang]
            span = f"{quantity_value(iv.quantity, iv.lo)} … {quantity_value(iv.quantity, iv.hi)}"
            lines.append(f"{q}: {span}{source}")
        mine = [c for c in analysis.contradictions if s in c.figures]
        for c in mine:
            members = "、".join(
                figure_words(m) if not isinstance(m, Assumption) else t("assumption", lang)
                for m in c.members
                if m is not s
            )
            tier = t(c.tier, lang)
            lines.append(t("in_contradiction", lang, tier=tier, members=members))
        if not lines:
            continue
        console.print(Text(f"  {shown(figure_words(s))}  ({shown(str(s.mark))})", style="bold"))
        for line in lines:
            console.print(indented(shown(line), console, 6, "dim"))
