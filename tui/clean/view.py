"""What every part of the clean screen shares: the notes table, the selection, and storing a step.

The clean screen is this base plus one mixin per job (editing lines, marks, steps, redaction,
export). Each job changes notes through ``_apply``, which records the step for undo, redraws
the changed rows and hands the write to the screen's ``Writer``: writes run in the order the
keys were pressed, so an undo never overtakes the step it undoes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input, Static

from trodden.models.domain import InterviewStatus, Kind, Note
from trodden.models.notes.cleaning import CleanError, CleanState, line_of
from trodden.models.notes.redaction import Redactor
from trodden.models.storage.session import InterviewSession
from trodden.models.storage.store import StudyStore
from trodden.tui.base import LiteralInput, TroddenScreen, literal
from trodden.tui.i18n import N_, _
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.words import word
from trodden.tui.writer import Writer

from .notes_view import NotesView
from .rows import cells, detail

COLUMNS = ((N_("Time"), 5), (N_("Marks"), 5), (N_("Note"), 0), (N_("Theme"), 16), (N_("Phase"), 12), (N_("Check"), 10))
"""The table's columns and widths; the note takes what the others leave (0 here)."""
NARROW = {"theme": 10, "phase": 9, "check": 8}
"""Below ``WIDE`` columns theme, phase and check give room to the note: the note is what is cleaned."""
WIDE = 110
CELL_KEYS = tuple(label.lower() for label, _ in COLUMNS)


def column_widths(width: int) -> dict[str, int]:
    """Each column's width on a terminal ``width`` wide; the note takes the rest (at least 20)."""
    widths = {label.lower(): size for label, size in COLUMNS}
    if width < WIDE:
        widths |= NARROW
    others = sum(widths.values()) + 2 * len(COLUMNS) + 2  # cell padding, scrollbar
    widths["note"] = max(max(width, 60) - others, 20)
    return widths


def show(widget: Static, text: Text) -> None:
    """Put ``text`` in ``widget``, and lay the screen out again only if the widget's height changes.

    A layout pass measures every widget again and redraws every scrollbar on the screen, one frame
    more per key (bench/transcript.py); most keys change a line's words, not its height.
    """
    if widget.content == text:
        return
    styles = widget.styles
    layout = styles.height is None or not styles.height.is_cells
    if layout and widget.content_size.width:
        lines = len(text.wrap(widget.app.console, widget.content_size.width))
        low = styles.min_height.cells if styles.min_height is not None else None
        high = styles.max_height.cells if styles.max_height is not None else None
        height = max(lines + styles.gutter.height, low or 0)
        layout = min(height, high or height) != widget.outer_size.height
    widget.update(text, layout=layout)


