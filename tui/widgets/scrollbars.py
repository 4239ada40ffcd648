"""Scrollbars of the Line API lists, redrawn only where they look different.

Textual redraws a scrollbar whole whenever one of its numbers changes: the size of what it
scrolls, or the scroll position. On the map that was the costliest part of a key's frame
(~20 ms of a place's ~40 ms: the board's and the inbox's bars, each line through the style
pipeline), although one note fewer among 20,000, or one more board row, moves the thumb by
less than the eighth of a cell it is drawn in. So the numbers are set quietly and only the
cells whose glyph changes are redrawn (usually none; one or two when the thumb moves).

Textual is pinned (8.2.8): ``resize`` mirrors ``Widget._scroll_update`` and the map's
scrolling tests and snapshots cover both.
"""

from __future__ import annotations

from functools import lru_cache
from math import ceil

from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar, ScrollBarRender


def _look(bar: ScrollBar, virtual: float, window: float, position: float) -> list:
    """The glyphs and styles the bar draws for these numbers (as ``ScrollBar.render`` does)."""
    size = bar.size.height if bar.vertical else bar.size.width
    window = window if window < virtual else 0
    return _drawn(size, ceil(virtual), ceil(window), position, bar.thickness, bar.vertical)


@lru_cache(maxsize=64)
def _drawn(size: int, virtual: int, window: int, position: float, thickness: int, vertical: bool) -> list:
    """A bar's segments (pure; a key compares the bar before and after, and the next key's
    "before" is this key's "after")."""
    return list(ScrollBarRender.render_bar(size, virtual, window, position, thickness, vertical).segments)


def set_bar(
    bar: ScrollBar, *, virtual: float | None = None, window: float | None = None, position: float | None = None
) -> None:
    """Give ``bar`` new numbers; redraw only the cells whose glyph changes."""
    virtual = bar.window_virtual_size if virtual is None else virtual
    window = bar.window_size if window is None else window
    position = bar.position if position is None else bar.validate_position(position)
    if (virtual, window, position) == (bar.window_virtual_size, bar.window_size, bar.position):
        return
    if not bar.size:  # not laid out yet: nothing drawn to compare with
        bar.window_virtual_size, bar.window_size, bar.position = virtual, window, position
        return
    before = _look(bar, bar.window_virtual_size, bar.window_size, bar.position)
    after = _look(bar, virtual, window, position)
    bar.set_reactive(ScrollBar.window_virtual_size, virtual)
    bar.set_reactive(ScrollBar.window_size, window)
    bar.set_reactive(ScrollBar.position, position)
    if len(before) != len(after):
        bar.refresh()
        return
    for cell, (old, new) in enumerate(zip(before, after, strict=True)):
        if old != new:
            bar.refresh(Region(0, cell, bar.size.width, 1) if bar.vertical else Region(cell, 0, 1, bar.size.height))


def resize(widget: ScrollView, size: Size) -> None:
    """A new scrollable size for ``widget`` without a screen layout or a scrollbar redrawn whole.

    Only the scrollbars depend on the virtual size of a Line API widget; a scrollbar that
    appears or goes changes the layout, and Textual lays the screen out for that by itself.
    """
    widget.set_reactive(ScrollView.virtual_size, size)
    widget._refresh_scrollbars()  # visibility: the same check Textual makes on a resize
    width, height = widget.container_size
    if widget.show_vertical_scrollbar and widget.styles.scrollbar_size_vertical:
        set_bar(widget.vertical_scrollbar, virtual=size.height, window=height - widget.scrollbar_size_horizontal)
    if widget.show_horizontal_scrollbar and widget.styles.scrollbar_size_horizontal:
        set_bar(widget.horizontal_scrollbar, virtual=size.width, window=width - widget.scrollbar_size_vertical)
    widget.scroll_x = widget.validate_scroll_x(widget.scroll_x)
    widget.scroll_y = widget.validate_scroll_y(widget.scroll_y)


class QuietScrollbars:
    """ScrollView's scroll watchers, with the scrollbar redrawn only where its thumb moved
    (a mixin before ``ScrollView`` in a Line API widget's bases)."""

    def watch_scroll_x(self: ScrollView, old_value: float, new_value: float) -> None:
        if self.show_horizontal_scrollbar:
            set_bar(self.horizontal_scrollbar, position=new_value)
        if round(old_value) != round(new_value):
            self.refresh(self.size.region)

    def watch_scroll_y(self: ScrollView, old_value: float, new_value: float) -> None:
        if self.show_vertical_scrollbar:
            set_bar(self.vertical_scrollbar, position=new_value)
        if round(old_value) != round(new_value):
            self.refresh(self.size.region)
