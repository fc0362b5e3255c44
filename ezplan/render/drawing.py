"""A chart laid out as drawing primitives — lines, rectangles, markers, text — in pixels.

One layout serves two writers: `svg_chart` writes the primitives as SVG elements, `png_chart`
paints them with Pillow. Both are fast (milliseconds a chart, against about a tenth of a second
for a matplotlib figure), which is what lets a report of a thousand targets take seconds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.cells import cell_len

from ezplan import fmt
from ezplan.render.charts import Chart, Series, ticks
from ezplan.render.wrap import wrap

WIDTH = 640
PLOT_HEIGHT = 230
LEFT, RIGHT = 70, 24
DASHES = {"": (), "dash": (6, 4), "dot": (2, 3)}


@dataclass(frozen=True)
class Line:
    points: tuple[tuple[float, float], ...]
    color: str
    width: float = 1.0
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str | None  # None: not filled
    stroke: str | None = None
    dash: tuple[float, ...] = ()
    opacity: float = 1.0  # of the fill


@dataclass(frozen=True)
class Dot:
    """A marker: circle (o, .), square (s) or star (*)."""

    kind: str
    x: float
    y: float
    color: str
    hollow: bool = False


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # the baseline
    text: str
    size: float
    anchor: str = "start"  # start, middle, end
    color: str = "#222222"
    bold: bool = False


Prim = Line | Rect | Dot | Label


def text_width(s: str, size: float) -> float:
    """An estimate: a CJK character is about one em, a Latin one about half."""
    return cell_len(s) * size * 0.55


def star(x: float, y: float, outer: float = 9, inner: float = 3.8) -> list[tuple[float, float]]:
    pts = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        a = math.pi / 2 + i * math.pi / 5
        pts.append((x + r * math.cos(a), y - r * math.sin(a)))
    return pts


def _swatch(s: Series, x: float, y: float) -> list[Prim]:
    """A series' sample in the legend, 24 wide, centred on y."""
    dash = DASHES[s.dash]
    if s.kind == "bars":
        fill = "#ffffff" if s.hollow else s.color
        return [Rect(x + 5, y - 6, 14, 12, fill, s.color, dash)]
    out: list[Prim] = []
    if s.kind in ("line", "hline"):
        out.append(Line(((x, y), (x + 24, y)), s.color, 2, dash))
    if s.marker:
        out.append(Dot(s.marker, x + 12, y, s.color))
    return out


def layout(c: Chart) -> tuple[int, int, list[Prim]]:
    """The chart's width, height and primitives."""
    out: list[Prim] = [Rect(0, 0, WIDTH, 0, "#ffffff")]  # the background; height set below
    y = 8.0
    for line in wrap(c.title, int((WIDTH - 24) / (15 * 0.55))):
        y += 19
        out.append(Label(12, y, line, 15, bold=True))
    for line in wrap(c.subtitle, int((WIDTH - 24) / (12 * 0.55))) if c.subtitle else []:
        y += 16
        out.append(Label(12, y, line, 12, color="#444444"))
    y += 26
    out.append(Label(12, y - 10, c.unit, 11, "start", "#444444"))
    top, plot_h, plot_w = y, PLOT_HEIGHT, WIDTH - LEFT - RIGHT
    bottom = top + plot_h
    lo, hi = c.y_range()
    x0, x1 = c.years[0] - 0.6, c.years[-1] + 0.6

    def px(year: float) -> float:
        return LEFT + (year - x0) / (x1 - x0) * plot_w

    def py(v: float) -> float:
        v = min(max(v, lo), hi)
        return top + (hi - v) / (hi - lo) * plot_h

    values, decimals = ticks(lo, hi)
    for v in values:
        if lo <= v <= hi:
            out.append(Line(((LEFT, py(v)), (WIDTH - RIGHT, py(v))), "#e4e4e4"))
            out.append(Label(LEFT - 6, py(v) + 4, fmt.number(v, decimals), 11, "end", "#444444"))
    for year in c.years:
        out.append(Label(px(year), bottom + 16, str(year), 11, "middle", "#444444"))
    legend: list[tuple[list[Prim], str]] = []
    if c.band is not None:
        b = c.band
        y_hi, y_lo = py(min(b.hi, hi)), py(max(b.lo, lo))
        out.append(
            Rect(
                px(b.x - 0.25),
                y_hi,
                px(0.5) - px(0),
                max(1.5, y_lo - y_hi),
                "#1f5fa8",
                opacity=0.18,
            )
        )
        legend.append(([Rect(5, -6, 14, 12, "#1f5fa8", opacity=0.18)], b.label))
    bar_w = px(0.6) - px(0)
    for s in c.series:
        dash = DASHES[s.dash]
        if s.kind == "bars":
            for xv, yv in zip(s.xs, s.ys, strict=True):
                y_top, y_base = py(max(yv, 0)), py(min(yv, 0) if lo < 0 else max(lo, 0))
                fill = "#f2f2f2" if s.hollow else s.color
                out.append(
                    Rect(
                        px(xv) - bar_w / 2,
                        y_top,
                        bar_w,
                        max(0.5, y_base - y_top),
                        fill,
                        s.color,
                        dash,
                    )
                )
        else:
            if s.kind in ("line", "hline"):
                pts = tuple((px(xv), py(yv)) for xv, yv in zip(s.xs, s.ys, strict=True))
                out.append(Line(pts, s.color, 1.5 if s.kind == "hline" else 2, dash))
            if s.marker:
                out.extend(
                    Dot(s.marker, px(xv), py(yv), s.color, s.hollow)
                    for xv, yv in zip(s.xs, s.ys, strict=True)
                )
        legend.append((_swatch(s, 0, 0), s.label))
    out.append(Line(((LEFT, top), (LEFT, bottom), (WIDTH - RIGHT, bottom)), "#888888"))
    # the legend, in rows below the plot
    size, row_h = 11.5, 18
    lx, ly = LEFT, bottom + 28 + row_h / 2
    for prims, label in legend:
        w = 30 + text_width(label, size) + 14
        if lx > LEFT and lx + w > WIDTH - RIGHT:
            lx, ly = LEFT, ly + row_h
        out.extend(_moved(p, lx, ly) for p in prims)
        out.append(Label(lx + 30, ly + 4, label, size))
        lx += w
    height = math.ceil(ly + row_h / 2 + 8)
    out[0] = Rect(0, 0, WIDTH, height, "#ffffff")
    return WIDTH, height, out


def _moved(p: Prim, dx: float, dy: float) -> Prim:
    from dataclasses import replace

    if isinstance(p, Line):
        return replace(p, points=tuple((x + dx, y + dy) for x, y in p.points))
    return replace(p, x=p.x + dx, y=p.y + dy)
