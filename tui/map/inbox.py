"""The inbox: tagged notes not yet on the map, one line each (Line API, any size).

Notes are grouped by the phase they carry (so they "land in their column"), then by
interview and time. Removing a placed note is a list deletion, not a re-layout, so
placing stays instant with tens of thousands of notes.
"""

from __future__ import annotations

from collections import Counter

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from trodden.models.domain import Kind, Note, Phase
from trodden.models.names import visible
from trodden.models.natural_sort import natural_key
from trodden.models.notes.marks import KIND_SYMBOLS, feeling_symbol
from trodden.tui.i18n import quoted
from trodden.tui.widgets.line_list import LineList
from trodden.tui.widgets.scrollbars import resize

STRIP_CACHE = 20_000
"""drawn inbox lines kept (beyond that the cache starts again)"""


def mm_ss(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:02d}:{secs:02d}" if minutes < 100 else f"{minutes}:{secs:02d}"


def note_line(note: Note, participant: str, phase_number: dict[str, int]) -> Text:
    """``2 P3 12:34 ☁◆ text @web #tag``: phase, who, when, feeling and kinds (capture's symbols), words."""
    text = Text(no_wrap=True)
    number = phase_number.get(note.phase or "")
    text.append(f"{number if number else '·'} ", style="bold cyan" if number else "dim")
    text.append(f"{visible(participant, one_line=True):<4} ", style="bold")
    text.append(f"{mm_ss(note.t)} ", style="dim")
    # the note's marks as the note-taker saw them in capture (one vocabulary: models/notes/marks.py)
    marks = feeling_symbol(note.valence) + "".join(KIND_SYMBOLS[kind] for kind in note.kinds if kind is not Kind.QUOTE)
    text.append(f"{marks:<3} ", style="red" if (note.valence or 0) > 0 else "blue" if note.valence else "yellow")
    if Kind.QUOTE in note.kinds:
        text.append(quoted(visible(note.text, one_line=True)), style="italic")
        if note.remark:
            text.append(" " + visible(note.remark, one_line=True))
    else:
        text.append(visible(note.text, one_line=True))
    words = f"{note.text} {note.remark}".lower()
    tokens = [f"@{c}" for c in note.channels if f"@{c}" not in words]
    tokens += [f"#{t}" for t in note.tags if f"#{t}" not in words]
    if tokens:
        text.append(visible("  " + " ".join(tokens), one_line=True), style="cyan")
    return text


class Inbox(LineList, can_focus=True, inherit_bindings=False):
    """The notes not yet on the map, one line each; the cursor picks a note (styles: ``map.tcss``)."""

    class Highlighted(Message):
        def __init__(self, inbox: Inbox, note: Note | None) -> None:
            super().__init__()
            self.inbox = inbox
            self.note = note

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.notes: list[Note] = []
        self.cursor = 0
        self._participant: dict[str, str] = {}
        self._phase_number: dict[str, int] = {}
        self._cache: dict[tuple[str, bool, bool], Strip] = {}
        """drawn lines by (note id, under the cursor, focused), until the notes are set again"""
        self.waiting: Counter[str] = Counter()
        """how many of the notes carry each phase (the board's column headers show it)"""

    def set_notes(self, notes: list[Note], participant_of: dict[str, str], phases: list[Phase]) -> None:
        order = {phase.id: phase.order for phase in phases}
        self._phase_number = {phase.id: n for n, phase in enumerate(sorted(phases, key=lambda p: p.order), start=1)}
        self._participant = participant_of
        interview = {iid: natural_key(iid) for iid in {n.interview for n in notes}}  # P2 before P10, once each
        before = self.note
        self.notes = sorted(notes, key=lambda n: (order.get(n.phase or "", 10**6), interview[n.interview], n.seq))
        self.waiting = Counter(note.phase for note in self.notes if note.phase)
        self._cache.clear()
        self.cursor = self._same_note(before)
        resize(self, Size(self.size.width, len(self.notes)))
        self._keep_in_view()
        self.refresh()
        if self.note != before:  # a refresh that leaves the same note highlighted, unchanged, says nothing
            self._announce()

    def _same_note(self, before: Note | None) -> int:
        """Where the note highlighted before a refresh is now (notes placed or removed elsewhere
        move it), so the reader's cursor stays on their note; else the same place, clamped."""
        if before is not None:
            for at, note in enumerate(self.notes):
                if note.id == before.id:
                    return at
        return min(self.cursor, max(0, len(self.notes) - 1))

    def _keep_in_view(self) -> None:
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        if height > 0 and not top <= self.cursor < top + height:
            self.scroll_to(y=max(0, self.cursor - height // 2), animate=False)

    def remove(self, note_ids: set[str]) -> None:
        """Take placed notes out, keeping the cursor where it was."""
        before = len(self.notes)
        current = self.note
        first = 0
        if current is not None and note_ids == {current.id}:
            removed = [self.notes.pop(self.cursor)]  # the usual case: the highlighted note was placed
            first = self.cursor  # the lines above it stay as they are
        else:
            removed = [note for note in self.notes if note.id in note_ids]
            self.notes = [note for note in self.notes if note.id not in note_ids]
        for note in removed:
            if note.phase:
                self.waiting[note.phase] -= 1
                if not self.waiting[note.phase]:
                    del self.waiting[note.phase]
        if len(self.notes) != before:
            self.cursor = min(self.cursor, max(0, len(self.notes) - 1))
            # one line fewer: no screen layout, the scrollbar redrawn only if its thumb moves
            # (widgets/scrollbars.py), and a redraw of the lines that moved up only
            resize(self, Size(self.size.width, len(self.notes)))
            top = self.scroll_offset.y
            first = max(min(first, self.cursor), top)
            self.refresh_lines(first, top + self.scrollable_content_region.height - first)
            self._announce()

    @property
    def note(self) -> Note | None:
        return self.notes[self.cursor] if 0 <= self.cursor < len(self.notes) else None

    def move(self, step: int) -> None:
        if not self.notes:
            return
        self.cursor = min(max(self.cursor + step, 0), len(self.notes) - 1)
        top = self.scroll_offset.y
        height = max(1, self.scrollable_content_region.height)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)
        self.refresh()
        self._announce()

    def on_click(self, event: events.Click) -> None:
        """A click highlights the note clicked, as the arrow keys would (a double click places nothing:
        placing stays a key)."""
        point = event.get_content_offset(self)
        if point is not None and 0 <= point.y + self.scroll_offset.y < len(self.notes):
            self.move(point.y + self.scroll_offset.y - self.cursor)

    def _announce(self) -> None:
        self.post_message(self.Highlighted(self, self.note))

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self._width
        if index >= len(self.notes):
            return Strip.blank(width, self._style)
        note = self.notes[index]
        key = (note.id, index == self.cursor, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            if len(self._cache) > STRIP_CACHE:
                self._cache.clear()
            text = note_line(note, self._participant.get(note.interview, note.interview), self._phase_number)
            if index == self.cursor:
                text.stylize(Style(reverse=True, bold=self.has_focus))
            strip = Strip([s for s in text.render(self.app.console) if s.text != "\n"])
            self._cache[key] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, self._style)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
