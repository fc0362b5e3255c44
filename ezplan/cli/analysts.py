"""Commands for analysts: milestones, exports, charts and the HTML report.

They read one plan (`--plan DIR`, default the current directory), compute the milestones and the
progress against actuals, and write tables, files or pictures. Files are written atomically.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any

import click

from ezplan.cli.common import EXIT_USAGE, console
from ezplan.cli.localized import Choice, Command, FloatRange, Path, Usage, choose_lang
from ezplan.errors import InputError, printable
from ezplan.i18n import LANGS, t

if TYPE_CHECKING:
    from ezplan.milestones import Milestones
    from ezplan.model import Plan
    from ezplan.progress import Progress

EXPORT_FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".json": "json", ".md": "md"}


def plan_input(func: Callable[..., Any]) -> Callable[..., Any]:
    """--plan/--baselines/--targets/--lang/--on-track/--moderate, loading the plan."""

    @click.option("--plan", "plan_dir", type=Path(file_okay=False, readable=False), default=None)
    @click.option("--baselines", type=Path(readable=False))
    @click.option("--targets", type=Path(readable=False))
    @click.option("--lang", type=Choice(LANGS), default=None)
    @click.option("--on-track", type=FloatRange(0, 10), default=None)
    @click.option("--moderate", type=FloatRange(0, 10), default=None)
    @wraps(func)
    def wrapper(
        *args: Any,
        plan_dir: str | None,
        baselines: str | None,
        targets: str | None,
        lang: str | None,
        on_track: float | None,
        moderate: float | None,
        **kwargs: Any,
    ) -> Any:
        from ezplan.config import find_config
        from ezplan.facts import Facts
        from ezplan.loader import load_plan
        from ezplan.milestones import build
        from ezplan.progress import Thresholds, assess

        choose_lang(lang)
        try:
            config = find_config()
            lang = choose_lang(lang, config.lang)
            plan = load_plan(plan_dir, baselines, targets)
        except InputError as e:
            given = _plan_dir_among(kwargs.get("ids") or ())
            if given is not None and plan_dir is None and baselines is None and targets is None:
                e = InputError(e.mark, "load.plan_given_as_id", path=given)
            click.echo(str(e), err=True)
            sys.exit(EXIT_USAGE)
        ratios = (
            on_track if on_track is not None else config.on_track,
            moderate if moderate is not None else config.moderate,
        )
        try:
            thresholds = Thresholds(*ratios)
        except ValueError:
            raise Usage("usage.thresholds", on_track=ratios[0], moderate=ratios[1]) from None
        ids = _target_ids(plan, kwargs.pop("ids", None) or ())
        ms = build(plan, Facts(plan), ids)
        return func(*args, plan=plan, ms=ms, progress=assess(ms, thresholds), lang=lang, **kwargs)

    return wrapper


def _plan_dir_among(queries: tuple[str, ...]) -> str | None:
    """A plan directory given where a target's id goes (`ezplan milestones d5`, as `check d5`)."""
    from pathlib import Path as Dir

    from ezplan.loader import BASELINES, TARGETS

    for q in queries:
        d = Dir(q)
        if d.is_dir() and ((d / BASELINES).is_file() or (d / TARGETS).is_file()):
            return q
    return None


def _target_ids(plan: Plan, queries: tuple[str, ...]) -> list[str] | None:
    """The targets the user named, each by id, name or a part of a name (as `explain`); None
    for every target."""
    from ezplan.lookup import NotFound, describe_all, find_indicator

    if queries and not plan.target_ids:
        raise Usage("usage.plan_has_no_targets", ids=", ".join(queries))
    found = []
    for query in queries:
        try:
            found.append(find_indicator(plan, query, among=list(plan.target_ids)))
        except NotFound as e:
            shown = e.candidates or list(plan.target_ids)
            known = describe_all(plan, shown) if shown else "—"
            key = "usage.ambiguous_target" if e.ambiguous else "usage.not_a_target"
            raise Usage(key, ids=query, known=known) from None
    return list(dict.fromkeys(found)) or None


