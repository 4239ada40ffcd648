"""The priority matrix and the current-vs-target curves as PNG pictures for Word.

Drawn on ``curve_image``'s canvas, with the standard library alone, for the same reasons
(no dependency, the same bytes everywhere). The areas' numbers on the matrix are drawn as
seven-segment digits, so the picture needs no font; every word around the pictures (axes,
phase names, the legend) is real Word text beside them, and the alt text says it all.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from .curve_image import BAD, GOOD, GRID, GUIDE, LINE, NEUTRAL, TINT_DOWN, TINT_UP, WHITE, ZERO, Canvas, Colour

QUICK: Colour = (232, 245, 236)
BET: Colour = (235, 241, 250)
FILL: Colour = (246, 246, 246)
PIT: Colour = (251, 239, 238)
TARGET: Colour = (46, 139, 87)

_SEGMENTS = {
    "a": ((0, 0), (1, 0)),
    "b": ((1, 0), (1, 1)),
    "c": ((1, 1), (1, 2)),
    "d": ((0, 2), (1, 2)),
    "e": ((0, 1), (0, 2)),
    "f": ((0, 0), (0, 1)),
    "g": ((0, 1), (1, 1)),
}
_DIGITS = {
    "0": "abcdef",
    "1": "bc",
    "2": "abged",
    "3": "abgcd",
    "4": "fgbc",
    "5": "afgcd",
    "6": "afgedc",
    "7": "abc",
    "8": "abcdefg",
    "9": "abcdfg",
}


def _digits(canvas: Canvas, text: str, cx: float, cy: float, height: float, colour: Colour) -> None:
    """``text`` (digits) as seven-segment figures centred on (cx, cy)."""
    width, gap = height * 0.5, height * 0.25
    total = len(text) * width + (len(text) - 1) * gap
    left, top = cx - total / 2, cy - height / 2
    thickness = max(1.5, height * 0.14)
    for number, char in enumerate(text):
        x0 = left + number * (width + gap)
        for name in _DIGITS.get(char, ""):
            (ax, ay), (bx, by) = _SEGMENTS[name]
            a = (x0 + ax * width, top + ay * height / 2)
            b = (x0 + bx * width, top + by * height / 2)
            canvas.segment(a, b, colour, thickness)


def matrix_png(points: Sequence[tuple[int, int, int]], *, size_mm: float, dpi: int = 150) -> bytes:
    """``points``: (area number, impact 1-5, effort 1-5). Impact up, effort across, high impact
    and low effort (the quick wins) in the top-left quarter."""
    px = dpi / 25.4
    side = max(100, round(size_mm * px))
    canvas = Canvas(side, side)
    cell = side / 5

    def centre(impact: int, effort: int) -> tuple[float, float]:
        return ((effort - 0.5) * cell, (5 - impact + 0.5) * cell)

    for impact, effort in itertools.product(range(1, 6), range(1, 6)):
        tint = (QUICK if effort < 3 else BET) if impact >= 3 else (FILL if effort < 3 else PIT)
        x0, y0 = round((effort - 1) * cell), round((5 - impact) * cell)
        for y in range(y0, min(side, round(y0 + cell))):
            canvas.pixels[(y * side + x0) * 3 : (y * side + min(side, round(x0 + cell))) * 3] = bytes(tint) * (
                min(side, round(x0 + cell)) - x0
            )
    for k in range(1, 5):
        canvas.hline(k * cell, GRID, max(1.0, 0.25 * px))
        canvas.vline(k * cell, GRID, max(1.0, 0.25 * px))
    canvas.hline(2 * cell, ZERO, max(1.0, 0.5 * px))  # impact 3 and up above this line
    canvas.vline(2 * cell, ZERO, max(1.0, 0.5 * px))  # effort 3 and up right of it
    cells: dict[tuple[int, int], list[int]] = {}
    for number, impact, effort in points:
        cells.setdefault((impact, effort), []).append(number)
    for (impact, effort), numbers in cells.items():
        cx, cy = centre(impact, effort)
        count = len(numbers)
        radius = cell * (0.3 if count == 1 else 0.2 if count <= 4 else 0.14)
        per_row = 1 if count == 1 else 2 if count <= 4 else 3
        for at, number in enumerate(numbers):
            row, column = divmod(at, per_row)
            rows = (count + per_row - 1) // per_row
            x = cx + (column - (min(count, per_row) - 1) / 2) * radius * 2.2
            y = cy + (row - (rows - 1) / 2) * radius * 2.2
            colour = GOOD if impact >= 3 and effort < 3 else LINE if impact >= 3 else NEUTRAL if effort < 3 else BAD
            canvas.disc(x, y, radius, colour)
            _digits(canvas, str(number), x, y, radius * 1.0, WHITE)
    return canvas.png(dpi)


def pair_png(
    current: Sequence[float | None],
    target: Sequence[float | None],
    *,
    width_mm: float,
    height_mm: float,
    dpi: int = 150,
) -> bytes:
    """Both curves on one picture: the current one solid with filled dots, the target dashed
    with open rings, phase by phase (evenly spread; the phase names are Word text below)."""
    px = dpi / 25.4
    width, height = max(40, round(width_mm * px)), max(30, round(height_mm * px))
    canvas = Canvas(width, height)
    count = max(1, len(current))
    xs = [(i + 0.5) / count * width for i in range(count)]
    radius = max(3.0, 1.6 * px)
    top, bottom = radius + 2 * px, height - radius - 2 * px

    def y_of(value: float) -> float:
        return top + (2 - max(-2.0, min(2.0, value))) / 4 * (bottom - top)

    zero = y_of(0)
    canvas.rows(0, round(zero), TINT_UP)
    canvas.rows(round(zero), height, TINT_DOWN)
    for value in (2, 1, -1, -2):
        canvas.hline(y_of(value), GRID, max(1.0, 0.25 * px))
    for x in xs:
        canvas.vline(x, GUIDE, max(1.0, 0.25 * px), dash=max(2, round(1.2 * px)))
    canvas.hline(zero, ZERO, max(1.0, 0.4 * px), dash=max(2, round(1.5 * px)))
    now = [(x, y_of(v)) if v is not None else None for x, v in zip(xs, current, strict=False)]
    goal = [(x, y_of(v)) if v is not None else None for x, v in zip(xs, target, strict=False)]
    for a, b in itertools.pairwise(now):
        if a and b:
            canvas.segment(a, b, LINE, max(2.0, 0.9 * px))
    dash = max(3.0, 2.2 * px)
    for a, b in itertools.pairwise(goal):
        if a and b:
            length = ((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5
            steps = max(1, int(length / dash))
            for k in range(0, steps, 2):
                t0, t1 = k / steps, min(1.0, (k + 1) / steps)
                p0 = (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0)
                p1 = (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1)
                canvas.segment(p0, p1, TARGET, max(2.0, 0.8 * px))
    for point in now:
        if point:
            canvas.disc(*point, radius + max(1.0, 0.35 * px), WHITE)
            canvas.disc(*point, radius, LINE)
    for point in goal:
        if point:
            canvas.disc(*point, radius, WHITE)
            canvas.ring(*point, radius, max(1.5, 0.6 * px), TARGET)
    return canvas.png(dpi)
