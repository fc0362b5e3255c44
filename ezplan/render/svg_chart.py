"""Charts written as SVG text directly — no plotting library, a few milliseconds a chart.

The HTML report draws one chart per target; with matplotlib a chart costs about a tenth of a
second (a figure, a layout pass, a renderer), which for a thousand targets is minutes. These
charts are simple (lines, bars, markers, a band, a legend — see `drawing.layout`), so they are
written as SVG elements: text stays text, rendered by the reader's own fonts (Chinese included,
nothing to install), and the page stays small. Everything from the plan is escaped; no ids are
used, so any number of charts can share one page.
"""

from __future__ import annotations

from html import escape

from ezplan.errors import printable
from ezplan.render.charts import Chart
from ezplan.render.drawing import Dot, Line, Prim, Rect, layout, star

FONT = (
    "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','SimHei',"
    "'WenQuanYi Micro Hei',sans-serif"
)
_ANCHOR = {"start": "start", "middle": "middle", "end": "end"}


def _x(s: str) -> str:
    """Text for SVG: printable and escaped, never markup."""
    return escape(printable(s), quote=True)


def _n(x: float) -> str:
    """A coordinate: two decimals are plenty on a 640-wide drawing."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _dash(dash: tuple[float, ...]) -> str:
    return f' stroke-dasharray="{" ".join(_n(d) for d in dash)}"' if dash else ""


def element(p: Prim) -> str:
    if isinstance(p, Line):
        pts = " ".join(f"{_n(x)},{_n(y)}" for x, y in p.points)
        return (
            f'<polyline points="{pts}" fill="none" stroke="{p.color}" '
            f'stroke-width="{_n(p.width)}"{_dash(p.dash)}/>'
        )
    if isinstance(p, Rect):
        fill = f'fill="{p.fill}"' if p.fill else 'fill="none"'
        if p.fill and p.opacity < 1:
            fill += f' fill-opacity="{_n(p.opacity)}"'
        stroke = f' stroke="{p.stroke}"{_dash(p.dash)}' if p.stroke else ""
        return (
            f'<rect x="{_n(p.x)}" y="{_n(p.y)}" width="{_n(p.w)}" height="{_n(p.h)}" '
            f"{fill}{stroke}/>"
        )
    if isinstance(p, Dot):
        fill = "#ffffff" if p.hollow else p.color
        if p.kind == "o":
            return (
                f'<circle cx="{_n(p.x)}" cy="{_n(p.y)}" r="3.5" fill="{fill}" stroke="{p.color}"/>'
            )
        if p.kind == ".":
            return f'<circle cx="{_n(p.x)}" cy="{_n(p.y)}" r="2.2" fill="{p.color}"/>'
        if p.kind == "s":
            return (
                f'<rect x="{_n(p.x - 3.5)}" y="{_n(p.y - 3.5)}" width="7" height="7" '
                f'fill="{fill}" stroke="{p.color}"/>'
            )
        pts = " ".join(f"{_n(x)},{_n(y)}" for x, y in star(p.x, p.y))
        return f'<polygon points="{pts}" fill="{fill}" stroke="{p.color}"/>'
    weight = ' font-weight="bold"' if p.bold else ""
    anchor = f' text-anchor="{_ANCHOR[p.anchor]}"' if p.anchor != "start" else ""
    return (
        f'<text x="{_n(p.x)}" y="{_n(p.y)}" font-size="{_n(p.size)}" fill="{p.color}"'
        f"{anchor}{weight}>{_x(p.text)}</text>"
    )


def svg(c: Chart) -> str:
    """One chart as an <svg> element (no XML prolog), sized to its content."""
    width, height, prims = layout(c)
    label = _x(f"{c.title} — {c.subtitle}" if c.subtitle else c.title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{label}" '
        f'font-family="{escape(FONT)}"><title>{label}</title>'
        f"{''.join(element(p) for p in prims)}</svg>"
    )


def document(charts: list[Chart]) -> str:
    """A standalone SVG file: the charts one below the other."""
    inner, y, width = [], 0, 1
    for c in charts:
        w, h, _ = layout(c)
        inner.append(svg(c).replace("<svg ", f'<svg x="0" y="{y}" ', 1))
        y, width = y + h, max(width, w)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {max(y, 1)}" '
        f'width="{width}" height="{max(y, 1)}">{"".join(inner)}</svg>\n'
    )
