"""The emotion curve as a PNG picture for Word, drawn with the standard library alone.

Why not Pillow or matplotlib: the picture is a handful of anti-aliased lines, dots and
bands, and python-docx takes any PNG. A PNG is a zlib stream of RGB rows with a few
CRC'd chunks (``zlib`` + ``struct``), so drawing it here costs ~200 lines, adds no
dependency (matplotlib would pull in numpy and tens of MB and ~1 s of import; Pillow a
native wheel for four shapes), renders both pictures of a report in ~50 ms (blends run
as byte-table translations over slices, not a Python call a pixel) and gives the same
bytes on every machine. The
text around the curve (phase names, values) stays real Word text beside the picture,
in the document's own font and language.

Anti-aliasing comes from signed distances: a pixel's coverage is ``0.5 - distance``
clipped to 0..1, which is exact enough for lines and circles at print resolution.
"""

from __future__ import annotations

import functools
import itertools
import math
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Colour = tuple[int, int, int]

WHITE: Colour = (255, 255, 255)
TINT_UP: Colour = (240, 248, 242)
TINT_DOWN: Colour = (251, 241, 240)
GRID: Colour = (222, 226, 231)
ZERO: Colour = (150, 158, 168)
GUIDE: Colour = (236, 238, 242)
BAND: Colour = (211, 225, 243)
LINE: Colour = (31, 78, 121)
GOOD: Colour = (46, 139, 87)
BAD: Colour = (192, 57, 43)
NEUTRAL: Colour = (224, 165, 38)
HEART: Colour = (200, 45, 60)
CLOUD: Colour = (110, 118, 130)


BAND_ALPHA = 0.55


@functools.lru_cache(maxsize=256)
def _blend_table(value: int, alpha: float) -> bytes:
    """Byte translation table: every channel value blended towards ``value`` by ``alpha``."""
    return bytes(round(v + (value - v) * alpha) for v in range(256))


def _mix(base: Colour, colour: Colour, alpha: float) -> Colour:
    return tuple(round(b + (c - b) * alpha) for b, c in zip(base, colour, strict=True))  # type: ignore[return-value]


@dataclass(frozen=True)
class Dot:
    """One point of the curve: the value shown (-2..2 or None), its spread, and whether set by hand."""

    value: float | None
    spread: float = 0.0
    override: bool = False


