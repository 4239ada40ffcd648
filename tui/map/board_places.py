"""Where things are on the board's screen: the cell a click lands on, and scrolling a cell into view.

The board draws its two header lines on the top rows whatever the scroll, and its lane labels
on the left columns whatever the sideways scroll (``Board.render_line``); a point on screen is
turned into a cell the same way, so a click picks exactly the cell drawn under the pointer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.geometry import Offset

from .board_text import LABEL_WIDTH

if TYPE_CHECKING:
    from .board import Board, Cursor

STICKY = 2
"""board lines that never scroll up: the phase names and the rule under them"""


class BoardPlaces:
    """A mixin of ``Board``: screen points to cells, cells into view (geometry only, no drawing)."""

    def cell_at(self: Board, point: Offset | None) -> Cursor | None:
        """The cursor a click at ``point`` (content coordinates) asks for; None off every cell.

        On a phase's name (the header): that phase, in the cursor's lane and row, as left/right
        would. On a lane's label: that lane's row, in the cursor's phase. A lane's dividers and
        the space right of the last phase are no cell.
        """
        from .board import Cursor

        if point is None or self.model is None or not self.model.phases:
            return None
        x, y = point
        scroll_x, scroll_y = self.scroll_offset
        phase = self.cursor.phase
        if x >= LABEL_WIDTH:
            phase = (x + scroll_x - LABEL_WIDTH) // self._column
            if phase >= len(self.model.phases):
                return None
        if y < STICKY:
            return Cursor(self.cursor.lane, phase, self.cursor.row)
        line = scroll_y + y
        if line >= len(self._line_lane) or self._line_lane[line] is None:
            return None
        cell = self._line_cell[line]
        return Cursor(self._line_lane[line], phase, cell[1] if cell else 0)

    def on_click(self: Board, event: events.Click) -> None:
        """A click puts the cursor where it lands, as the arrow keys would (the status line and the
        other researchers follow); a double click on an item opens it, as enter does."""
        cursor = self.cell_at(event.get_content_offset(self))
        if cursor is None:
            return
        if cursor != self.cursor:
            self.cursor = cursor
            self._clamp()
            self._after_cursor(by_user=True)
        if event.chain == 2 and self.entry() is not None:
            self.post_message(self.Opened(self))

    def scroll_to_region_if_needed(self: Board, y: int, x: int) -> None:
        """Scroll so line ``y`` and the column starting at ``x`` show below the header, right of the labels."""
        height = self.scrollable_content_region.height
        width = self.scrollable_content_region.width
        top, left = self.scroll_offset.y, self.scroll_offset.x
        new_y = top
        if y < top + 2:
            new_y = max(0, y - 2)
        elif y >= top + height - 1:
            new_y = y - height + 2
        new_x = left
        if x < left + LABEL_WIDTH:
            new_x = max(0, x - LABEL_WIDTH)
        elif x + self._column > left + width:
            new_x = x + self._column - width
        if (new_x, new_y) != (left, top):
            self.scroll_to(new_x, new_y, animate=False)
