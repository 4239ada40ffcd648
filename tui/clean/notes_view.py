"""The clean screen's notes table: one line a note, drawn with the Line API (only the lines on screen).

A key on a long interview must cost the rows on screen, not the interview (bench/transcript.py:
keys within 50 ms with 300-4,000 notes). ``DataTable`` keys every render cache by one update counter
and by the row's index, so a join, split or undo (a row added or removed shifts every row below it)
drew every visible cell again and laid the whole table out. Here each row's cells are rendered once per
version of its content, without the row's colours; a line only lays the row's colours (zebra, cursor)
over those segments, which costs next to nothing, so inserting or removing rows redraws the lines on
screen from their cached cells.

It looks like the ``DataTable`` it replaced (its component classes and colours, cell padding 1, one
line a row cut at the column's width) and has its keys (up, down, page up/down, home/end, enter),
its messages (``RowHighlighted``, ``RowSelected``) and a click selects a row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


@dataclass(frozen=True)
class Column:
    key: str
    label: Text
    width: int
    """the content's width; the cell is two wider (padding)"""


class RowLines(ScrollView):
    """Rows of ``Text`` cells under a header, kept by key, one line a row; a row cursor and zebra
    stripes. Each row's cells are rendered once a version and each line kept by row and kind."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "datatable--header",
        "datatable--cursor",
        "datatable--even-row",
        "datatable--odd-row",
        "datatable--hover",
    }
    cursor_row: reactive[int] = reactive(0, repaint=False)
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """A row more or less needs no layout of the screen (a layout pass measures every widget and
    redraws every scrollbar); ``_resized`` updates the scrollbars, and a scrollbar that comes or goes
    lays the screen out by itself (``show_vertical_scrollbar`` is a layout reactive)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: list[Column] = []
        self.rows: list[str] = []
        """the rows' keys, top to bottom"""
        self._cells: dict[str, list[Text]] = {}
        self._segments: dict[str, list[list[Segment]]] = {}
        """each row's cells rendered (padded, cut, own styles only): dropped when the row changes"""
        self._lines: dict[tuple[str | None, int, int, int], Strip] = {}
        """drawn lines by (row or None for the header, kind, width, scroll x): a row moved a line
        down is a lookup"""
        self._styles: tuple[Style, ...] = ()
        """the widget's, header's, even and odd rows', cursor's and hover's styles as last drawn"""
        self._hover: int | None = None
        """the row under the mouse (shown faintly, as DataTable does, until a key moves the cursor)"""
        self._column = 0
        """the column of the cell clicked last (a second click on it chooses the row)"""

    # ------------------------------------------------------------- contents
    @property
    def row_count(self) -> int:
        return len(self.rows)

    def add_column(self, label: str, *, width: int, key: str) -> None:
        self.columns.append(Column(key, Text(label), width))
        self._segments.clear()
        self._lines.clear()
        self._resized()

    def clear(self, columns: bool = False) -> None:
        """Drop every row (and the columns too with ``columns``)."""
        self.rows = []
        self._cells.clear()
        self._segments.clear()
        self._lines.clear()
        if columns:
            self.columns = []
        self._resized()

    def add_row(self, *cells: Text, key: str) -> None:
        """Add a row at the end."""
        self.rows.append(key)
        self._cells[key] = list(cells)
        self._resized()

    def get_row(self, key: str) -> list[Text]:
        return list(self._cells[key])

    def get_cell(self, key: str, column: str) -> Text:
        index = [c.key for c in self.columns].index(column)
        return self._cells[key][index]

    def update_row(self, key: str, cells: Sequence[Text]) -> None:
        """Put ``cells`` in the row ``key`` and draw that line again (nothing else)."""
        if self._cells.get(key) == list(cells):
            return
        self._cells[key] = list(cells)
        self._forget(key)
        if key in self.rows:
            self.refresh_line(self.rows.index(key) + 1)

    def arrange(self, keys: Sequence[str], new: dict[str, Sequence[Text]]) -> None:
        """Make the rows ``keys``, in that order: drop the rows not in it, add the ``new`` ones.

        The cursor stays on its row index (kept within the rows), as a row cursor does when rows
        are removed; only the lines on screen are drawn again, from their rows' cached cells.
        """
        for key, cells in new.items():
            self._cells[key] = list(cells)
            self._forget(key)
        self.rows = list(keys)
        keep = set(self.rows)
        for gone in [key for key in self._cells if key not in keep]:
            del self._cells[gone]
            self._forget(gone)
        self._resized()

    def _forget(self, key: str) -> None:
        """Drop row ``key``'s drawn cells and lines (its content changed or it left)."""
        self._segments.pop(key, None)
        for line in [line for line in self._lines if line[0] == key]:
            del self._lines[line]

    def _resized(self) -> None:
        width = sum(column.width + 2 for column in self.columns)
        size = Size(width, len(self.rows) + 1)
        if size != self.virtual_size:
            self.virtual_size = size
            self._scroll_update(size)  # Textual's own step after a layout: scrollbars and scroll limits
        self.cursor_row = self._clamp(self.cursor_row)
        self.refresh()

    def _clamp(self, row: int) -> int:
        return max(0, min(row, len(self.rows) - 1))

    # -------------------------------------------------------------- drawing
    def _rendered(self, key: str | None, cells: Sequence[Text]) -> list[list[Segment]]:
        """The cells as segments: padded by one, cut at the column's width, their own styles only."""
        held = self._segments.get(key) if key is not None else None
        if held is not None:
            return held
        console = self.app.console
        rendered = []
        for column, cell in zip(self.columns, cells, strict=False):
            options = self.app.console_options.update_dimensions(column.width + 2, 1).update(no_wrap=True)
            rendered.append(console.render_lines(Padding(cell, (0, 1)), options)[0])
        if key is not None:
            self._segments[key] = rendered
        return rendered

    def render_lines(self, crop: Region) -> list[Strip]:
        """The colours are looked up once a pass (focus and theme change them), not once a line."""
        styles = (
            self.rich_style,
            *(self._component(name) for name in ("datatable--header", "datatable--even-row", "datatable--odd-row")),
            self._component("datatable--cursor"),
            self._component("datatable--hover"),
        )
        if styles != self._styles:
            self._styles = styles
            self._lines.clear()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width, scroll_x = self.size.width, int(self.scroll_x)
        row = y - 1 + int(self.scroll_y)
        if y == 0:
            key, kind = None, 0
        elif row >= len(self.rows):
            return Strip.blank(width, self._styles[0])
        else:
            key, kind = self.rows[row], 3 if row == self.cursor_row else 1 + row % 2 + (3 if row == self._hover else 0)
        held = self._lines.get((key, kind, width, scroll_x))
        if held is None:
            if len(self._lines) > 4 * max(self.size.height, 10):
                self._lines.clear()  # lines of rows long scrolled past
            held = self._lines[(key, kind, width, scroll_x)] = self._line(key, kind, width, scroll_x)
        return held

    def _line(self, key: str | None, kind: int, width: int, scroll_x: int) -> Strip:
        """Row ``key``'s line (the header's for None); ``kind``: 0 header, 1 even, 2 odd, 3 cursor row,
        4 and 5 even and odd under the mouse."""
        base, header, even, odd, cursor, hover = self._styles
        post = Style.null()
        if key is None:
            style, cells = header, [column.label for column in self.columns]
        else:
            style, cells = (odd if kind in (2, 5) else even), self._cells[key]
        if kind > 3:
            style += hover
        if kind == 3:
            style += cursor
            post = Style.from_color(color=cursor.color)  # the cursor's text colour wins, a highlight's background stays
        segments: list[Segment] = []
        for cell in self._rendered(key, cells):
            segments.extend(Segment.apply_style(cell, style, post))
        used = sum(column.width + 2 for column in self.columns)
        segments.append(Segment(" " * max(0, width - used), style))
        strip = Strip(segments).crop(scroll_x, scroll_x + width)
        return strip.adjust_cell_length(width, base).simplify()

    def _component(self, name: str) -> Style:
        return self.get_component_styles(name).rich_style