@click.command(cls=Command)  # help texts: cmd.milestones, opt.milestones.*, opt.* (ezplan.i18n.cli)
@click.argument("ids", nargs=-1)
@plan_input
@click.option(
    "--format", "fmt", type=Choice(["text", "json", "csv", "md"]), default="text", show_default=True
)
@click.option("--no-color", is_flag=True)
def milestones(
    plan: Plan, ms: list[Milestones], progress: list[Progress], lang: str, fmt: str, no_color: bool
) -> None:
    """`ezplan milestones [IDS]`: the yearly path of each target and progress against it."""
    from ezplan.render import milestone_tables as mt

    if fmt == "text":
        mt.render_text(ms, progress, console(no_color), lang)
    elif fmt == "csv":
        click.echo(mt.csv_text(ms, lang), nl=False)
    elif fmt == "md":
        click.echo(mt.markdown(ms, progress, lang), nl=False)
    else:
        from ezplan.render.json_out import dumps  # valid JSON: no NaN/Infinity

        click.echo(dumps({"plan": plan.name, "milestones": mt.records(ms, progress)}, indent=2))


PARTS = ("milestones", "progress", "findings", "targets")


@click.command(cls=Command)  # help texts: cmd.export, opt.export.*, opt.* (ezplan.i18n.cli)
@plan_input
@click.option(
    "--to", "to", type=Path(), required=True, metavar="FILE"
)  # a directory: refused by write_atomic
@click.option("--format", "fmt", type=Choice(sorted(set(EXPORT_FORMATS.values()))), default=None)
@click.option("--what", "what", type=Choice(PARTS), multiple=True)
def export(
    plan: Plan,
    ms: list[Milestones],
    progress: list[Progress],
    lang: str,
    to: str,
    fmt: str | None,
    what: tuple[str, ...],
) -> None:
    """`ezplan export --to FILE`: verdicts, milestones, progress and findings for Excel, WPS."""
    from ezplan.output import write_atomic
    from ezplan.render import report_content as rc
    from ezplan.render import sheets
    from ezplan.report import report

    fmt = fmt or EXPORT_FORMATS.get(FilePath(to).suffix.lower())
    if fmt is None:
        raise Usage("usage.export_format", path=to)
    parts = [p for p in PARTS if p in what] if what else list(PARTS)
    checked = report(plan, intervals=False)  # nothing here explains a figure
    items = rc.finding_items(checked, lang)
    lines = rc.target_lines(checked, items, lang)
    builders = {
        "targets": lambda: sheets.targets_sheet(lines, lang),
        "milestones": lambda: sheets.milestones_sheet(ms, lang),
        "progress": lambda: sheets.progress_sheet(ms, progress, lang),
        "findings": lambda: sheets.findings_sheet(items, lang),
    }
    files: list[tuple[str, str | bytes]] = []
    if fmt == "csv":
        for i, part in enumerate(parts):
            path = to if i == 0 else _part_path(to, part)
            files.append((path, sheets.csv_text(builders[part](), lang)))
    elif fmt == "md":
        files.append((to, _markdown(plan, ms, progress, lines, items, parts, lang)))
    elif fmt == "json":
        from ezplan.render.json_out import dumps, finding_dict, target_dict

        doc: dict[str, Any] = {"plan": plan.name}
        if "targets" in parts:
            doc["targets"] = [target_dict(r, lang) for r in checked.rows]
        if "milestones" in parts or "progress" in parts:
            doc["milestones"] = mt_records(ms, progress)
        if "findings" in parts:
            doc["findings"] = [finding_dict(f, lang) for f in checked.findings]
        files.append((to, dumps(doc, indent=2) + "\n"))
    else:
        from ezplan.render import xlsx

        try:
            order = ("targets", "milestones", "progress", "findings")
            content = xlsx.workbook_bytes([builders[p]() for p in order if p in parts], lang)
        except ImportError:
            click.echo(xlsx.HINT, err=True)
            sys.exit(EXIT_USAGE)
        files.append((to, content))
    for path, content in files:
        write_atomic(path, content)
        click.echo(t("cli.wrote", lang, path=printable(path)))


def mt_records(ms: list[Milestones], progress: list[Progress]) -> list[dict[str, Any]]:
    from ezplan.render import milestone_tables as mt

    return mt.records(ms, progress)


def _part_path(to: str, part: str) -> str:
    """plan.csv → plan-progress.csv: one CSV per table."""
    p = FilePath(to)
    return str(p.with_name(f"{p.stem}-{part}{p.suffix}"))


