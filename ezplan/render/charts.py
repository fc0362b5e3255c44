"""Charts of each target's path (matplotlib, the `plot` extra).

Per indicator: the base-year level, the path the target requires, the path at the stated rate,
the target with the band its figure allows (rounding, 约, or a bound), and actual results. A
cumulative target shows each year's amount and the running total against the stated sum.

SVG keeps text as text (the viewer's fonts render Chinese). PNG needs a CJK font on this
machine; without one, the labels are drawn in English and `cjk_font()` says so.
"""

from __future__ import annotations

import io
import math
import re
import warnings
from typing import Any

from ezplan.i18n import t
from ezplan.milestones import Milestones
from ezplan.render.milestone_tables import needs

HINT = "charts need matplotlib: pip install 'ezplan[plot]'"
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "Hiragino Sans GB",
    "AR PL UMing CN",
    "Droid Sans Fallback",
)
COLORS = {"required": "#1f5fa8", "stated": "#d97a00", "actual": "#222222", "band": "#1f5fa8"}


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)  # never a window, whatever the environment says
    import matplotlib.pyplot as plt

    return plt


def cjk_font() -> str | None:
    """The first installed font family that covers Chinese, if any."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((f for f in CJK_FAMILIES if f in installed), None)


def _band(m: Milestones) -> tuple[float, float] | None:
    """The target's interval in the indicator's unit (an open end is None-free: ±inf)."""
    if m.target_stated is None:
        return None
    f = m.target_stated.figure
    if f.unit is None or f.unit.dimension != m.unit.dimension:
        return None
    k = f.unit.factor_to(m.unit)
    lo, hi = f.interval()
    return lo * k, hi * k


def _draw(ax: Any, m: Milestones, lang: str) -> None:
    years = m.years
    if m.cumulative and m.amounts is not None:
        ax.bar(years[1:], m.amounts[1:], color="#9ec3e6", label=t("amount", lang))
        ax.plot(
            years[1:],
            m.running_total[1:],
            marker="o",
            color=COLORS["required"],
            label=t("running_total", lang),
        )
        band = _band(m)
        if m.cumulative_total is not None:
            ax.scatter(
                [years[-1]],
                [m.cumulative_total],
                marker="*",
                s=160,
                zorder=5,
                color=COLORS["stated"],
                label=t("target", lang),
            )
        if band is not None and all(math.isfinite(b) for b in band):
            ax.errorbar(
                [years[-1]],
                [m.cumulative_total],
                capsize=6,
                color=COLORS["stated"],
                yerr=[[m.cumulative_total - band[0]], [band[1] - m.cumulative_total]],
            )
    else:
        if m.required is not None:
            ax.plot(
                years,
                m.required,
                marker="o",
                color=COLORS["required"],
                label=t("required_path", lang),
            )
        if m.at_stated_rate is not None:
            ax.plot(
                years,
                m.at_stated_rate,
                linestyle="--",
                marker=".",
                color=COLORS["stated"],
                label=t("stated_path", lang),
            )
        if m.base is not None:
            ax.scatter(
                [years[0]], [m.base], color=COLORS["actual"], zorder=5, label=t("base", lang)
            )
        band = _band(m)
        if band is not None and m.target is not None:
            lo, hi = band
            top = hi if math.isfinite(hi) else max(m.target * 1.15, *(m.at_stated_rate or [0]))
            bottom = lo if math.isfinite(lo) else 0
            ax.fill_between(
                [years[-1] - 0.25, years[-1] + 0.25],
                [bottom] * 2,
                [top] * 2,
                color=COLORS["band"],
                alpha=0.18,
                label=t("target", lang),
            )
            ax.scatter([years[-1]], [m.target], marker="*", s=160, color=COLORS["band"], zorder=5)
    if m.actuals:
        ys = sorted(m.actuals)
        ax.plot(
            ys,
            [m.actuals[y] for y in ys],
            marker="s",
            linestyle=":",
            color=COLORS["actual"],
            label=t("actual", lang),
        )
    title = f"{m.label(lang)}"
    if m.required_rate is not None:
        title += " · " + needs(m, lang)
    ax.set_title(title, fontsize=10)
    ax.set_ylabel(m.unit.symbol if lang == "zh" else m.unit.english())
    ax.set_xticks(years)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8, loc="upper left")


def figure(ms: list[Milestones], lang: str) -> Any:
    plt = _pyplot()
    n = len(ms)
    cols = 1 if n == 1 else 2
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(6.4 * cols, 4.2 * rows), squeeze=False)
    for ax, m in zip(axes.flat, ms, strict=False):
        _draw(ax, m, lang)
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    fig.tight_layout()
    return fig


def render(ms: list[Milestones], fmt: str, lang: str) -> tuple[bytes, str | None]:
    """The chart file's bytes, and a warning for the user (or None).

    PNG without a CJK font: drawn with English labels (name_en or id), and the warning says so.
    """
    plt = _pyplot()
    warning = None
    family = cjk_font()
    rc: dict[str, Any] = {"svg.fonttype": "none", "font.family": "sans-serif"}
    if family:
        rc["font.sans-serif"] = [family, "DejaVu Sans"]
    elif fmt == "svg":
        rc["font.sans-serif"] = [*CJK_FAMILIES[:6], "DejaVu Sans"]
    elif lang == "zh" or any(not m.label(lang).isascii() for m in ms):
        warning = (
            "no CJK font found on this machine; the PNG is labelled in English "
            "(install e.g. fonts-noto-cjk, or write .svg)"
        )
        lang = "en"
        ms = [_english(m) for m in ms]
    with plt.rc_context(rc), warnings.catch_warnings():
        # SVG text is laid out with a Latin font's metrics but drawn by the viewer's fonts.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        fig = figure(ms, lang)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=150, metadata=_metadata(fmt))
        plt.close(fig)
    return buf.getvalue(), warning


def _metadata(fmt: str) -> dict[str, Any]:
    return {"Date": None} if fmt == "svg" else {}


def _english(m: Milestones) -> Milestones:
    from dataclasses import replace

    return replace(m, name=m.name_en or m.indicator, name_en=m.name_en or m.indicator)


def inline_svg(svg: bytes) -> str:
    """The <svg> element alone, for pasting into HTML: no XML prolog, DOCTYPE or metadata."""
    text = svg.decode("utf-8")
    text = text[text.index("<svg") :]
    return re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
