"""The board: phases as columns, lanes as rows, drawn line by line (Line API).

Only the visible lines are rendered, and a rebuild after an edit lays out text, not
widgets, so a map with hundreds of items stays instant. Keys live in the map screen's
action registry; this widget only moves its cursor and draws.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from trodden.models.map.board_model import BoardModel, Entry
from trodden.models.map.journey_map import Lane
from trodden.models.names import visible
from trodden.tui.i18n import _
from trodden.tui.widgets.line_list import LineList
from trodden.tui.widgets.scrollbars import resize

from .board_cells import CellPainter, render
from .board_curve import curve_lines
from .board_places import STICKY, BoardPlaces
from .board_text import LABEL_WIDTH

MIN_COLUMN = 20
TEXT_CACHE = 20_000
"""board lines whose text is kept; beyond that the cache starts again (a long workshop)"""


@dataclass(frozen=True)
class Cursor:
    lane: int = 0
    phase: int = 0
    row: int = 0


class Board(BoardPlaces, LineList, can_focus=True, inherit_bindings=False):
    """The map board. ``model`` is set by the screen; the cursor picks an entry (styles: ``map.tcss``)."""

    class CursorMoved(Message):
        def __init__(self, board: Board, *, by_user: bool) -> None:
            super().__init__()
            self.board = board
            self.by_user = by_user
            """False when the screen put the cursor on an item it just changed"""

    class Opened(Message):
        """A double click on an entry: open it, as enter does."""

        def __init__(self, board: Board) -> None:
            super().__init__()
            self.board = board

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model: BoardModel | None = None
        self.cursor = Cursor()
        self.curve_mode = ""
        """"" (the curve), "participants" (a line each) or "touchpoints" (the curve item by item)"""
        self._lines: list[Text | tuple[Lane, int]] = []
        """per line: ready text, or (lane, row) of cells drawn when the line is first shown"""
        self._line_cell: list[tuple[int, int] | None] = []
        """per line: (lane index, row) its cells belong to (for the cursor highlight)"""
        self._line_lane: list[int | None] = []
        """per line: the lane it shows (None: the header, a divider), for a click"""
        self._lane_rows: list[int] = []
        self._cursor_y: dict[tuple[int, int], int] = {}
        self._column = MIN_COLUMN
        self._keys: list[tuple | None] = []
        """per line: a value that changes whenever the line's text does (what is drawn is cached by it),
        worked out when the line is first drawn or compared (None until then: most lines are out of sight)"""
        self._strips: dict[tuple, Strip] = {}
        """drawn lines by (key, cursor column, focus): an edit redraws only the lines whose text changed"""
        self._painter = CellPainter()
        self._cursor_line: int | None = None
        """the line the cursor was last drawn on"""
        self._curve_drawn: tuple[tuple, tuple[list[Text], int]] | None = None
        """what the curve lane showed last, and its lines"""
        self.others: dict[tuple[int, int], dict[int, str]] = {}
        """the other researchers' cursors: (lane index, row) -> {phase index: initials}"""

    def set_others(self, others: dict[tuple[int, int], dict[int, str]]) -> None:
        if others != self.others:
            self.others = others
            self.refresh()

    # ------------------------------------------------------------------ model
    def set_model(self, model: BoardModel) -> None:
        """Show ``model``, redrawing only the visible lines that read differently."""
        self.model = model
        self._painter.trim()
        if len(self._strips) > TEXT_CACHE:
            self._strips.clear()
        old_keys = self._keys
        self._layout()
        self._clamp()
        top = self.scroll_offset.y
        shown = [*range(STICKY), *range(top + STICKY, top + self.scrollable_content_region.height)]
        for y in shown:  # lines out of sight are drawn when shown
            old = old_keys[y] if y < len(old_keys) else None
            if old is None or old != (self._key(y) if y < len(self._keys) else None):
                self.refresh_line(y)
        self._refresh_cursor()

    def on_resize(self) -> None:
        self._layout()
        self.refresh()

    @property
    def lanes(self) -> list[Lane]:
        return self.model.lanes if self.model else list(Lane)

    def _layout(self) -> None:
        model = self.model
        if model is None:
            self._lines, self._line_cell, self._line_lane, self._keys = [], [], [], []
            return
        phases = model.phases
        count = max(1, len(phases))
        width = max(self.scrollable_content_region.width - 1, 40)
        self._column = max(MIN_COLUMN, (width - LABEL_WIDTH) // count)
        column = self._column
        lines: list[Text | tuple[Lane, int]] = []
        cells: list[tuple[int, int] | None] = []
        lane_of: list[int | None] = [None, None]  # the header and its rule
        header = Text(" " * LABEL_WIDTH)
        for number, phase in enumerate(phases, start=1):
            title = Text(f"{number} ", style="bold cyan")
            waiting = model.waiting.get(phase.id, 0)
            if waiting:
                title.append(f"({waiting}) ", style="yellow")
            title.append(visible(phase.name), style="bold")
            title.truncate(column - 1, overflow="ellipsis", pad=True)
            header.append_text(title)
            header.append("│", style="dim")
        if not phases:
            header.append(_("no phases yet: press A to add one"), style="italic")
        lines.append(header)
        cells.append(None)
        lines.append(Text("─" * (LABEL_WIDTH + column * count - 1), style="dim"))
        cells.append(None)
        self._cursor_y = {}
        self._lane_rows = []
        for lane_index, lane in enumerate(model.lanes):
            if lane is Lane.CURVE:
                self._lane_rows.append(1)
                drawn, cursor_at = self._curve_lines(model, column)
                self._cursor_y[(lane_index, 0)] = len(lines) + cursor_at
                lines += drawn
                cells += [(lane_index, 0) if number == cursor_at else None for number in range(len(drawn))]
                lane_of += [lane_index] * len(drawn)
            else:
                rows = max([len(model.cell(lane, p)) for p in range(len(phases))] + [1])
                self._lane_rows.append(rows)
                for row in range(rows):
                    self._cursor_y[(lane_index, row)] = len(lines)
                    lines.append((lane, row))
                    cells.append((lane_index, row))
                    lane_of.append(lane_index)
            lines.append(Text("┈" * (LABEL_WIDTH + column * count - 1), style="dim"))
            cells.append(None)
            lane_of.append(None)
        self._lines, self._line_cell, self._line_lane = lines, cells, lane_of
        self._keys = [None] * len(lines)
        size = Size(LABEL_WIDTH + column * count, len(lines))
        if size != self.virtual_size:
            # only the scrollbars depend on it: no layout of the screen, no bar redrawn whole
            # (set_model redraws the lines that changed)
            resize(self, size)

    def _curve_lines(self, model: BoardModel, column: int) -> tuple[list[Text], int]:
        """The curve lane's lines, drawn again only when what they show changed (an edit's board
        keeps the curve until after its frame; drawing the charts is ~1 ms)."""
        mode = self.curve_mode
        shown = (column, mode, len(model.phases), model.curve, model.staff, model.staff_curve)
        shown += (model.touchpoint_curve if mode == "touchpoints" else None, model.participants if mode else None)
        if self._curve_drawn is None or self._curve_drawn[0] != shown:
            self._curve_drawn = (shown, curve_lines(model, column, mode))
        return self._curve_drawn[1]

    def _key(self, y: int) -> tuple:
        key = self._keys[y]
        if key is None:
            assert self.model is not None
            key = self._keys[y] = line_key(self.model, self._column, self._lines[y])
        return key

    # ----------------------------------------------------------------- cursor
    def entry(self) -> Entry | None:
        if self.model is None or not self.model.phases:
            return None
        lane = self.lanes[self.cursor.lane]
        entries = self.model.cell(lane, self.cursor.phase)
        return entries[self.cursor.row] if self.cursor.row < len(entries) else None

    @property
    def lane(self) -> Lane:
        return self.lanes[self.cursor.lane]

    def _clamp(self) -> None:
        if self.model is None:
            return
        phases = max(1, len(self.model.phases))
        lane = min(max(self.cursor.lane, 0), len(self.lanes) - 1)
        phase = min(max(self.cursor.phase, 0), phases - 1)
        rows = max(1, len(self.model.cell(self.lanes[lane], phase))) if self.model.phases else 1
        if self.lanes[lane] is Lane.CURVE:
            rows = 1
        row = min(max(self.cursor.row, 0), rows - 1)
        self.cursor = Cursor(lane, phase, row)

    def move(self, *, lane: int = 0, phase: int = 0, row: int = 0) -> None:
        """Move by whole lanes, phases or rows; rows spill over into the next/previous lane."""
        if self.model is None:
            return
        cursor = self.cursor
        if row:
            size = 1 if self.lane is Lane.CURVE else max(1, len(self.model.cell(self.lane, cursor.phase)))
            new_row = cursor.row + row
            if 0 <= new_row < size:
                cursor = Cursor(cursor.lane, cursor.phase, new_row)
            elif new_row < 0 and cursor.lane > 0:
                previous = cursor.lane - 1
                prev_lane = self.lanes[previous]
                rows = 1 if prev_lane is Lane.CURVE else max(1, len(self.model.cell(prev_lane, cursor.phase)))
                cursor = Cursor(previous, cursor.phase, rows - 1)
            elif new_row >= size and cursor.lane < len(self.lanes) - 1:
                cursor = Cursor(cursor.lane + 1, cursor.phase, 0)
        if lane:
            cursor = Cursor(cursor.lane + lane, cursor.phase, 0)
        if phase:
            cursor = Cursor(cursor.lane, cursor.phase + phase, cursor.row)
        self.cursor = cursor
        self._clamp()
        self._after_cursor(by_user=True)

    def go_to(self, lane: Lane, phase: int, ref: int | str | None = None) -> None:
        """Put the cursor on ``ref`` in a cell (or the cell's first entry)."""
        if self.model is None:
            return
        lane_index = self.lanes.index(lane)
        row = 0
        if ref is not None:
            for number, entry in enumerate(self.model.cell(lane, phase)):
                if entry.ref == ref:
                    row = number
                    break
        self.cursor = Cursor(lane_index, phase, row)
        self._clamp()
        self._after_cursor(by_user=False)

    def find(self, ref: int, lanes: tuple[Lane, ...]) -> tuple[Lane, int] | None:
        if self.model is None:
            return None
        for lane in lanes:
            for phase_index in range(len(self.model.phases)):
                if any(e.ref == ref for e in self.model.cell(lane, phase_index)):
                    return lane, phase_index
        return None

    def _after_cursor(self, *, by_user: bool) -> None:
        y = self._cursor_y.get((self.cursor.lane, self.cursor.row))
        if y is not None:
            x = LABEL_WIDTH + self.cursor.phase * self._column
            self.scroll_to_region_if_needed(y, x)
        self._refresh_cursor()
        self.post_message(self.CursorMoved(self, by_user=by_user))

    def _refresh_cursor(self) -> None:
        """Redraw the line the cursor left and the one it is on (a scroll redraws everything itself)."""
        y = self._cursor_y.get((self.cursor.lane, self.cursor.row))
        for line in {self._cursor_line, y} - {None}:
            self.refresh_line(line)  # type: ignore[arg-type]
        self._cursor_line = y

    # ----------------------------------------------------------------- render
    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        # the phase names and the rule under them stay at the top while the lanes scroll up
        line_y = y if y < STICKY else scroll_y + y
        width = self._width
        strip = self._strip(line_y)
        if not scroll_x:
            return strip.crop_extend(0, width, self._style)
        # the lane labels stay put while the phases scroll sideways
        label = strip.crop_extend(0, LABEL_WIDTH, self._style)
        cells = strip.crop_extend(LABEL_WIDTH + scroll_x, scroll_x + width, self._style)
        return Strip.join([label, cells])

    def refresh_line(self, y: int) -> None:
        """Line ``y`` of the board; the sticky header lines are always on the top screen rows."""
        if y < STICKY:
            self.refresh(Region(0, y, max(self.virtual_size.width, self.size.width), 1))
        else:
            super().refresh_line(y)

    def _strip(self, line_y: int) -> Strip:
        """The whole line drawn, from the cache while its text, the cursor on it and the focus are the same."""
        if line_y >= len(self._lines):
            return Strip.blank(0)
        on_cursor = self._line_cell[line_y] == (self.cursor.lane, self.cursor.row) and self.model and self.model.phases
        marks = self.others.get(self._line_cell[line_y] or (-1, -1), {})
        key = (self._key(line_y), self.cursor.phase if on_cursor else None, on_cursor and self.has_focus, str(marks))
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._render_full_line(line_y, bool(on_cursor))
        return strip

    def _render_full_line(self, line_y: int, on_cursor: bool) -> Strip:
        text = self._lines[line_y]
        if isinstance(text, tuple):
            assert self.model is not None
            lane, row = text
            cursor = self.cursor.phase if on_cursor else None
            marks = self.others.get(self._line_cell[line_y] or (-1, -1), {})
            painter = self._painter
            return painter.row(self.model, lane, row, self._column, cursor, self.has_focus, self.app.console, marks)
        if on_cursor:
            text = text.copy()
            start = LABEL_WIDTH + self.cursor.phase * self._column
            text.stylize(
                Style(reverse=True, bold=True) if self.has_focus else Style(reverse=True),
                start,
                start + self._column - 1,
            )
        return render(text, self.app.console)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


def line_key(model: BoardModel, column: int, line: Text | tuple[Lane, int]) -> tuple:
    """What a board line says, as a value: its text, or the entries of its cells (which are values)."""
    if isinstance(line, Text):
        return ("text", line.plain, tuple(line.spans), str(line.style))
    lane, row = line
    cells = (model.cell(lane, p) for p in range(len(model.phases)))
    return ("cells", lane, row, column, tuple(c[row].line if row < len(c) else None for c in cells))
