"""The clean screen: walk an interview's notes right after it and make them fit to share.

Fix words, kinds, feelings, channels, tags, theme and phase; merge, split, delete; check
quotes verbatim; see personal details highlighted; undo any step; mark the interview
cleaned and export it for the group. Every step is stored at once (one write per step,
in order, on the screen's writer thread); the words as typed stay in each note's history.

The screen is assembled from one mixin per job, all on ``CleanView`` (table, selection,
storing a step): ``LineEditing`` (editing.py), ``NoteMarks`` (marks.py), ``NoteSteps``
(steps.py), ``RedactionEditing`` (redaction.py), ``InterviewExport`` (export.py) and, for the
recording's transcript, ``QuoteChecking`` (quote_check.py) under ``TranscriptPanelling``
(transcript_panel.py). This module opens and closes the interview; the keys are in keys.py, the
styles in clean.tcss.
"""

from __future__ import annotations

from textual import work
from textual.message import Message

from trodden.models.domain import Note
from trodden.models.errors import Damaged, Locked, StoreError
from trodden.models.notes.cleaning import CleanState
from trodden.models.storage.session import InterviewSession
from trodden.tui.i18n import _, ngettext

from .editing import LineEditing
from .export import InterviewExport
from .keys import ACTIONS, HELP_INTRO
from .marks import NoteMarks
from .notes_view import NotesView
from .redaction import RedactionEditing
from .steps import NoteSteps
from .transcript_panel import TranscriptPanelling


class CleanScreen(LineEditing, NoteMarks, NoteSteps, RedactionEditing, InterviewExport, TranscriptPanelling):
    """One interview's notes, opened for writing (or read-only if another trodden writes them)."""

    CONTEXT = "clean"
    BINDINGS = ACTIONS
    HELP_INTRO = HELP_INTRO
    CSS_PATH = "clean.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    """A short terminal (under 20 rows) gets a shorter detail (clean.tcss), so the notes keep rows."""

    class Loaded(Message):
        def __init__(self, session: InterviewSession | None, notes: list[Note], problem: str | None) -> None:
            super().__init__()
            self.session = session
            self.notes = notes
            self.problem = problem

    _closed = False
    """Set when the screen goes away, so notes that arrive after are closed, not shown."""

    def on_mount(self) -> None:
        self._add_columns()
        self._update_title()
        self.load()

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        problem = None
        try:
            try:
                session = self.store.open_interview(self.interview_id, writable=True)
            except (Locked, Damaged) as error:  # someone else writes, or a damaged file must stay as it is
                session = self.store.open_interview(self.interview_id, writable=False)
                problem = _("read-only: {error}").format(error=error)
        except StoreError as error:
            self.post_message(self.Loaded(None, [], str(error)))
            return
        if self._closed:  # the screen was left before the notes arrived
            session.close()
            return
        self.post_message(self.Loaded(session, session.notes(include_deleted=True), problem))

    def on_clean_screen_loaded(self, message: Loaded) -> None:
        if self._closed:
            if message.session is not None:
                message.session.close()
            return
        self.session = message.session
        self.state = CleanState.of(message.notes)
        self._update_title()
        self._rebuild(self.select_first)
        if self.select_first in self.rows:  # opened at a note (search): scroll to it once laid out
            table = self.query_one(NotesView)
            self.call_after_refresh(table.move_cursor, row=self.rows.index(self.select_first), animate=False)
        if message.problem:
            self._say(message.problem, error=True)
        else:
            count = sum(1 for note in self.state.ordered() if self.redactor.find(note.text))
            self._say(
                ngettext("{n} note", "{n} notes", len(self.state.ordered())).format(n=len(self.state.ordered()))
                + " · "
                + ngettext(
                    "{count} with personal details highlighted", "{count} with personal details highlighted", count
                ).format(count=count)
            )
        self.query_one(NotesView).focus()
        self.load_transcript()

    def on_unmount(self) -> None:
        """Let the queued writes finish, then close the interview (releasing its lock) after them."""
        self._closed = True
        session, self.session = self.session, None
        if session is not None:

            def close() -> None:
                session.close()

            self.writer.submit(close)
        self.writer.close()

    def action_back(self) -> None:
        if self._cancel_edit():
            return
        if len(self.app.screen_stack) > 2:
            self.dismiss()
        else:
            self.app.exit()
