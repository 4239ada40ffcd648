"""The curve lane's lines: the emotion curve over the phases, its values, and the detail asked for.

Kept apart from the board widget, which only places these lines among the other lanes:
``l`` cycles the detail from the curve alone to one line per participant to the curve
item by item (touchpoints), and each is a different chart. When staff were interviewed,
the staff view follows the customer curve as a chart of its own (``staff_lines``).
"""

from __future__ import annotations

from rich.text import Text

from trodden.models.map.board_model import BoardModel
from trodden.models.names import visible
from trodden.tui.i18n import _
from trodden.tui.widgets.charts import braille_curve, braille_points

from .board_text import LABEL_WIDTH, cell_text, curve_label

CURVE_ROWS = 5
PARTICIPANT_ROWS = 2
STAFF_ROWS = 3


def staff_lines(model: BoardModel, column: int) -> list[Text]:
    """The staff view under the customer curve: its own chart, label and colour, never mixed in."""
    if not model.staff:
        return []
    lines = []
    chart = braille_curve([point.value for point in model.staff_curve], column_width=column, rows=STAFF_ROWS)
    for row, chart_line in enumerate(chart):
        first = _("Staff ({n})").format(n=len(model.staff))
        label = Text(first if row == 0 else (" " + _("view") if row == 1 else ""), style="bold blue")
        label.truncate(LABEL_WIDTH, pad=True)
        label.append(chart_line, style="blue")
        lines.append(label)
    values = Text(" " * LABEL_WIDTH)
    for point in model.staff_curve:
        values.append_text(cell_text(curve_label(point), column))
    lines.append(values)
    return lines


def curve_lines(model: BoardModel, column: int, mode: str) -> tuple[list[Text], int]:
    """The lane's lines and the index of the one the cursor sits on (the values under the chart).

    ``mode``: "" (the curve), "participants" (a line each) or "touchpoints" (item by item).
    """
    lines: list[Text] = []
    values = [point.shown for point in model.curve]
    chart = braille_curve(values, column_width=column, rows=CURVE_ROWS)
    for row, chart_line in enumerate(chart):
        label = Text(_("Curve") if row == 0 else "", style="bold")
        label.append(" +2" if row == 0 else (" -2" if row == CURVE_ROWS - 1 else ""), style="dim")
        label.truncate(LABEL_WIDTH, pad=True)
        styles = ["yellow" if p.override else "green" for p in model.curve]
        for index, style in enumerate(styles):
            label.append(chart_line[index * column : (index + 1) * column], style=style)
        lines.append(label)
    label_line = Text(" " * LABEL_WIDTH)
    for point in model.curve:
        label_line.append_text(cell_text(curve_label(point), column))
    lines.append(label_line)
    cursor_at = len(lines) - 1
    lines += staff_lines(model, column)
    if mode == "touchpoints":
        points: list[tuple[float, float | None]] = []
        for phase_index, (_phase, feelings) in enumerate(model.touchpoint_curve):
            step = column / max(1, len(feelings))
            points += [(phase_index * column + step * (i + 0.5), v) for i, v in enumerate(feelings) if v is not None]
        chart = braille_points(points, width=column * len(model.phases), rows=CURVE_ROWS)
        for row, chart_line in enumerate(chart):
            label = Text("  touchpoints" if row == 0 else "", style="dim")
            label.truncate(LABEL_WIDTH, pad=True)
            label.append(chart_line, style="cyan")
            lines.append(label)
    if mode == "participants":
        for code in model.participants:
            values = [point.per_participant.get(code) for point in model.curve]
            chart = braille_curve(values, column_width=column, rows=PARTICIPANT_ROWS)
            for row, chart_line in enumerate(chart):
                label = Text(f"  {visible(code)}" if row == 0 else "", style="dim")
                label.truncate(LABEL_WIDTH, pad=True)
                label.append(chart_line, style="magenta")
                lines.append(label)
    return lines, cursor_at
