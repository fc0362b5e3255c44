"""Charts painted as PNG with Pillow, from the same layout as the SVG charts (`drawing`).

For the Word report, which needs pictures: a matplotlib figure costs about a tenth of a second,
these a few milliseconds, so a report of a thousand targets takes seconds. Painted at twice the
layout's size (1280 pixels wide: about 215 dpi across a 15 cm picture). The text needs a font
that covers Chinese: the one `charts.cjk_font()` finds through matplotlib's font list (Pillow
comes with matplotlib, the `docx` extra); without one the charts are labelled in English.
"""

from __future__ import annotations

import io
import itertools
import os
from functools import lru_cache
from typing import Any

from ezplan.errors import printable
from ezplan.render.charts import Chart
from ezplan.render.drawing import Dot, Label, Line, Rect, layout, star

SCALE = 2


def _rgb(color: str, opacity: float = 1.0) -> tuple[int, int, int]:
    """A #rrggbb colour, blended over white for an opacity below 1."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return tuple(round(255 - (255 - v) * opacity) for v in (r, g, b))  # type: ignore[return-value]


@lru_cache(maxsize=16)
def _font(path: str | None, size: float, bold: bool) -> Any:
    from PIL import ImageFont

    px = round(size * SCALE)
    if path:
        file, _, face = path.rpartition("#")
        try:
            return ImageFont.truetype(file, px, index=int(face or 0))
        except (OSError, ValueError):
            pass
    try:
        import matplotlib

        dejavu = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
        return ImageFont.truetype(str(matplotlib.get_data_path()) + "/fonts/ttf/" + dejavu, px)
    except (ImportError, OSError):
        return ImageFont.load_default(px)


def _dashed(draw: Any, pts: list[tuple[float, float]], color: Any, width: int, dash: tuple) -> None:
    """A polyline, dashed when `dash` says so (on, off lengths in layout pixels)."""
    if not dash:
        draw.line(pts, fill=color, width=width, joint="curve")
        return
    on, off = dash[0] * SCALE, dash[1] * SCALE
    carry, drawing = 0.0, True
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        pos = 0.0
        while pos < length:
            step = min((on if drawing else off) - carry, length - pos)
            if drawing and length:
                a, b = pos / length, (pos + step) / length
                draw.line(
                    [
                        (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                        (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b),
                    ],
                    fill=color,
                    width=width,
                )
            pos += step
            carry += step
            if carry >= (on if drawing else off) - 1e-9:
                carry, drawing = 0.0, not drawing


def _dashed_rect(
    draw: Any, x: float, y: float, w: float, h: float, color: Any, dash: tuple
) -> None:
    _dashed(draw, [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)], color, SCALE, dash)


def png(c: Chart, font_path: str | None) -> bytes:
    from PIL import Image, ImageDraw

    width, height, prims = layout(c)
    img = Image.new("RGB", (width * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(img)
    s = SCALE
    for p in prims:
        if isinstance(p, Line):
            pts = [(x * s, y * s) for x, y in p.points]
            _dashed(draw, pts, _rgb(p.color), max(1, round(p.width * s)), p.dash)
        elif isinstance(p, Rect):
            box = [p.x * s, p.y * s, (p.x + p.w) * s, (p.y + p.h) * s]
            if p.fill:
                draw.rectangle(box, fill=_rgb(p.fill, p.opacity))
            if p.stroke:
                if p.dash:
                    _dashed_rect(draw, p.x * s, p.y * s, p.w * s, p.h * s, _rgb(p.stroke), p.dash)
                else:
                    draw.rectangle(box, outline=_rgb(p.stroke), width=s)
        elif isinstance(p, Dot):
            color = _rgb(p.color)
            fill = (255, 255, 255) if p.hollow else color
            x, y = p.x * s, p.y * s
            if p.kind in ("o", "."):
                r = (3.5 if p.kind == "o" else 2.2) * s
                draw.ellipse(
                    [x - r, y - r, x + r, y + r], fill=fill, outline=color, width=s // 2 or 1
                )
            elif p.kind == "s":
                r = 3.5 * s
                draw.rectangle([x - r, y - r, x + r, y + r], fill=fill, outline=color)
            else:
                draw.polygon([(a * s, b * s) for a, b in star(p.x, p.y)], fill=fill, outline=color)
        elif isinstance(p, Label):
            font = _font(font_path, p.size, p.bold)
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[p.anchor]
            draw.text(
                (p.x * s, p.y * s), printable(p.text), font=font, fill=_rgb(p.color), anchor=anchor
            )
    buf = io.BytesIO()
    img.save(buf, format="PNG", compress_level=1)
    return buf.getvalue()


PARALLEL_FROM = 64  # charts; below this, starting worker processes costs more than it saves


def _png_or_none(args: tuple[Chart | None, str | None]) -> bytes | None:
    c, font = args
    return None if c is None else png(c, font)


def many(charts: list[Chart | None], font: str | None) -> list[bytes | None]:
    """PNGs of many charts, on every core when there are many (Pillow holds the interpreter
    lock while it compresses, so threads would not help); in order, None for None."""
    jobs = [(c, font) for c in charts]
    workers = min(4, os.cpu_count() or 1)
    if len(jobs) >= PARALLEL_FROM and workers > 1:
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                return list(pool.map(_png_or_none, jobs, chunksize=16))
        except (OSError, BrokenProcessPool):  # no processes here: draw them one by one
            pass
    return [_png_or_none(job) for job in jobs]


def font_path(family: str | None) -> str | None:
    """The file of a font family, through matplotlib's font list, as "path#face" (the face
    in a .ttc collection)."""
    if family is None:
        return None
    from matplotlib import font_manager

    found = font_manager.findfont(
        font_manager.FontProperties(family=family), fallback_to_default=False
    )
    return f"{found}#{getattr(found, 'face_index', 0) or 0}"  # a plain, picklable string