def _markdown(
    plan: Plan,
    ms: list[Milestones],
    progress: list[Progress],
    targets: list[Any],
    items: list[Any],
    parts: list[str],
    lang: str,
) -> str:
    from ezplan.i18n import plan_period
    from ezplan.render import milestone_tables as mt
    from ezplan.render.report_content import plan_title

    title = plan_title(plan, lang)  # the English name in English, as the reports
    lines = [f"# {title}", "", plan_period(plan.base_year, plan.target_year, lang), ""]
    if "targets" in parts:
        lines += [f"## {t('report_sec_targets', lang)}", ""]
        heads = [t(k, lang) for k in ("indicator", "base", "target", "verdict")]
        lines += ["| " + " | ".join([*heads, t("report_explanation", lang)]) + " |"]
        lines += ["|---|---:|---:|---|---|"]
        for line in targets:
            cells = [line.name, line.base, line.target, line.verdict, line.explanation]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        lines.append("")
    if "milestones" in parts or "progress" in parts:
        lines += [mt.markdown(ms, progress, lang)]
    if "findings" in parts:
        lines += [f"## {t('findings', lang)}", ""]
        for i in items:
            who = f" {i.indicator}:" if i.indicator else ""
            lines.append(f"- {i.mark} **{t(i.severity, lang)}**{who} {i.message} (`{i.where}`)")
    # plan text may hold control characters: shown escaped, as in every other output
    return printable("\n".join(lines), keep_newlines=True) + "\n"


@click.command(cls=Command)  # help texts: cmd.plot, opt.plot.to, opt.* (ezplan.i18n.cli)
@click.argument("ids", nargs=-1, required=True)
@plan_input
@click.option(
    "--to", "to", type=Path(), required=True, metavar="FILE"
)  # a directory: refused by write_atomic
def plot(plan: Plan, ms: list[Milestones], progress: list[Progress], lang: str, to: str) -> None:
    """`ezplan plot IDS --to FILE.svg|.png`: each target's path as a chart."""
    from ezplan.output import write_atomic

    fmt = FilePath(to).suffix.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise Usage("usage.plot_format", path=to)
    from ezplan.render.charts import charts
    from ezplan.render.milestone_tables import no_path_text

    drawn = list(charts(ms, lang))
    names = {m.indicator for m, _ in drawn}
    for m in ms:  # a target with no yearly path is said, not drawn as an empty picture
        if m.indicator not in names:
            why = no_path_text(m, lang) or t("cli.plot_nothing", lang)
            click.echo(t("cli.plot_skipped", lang, name=m.label(lang), why=why), err=True)
    if not drawn:
        sys.exit(EXIT_USAGE)
    warning = None
    if fmt == "svg":
        from ezplan.render import svg_chart

        data: str | bytes = svg_chart.document([c for _, c in drawn])
    else:
        try:
            from ezplan.render.charts import png

            data, warning = png(ms, lang)
        except ImportError:
            from ezplan.render.charts import HINT

            click.echo(HINT, err=True)
            sys.exit(EXIT_USAGE)
    if warning:
        click.echo(t("cli.warning", lang, text=warning), err=True)
    write_atomic(to, data)
    click.echo(t("cli.wrote", lang, path=printable(to)))


@click.command(name="report", cls=Command)  # help texts: cmd.report, opt.report.to, opt.*
@plan_input
@click.option(
    "--to", "to", type=Path(), required=True, metavar="FILE"
)  # a directory: refused by write_atomic
def html_report(
    plan: Plan, ms: list[Milestones], progress: list[Progress], lang: str, to: str
) -> None:
    """`ezplan report --to FILE.html|.docx`: the report for officials."""
    from ezplan.output import write_atomic
    from ezplan.report import report

    kind = FilePath(to).suffix.lower()
    if kind not in (".html", ".htm", ".docx"):
        raise Usage("usage.report_format", path=to)
    checked = report(plan, intervals=False)  # nothing here explains a figure
    if kind == ".docx":
        from ezplan.render import docx_report

        try:
            content, warning = docx_report.render(checked, ms, progress, lang)
        except ImportError:
            click.echo(docx_report.HINT, err=True)
            sys.exit(EXIT_USAGE)
        if warning:
            click.echo(t("cli.warning", lang, text=warning), err=True)
    else:
        from ezplan.render import html_report as page

        content: str | bytes = page.render(checked, ms, progress, lang)
    write_atomic(to, content)
    click.echo(t("cli.wrote", lang, path=printable(to)))