class LineEditor(LiteralInput):
    """The editor under the notes: it shows the selected note's line, so every move of the cursor
    gives it a new value, and an ``Input``'s new value lays the whole screen out again (its
    ``virtual_size`` is a layout reactive): a frame more a key, every scrollbar redrawn. Its size
    never depends on its value (one line, the screen's width), so here the value only repaints
    (``down`` on 300 notes: 26 ms of the UI thread's CPU before, 17 after; Textual is pinned)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


class CleanView(TroddenScreen):
    """The table of an interview's notes, the selected note's detail and editor, and the writer."""

    class Saved(Message):
        """A write is done (or failed): its status line."""

        def __init__(self, text: str, error: bool = False, words: tuple[int, str] | None = None) -> None:
            super().__init__()
            self.text = text
            self.error = error
            self.words = words
            """a failed edit's typed line and its note (seq): given back to the editor, never dropped"""

    def __init__(
        self,
        store: StudyStore,
        interview_id: str,
        *,
        clock: Callable[[], datetime] = datetime.now,
        blink: bool = True,
        select: int | None = None,
    ) -> None:
        """``select``: the note (seq) to show first, e.g. one found by search."""
        super().__init__()
        self.select_first = select
        self.store = store
        self.interview_id = interview_id
        self.clock = clock
        self.blink = blink
        self.session: InterviewSession | None = None
        self.state = CleanState.of([])
        self.redactor = Redactor.for_study(store.data)
        self.themes = {theme.id: theme.title for theme in store.guide.themes}
        self.phases = {phase.id: phase.name for phase in store.phases}
        self.show_deleted = False
        self.split_mode = False
        self.editing = False
        """True while the editor holds the user's unsaved words (never overwrite them)."""
        self.rows: list[int] = []
        self.writer = Writer(self, "clean")
        self._cell_cache: dict[int, tuple[Note, list[Text]]] = {}
        self._widths: dict[str, int] | None = None
        """the columns' widths as laid out (None until mounted)"""

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Static("", classes="screen-title", id="title")
        yield NotesView(id="notes")
        yield Static("", id="detail")
        editor = LineEditor(placeholder=_("select a note; enter edits its line"), id="editor", select_on_focus=False)
        editor.cursor_blink = self.blink
        yield editor
        yield Static("", id="message", classes="muted")
        yield FittingFooter()

    def _add_columns(self) -> None:
        table = self.query_one(NotesView)
        self._widths = column_widths(self.app.size.width)
        for label, _size in COLUMNS:
            table.add_column(_(label), width=self._widths[label.lower()], key=label.lower())

    def on_resize(self) -> None:
        """A new terminal width lays the table out again (the note keeps what the others leave)."""
        if self._widths is None or column_widths(self.app.size.width) == self._widths:
            return
        table = self.query_one(NotesView)
        table.clear(columns=True)
        self._add_columns()
        self._rebuild()

    # ------------------------------------------------------------- rendering
    def _update_title(self) -> None:
        interview = self.session.interview if self.session else None
        text = Text(" " + _("Clean") + " · ")
        if interview is None:
            text.append(literal(self.interview_id, one_line=True))
        else:
            text.append(literal(f"{interview.participant} · {interview.id} · ", one_line=True))
            style = "bold green" if interview.status is InterviewStatus.CLEANED else "yellow"
            text.append(word(interview.status), style=style)
            if self.session and not self.session.writable:
                text.append(" · " + _("read-only"), style="bold red")
        show(self.query_one("#title", Static), text)

    def _visible(self) -> list[Note]:
        return self.state.ordered(include_deleted=self.show_deleted)

    def _rebuild(self, select: int | None = None) -> None:
        table = self.query_one(NotesView)
        current = select if select is not None else self.selected_seq()
        notes = self._visible()
        table.clear()
        self.rows = [note.seq for note in notes]
        table.arrange([str(seq) for seq in self.rows], {str(note.seq): self._cells(note) for note in notes})
        if current in self.rows:
            table.move_cursor(row=self.rows.index(current))
        self._show_selected()

    def _cells(self, note: Note) -> list[Text]:
        """A note's cells, computed once per version of the note (rebuilds stay fast)."""
        cached = self._cell_cache.get(note.seq)
        if cached is None or cached[0] != note:
            cached = (note, cells(note, self.redactor, self.themes, self.phases))
            self._cell_cache[note.seq] = cached
        return cached[1]

    def _refresh(self, seqs: list[int], select: int | None = None) -> None:
        """Update changed rows in place, drop removed ones, put new ones where they belong.

        Only the lines on screen are drawn again, changed rows from their new cells (notes_view.py):
        a key must not cost the whole table on a long interview (bench/transcript.py).
        """
        table = self.query_one(NotesView)
        wanted = [note.seq for note in self._visible()]
        if wanted != self.rows:
            shown = set(self.rows)
            new = {str(seq): self._cells(self.state.notes[seq]) for seq in wanted if seq not in shown}
            table.arrange([str(seq) for seq in wanted], new)
            self.rows = wanted
        for seq in seqs:
            if seq in self.rows:
                table.update_row(str(seq), self._cells(self.state.notes[seq]))
        if select is not None and select in self.rows:
            table.move_cursor(row=self.rows.index(select))
        self._show_selected()

    def _show_selected(self) -> None:
        note = self.selected_note()
        show(self.query_one("#detail", Static), self._detail(note))
        editor = self.query_one("#editor", Input)
        if not self.editing:
            editor.value = line_of(note) if note else ""

    def quote_needs_check(self, note: Note) -> bool:
        """A quote nobody has checked yet (``n`` stops at it); with a transcript, only one whose
        words the transcript does not confirm (quote_check.py)."""
        return note.has(Kind.QUOTE) and not note.checked

    def _detail(self, note: Note | None) -> Text:
        """The detail panel's text for ``note`` (the transcript's check adds its lines)."""
        return detail(note, self.redactor, self.themes, self.phases)

    def _say(self, text: str, *, error: bool = False) -> None:
        show(self.query_one("#message", Static), literal(text, "bold red" if error else ""))

    def on_notes_view_row_highlighted(self, event: NotesView.RowHighlighted) -> None:
        self._show_selected()

    # ----------------------------------------------------------- selection
    def selected_seq(self) -> int | None:
        table = self.query_one(NotesView)
        row = table.cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def selected_note(self) -> Note | None:
        seq = self.selected_seq()
        return self.state.notes.get(seq) if seq is not None else None

    # --------------------------------------------------------------- writing
    def _writable(self) -> bool:
        if self.session is None:
            self._say(_("the notes are not loaded"), error=True)
            return False
        if not self.session.writable:
            self._say(_("read-only: another trodden is writing this interview"), error=True)
            return False
        return True

    def _apply(
        self, label: str, after: list[Note], select: int | None = None, *, words: tuple[int, str] | None = None
    ) -> None:
        """Record a step (for undo), show it, and store it in the background. ``words``: the line
        typed for an edit and its note (seq), given back to the editor if the write fails."""
        change = self.state.apply(label, after)
        session = self.session
        assert session is not None
        notes = list(change.after)

        def job() -> str:
            session.save_notes(notes)
            return _("saved: {label}").format(label=label)

        self._submit(job, words)
        self._refresh([note.seq for note in notes], select)

    def _submit(self, job: Callable[[], str | None], words: tuple[int, str] | None = None) -> None:
        """Queue a write; its result (or "NOT saved: ...") comes back as the status line."""

        def run() -> Message | None:
            text = job()
            return self.Saved(text) if text else None

        self.writer.submit(run, on_error=lambda error: self._not_saved(error, words))

    def _not_saved(self, error: Exception, words: tuple[int, str] | None = None) -> Message:
        if words is not None:
            said = _("NOT saved: {error}. Your edit is back in the edit line: enter saves it again.")
            return self.Saved(said.format(error=error), error=True, words=words)
        return self.Saved(_("NOT saved: {error}").format(error=error), error=True)

    def on_clean_view_saved(self, message: Saved) -> None:
        self._say(message.text, error=message.error)
        if message.error and self.session is not None:
            # Show what is really on disk; the undo history no longer matches it.
            self.state = CleanState.of(self.session.notes(include_deleted=True))
            self._rebuild(select=message.words[0] if message.words else None)
            if message.words is not None and message.words[0] == self.selected_seq():
                self.edit_line(message.words[1])
        self._update_title()

    def edit_line(self, line: str) -> None:
        """Put ``line`` in the editor to be saved with enter, the cursor at its end: a note's line
        to edit (e), or words the disk refused, given back."""
        editor = self.query_one("#editor", Input)
        self.split_mode = False
        self.editing = True
        editor.value = line
        editor.focus()
        editor.cursor_position = len(line)

    def _with_note(self, label: str, change: Callable[[Note], Note | list[Note]]) -> None:
        note = self.selected_note()
        if note is None or not self._writable():
            return
        try:
            result = change(note)
        except CleanError as error:
            self._say(str(error), error=True)
            return
        notes = result if isinstance(result, list) else [result]
        self._apply(label, notes, select=note.seq)