class Canvas:
    """An RGB raster with alpha-blended painting."""

    def __init__(self, width: int, height: int, background: Colour = WHITE) -> None:
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(background) * (width * height))

    def blend(self, x: int, y: int, colour: Colour, alpha: float) -> None:
        if alpha <= 0 or not (0 <= x < self.width and 0 <= y < self.height):
            return
        i = (y * self.width + x) * 3
        if alpha >= 1:
            self.pixels[i : i + 3] = bytes(colour)
            return
        p = self.pixels
        p[i] = round(p[i] + (colour[0] - p[i]) * alpha)
        p[i + 1] = round(p[i + 1] + (colour[1] - p[i + 1]) * alpha)
        p[i + 2] = round(p[i + 2] + (colour[2] - p[i + 2]) * alpha)

    def rows(self, top: int, bottom: int, colour: Colour) -> None:
        """Fill whole rows ``top..bottom-1`` (fast: slice assignment)."""
        top, bottom = max(0, top), min(self.height, bottom)
        if bottom > top:
            self.pixels[top * self.width * 3 : bottom * self.width * 3] = bytes(colour) * (self.width * (bottom - top))

    def _tint(self, start: int, stop: int, step: int, colour: Colour, alpha: float) -> None:
        """Blend the pixels ``start:stop:step`` (pixel indices) towards ``colour``, channel by
        channel with translation tables: one C-level pass instead of a Python loop a pixel."""
        if alpha <= 0 or stop <= start:
            return
        alpha = min(alpha, 1.0)
        for channel, value in enumerate(colour):
            table = _blend_table(value, round(alpha, 3))
            view = slice(start * 3 + channel, stop * 3 + channel, step * 3)
            self.pixels[view] = self.pixels[view].translate(table)

    def hline(self, y: float, colour: Colour, thickness: float, dash: int = 0) -> None:
        for row in range(max(0, math.floor(y - thickness / 2 - 1)), min(self.height, math.ceil(y + thickness / 2 + 1))):
            alpha = min(1.0, max(0.0, thickness / 2 + 0.5 - abs(row + 0.5 - y)))
            base = row * self.width
            for start in range(0, self.width, 2 * dash or self.width):
                stop = min(self.width, start + (dash or self.width))
                self._tint(base + start, base + stop, 1, colour, alpha)

    def vline(self, x: float, colour: Colour, thickness: float, dash: int = 0) -> None:
        for column in range(
            max(0, math.floor(x - thickness / 2 - 1)), min(self.width, math.ceil(x + thickness / 2 + 1))
        ):
            alpha = min(1.0, max(0.0, thickness / 2 + 0.5 - abs(column + 0.5 - x)))
            for start in range(0, self.height, 2 * dash or self.height):
                stop = min(self.height, start + (dash or self.height))
                self._tint(start * self.width + column, stop * self.width + column, self.width, colour, alpha)

    def column(self, x: int, top: int, bottom: int, colour: Colour) -> None:
        """Set pixels ``top..bottom-1`` of column ``x`` to ``colour`` (slice assignment)."""
        top, bottom = max(0, top), min(self.height, bottom)
        if bottom <= top or not 0 <= x < self.width:
            return
        stride = self.width * 3
        for channel, value in enumerate(colour):
            start = top * stride + x * 3 + channel
            self.pixels[start : bottom * stride + x * 3 + channel : stride] = bytes([value]) * (bottom - top)

    def shape(self, box: tuple[float, float, float, float], distance: Callable[[float, float], float], colour: Colour):
        """Paint where the signed ``distance`` (pixels, negative inside) is below zero, anti-aliased."""
        x0, y0, x1, y1 = box
        pixels, width, solid = self.pixels, self.width, bytes(colour)
        red, green, blue = colour
        for y in range(max(0, math.floor(y0)), min(self.height, math.ceil(y1) + 1)):
            for x in range(max(0, math.floor(x0)), min(self.width, math.ceil(x1) + 1)):
                alpha = 0.5 - distance(x + 0.5, y + 0.5)
                if alpha <= 0:
                    continue
                i = (y * width + x) * 3  # ``blend`` inlined: the ranges keep x and y on the canvas
                if alpha >= 1:
                    pixels[i : i + 3] = solid
                    continue
                pixels[i] = round(pixels[i] + (red - pixels[i]) * alpha)
                pixels[i + 1] = round(pixels[i + 1] + (green - pixels[i + 1]) * alpha)
                pixels[i + 2] = round(pixels[i + 2] + (blue - pixels[i + 2]) * alpha)

    def segment(self, a: tuple[float, float], b: tuple[float, float], colour: Colour, thickness: float) -> None:
        """A thick line with round ends, visiting only the pixels within reach of it."""
        (ax, ay), (bx, by) = (a, b) if a[0] <= b[0] else (b, a)
        r = thickness / 2
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy or 1e-9
        steep = abs(dx) < 1e-6
        reach = r * math.hypot(1.0, dy / dx) + 1.5 if not steep else abs(dy) / 2 + r + 1.5
        # ``blend`` inlined (the ranges keep x and y on the canvas): a line is most of a picture's pixels
        pixels, width, solid = self.pixels, self.width, bytes(colour)
        red, green, blue = colour
        # the per-pixel sums are the ones written out before, shared (``qx`` is ``px - ax``,
        # ``qy`` is ``py - ay``, ``edge`` is ``0.5 + r``): the same floats, so the same pixels
        hypot, edge = math.hypot, 0.5 + r
        for x in range(max(0, math.floor(ax - r - 1)), min(self.width, math.ceil(bx + r + 1) + 1)):
            qx = x + 0.5 - ax
            t = 0.5 if steep else max(0.0, min(1.0, qx / dx))
            centre = ay + t * dy
            along = qx * dx
            for y in range(max(0, math.floor(centre - reach)), min(self.height, math.ceil(centre + reach) + 1)):
                qy = y + 0.5 - ay
                u = (along + qy * dy) / length2
                u = 0.0 if u < 0.0 else 1.0 if u > 1.0 else u
                alpha = edge - hypot(qx - u * dx, qy - u * dy)
                if alpha <= 0:
                    continue
                i = (y * width + x) * 3
                if alpha >= 1:
                    pixels[i : i + 3] = solid
                    continue
                pixels[i] = round(pixels[i] + (red - pixels[i]) * alpha)
                pixels[i + 1] = round(pixels[i + 1] + (green - pixels[i + 1]) * alpha)
                pixels[i + 2] = round(pixels[i + 2] + (blue - pixels[i + 2]) * alpha)

    def disc(self, cx: float, cy: float, radius: float, colour: Colour) -> None:
        """``shape`` with the circle's distance written into the loop (no call a pixel): the
        same floats (``hypot(x + 0.5 - cx, y + 0.5 - cy) - radius``), so the same pixels."""
        x0, y0, x1, y1 = cx - radius - 1, cy - radius - 1, cx + radius + 1, cy + radius + 1
        pixels, width, solid = self.pixels, self.width, bytes(colour)
        red, green, blue = colour
        hypot = math.hypot
        columns = range(max(0, math.floor(x0)), min(self.width, math.ceil(x1) + 1))
        for y in range(max(0, math.floor(y0)), min(self.height, math.ceil(y1) + 1)):
            dy = y + 0.5 - cy
            for x in columns:
                alpha = 0.5 - (hypot(x + 0.5 - cx, dy) - radius)
                if alpha <= 0:
                    continue
                i = (y * width + x) * 3
                if alpha >= 1:
                    pixels[i : i + 3] = solid
                    continue
                pixels[i] = round(pixels[i] + (red - pixels[i]) * alpha)
                pixels[i + 1] = round(pixels[i + 1] + (green - pixels[i + 1]) * alpha)
                pixels[i + 2] = round(pixels[i + 2] + (blue - pixels[i + 2]) * alpha)

    def ring(self, cx: float, cy: float, radius: float, width: float, colour: Colour) -> None:
        box = (cx - radius - width, cy - radius - width, cx + radius + width, cy + radius + width)
        self.shape(box, lambda x, y: abs(math.hypot(x - cx, y - cy) - radius) - width / 2, colour)

    def png(self, dpi: int = 150) -> bytes:
        raw = bytearray()
        stride = self.width * 3
        for y in range(self.height):
            raw.append(0)  # filter: none
            raw += self.pixels[y * stride : (y + 1) * stride]

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

        per_metre = round(dpi / 0.0254)
        return b"".join(
            [
                b"\x89PNG\r\n\x1a\n",
                chunk(b"IHDR", struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)),
                chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
                # level 3: a third of level 6's time (~7 ms a report) for ~25% more bytes, which
                # the .docx's own deflate takes back in part (+6 KB a report); the same pixels
                chunk(b"IDAT", zlib.compress(bytes(raw), 3)),
                chunk(b"IEND", b""),
            ]
        )


