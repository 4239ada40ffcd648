"""The capture screen's notes log: a Line-API view that stays instant with thousands of notes.

Only the lines on screen are rendered. Each note's height at the current width is known
(cheaply: most notes fit one line, measured without wrapping) and kept with prefix sums,
so finding the note under a screen line is a binary search and appending a note costs
one measurement, however long the interview.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from trodden.models.domain import Note

from .log_annotations import LogAnnotations
from .marks import TIME_STYLE, TIME_WIDTH, clock, note_body, note_plain

_MIN_TEXT_WIDTH = 10


class NotesLog(LogAnnotations, ScrollView, can_focus=False):
    """Notes oldest first, newest at the bottom; one may be selected (↑/↓ on the screen)."""

    DEFAULT_CSS = """
    NotesLog {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;
    }
    NotesLog > .notes-log--selected {
        background: $accent 35%;
    }
    """
    COMPONENT_CLASSES = {"notes-log--selected"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._notes: list[Note] = []
        self._seqs: list[int] = []
        self._heights: list[int] = []
        self._starts: list[int] = [0]
        self._body_cache: dict[int, Text] = {}
        self._strips: LRUCache[tuple[int, int, bool], tuple[tuple | None, list[Strip]]] = LRUCache(512)
        self._width = 0
        self._base_style: Style | None = None
        self.selected: int | None = None
        """Index of the selected note, or None (typing new notes)."""
        self._follow = True
        """The newest note is in view and should stay so: the log was at its end when last scrolled
        on a sized widget. A resize (a status line appearing, the terminal shrinking) or the first
        layout of a reopened interview keeps the end in view rather than the old top line."""

    # ------------------------------------------------------------------ data
    @property
    def notes(self) -> list[Note]:
        return list(self._notes)

    @property
    def count(self) -> int:
        """How many notes are shown. Not ``__len__``: a widget must stay true when empty, as
        Textual asks ``self.focused or self.screen`` where to send a key."""
        return len(self._notes)

    @property
    def selected_note(self) -> Note | None:
        return self._notes[self.selected] if self.selected is not None else None

    @property
    def last_note(self) -> Note | None:
        return self._notes[-1] if self._notes else None

    def set_notes(self, notes: list[Note]) -> None:
        """Replace everything (opening, or following another writer read-only)."""
        selected_seq = self.selected_note.seq if self.selected_note else None
        visible = sorted((note for note in notes if not note.deleted), key=lambda note: note.seq)
        self._notes = visible
        self._seqs = [note.seq for note in visible]
        self._body_cache.clear()
        self._strips.clear()
        self.selected = self._index(selected_seq) if selected_seq is not None else None
        self._measure_all()
        self._follow = True
        self.scroll_end(animate=False, immediate=True)

    def upsert(self, note: Note) -> None:
        """Add or replace a note (by seq); a deleted one is removed. Newest scrolls into view."""
        index = self._index(note.seq)
        if note.deleted:
            if index is not None:
                self.remove_note(note.seq)
            return
        self._forget(note.seq)
        if index is not None:
            self._notes[index] = note
            self._remeasure(index, index + 1)
            self._restart_from(index)
            self.refresh()
            return
        position = bisect_left(self._seqs, note.seq)
        at_end = position == len(self._notes)
        self._notes.insert(position, note)
        self._seqs.insert(position, note.seq)
        self._heights.insert(position, self._height(position))
        self._remeasure(position + 1)  # its divider depends on the note before it
        if self.selected is not None and position <= self.selected:
            self.selected += 1
        if at_end:
            self._starts.append(self._starts[-1] + self._heights[-1])
        else:
            self._restart_from(position)
        self._update_virtual_size()
        if at_end and self.selected is None:
            self.scroll_end(animate=False, immediate=True)

    def remove_note(self, seq: int) -> None:
        index = self._index(seq)
        if index is None:
            return
        del self._notes[index], self._seqs[index], self._heights[index]
        self._forget(seq)
        self._remeasure(index)
        if self.selected is not None:
            if self.selected == index:
                self.selected = min(index, len(self._notes) - 1) if self._notes else None
            elif self.selected > index:
                self.selected -= 1
        self._restart_from(index)
        self._update_virtual_size()
        self.refresh()

    def _forget(self, seq: int) -> None:
        """Drop one note's cached rendering (it changed); the rest stay cached."""
        self._body_cache.pop(seq, None)
        for selected in (False, True):
            self._strips.discard((seq, self._width, selected))

    def index_of(self, seq: int) -> int | None:
        """Where note ``seq`` is in the log (None if it is not shown)."""
        return self._index(seq)

    def _index(self, seq: int) -> int | None:
        position = bisect_left(self._seqs, seq)
        if position < len(self._seqs) and self._seqs[position] == seq:
            return position
        return None

    # ------------------------------------------------------------- selection
    def select(self, index: int | None) -> None:
        if index is not None and not self._notes:
            index = None
        if index is not None:
            index = max(0, min(index, len(self._notes) - 1))
        self.selected = index  # the strip cache is keyed by selection: nothing to forget
        self.refresh()
        self.screen.refresh_bindings()  # the footer shows a selected note's keys
        if index is None:
            self._follow = True
            self.scroll_end(animate=False, immediate=True)
        else:
            region = Region(0, self._starts[index], max(self._width, 1), self._heights[index])
            self.scroll_to_region(region, animate=False, immediate=True)

    # --------------------------------------------------------------- measuring
    @staticmethod
    def _gutter(note: Note) -> int:
        """``mm:ss `` is 6 cells; past 99 minutes the time takes one more."""
        return max(TIME_WIDTH, len(clock(note.t)) + 1)

    def _text_width(self, note: Note) -> int:
        return max(self._width - self._gutter(note), _MIN_TEXT_WIDTH)

    def _body(self, note: Note) -> Text:
        body = self._body_cache.get(note.seq)
        if body is None:
            body = self._body_cache[note.seq] = note_body(note, note.id in self.asked)
        return body

    def _height(self, index: int) -> int:
        return self._measure(self._notes[index]) + (1 if self._divider(index) else 0)

    def _remeasure(self, *indexes: int) -> None:
        for index in indexes:
            if 0 <= index < len(self._notes):
                self._heights[index] = self._height(index)

    def _measure(self, note: Note) -> int:
        if self._width <= 0:
            return 1
        plain = note_plain(note, note.id in self.asked)  # most notes fit one line: no Text built for them
        if "\n" not in plain and "\t" not in plain and cell_len(plain) <= self._text_width(note):
            return 1
        return len(self._wrap(note))

    def _wrap(self, note: Note) -> list[Text]:
        lines = self._body(note).wrap(self.app.console, self._text_width(note), overflow="fold", tab_size=4)
        return list(lines) or [Text()]

    def _measure_all(self) -> None:
        self._heights = [self._height(index) for index in range(len(self._notes))]
        self._starts = [0, *accumulate(self._heights)]
        self._update_virtual_size()
        self.refresh()

    def _restart_from(self, index: int) -> None:
        del self._starts[index + 1 :]
        total = self._starts[index]
        for height in self._heights[index:]:
            total += height
            self._starts.append(total)

    def _update_virtual_size(self) -> None:
        """New scrollable height, without a screen layout (the widget's own size is unchanged)."""
        size = Size(self._width, self._starts[-1])
        if size != self.virtual_size:
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # colours changed (theme): cached lines are stale

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.size.height > 0 and self.virtual_size.height > 0:  # not while the layout is still unsized
            self._follow = new_value >= self.max_scroll_y

    def on_resize(self, event: events.Resize) -> None:
        follow = self._follow
        width = max(event.size.width - 1, 0)  # the scrollbar gutter is always there
        if width != self._width:
            self._width = width
            self._body_cache.clear()
            self._strips.clear()
            self._measure_all()
        if follow and self.selected is None:
            # after the new height is laid out: a shorter log keeps its newest line, not its top one
            self.call_after_refresh(self._keep_end)

    def _keep_end(self) -> None:
        if self.selected is None:
            self.scroll_end(animate=False, immediate=True)
            self._follow = True

    # --------------------------------------------------------------- rendering
    def _note_strips(self, index: int, base: Style) -> list[Strip]:
        selected = index == self.selected
        changed = self._divider(index)
        key = (self._notes[index].seq, self._width, selected)
        cached = self._strips.get(key)
        if cached is not None and cached[0] == changed:  # drawn with the same divider (or none)
            return cached[1]
        note = self._notes[index]
        style = base
        if selected:
            style = base + self.get_component_rich_style("notes-log--selected")
        console = self.app.console
        gutter = Text()
        width = self._gutter(note)
        gutter.append(clock(note.t).ljust(width), style=TIME_STYLE)
        indent = Text(" " * width)
        body = self._body(note)
        one_line = self._heights[index] == 1 + (1 if changed else 0) and "\n" not in body.plain
        lines = [body] if one_line else self._wrap(note)
        strips = []
        if changed:
            line = self._divider_text(changed)
            line.truncate(self.size.width, overflow="ellipsis")
            strips.append(Strip(list(line.render(console))).crop_extend(0, self.size.width, base))
        for number, line in enumerate(lines):
            row = (gutter if number == 0 else indent).copy()
            row.append_text(line)
            row.stylize_before(style)
            segments = list(row.render(console))
            strips.append(Strip(segments).crop_extend(0, self.size.width, style))
        self._strips[key] = (changed, strips)
        return strips

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base_style = self.rich_style  # once per paint, not once per line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        _scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        base = self._base_style or self.rich_style
        if line >= self._starts[-1] or not self._notes:
            return Strip.blank(self.size.width, base)
        index = bisect_right(self._starts, line) - 1
        strips = self._note_strips(index, base)
        offset = line - self._starts[index]
        return strips[offset] if offset < len(strips) else Strip.blank(self.size.width, base)

    def rendered_lines(self) -> list[str]:
        """Every screen line of every note as plain text (renders all: for tests and checks)."""
        base = self.rich_style
        return [strip.text for index in range(len(self._notes)) for strip in self._note_strips(index, base)]
