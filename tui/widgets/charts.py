"""Small plain-text charts for the terminal (no Textual here: commands use them too).

``braille_curve`` draws the emotion curve as a line over phases using braille dots
(2x4 dots per character, so a 5-row chart has 20 vertical steps); ``bars`` draws
horizontal bars for saturation.
"""

from __future__ import annotations

from collections.abc import Sequence

BRAILLE_BASE = 0x2800
# dot bits for (x, y) within a cell, y from top (0..3)
_DOTS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))
BLOCKS = " ▏▎▍▌▋▊▉█"


def _y_to_dot(value: float, rows: int, low: float, high: float) -> int:
    """Dot row (0 = top) for ``value`` on a ``rows``-line chart."""
    dots = rows * 4
    share = (value - low) / (high - low) if high > low else 0.5
    share = min(1.0, max(0.0, share))
    return round((1 - share) * (dots - 1))


def braille_curve(
    values: Sequence[float | None],
    *,
    column_width: int,
    rows: int = 5,
    low: float = -2.0,
    high: float = 2.0,
) -> list[str]:
    """One line per chart row; each value is centred in its column, joined by straight lines.

    ``None`` values leave a gap (no feeling recorded in that phase).
    """
    column_width = max(1, column_width)
    points = [(i * column_width + column_width // 2, value) for i, value in enumerate(values)]
    return braille_points(points, width=column_width * len(values), rows=rows, low=low, high=high)


def braille_points(
    points: Sequence[tuple[float, float | None]],
    *,
    width: int,
    rows: int = 5,
    low: float = -2.0,
    high: float = 2.0,
) -> list[str]:
    """A line through ``(x in characters, value)`` points, left to right; ``None`` breaks the line."""
    width = max(1, width)
    dots_w = width * 2
    grid = [[0] * width for _ in range(rows)]

    def plot(x: int, y: int) -> None:
        if 0 <= x < dots_w and 0 <= y < rows * 4:
            grid[y // 4][x // 2] |= _DOTS[x % 2][y % 4]

    previous: tuple[int, int] | None = None
    for x_chars, value in points:
        if value is None:
            previous = None
            continue
        point = (round(x_chars * 2), _y_to_dot(value, rows, low, high))
        if previous is None:
            plot(*point)
        else:
            (x0, y0), (x1, y1) = previous, point
            steps = max(abs(x1 - x0), abs(y1 - y0), 1)
            for step in range(steps + 1):
                plot(round(x0 + (x1 - x0) * step / steps), round(y0 + (y1 - y0) * step / steps))
        previous = point
    return ["".join(chr(BRAILLE_BASE + bits) if bits else " " for bits in row) for row in grid]


def bar(value: float, maximum: float, width: int) -> str:
    """A horizontal bar in eighths of a character."""
    if maximum <= 0 or value <= 0:
        return ""
    eighths = round(min(value, maximum) / maximum * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + (BLOCKS[part] if part else "")