def _heart(canvas: Canvas, cx: float, cy: float, size: float) -> None:
    """The heart curve ``(u² + v² - 1)³ - u²v³ <= 0``, 4x4 samples a pixel. The samples' ``u²``
    (four a pixel column) and each sample row's ``v²`` and ``v³`` are worked out once, a sample
    row is tested in one list, and the hits are added up in C (the same float operations in
    the same order as one sample at a time, so the very same pixels)."""
    offsets = [(i + 0.5) / 4 for i in range(4)]
    x0, y0, x1, y1 = cx - size, cy - size, cx + size, cy + size
    xs = range(math.floor(x0), math.ceil(x1))
    squares = [u * u for u in [((x + ox) - cx) / size * 1.3 for x in xs for ox in offsets]]
    for y in range(math.floor(y0), math.ceil(y1)):
        rows = [
            [(uu + vv - 1) ** 3 - uu * v3 <= 0 for uu in squares]
            for vv, v3 in [(v * v, v**3) for v in [-((y + oy) - cy) / size * 1.3 + 0.25 for oy in offsets]]
        ]
        by_sample_column = map(sum, zip(*rows, strict=True))
        for x, hits in zip(xs, map(sum, zip(*[by_sample_column] * 4, strict=True)), strict=True):
            if hits:
                canvas.blend(x, y, HEART, hits / 16)


def _cloud(canvas: Canvas, cx: float, cy: float, size: float) -> None:
    puffs = [(-0.45, 0.15, 0.38), (0.0, -0.15, 0.5), (0.45, 0.12, 0.4)]

    def distance(x: float, y: float) -> float:
        return min(math.hypot(x - (cx + px * size), y - (cy + py * size)) - r * size for px, py, r in puffs)

    canvas.shape((cx - size, cy - size, cx + size, cy + size * 0.7), distance, CLOUD)
    bolt = [(0.05, 0.35), (-0.15, 0.8), (0.08, 0.72), (-0.05, 1.15)]
    for (ax, ay), (bx, by) in itertools.pairwise(bolt):
        canvas.segment((cx + ax * size, cy + ay * size), (cx + bx * size, cy + by * size), NEUTRAL, size * 0.12)


