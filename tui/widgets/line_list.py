"""What the map's Line-API lists (board, inbox) share: quiet scrollbars, and the width and style
every line of a drawing pass is cut and padded with, worked out once a pass.

Textual computes ``scrollable_content_region`` (from the scrollbar styles) and ``rich_style``
(from the ancestors, ~0.1 ms) afresh on each access; asked once per line, they cost a key's
frame a few milliseconds on a tall board.
"""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .scrollbars import QuietScrollbars


class LineList(QuietScrollbars, ScrollView):
    """A Line-API list whose ``render_line`` reads ``_width`` and ``_style``, set for each pass."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._width = 0
        """the content width of the lines being drawn (set by ``render_lines``)"""
        self._style = Style()
        """the widget's style for the padding of the lines being drawn (set by ``render_lines``)"""

    def render_lines(self, crop: Region) -> list[Strip]:
        self._width = self.scrollable_content_region.width
        self._style = self.rich_style
        return super().render_lines(crop)
