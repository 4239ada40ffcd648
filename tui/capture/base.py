"""What every part of the capture screen shares: the open interview, the live theme and phase, the widgets.

The capture screen is built from a few classes, one per job (``status``, ``commands``, ``sending``,
``fixing``, ``following``; ``screen`` puts them together). This is the state they all read, set up in
one place so a newcomer can see at a glance what the screen keeps between key presses.
"""

from __future__ import annotations

from datetime import datetime

from textual.worker import Worker

from trodden.models.domain import Interview, Note
from trodden.models.storage.interviews import Clock
from trodden.models.storage.live import LiveEvent, current_value
from trodden.models.undo import Step, UndoRedo
from trodden.tui.base import TroddenScreen
from trodden.tui.i18n import language
from trodden.tui.writer import Writer

from .completion import TokenSuggester
from .note_input import CaptureInput
from .notes_log import NotesLog
from .sent import Gate, Sent, Target
from .session import CaptureSource


class CaptureBase(TroddenScreen):
    """The capture screen's state; the jobs are in its subclasses."""

    def __init__(
        self,
        source: CaptureSource,
        *,
        clock: Clock = datetime.now,
        blink: bool = True,
        queued: list[str] | None = None,
        typed: str = "",
        ask_who: bool = False,
    ) -> None:
        super().__init__()
        self.source = source
        self.ask_who_at_start = ask_who
        """Ask who a customer with no type is, if the interview is fresh (``asking_who``)."""
        self._carried = (list(queued or []), typed)
        """Lines sent and text typed on the opening screen, before the interview was open."""
        self.store = source.store
        self.session = source.session
        self.clock = clock
        self.blink = blink
        self.writer = Writer(self, "capture")
        """Every storage write, in the order it was asked for, off the UI thread."""
        self.unanswered = 0
        """Writes submitted whose reply (``messages``) has not been handled yet."""
        self.suggester = TokenSuggester(language())
        """Completes commands as the interface names them (the study's language unless --ui-lang)."""
        self.note_events: list[LiveEvent] = self.session.events()
        self.pending_events: list[LiveEvent] = []
        """/theme and /phase accepted but not yet on disk: notes typed right after them
        already carry them (the writer stores the event before those notes)."""
        self.guide_events: list[LiveEvent] = source.guide_log.events() if source.guide_log else []
        self.save_state = "saved"
        """What the header says about the notes on screen: "saved", "saving" or "error"."""
        self._editing: Target | None = None
        self._stash = ""
        """What was in the input when an edit began; it comes back after the edit."""
        self.history: UndoRedo[Step[Note]] = UndoRedo()
        """Every change to a note, as the key asked for it: ctrl+z takes the last back, ctrl+y redoes."""
        self.unsaved: list[Sent] = []
        """Notes sent and not yet answered, oldest first: the last is what keys after Enter act on."""
        self.lost: list[str] = []
        """Lines that could not be saved even on the way out: the app's ``unsaved_lines`` once
        mounted (the capture command prints them after the app has gone)."""
        self._cause = ""
        """The last reason a save failed, said again while later lines wait behind it."""
        self.gate = Gate()
        """Once a new note fails, the ones queued behind it wait too (``sent.py``)."""
        self._picked: Sent | None = None
        self.waiting: list[Sent] = []
        """Lines not saved (a full disk, a cleaned interview), in the order typed: Enter sends them again."""
        self._field: CaptureInput | None = None
        """The input, kept from compose: at quit it is unmounted before the screen."""
        self._follower: Worker | None = None
        self._source_closed = False

    @property
    def editing(self) -> Target | None:
        """The note being edited in the input (F9), else None."""
        return self._editing

    @editing.setter
    def editing(self, target: Target | None) -> None:
        self._editing = target
        self.refresh_bindings()  # the footer shows the edit's keys (``footer_panels``)

    @property
    def picked(self) -> Sent | None:
        """↑ picked a note that is still being saved: the log selects it once it is there."""
        return self._picked

    @picked.setter
    def picked(self, sent: Sent | None) -> None:
        self._picked = sent
        self.refresh_bindings()

    def footer_panels(self) -> set[str]:
        """The input keeps the focus, so the footer follows what the keys act on: the line being
        edited, a note selected in the log (↑), or the note being typed."""
        if self._editing is not None:
            return {"editing"}
        logs = self.query(NotesLog)
        if self._picked is not None or (logs and logs.first().selected is not None):
            return {"notes"}
        return super().footer_panels()

    @property
    def read_only(self) -> bool:
        return self.source.read_only

    @property
    def interview(self) -> Interview:
        return self.session.interview

    @property
    def input(self) -> CaptureInput:
        return self.query_one("#capture-input", CaptureInput)

    @property
    def log_view(self) -> NotesLog:
        return self.query_one(NotesLog)

    def current(self, kind: str) -> str | None:
        """The theme or phase id a note typed now carries: the latest of either person's changes."""
        events = [*self.note_events, *self.pending_events, *self.guide_events]
        return current_value(events, kind)  # type: ignore[arg-type]

    def theme_label(self) -> str:
        theme_id = self.current("theme")
        if theme_id is None:
            return "—"
        for number, theme in enumerate(self.store.guide.themes, start=1):
            if theme.id == theme_id:
                return f"{number} {theme.title}"
        return theme_id

    def phase_label(self) -> str:
        phase_id = self.current("phase")
        if phase_id is None:
            return "—"
        phase = next((p for p in self.store.phases if p.id == phase_id), None)
        return phase.name if phase else phase_id
