"""Charts of each target's path: what is drawn (one model), drawn as SVG or PNG.

Per target: the base-year level, the path the target requires, the path at the stated rate (or
change, for a ratio indicator), the target with the band its figure allows (rounding, 约, or a
bound), and actual results. A cumulative target shows each year's amount on the path (bars) and
the running total against the stated sum (the actual amounts' running total beside it); the
base-year amount the sum implies is drawn hollow and dashed and labelled as derived — it is not
data — and the previous period's sum and yearly average, which the `cumulative` rule compares
with, are drawn as reference lines.

`chart(m, lang)` builds the model once; `ezplan.render.svg_chart` writes it as SVG text directly
(no matplotlib: a few milliseconds a chart, text stays text, the reader's fonts render Chinese),
and `png()` draws it with matplotlib (the `plot` extra) on one reused figure. A PNG needs a CJK
font on this machine: `cjk_font()` finds one, and when matplotlib's cached font list is older
than the fonts installed (a font installed after matplotlib first ran), it adds the new font
files to the lookup and saves the cache again, so an installed font is used at once.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ezplan import fmt
from ezplan.i18n import t
from ezplan.milestones import Milestones
from ezplan.render.milestone_tables import needs, no_change_words, previous_words

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
    "DengXian",
    "PingFang SC",
    "Heiti SC",
    "Hiragino Sans GB",
    "AR PL UMing CN",
    "Droid Sans Fallback",
)
COLORS = {
    "required": "#1f5fa8",
    "stated": "#d97a00",
    "actual": "#222222",
    "band": "#1f5fa8",
    "bars": "#9ec3e6",
    "derived": "#7a7a7a",
    "previous": "#8a3b8f",
}


@dataclass(frozen=True)
class Series:
    kind: str  # line, bars, points, hline
    label: str
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    color: str
    dash: str = ""  # "", "dash", "dot"
    marker: str = ""  # "", "o", "s", "*", "."
    hollow: bool = False  # derived, not data: hollow and dashed


def _actual_running(m: Milestones) -> list[tuple[int, float]]:
    """(year, Σ actual amounts from the first plan year), as long as every year has one."""
    out, total = [], 0.0
    for y in range(m.base_year + 1, m.end_year + 1):
        if y not in m.actuals:
            break
        total += m.actuals[y]
        out.append((y, total))
    return out


@dataclass(frozen=True)
class Band:
    x: float
    lo: float  # may be -inf
    hi: float  # may be +inf
    label: str


@dataclass
class Chart:
    title: str
    subtitle: str
    unit: str
    years: list[int]
    series: list[Series] = field(default_factory=list)
    band: Band | None = None
    decimals: int = 0

    def y_range(self) -> tuple[float, float]:
        """The values shown, padded, from 0 when bars are drawn or zero is near."""
        ys = [y for s in self.series for y in s.ys if math.isfinite(y)]
        if self.band is not None:
            ys += [y for y in (self.band.lo, self.band.hi) if math.isfinite(y)]
        if not ys:
            return 0.0, 1.0
        lo, hi = min(ys), max(ys)
        if self.band is not None and not math.isfinite(self.band.hi):
            hi = max(hi, self.band.lo * 1.15 if self.band.lo > 0 else hi)
        bars = any(s.kind == "bars" for s in self.series)
        if bars or (lo >= 0 and lo < 0.3 * hi):
            lo = min(0.0, lo)
        pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1.0
        return (lo if lo == 0 else lo - pad), hi + pad


def _band(m: Milestones) -> tuple[float, float] | None:
    """The target's interval in the indicator's unit (open ends are ±inf)."""
    if m.target_stated is None:
        return None
    f = m.target_stated.figure
    if f.unit is None or f.unit.dimension != m.unit.dimension:
        return None
    k = f.unit.factor_to(m.unit)
    lo, hi = f.interval()
    return lo * k, hi * k


def chart(m: Milestones, lang: str) -> Chart | None:
    """What to draw for one target (None when there is nothing to draw)."""
    years = m.years
    unit = m.unit.symbol if lang == "zh" else m.unit.english()
    # a derived base needs the stated rate; a target the base already meets needs nothing
    subtitle = no_change_words(m, lang) or ("" if m.base_implied else needs(m, lang))
    if m.stated_rate_text or m.stated_change_text:
        plan = t("plan_rate", lang, rate=m.stated_rate_text or m.stated_change_text)
        subtitle = f"{subtitle} · {plan}" if subtitle else plan
    c = Chart(m.label(lang), subtitle, unit, years, decimals=m.derived_decimals)
    s = c.series
    if m.cumulative:
        if m.amounts is None:
            return None
        s.append(
            Series(
                "bars",
                t("chart_amount", lang),
                tuple(years[1:]),
                tuple(m.amounts[1:]),
                COLORS["bars"],
            )
        )
        if m.base_implied:
            s.append(
                Series(
                    "bars",
                    t("chart_implied_base", lang, year=m.base_year),
                    (years[0],),
                    (m.amounts[0],),
                    COLORS["derived"],
                    dash="dash",
                    hollow=True,
                )
            )
        elif m.base is not None:
            s.append(
                Series("bars", t("chart_base", lang), (years[0],), (m.base,), COLORS["actual"])
            )
        assert m.running_total is not None
        s.append(
            Series(
                "line",
                t("chart_running", lang),
                tuple(years[1:]),
                tuple(m.running_total[1:]),
                COLORS["required"],
                marker="o",
            )
        )
        if m.stated_running_total is not None:
            s.append(
                Series(
                    "line",
                    t("stated_running_total", lang),
                    tuple(years[1:]),
                    tuple(m.stated_running_total[1:]),
                    COLORS["stated"],
                    dash="dash",
                    marker=".",
                )
            )
        if m.previous is not None:
            p = m.previous
            span = t("report_span", lang, first=p.first_year, end=p.end_year)
            avg = fmt.amount(p.average, m.unit, m.decimals + 1)
            s.append(
                Series(
                    "hline",
                    t("chart_previous_average", lang, span=span, value=avg),
                    (years[1] - 0.4, years[-1] + 0.4),
                    (p.average, p.average),
                    COLORS["previous"],
                    dash="dash",
                )
            )
            s.append(
                Series(
                    "hline",
                    t("chart_previous_total", lang, span=span, value=p.text),
                    (years[1] - 0.4, years[-1] + 0.4),
                    (p.total, p.total),
                    COLORS["previous"],
                    dash="dot",
                )
            )
            c.subtitle = " · ".join(x for x in (c.subtitle, previous_words(m, lang)) if x)
        target = m.cumulative_total
    else:
        if m.required is not None:
            s.append(
                Series(
                    "line",
                    t("required_path", lang),
                    tuple(years),
                    tuple(m.required),
                    COLORS["required"],
                    marker="o",
                )
            )
        if m.at_stated_rate is not None:
            key = "stated_change_path" if m.points else "stated_path"
            s.append(
                Series(
                    "line",
                    t(key, lang),
                    tuple(years),
                    tuple(m.at_stated_rate),
                    COLORS["stated"],
                    dash="dash",
                    marker=".",
                )
            )
        if m.base is not None:
            s.append(
                Series(
                    "points",
                    t("chart_base", lang),
                    (years[0],),
                    (m.base,),
                    COLORS["actual"],
                    marker="o",
                )
            )
        target = m.target
    if m.actuals:
        ys = sorted(m.actuals)
        s.append(
            Series(
                "line",
                t("chart_actual_amount" if m.cumulative else "actual", lang),
                tuple(ys),
                tuple(m.actuals[y] for y in ys),
                COLORS["actual"],
                dash="dot",
                marker="s",
            )
        )
        if m.cumulative and (running := _actual_running(m)):
            # the actual running total beside the path's (a new user could not set the yearly
            # amounts against the running line): summed while no plan year is missing
            s.append(
                Series(
                    "line",
                    t("chart_actual_running", lang),
                    tuple(y for y, _ in running),
                    tuple(v for _, v in running),
                    COLORS["actual"],
                    marker="s",
                )
            )
    if target is not None:
        band = _band(m)
        if band is not None and band != (target, target):
            c.band = Band(years[-1], band[0], band[1], t("chart_band", lang))
        s.append(
            Series("points", t("target", lang), (years[-1],), (target,), COLORS["band"], marker="*")
        )
    if not s:
        return None
    return c


def charts(ms: list[Milestones], lang: str) -> Iterator[tuple[Milestones, Chart]]:
    for m in ms:
        c = chart(m, lang)
        if c is not None:
            yield m, c


def ticks(lo: float, hi: float, n: int = 5) -> tuple[list[float], int]:
    """Round tick values covering [lo, hi], and the decimals they need."""
    span = hi - lo
    if not (math.isfinite(span) and span > 0):
        return [lo], 0
    raw = span / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(k * mag for k in (1, 2, 2.5, 5, 10) if k * mag >= raw)
    first = math.ceil(lo / step - 1e-9) * step
    out = []
    x = first
    while x <= hi + step * 1e-9:
        out.append(0.0 if abs(x) < step * 1e-9 else x)
        x += step
    decimals = 0
    while decimals < 6 and abs(step * 10**decimals - round(step * 10**decimals)) > 1e-6:
        decimals += 1
    return out, decimals


# --- PNG (matplotlib) -------------------------------------------------------------------------

_DASH = {"": "-", "dash": "--", "dot": ":"}
_MARKERS = {"": None, "o": "o", "s": "s", "*": "*", ".": "."}


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)  # never a window, whatever the environment says
    import matplotlib.pyplot as plt

    return plt


def _font_cache_file() -> str:
    import matplotlib
    from matplotlib import font_manager

    return os.path.join(
        matplotlib.get_cachedir(), f"fontlist-v{font_manager.FontManager.__version__}.json"
    )


def _first_cjk(fm: Any) -> str | None:
    installed = {f.name for f in fm.ttflist}
    return next((f for f in CJK_FAMILIES if f in installed), None)


def refresh_font_list() -> int:
    """Add the font files installed since matplotlib cached its font list, and save the cache
    again (best effort). Returns how many fonts were added."""
    from matplotlib import font_manager

    fm = font_manager.fontManager
    known = {os.path.realpath(f.fname) for f in fm.ttflist}
    added = 0
    for path in font_manager.findSystemFonts():
        if os.path.realpath(path) in known:
            continue
        try:
            fm.addfont(path)
            added += 1
        except Exception:  # an unreadable font file is skipped, as matplotlib does
            continue
    if added:  # a read-only cache directory: the lookup still works this run
        with contextlib.suppress(Exception):
            font_manager.json_dump(fm, _font_cache_file())
    return added


def cjk_font() -> str | None:
    """The first installed font family that covers Chinese, if any. A font installed after
    matplotlib built its font cache is found too: the cache is refreshed when it lacks one."""
    from matplotlib import font_manager

    found = _first_cjk(font_manager.fontManager)
    if found is None and refresh_font_list():
        found = _first_cjk(font_manager.fontManager)
    return found


def no_cjk_warning() -> str:
    return (
        "no CJK font found on this machine; the PNG is labelled in English (install one, e.g. "
        "fonts-noto-cjk, or write .svg; a font installed later is picked up on the next run — if "
        f"not, delete matplotlib's font cache {_font_cache_file()})"
    )


def _draw(ax: Any, c: Chart) -> None:
    for s in c.series:
        dash = _DASH[s.dash]
        if s.kind == "bars":
            if s.hollow:
                ax.bar(
                    s.xs,
                    s.ys,
                    width=0.6,
                    fill=False,
                    edgecolor=s.color,
                    linestyle=dash,
                    hatch="//",
                    label=s.label,
                )
            else:
                ax.bar(s.xs, s.ys, width=0.6, color=s.color, label=s.label)
        elif s.kind == "hline":
            ax.plot(s.xs, s.ys, color=s.color, linestyle=dash, linewidth=1.2, label=s.label)
        elif s.kind == "points":
            size = 160 if s.marker == "*" else 36
            ax.scatter(
                s.xs,
                s.ys,
                color=s.color,
                marker=_MARKERS[s.marker],
                s=size,
                zorder=5,
                label=s.label,
            )
        else:
            ax.plot(
                s.xs, s.ys, color=s.color, linestyle=dash, marker=_MARKERS[s.marker], label=s.label
            )
    if c.band is not None:
        lo, hi = c.y_range()
        b = c.band
        ax.fill_between(
            [b.x - 0.25, b.x + 0.25],
            [max(b.lo, lo)] * 2,
            [min(b.hi, hi)] * 2,
            color=COLORS["band"],
            alpha=0.18,
            label=b.label,
        )
    lo, hi = c.y_range()
    ax.set_ylim(lo, hi)
    ax.set_xlim(c.years[0] - 0.6, c.years[-1] + 0.6)
    ax.set_xticks(c.years)
    ax.set_title(c.title + ("\n" + c.subtitle if c.subtitle else ""), fontsize=10)
    ax.set_ylabel(c.unit)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=7.5, loc="upper left", framealpha=0.85)


def _english(m: Milestones) -> Milestones:
    from dataclasses import replace

    return replace(m, name=m.name_en or m.indicator, name_en=m.name_en or m.indicator)


def png(ms: list[Milestones], lang: str) -> tuple[bytes, str | None]:
    """One PNG with a chart per target, stacked; and a warning for the user (or None).

    Without a CJK font the labels are drawn in English (name_en or the id) and the warning
    says so and how to make an installed font seen."""
    plt = _pyplot()
    family = cjk_font()
    warning = None
    if family is None and (lang == "zh" or any(not m.label(lang).isascii() for m in ms)):
        warning = no_cjk_warning()
        lang = "en"
        ms = [_english(m) for m in ms]
    models = [c for _, c in charts(ms, lang)]
    rc: dict[str, Any] = {"font.family": "sans-serif"}
    if family:
        rc["font.sans-serif"] = [family, "DejaVu Sans"]
    n = max(1, len(models))
    with plt.rc_context(rc), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        fig, axes = plt.subplots(n, 1, figsize=(6.4, 4.2 * n), squeeze=False)
        for ax, c in zip(axes.flat, models, strict=False):
            _draw(ax, c)
        for ax in list(axes.flat)[len(models) :]:
            ax.set_visible(False)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=150)
        plt.close(fig)
    return buf.getvalue(), warning
