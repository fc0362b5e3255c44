"""Commands for analysts: milestones, exports, charts and the HTML report.

They read one plan (`--plan DIR`, default the current directory), compute the milestones and the
progress against actuals, and write tables, files or pictures. Files are written atomically.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ezplan.cli.common import EXIT_USAGE, console
from ezplan.errors import InputError
from ezplan.i18n import LANGS, default_lang, t

if TYPE_CHECKING:
    from ezplan.findings import Finding
    from ezplan.milestones import Milestones
    from ezplan.model import Plan
    from ezplan.progress import Progress

EXPORT_FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".json": "json", ".md": "md"}


def plan_input(func: Callable[..., Any]) -> Callable[..., Any]:
    """--plan/--baselines/--targets/--lang/--on-track/--moderate, loading the plan."""

    @click.option(
        "--plan",
        "plan_dir",
        type=click.Path(file_okay=False),
        default=None,
        help="The plan directory (default: the current one).",
    )
    @click.option("--baselines", type=click.Path(), help="baselines.yaml to read.")
    @click.option("--targets", type=click.Path(), help="targets.yaml to read.")
    @click.option("--lang", type=click.Choice(LANGS), default=None)
    @click.option(
        "--on-track",
        type=click.FloatRange(0, 10),
        default=None,
        help="Ratio of achieved to required rate for 'on track' (default 0.95).",
    )
    @click.option(
        "--moderate",
        type=click.FloatRange(0, 10),
        default=None,
        help="Ratio for 'moderate progress' (default 0.6).",
    )
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

        try:
            config = find_config()
            plan = load_plan(plan_dir, baselines, targets)
        except InputError as e:
            click.echo(str(e), err=True)
            sys.exit(EXIT_USAGE)
        lang = lang or config.lang or default_lang()
        try:
            thresholds = Thresholds(
                on_track if on_track is not None else config.on_track,
                moderate if moderate is not None else config.moderate,
            )
        except ValueError as e:
            raise click.UsageError(str(e)) from None
        ids = kwargs.pop("ids", None) or None
        if ids:
            unknown = [i for i in ids if i not in plan.target_ids]
            if unknown:
                known = ", ".join(plan.target_ids)
                raise click.UsageError(f"not a target: {', '.join(unknown)}; targets: {known}")
        ms = build(plan, Facts(plan), ids)
        return func(*args, plan=plan, ms=ms, progress=assess(ms, thresholds), lang=lang, **kwargs)

    return wrapper


@click.command()
@click.argument("ids", nargs=-1)
@plan_input
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv", "md"]),
    default="text",
    show_default=True,
)
@click.option("--no-color", is_flag=True)
def milestones(
    plan: Plan, ms: list[Milestones], progress: list[Progress], lang: str, fmt: str, no_color: bool
) -> None:
    """The value each year must reach for every target (or the IDS given), and progress
    against the actual results recorded in baselines.yaml."""
    from ezplan.render import milestone_tables as mt

    if fmt == "text":
        mt.render_text(ms, progress, console(no_color), lang)
    elif fmt == "csv":
        click.echo(mt.csv_text(ms, lang), nl=False)
    elif fmt == "md":
        click.echo(mt.markdown(ms, progress, lang), nl=False)
    else:
        import json

        click.echo(
            json.dumps(
                {"plan": plan.name, "milestones": mt.records(ms, progress)},
                ensure_ascii=False,
                indent=2,
            )
        )


@click.command()
@plan_input
@click.option(
    "--to",
    "to",
    type=click.Path(dir_okay=False),
    required=True,
    help="The file to write: .csv, .xlsx, .json or .md.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(set(EXPORT_FORMATS.values()))),
    default=None,
    help="Override the format the extension implies.",
)
def export(
    plan: Plan, ms: list[Milestones], progress: list[Progress], lang: str, to: str, fmt: str | None
) -> None:
    """Write the milestones, progress and findings to a file for Excel, WPS or a report."""
    from ezplan.output import write_atomic
    from ezplan.render import milestone_tables as mt
    from ezplan.report import report

    fmt = fmt or EXPORT_FORMATS.get(Path(to).suffix.lower())
    if fmt is None:
        raise click.UsageError(
            f"cannot tell the format of {to}; use .csv, .xlsx, .json or .md or give --format"
        )
    checked = report(plan)
    findings = checked.findings
    if fmt == "csv":
        content: str | bytes = mt.csv_text(ms, lang)
    elif fmt == "md":
        content = _markdown(plan, ms, progress, findings, lang)
    elif fmt == "json":
        import json

        from ezplan.render.json_out import finding_dict, target_dict

        content = (
            json.dumps(
                {
                    "plan": plan.name,
                    "targets": [target_dict(r, lang) for r in checked.rows],
                    "milestones": mt.records(ms, progress),
                    "findings": [finding_dict(f, lang) for f in findings],
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    else:
        from ezplan.render import xlsx

        try:
            content = xlsx.workbook_bytes(ms, progress, findings, lang, checked.rows)
        except ImportError:
            click.echo(xlsx.HINT, err=True)
            sys.exit(EXIT_USAGE)
    write_atomic(to, content)
    click.echo(f"wrote {to}")


def _markdown(
    plan: Plan, ms: list[Milestones], progress: list[Progress], findings: list[Finding], lang: str
) -> str:
    from ezplan.render import milestone_tables as mt

    lines = [
        f"# {plan.name}",
        "",
        mt.markdown(ms, progress, lang),
        f"### {t('findings', lang)}",
        "",
    ]
    for f in findings:
        lines.append(f"- **{t(f.severity.label, lang)}** `{f.mark}` `{f.check}` {f.message(lang)}")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("ids", nargs=-1, required=True)
@plan_input
@click.option(
    "--to",
    "to",
    type=click.Path(dir_okay=False),
    required=True,
    help="The picture to write: .svg or .png.",
)
def plot(plan: Plan, ms: list[Milestones], progress: list[Progress], lang: str, to: str) -> None:
    """Draw each target's path for IDS: base, required path, stated-rate path, the target with
    its band, and actual results."""
    from ezplan.output import write_atomic

    fmt = Path(to).suffix.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise click.UsageError(f"cannot draw {to}: write .svg or .png")
    try:
        from ezplan.render import charts

        data, warning = charts.render(ms, fmt, lang)
    except ImportError:
        from ezplan.render.charts import HINT

        click.echo(HINT, err=True)
        sys.exit(EXIT_USAGE)
    if warning:
        click.echo(f"warning: {warning}", err=True)
    write_atomic(to, data)
    click.echo(f"wrote {to}")


@click.command(name="report")
@plan_input
@click.option(
    "--to", "to", type=click.Path(dir_okay=False), required=True, help="The HTML file to write."
)
def html_report(
    plan: Plan, ms: list[Milestones], progress: list[Progress], lang: str, to: str
) -> None:
    """Write one self-contained HTML page: check results, milestone tables and a chart per
    target — no request to any network, readable when mailed and printable."""
    from ezplan.output import write_atomic
    from ezplan.report import report

    try:
        from ezplan.render import html_report as page

        text = page.render(report(plan), ms, progress, lang)
    except ImportError:
        from ezplan.render.charts import HINT

        click.echo(HINT, err=True)
        sys.exit(EXIT_USAGE)
    write_atomic(to, text)
    click.echo(f"wrote {to}")
