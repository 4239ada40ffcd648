"""The note-taker's live capture screen: type, tag and fix notes without looking away.

The input keeps the focus. ``CaptureScreen`` only puts the screen together (its keys, widgets, start
and close; its styles are in ``capture.tcss``); each job is a class of its own, in the order the
screen inherits them:

- ``sending``: Enter sends a note, a slash command (``commands``) or an edit;
- ``fixing``: F2-F9, ↑/↓ and delete change notes already sent (``sent``: even while being saved);
- ``undoing``: ctrl+z and ctrl+y take any of those changes back and do them again;
- ``asking_who``: at the start, who a customer with no customer type is;
- ``following``: the interviewer's theme changes, and the words for completion;
- ``status``: the header and message line, and ``save`` (every write, through ``tui/writer.py``);
- ``base``: the state they share.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import Static

from trodden.models.errors import StoreError
from trodden.models.guide.progress import asked_followups
from trodden.tui.actions import REGISTRY, Action, register
from trodden.tui.i18n import _, language
from trodden.tui.widgets.footer import FittingFooter

from .asking_who import AskingWho
from .commands import CLEANED
from .fixing import FixingNotes
from .following import FOLLOW_EVERY, TOKENS_AFTER, TOKENS_EVERY, FollowingGuide
from .header import HeaderLine
from .marks import help_intro
from .note_input import CaptureInput
from .notes_log import NotesLog
from .sent import Sent, parsed_note
from .undoing import UndoingChanges

TYPING_OR_NOTE = "capture-input notes"
"""Panels of capture's footer (``footer_panels``): ``capture-input`` while typing a new note, ``notes``
while a note is selected in the log (↑), ``editing`` while one is edited in the input (F9). F2-F8 act
on the line being edited, else the selected note, else the last one: always shown."""

ACTIONS = register(
    "capture",
    "Capture (note-taker)",
    [
        Action("capture.quote", "f2", "toggle_kind('quote')", "❝Quote", "Toggle quote ❝ on the last or selected note", short="❝"),
        Action("capture.touchpoint", "f3", "toggle_kind('touchpoint')", "◆Touch", "Toggle touchpoint ◆", short="◆"),
        Action("capture.moment", "f4", "toggle_kind('moment')", "★Moment", "Toggle moment of truth ★", short="★"),
        Action("capture.backstage", "f5", "toggle_kind('backstage')", "⚙Back", "Toggle backstage ⚙", short="⚙"),
        Action("capture.question", "f6", "toggle_kind('question')", "?Follow", "Toggle follow-up question ?", short="?"),
        Action("capture.heart", "f7", "feel(1)", "♥Heart", "Heart on the last or selected note: ♥, ♥♥, none", short="♥"),
        Action("capture.cloud", "f8", "feel(-1)", "☁Cloud", "Thundercloud: ☁, ☁☁, none", short="☁"),
        Action("capture.edit", "f9", "edit", "Edit", "Edit the selected (or last) note in the input; enter saves, esc cancels", panel=TYPING_OR_NOTE),
        Action("capture.earlier", "up", "walk(-1)", "Earlier", "Select an earlier note", show=False),
        Action("capture.later", "down", "walk(1)", "Later", "Select a later note (past the last one: back to typing)", show=False),
        Action("capture.delete", "delete", "delete_note", "Delete", "Delete the selected note (ctrl+z brings it back)", panel="notes"),
        Action("capture.undo", "ctrl+z", "undo", "Undo", "Take back the last change to a note: kind, feeling, edit, delete, theme and phase", show=False),
        Action("capture.redo", "ctrl+y", "redo", "Redo", "Do again the last change ctrl+z took back", show=False),
        Action("capture.retheme", "ctrl+t", "retheme", "Re-theme", "Give the selected (or last) note the current theme and phase", show=False),
        Action("capture.reopen", "ctrl+o", "reopen", "Reopen", "Reopen an interview marked cleaned, to add notes (it then needs cleaning again)", show=False),
        Action("capture.complete", "tab", "complete", "Complete", "Accept the suggested @channel or #tag", show=False),
        Action("capture.cancel", "escape", "cancel", "Back", "Cancel the edit, or leave the selected note; with nothing to cancel and the input empty, back to the study overview (if opened from it)", panel="notes editing"),
    ],
)  # fmt: skip
KEYS = {key.strip(): action.action for action in REGISTRY["capture"] for key in action.key.split(",")}
"""Key → action of the capture screen, from the one registry. Not priority bindings: the input runs
them (``run_key``) so they keep their order with the Enter before them."""


class CaptureScreen(FixingNotes, UndoingChanges, FollowingGuide, AskingWho):
    """The live capture screen (see the module's docstring for where each job lives)."""

    CONTEXT = "capture"
    BINDINGS = ACTIONS

    def help_intro(self) -> str:
        return help_intro(language())

    AUTO_FOCUS = "#capture-input"
    CSS_PATH = "capture.tcss"

    def compose(self) -> ComposeResult:
        yield HeaderLine(id="capture-header")
        yield NotesLog(id="notes")
        yield Static(id="capture-message")
        field = CaptureInput(
            on_send=self.send,
            on_key=self.run_key,
            placeholder=_(
                'type a note: "quote  + heart  - cloud  * touchpoint  ! moment  % backstage  ? follow-up  @channel #tag'
            ),
            id="capture-input",
            suggester=self.suggester,
        )
        field.cursor_blink = self.blink
        field.bullets_are_clouds = self.store.study.bullets_are_clouds
        self._field = field  # kept: at quit the input is unmounted before the screen
        if self.read_only:
            field.placeholder = _("read-only: following the note-taker's notes")
            field.disabled = True
        yield field
        yield FittingFooter(compact=True)

    async def run_key(self, key: str) -> bool:
        """One of this screen's keys, run by the input in the order typed (``note_input.py``).

        False if it is not one of them, or its action passed it on (delete with no note selected
        deletes a character): the input then handles it as usual.
        """
        action = KEYS.get(key)
        return action is not None and await self.app.run_action(action, self)

    def on_mount(self) -> None:
        unsaved = getattr(self.app, "unsaved_lines", None)
        if isinstance(unsaved, list):
            self.lost = unsaved
        notes = self.session.notes(include_deleted=True)
        self.suggester.learn(notes)
        log = self.query_one(NotesLog)
        themes = {theme.id: f"{n} {theme.title}" for n, theme in enumerate(self.store.guide.themes, start=1)}
        log.set_names(themes, {phase.id: phase.name for phase in self.store.phases})
        log.set_asked(asked_followups(self.guide_events))
        log.set_notes(notes)
        self.refresh_header()
        if self.source.guide_problem:
            self.say(self.source.guide_problem, error=True)
        elif self.read_only:
            self.say(
                _("Read-only: interview {id} is being written elsewhere; this view follows it.").format(
                    id=self.interview.id
                )
            )
        elif self.cleaned:
            self.refuse_cleaned()
        self.set_interval(1.0, self.refresh_header)
        self.set_interval(FOLLOW_EVERY, self.follow)
        # Completion words from the whole study: wanted soon, but not before the first frame
        # (reading every interview competes with the screen coming up).
        self.set_timer(TOKENS_AFTER, self.load_tokens)
        self.set_interval(TOKENS_EVERY, self.load_tokens)  # read again only if another interview changed
        queued, typed = self._carried
        self._carried = ([], "")
        if self.cleaned and not self.read_only:  # kept, one line each, until ctrl+o and enter
            theme, phase, now = self.current("theme"), self.current("phase"), self.clock()
            self.waiting = [Sent(line, parsed_note(line), theme, phase, now) for line in queued if line.strip()]
            queued = []
            if self.waiting:
                said = _("Interview {id} is {cleaned}.").format(id=self.interview.id, cleaned=_(CLEANED))
                self.say(f"{said} {self.kept_text()}", error=True)
        for line in queued:
            self.send(line)
        if typed:
            self.input.value = typed
            self.input.cursor_position = len(typed)
        if self.ask_who_at_start and not (self.read_only or self.cleaned or notes or queued or typed):
            self.ask_who()

    def close_source(self) -> None:
        """Wait for every queued save, then close (snapshot) the session. Idempotent."""
        if self._source_closed:
            return
        self._source_closed = True
        self.keep_unsent()
        self.writer.close()
        try:
            self.source.close()
        except StoreError:
            pass  # the journal holds everything; the next open replays it

    def on_unmount(self) -> None:
        self.close_source()


def capture_screen_for(store, interview_id: str, notify: Callable[..., object]) -> CaptureScreen | None:
    """A capture screen on ``interview_id`` (from the study overview).

    If another process is writing it, say so and follow it read-only instead.
    """
    from trodden.models.errors import Locked

    from .session import open_capture

    try:
        return CaptureScreen(open_capture(store, interview=interview_id))
    except Locked as error:
        notify(f"{error} " + _("Opened read-only."), severity="warning", timeout=8)
    except StoreError as error:
        notify(str(error), severity="error", timeout=8)
        return None
    try:
        return CaptureScreen(open_capture(store, interview=interview_id, read_only=True))
    except StoreError as error:
        notify(str(error), severity="error", timeout=8)
        return None