class NotesView(RowLines, can_focus=True):
    """The notes table: ``RowLines`` with DataTable's look, keys, messages and mouse."""

    DEFAULT_CSS = """
    NotesView {
        background: $surface;
        color: $foreground;
        height: 1fr;
        &:focus {
            background-tint: $foreground 5%;
            & > .datatable--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .datatable--header { background-tint: $foreground 5%; }
        }
        &:dark > .datatable--even-row { background: $surface-darken-1 40%; }
        & > .datatable--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .datatable--header { background: ansi_bright_blue; color: ansi_default; }
        & > .datatable--even-row { background: $surface-lighten-1 50%; }
        & > .datatable--hover { background: $block-hover-background; }
        & > .datatable--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,ctrl+home", "first", "Top", show=False),
        Binding("end,ctrl+end", "last", "Bottom", show=False),
    ]

    class RowHighlighted(Message):
        """The cursor is on a new row (or the rows under it changed)."""

        def __init__(self, view: NotesView, cursor_row: int, row_key: str | None) -> None:
            super().__init__()
            self.view = view
            self.cursor_row = cursor_row
            self.row_key = row_key

        @property
        def control(self) -> NotesView:
            return self.view

    class RowSelected(RowHighlighted):
        """Enter (or a click on the cursor's row) chose the row."""

    # --------------------------------------------------------------- cursor
    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        self.cursor_row = self._clamp(row)
        self._scroll_cursor_into_view(animate)

    def validate_cursor_row(self, row: int) -> int:
        return self._clamp(row)

    def watch_cursor_row(self, old: int, new: int) -> None:
        if old != new:
            self.refresh_line(old + 1)
            self.refresh_line(new + 1)
        self.post_message(self.RowHighlighted(self, new, self.rows[new] if self.rows else None))

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        if not self.rows:
            return
        region = Region(int(self.scroll_x), self.cursor_row + 1, max(self.size.width, 1), 1)
        self.scroll_to_region(region, animate=animate, spacing=Spacing(1, 0, 0, 0), force=True)

    def _key_to(self, row: int) -> None:
        self._set_hover(None)  # the keyboard took over from the mouse
        self.move_cursor(row=row)

    def action_cursor_up(self) -> None:
        self._key_to(self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self._key_to(self.cursor_row + 1)

    def action_page_up(self) -> None:
        self._key_to(self.cursor_row - max(self.size.height - 1, 1))

    def action_page_down(self) -> None:
        self._key_to(self.cursor_row + max(self.size.height - 1, 1))

    def action_first(self) -> None:
        self._key_to(0)

    def action_last(self) -> None:
        self._key_to(len(self.rows) - 1)

    def action_select_cursor(self) -> None:
        if self.rows:
            self.post_message(self.RowSelected(self, self.cursor_row, self.rows[self.cursor_row]))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        row = event.y - 1 + int(self.scroll_y)
        self._set_hover(row if event.y >= 1 and 0 <= row < len(self.rows) else None)

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, row: int | None) -> None:
        if row != self._hover:
            for line in (self._hover, row):
                if line is not None:
                    self.refresh_line(line + 1)
            self._hover = row

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to its row; a click on the cell clicked last chooses the row.

        As ``DataTable``'s row cursor does (its cursor keeps a column, the first until a click), so a
        click on the highlighted row's text does not start editing, a second click on it does.
        """
        row = event.y - 1 + int(self.scroll_y)
        if event.y < 1 or not 0 <= row < len(self.rows):
            return
        x, column = event.x + int(self.scroll_x), 0
        for index, each in enumerate(self.columns):
            if x < each.width + 2:
                column = index
                break
            x -= each.width + 2
        chosen = row == self.cursor_row and column == self._column
        self._column = column
        self.move_cursor(row=row)
        if chosen:
            self.action_select_cursor()