def _band(canvas: Canvas, left: tuple[float, Dot], right: tuple[float, Dot], top: float, bottom: float, zero: int):
    """The spread band between two dots with values, a pixel column at a time: ``Canvas.column``
    twice and ``Canvas.blend`` at both edges, written into one loop (two thousand columns a
    report), with ``curve_png``'s ``y_of`` spelled out: the same floats, so the same pixels."""
    (xa, a), (xb, b) = left, right
    assert a.value is not None and b.value is not None
    pixels, width, height, stride = canvas.pixels, canvas.width, canvas.height, canvas.width * 3
    up, down = _mix(TINT_UP, BAND, BAND_ALPHA), _mix(TINT_DOWN, BAND, BAND_ALPHA)
    fills = [memoryview(bytes([value]) * height) for value in (*up, *down)]
    span, floor, ceil = bottom - top, math.floor, math.ceil
    for x in range(max(0, floor(xa)), min(width, ceil(xb))):
        t = (x + 0.5 - xa) / (xb - xa)
        value = a.value + (b.value - a.value) * t
        spread = a.spread + (b.spread - a.spread) * t
        y0 = top + (2 - max(-2.0, min(2.0, value + spread))) / 4 * span
        y1 = top + (2 - max(-2.0, min(2.0, value - spread))) / 4 * span
        first, last = max(0, ceil(y0)), min(height, floor(y1))
        split = min(max(first, zero), last)
        for run_top, run_bottom, offset in ((first, split, 0), (split, last, 3)):
            if run_bottom > run_top:
                for channel in range(3):
                    start = x * 3 + channel
                    pixels[run_top * stride + start : run_bottom * stride + start : stride] = fills[offset + channel][
                        : run_bottom - run_top
                    ]
        for y, alpha in ((first - 1, (first - y0) * BAND_ALPHA), (last, (y1 - last) * BAND_ALPHA)):
            if alpha > 0 and 0 <= y < height:
                canvas.blend(x, y, BAND, alpha)


def curve_png(
    dots: Sequence[Dot],
    *,
    width_mm: float,
    height_mm: float,
    centres: Sequence[float] | None = None,
    dpi: int = 150,
    icons: bool = True,
) -> bytes:
    """The curve as PNG bytes.

    ``centres`` are the dots' horizontal positions as fractions of the width (e.g. the
    centres of the map table's phase columns); by default the dots are evenly spread.
    """
    px = dpi / 25.4
    width, height = max(40, round(width_mm * px)), max(30, round(height_mm * px))
    canvas = Canvas(width, height)
    count = len(dots)
    if centres is None:
        centres = [(i + 0.5) / count for i in range(count)]
    radius = max(3.0, 1.6 * px)
    pad = radius + 2 * px
    top, bottom = pad, height - pad

    def y_of(value: float) -> float:
        return top + (2 - max(-2.0, min(2.0, value))) / 4 * (bottom - top)

    zero = y_of(0)
    canvas.rows(0, round(zero), TINT_UP)
    canvas.rows(round(zero), height, TINT_DOWN)
    xs = [c * width for c in centres]

    # spread band between neighbouring dots that both have a value; drawn on the plain
    # tints, so its inside is one of two precomputed colours (fast), only its edges blend
    for (xa, a), (xb, b) in itertools.pairwise(zip(xs, dots, strict=True)):
        if a.value is not None and b.value is not None:
            _band(canvas, (xa, a), (xb, b), top, bottom, round(zero))

    for value in (2, 1, -1, -2):
        canvas.hline(y_of(value), GRID, max(1.0, 0.25 * px))
    for x in xs:
        canvas.vline(x, GUIDE, max(1.0, 0.25 * px), dash=max(2, round(1.2 * px)))
    canvas.hline(zero, ZERO, max(1.0, 0.4 * px), dash=max(2, round(1.5 * px)))

    points = [(x, y_of(d.value)) if d.value is not None else None for x, d in zip(xs, dots, strict=True)]
    for a, b in itertools.pairwise(points):
        if a and b:
            canvas.segment(a, b, LINE, max(2.0, 0.9 * px))
    for point, dot in zip(points, dots, strict=True):
        if point is None or dot.value is None:
            continue
        colour = GOOD if dot.value >= 0.5 else BAD if dot.value <= -0.5 else NEUTRAL
        if dot.override:
            canvas.disc(*point, radius, WHITE)
            canvas.ring(*point, radius, max(1.5, 0.6 * px), colour)
        else:
            canvas.disc(*point, radius + max(1.0, 0.35 * px), WHITE)
            canvas.disc(*point, radius, colour)
    if icons:
        size = min(3.0 * px, (bottom - top) / 5)
        _heart(canvas, size + 2, y_of(2), size)
        _cloud(canvas, size + 2, y_of(-2) - size * 0.3, size)
    return canvas.png(dpi)
