"""The note-taker's live capture screen: type, tag and fix notes without looking away.

The input keeps the focus. Enter parses the line (``models.syntax``); a note is saved by
the screen's writer thread (``SaveQueue``: in typing order, off the UI thread) and appears
in the log only once it is on disk, so whatever is on screen survives a crash. The
interviewer's theme changes (their ``guide.*`` events) are followed twice a second in a
thread worker, and every later note carries them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual import work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker

from trodden.models.domain import Interview, Kind, Note
from trodden.models.errors import StoreError
from trodden.models.names import visible
from trodden.models.notes.cleaning import draft_of
from trodden.models.notes.syntax import Command, NoteDraft, parse, render
from trodden.models.storage.live import LiveEvent, current_value
from trodden.tui.actions import Action, register
from trodden.tui.base import TroddenScreen
from trodden.tui.widgets.footer import FittingFooter

from .completion import TokenSuggester
from .header import HeaderLine, HeaderParts, full_header
from .marks import HELP_INTRO, clock
from .note_input import CaptureInput
from .notes_log import NotesLog
from .saver import SaveQueue
from .session import CaptureSource, Clock

ACTIONS = register(
    "capture",
    "Capture (note-taker)",
    [
        Action("capture.quote", "f2", "toggle_kind('quote')", "❝Quote", "Toggle quote ❝ on the last or selected note", priority=True, short="❝"),
        Action("capture.touchpoint", "f3", "toggle_kind('touchpoint')", "◆Touch", "Toggle touchpoint ◆", priority=True, short="◆"),
        Action("capture.moment", "f4", "toggle_kind('moment')", "★Moment", "Toggle moment of truth ★", priority=True, short="★"),
        Action("capture.backstage", "f5", "toggle_kind('backstage')", "⚙Back", "Toggle backstage ⚙", priority=True, short="⚙"),
        Action("capture.question", "f6", "toggle_kind('question')", "?Follow", "Toggle follow-up question ?", priority=True, short="?"),
        Action("capture.heart", "f7", "feel(1)", "♥Heart", "Heart on the last or selected note: ♥, ♥♥, none", priority=True, short="♥"),
        Action("capture.cloud", "f8", "feel(-1)", "☁Cloud", "Thundercloud: ☁, ☁☁, none", priority=True, short="☁"),
        Action("capture.edit", "f9", "edit", "Edit", "Edit the selected (or last) note in the input; enter saves, esc cancels", priority=True),
        Action("capture.earlier", "up", "walk(-1)", "Earlier", "Select an earlier note", show=False, priority=True),
        Action("capture.later", "down", "walk(1)", "Later", "Select a later note (past the last one: back to typing)", show=False, priority=True),
        Action("capture.delete", "delete", "delete_note", "Delete", "Delete the selected note (ctrl+z brings it back)", show=False, priority=True),
        Action("capture.undo", "ctrl+z", "undo", "Undo", "Bring back the last deleted note", show=False, priority=True),
        Action("capture.retheme", "ctrl+t", "retheme", "Re-theme", "Give the selected (or last) note the current theme and phase", show=False, priority=True),
        Action("capture.complete", "tab", "complete", "Complete", "Accept the suggested @channel or #tag", show=False, priority=True),
        Action("capture.cancel", "escape", "cancel", "Back", "Cancel the edit, or leave the selected note; with nothing to cancel and the input empty, back to the study overview (if opened from it)", show=False, priority=True),
    ],
)  # fmt: skip

SHOW_SAVING_AFTER = 0.15
"""Seconds a save may take before the header shows "saving" (most take a few ms)."""

TOKENS_AFTER = 0.5
"""Seconds after opening before the study's channels and tags are read for completion."""

FOLLOW_EVERY = 0.5
"""Seconds between looks at the interviewer's events: theme changes show within a second."""

COMMAND_HELP = "commands: /theme N|name, /phase N|name, /pause, /resume, /end"


def next_valence(current: int | None, direction: int) -> int | None:
    """Heart key: none → ♥ → ♥♥ → none (a thundercloud becomes ♥). Cloud key alike."""
    if not current or (current > 0) != (direction > 0):
        return direction
    return None if abs(current) >= 2 else current + direction


class CaptureScreen(TroddenScreen):
    CONTEXT = "capture"
    BINDINGS = ACTIONS
    HELP_INTRO = HELP_INTRO
    AUTO_FOCUS = "#capture-input"
    DEFAULT_CSS = """
    CaptureScreen #capture-header { height: 1; background: $panel; padding: 0 1; }
    CaptureScreen #capture-message { height: auto; max-height: 3; padding: 0 1; display: none; }
    CaptureScreen #capture-message.shown { display: block; }
    CaptureScreen #capture-message.error { color: $error; text-style: bold; }
    CaptureScreen #capture-input { margin: 0; }
    """

    # ---------------------------------------------------------------- messages
    class Saved(Message):
        def __init__(self, note: Note, *, new: bool = False, undo_of: int | None = None) -> None:
            super().__init__()
            self.note = note
            self.new = new
            self.undo_of = undo_of

    class Failed(Message):
        def __init__(self, error: str, line: str | None = None) -> None:
            super().__init__()
            self.error = error
            self.line = line

    class EventSaved(Message):
        def __init__(self, event: LiveEvent) -> None:
            super().__init__()
            self.event = event

    class EventFailed(Message):
        def __init__(self, event: LiveEvent) -> None:
            super().__init__()
            self.event = event

    class InterviewSaved(Message):
        def __init__(self, interview: Interview, said: str) -> None:
            super().__init__()
            self.interview = interview
            self.said = said

    class Followed(Message):
        def __init__(self, guide: list[LiveEvent] | None, notes: list[Note] | None, events: list[LiveEvent] | None):
            super().__init__()
            self.guide = guide
            self.notes = notes
            self.events = events

    class TokensLoaded(Message):
        def __init__(self, notes: list[Note]) -> None:
            super().__init__()
            self.notes = notes

    # ------------------------------------------------------------------ set-up
    def __init__(
        self,
        source: CaptureSource,
        *,
        clock: Clock = datetime.now,
        blink: bool = True,
        queued: list[str] | None = None,
        typed: str = "",
    ) -> None:
        super().__init__()
        self.source = source
        self._carried = (list(queued or []), typed)
        """Lines sent and text typed on the opening screen, before the interview was open."""
        self.store = source.store
        self.session = source.session
        self.clock = clock
        self.blink = blink
        self.saves = SaveQueue()
        self.suggester = TokenSuggester()
        self.note_events: list[LiveEvent] = self.session.events()
        self.pending_events: list[LiveEvent] = []
        """/theme and /phase accepted but not yet on disk: notes typed right after them
        already carry them (the save queue writes the event before those notes)."""
        self.guide_events: list[LiveEvent] = source.guide_log.events() if source.guide_log else []
        self.save_state = "saved"
        self.editing: int | None = None
        self._stash = ""
        self.deleted: list[int] = []
        self._follower: Worker | None = None
        self._source_closed = False

    @property
    def read_only(self) -> bool:
        return self.source.read_only

    @property
    def interview(self) -> Interview:
        return self.session.interview

    def compose(self) -> ComposeResult:
        yield HeaderLine(id="capture-header")
        yield NotesLog(id="notes")
        yield Static(id="capture-message")
        field = CaptureInput(
            on_send=self.send,
            placeholder='type a note: "quote  + heart  - cloud  * touchpoint  ! moment  % backstage  ? follow-up  @channel #tag',
            id="capture-input",
            suggester=self.suggester,
        )
        field.cursor_blink = self.blink
        self._field = field  # kept: at quit the input is unmounted before the screen
        if self.read_only:
            field.placeholder = "read-only: following the note-taker's notes"
            field.disabled = True
        yield field
        yield FittingFooter(compact=True)

    def on_mount(self) -> None:
        notes = self.session.notes(include_deleted=True)
        self.suggester.learn(notes)
        self.query_one(NotesLog).set_notes(notes)
        self.refresh_header()
        if self.source.guide_problem:
            self.say(self.source.guide_problem, error=True)
        elif self.read_only:
            self.say(f"Read-only: interview {self.interview.id} is being written elsewhere; this view follows it.")
        self.set_interval(1.0, self.refresh_header)
        self.set_interval(FOLLOW_EVERY, self.follow)
        # Completion words from the whole study: wanted soon, but not before the first frame
        # (reading every interview competes with the screen coming up).
        self.set_timer(TOKENS_AFTER, self.load_tokens)
        queued, typed = self._carried
        self._carried = ([], "")
        for line in queued:
            self.send(line)
        if typed:
            self.input.value = typed
            self.input.cursor_position = len(typed)

    @property
    def input(self) -> CaptureInput:
        return self.query_one("#capture-input", CaptureInput)

    @property
    def log_view(self) -> NotesLog:
        return self.query_one(NotesLog)

    # ------------------------------------------------------------ live state
    def current(self, kind: str) -> str | None:
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

    def header_parts(self) -> HeaderParts:
        interview = self.interview
        state = None
        if interview.end is not None:
            state = (" ended", "yellow")
        elif interview.paused:
            state = (" paused", "bold yellow")
        if self.read_only:
            status = ("read-only", "yellow")
        elif self.save_state == "error":
            status = ("✗ not saved", "bold red")
        elif self.save_state == "saving":
            status = ("… saving", "yellow")
        else:
            status = ("✓ saved", "green")
        return HeaderParts(
            study=self.store.study.name,
            participant=interview.participant,
            clock=clock(interview.elapsed(self.clock())),
            clock_state=state,
            theme=self.theme_label(),
            phase=self.phase_label(),
            status=status,
        )

    def header(self) -> Text:
        """The whole status line, unfitted (the header widget shortens it to the width)."""
        return full_header(self.header_parts())

    def refresh_header(self) -> None:
        self.query_one(HeaderLine).show(self.header_parts())

    def say(self, message: str = "", *, error: bool = False) -> None:
        """One line above the input: what just went wrong (or right). User text stays literal."""
        widget = self.query_one("#capture-message", Static)
        if not message and not widget.has_class("shown"):
            return
        widget.update(Text(visible(message)))
        widget.set_class(bool(message), "shown")
        widget.set_class(error, "error")

    # ---------------------------------------------------------------- saving
    def _save(self, job: Callable[[], None]) -> None:
        """Queue a save; the header says "saving" only if it takes long enough to notice."""
        if self.save_state != "error":
            self.save_state = "saving"
        self.saves.put(job)
        self.set_timer(SHOW_SAVING_AFTER, self.refresh_header)

    def _settle(self) -> None:
        if not self.saves.busy and self.save_state == "saving":
            self.save_state = "saved"
        self.refresh_header()

    def on_capture_screen_saved(self, message: Saved) -> None:
        note = message.note
        self.suggester.learn([note])
        self.log_view.upsert(note)
        if message.undo_of is not None:
            self.say(f"Note {clock(note.t)} is back.")
        self._settle()

    def on_capture_screen_failed(self, message: Failed) -> None:
        self.save_state = "error"
        if message.line is not None:
            self.input.restore(message.line)
            self.say(f"NOT SAVED, the text is back in the input: {message.error}", error=True)
        else:
            self.say(f"NOT SAVED: {message.error}", error=True)
        self._settle()

    def _recover(self) -> None:
        if self.save_state == "error":
            self.save_state = "saving"

    # ------------------------------------------------------------- typing
    def send(self, line: str) -> None:
        """Enter: a note, a command, or the end of an edit. The input is already empty."""
        if self.read_only:
            self.input.restore(line)
            self.say("This interview is open read-only; nothing typed here is saved.", error=True)
            return
        parsed = parse(line)
        if isinstance(parsed, Command):
            if self.editing is not None:
                self.input.restore(line)
                self.say("Finish the edit first (enter saves, esc cancels).", error=True)
                return
            self.run_command(parsed, line)
            return
        if self.editing is not None:
            self._save_edit(parsed, line)
            return
        if parsed.is_empty:
            return
        self.say()
        self._recover()
        if self.log_view.selected is not None:
            self.log_view.select(None)
        theme, phase, wall = self.current("theme"), self.current("phase"), self.clock()
        session = self.session

        def job() -> None:
            try:
                note = session.add_note(parsed, raw=line, theme=theme, phase=phase, wall=wall)
            except StoreError as error:
                self.post_message(self.Failed(str(error), line))
            except Exception as error:  # never lose the text, whatever went wrong
                self.post_message(self.Failed(f"{type(error).__name__}: {error}", line))
            else:
                self.post_message(self.Saved(note, new=True))

        self._save(job)

    def _save_edit(self, draft: NoteDraft, line: str) -> None:
        if draft.is_empty:
            self.input.restore(line)
            self.say("An empty note cannot be saved; esc cancels the edit, delete removes the note.", error=True)
            return
        seq = self.editing
        assert seq is not None
        self.editing = None
        if self._stash:
            self.input.restore(self._stash)
            self.input.cursor_position = len(self.input.value)
        self._stash = ""
        self.log_view.select(None)
        self.say()
        self._recover()
        self._update_note(seq, lambda session: session.revise(seq, draft, at=self.clock()), line)

    def _update_note(self, seq: int, change: Callable, line: str | None = None) -> None:
        session = self.session

        def job() -> None:
            try:
                note = change(session)
            except StoreError as error:
                self.post_message(self.Failed(str(error), line))
            except Exception as error:
                self.post_message(self.Failed(f"{type(error).__name__}: {error}", line))
            else:
                if note is not None:
                    self.post_message(self.Saved(note))

        self._save(job)

    # ------------------------------------------------------------ commands
    def run_command(self, command: Command, line: str) -> None:
        if not command.known:
            self.input.restore(line)
            self.say(f"Unknown command /{command.name}; {COMMAND_HELP}. Your text is still in the input.", error=True)
            return
        if command.name in ("theme", "phase"):
            found, problem = self._find(command.name, command.arg)
            if found is None:
                self.input.restore(line)
                self.say(problem, error=True)
                return
            self.say()
            pending = LiveEvent(kind=command.name, value=found, at=self.clock(), by="notes")
            self.pending_events.append(pending)
            self.refresh_header()

            def record() -> None:
                try:
                    event = self.session.record_event(pending.kind, pending.value, at=pending.at)
                except StoreError as error:
                    self.post_message(self.EventFailed(pending))
                    self.post_message(self.Failed(str(error), line))
                else:
                    self.post_message(self.EventSaved(event))

            self._save(record)
            return
        now = self.clock()
        change, said = {
            "pause": (self.session.pause, "Paused: the clock stops until /resume."),
            "resume": (self.session.resume, "Resumed."),
            "end": (self.session.end, "Interview ended. ctrl+q quits (everything is saved)."),
        }[command.name]

        def job() -> None:
            try:
                interview = change(now)
            except StoreError as error:
                self.post_message(self.Failed(str(error), line))
            else:
                self.post_message(self.InterviewSaved(interview, said))

        self._save(job)

    def _find(self, kind: str, arg: str) -> tuple[str | None, str]:
        """The theme/phase id for ``arg``, or None and what to tell the note-taker."""
        kept = "Your text is still in the input."
        if kind == "theme":
            names = [theme.title for theme in self.store.guide.themes]
            missing = "This study's interview guide has no themes yet."
            found = self.store.guide.find_theme(arg) if arg and names else None
        else:
            names = [phase.name for phase in self.store.phases]
            missing = "This study has no phases yet."
            found = self.store.data.find_phase(arg) if arg and names else None
        if not names:
            return None, f"{missing} {kept}"
        if found is None:
            listing = ", ".join(f"{n} {name}" for n, name in enumerate(names, 1))
            return None, f"No {kind} {arg!r}; give a number or name: {listing}. {kept}"
        return found.id, ""

    def on_capture_screen_event_saved(self, message: EventSaved) -> None:
        self.note_events.append(message.event)
        if message.event in self.pending_events:
            self.pending_events.remove(message.event)
        self._settle()

    def on_capture_screen_event_failed(self, message: EventFailed) -> None:
        if message.event in self.pending_events:
            self.pending_events.remove(message.event)
        self.refresh_header()

    def on_capture_screen_interview_saved(self, message: InterviewSaved) -> None:
        self.say(message.said)
        self._settle()

    # ------------------------------------------------------------- following
    def follow(self) -> None:
        """Look for the interviewer's new events (and, read-only, the writer's new notes)."""
        if self._follower is not None and not self._follower.is_finished:
            return
        self._follower = self._follow()

    @work(thread=True, group="follow", exit_on_error=False)
    def _follow(self) -> None:
        guide = notes = events = None
        log = self.source.guide_log
        try:
            if log is not None and log.refresh():
                guide = log.events()
            if self.read_only and self.session.refresh():
                notes = self.session.notes(include_deleted=True)
                events = self.session.events()
        except StoreError:
            return
        if guide is not None or notes is not None:
            self.post_message(self.Followed(guide, notes, events))

    def on_capture_screen_followed(self, message: Followed) -> None:
        if message.guide is not None:
            self.guide_events = message.guide
        if message.events is not None:
            self.note_events = message.events
        if message.notes is not None:
            self.log_view.set_notes(message.notes)
        self.refresh_header()

    @work(thread=True, group="tokens", exit_on_error=False)
    def load_tokens(self) -> None:
        by_interview, _ = self.store.all_notes()
        others = [note for key, notes in by_interview.items() if key != self.interview.id for note in notes]
        self.post_message(self.TokensLoaded(others))

    def on_capture_screen_tokens_loaded(self, message: TokensLoaded) -> None:
        self.suggester.learn(message.notes)

    # -------------------------------------------------------- fixing notes
    def _target(self) -> Note | None:
        view = self.log_view
        return view.selected_note or view.last_note

    def _writable_target(self) -> Note | None:
        if self.read_only:
            self.say("Read-only: notes cannot be changed here.", error=True)
            return None
        note = self._target()
        if note is None:
            self.say("No note yet.", error=True)
        return note

    def _change_draft(self, change: Callable[[NoteDraft], NoteDraft]) -> None:
        """Apply a kind/feeling change: to the line being edited, else to the target note."""
        if self.editing is not None:
            field = self.input
            parsed = parse(field.value)
            if isinstance(parsed, NoteDraft):
                field.value = render(change(parsed))
                field.cursor_position = len(field.value)
            return
        note = self._writable_target()
        if note is None:
            return
        seq, at = note.seq, self.clock()

        def revise(session):
            current = session.note(seq)
            return session.revise(seq, change(draft_of(current)), at=at)

        self._update_note(seq, revise)

    def action_toggle_kind(self, name: str) -> None:
        kind = Kind(name)
        self._change_draft(lambda draft: draft.with_kind(kind, kind not in draft.kinds))

    def action_feel(self, direction: int) -> None:
        self._change_draft(lambda draft: draft.with_valence(next_valence(draft.valence, direction)))

    def action_walk(self, step: int) -> None:
        if self.editing is not None:
            raise SkipAction()
        view = self.log_view
        if not len(view):
            return
        if view.selected is None:
            if step > 0:
                return
            view.select(len(view) - 1)
        else:
            target = view.selected + step
            view.select(None if target >= len(view) else max(target, 0))
        note = view.selected_note
        if note is not None:
            self.say(f"Note {clock(note.t)} selected: F2-F8 change it, F9 edits, delete deletes, esc goes back.")
        else:
            self.say()

    def action_edit(self) -> None:
        if self.editing is not None:
            return
        note = self._writable_target()
        if note is None:
            return
        field = self.input
        self._stash = field.value
        self.editing = note.seq
        self.log_view.select(self.log_view.selected if self.log_view.selected is not None else len(self.log_view) - 1)
        field.value = render(draft_of(note))
        field.cursor_position = len(field.value)
        self.say(f"Editing note {clock(note.t)}: enter saves, esc cancels.")

    def action_cancel(self) -> None:
        if self.editing is not None:
            self.editing = None
            self.input.value = self._stash
            self._stash = ""
            self.say("Edit cancelled.")
            return
        if self.log_view.selected is not None:
            self.log_view.select(None)
            self.say()
            return
        if not self.input.value and len(self.app.screen_stack) > 2:
            self.dismiss()  # opened from the study overview: back to it (unmount saves and closes)
            return
        raise SkipAction()

    def action_delete_note(self) -> None:
        view = self.log_view
        note = view.selected_note
        if note is None or self.editing is not None:
            raise SkipAction()
        if self.read_only:
            self.say("Read-only: notes cannot be changed here.", error=True)
            return
        seq = note.seq
        self.deleted.append(seq)
        self.say(f"Note {clock(note.t)} deleted; ctrl+z brings it back.")
        self._update_note(seq, lambda session: session.delete_note(seq))

    def action_undo(self) -> None:
        if not self.deleted:
            self.say("Nothing to undo.")
            return
        seq = self.deleted.pop()
        session = self.session

        def job() -> None:
            try:
                note = session.restore_note(seq)
            except StoreError as error:
                self.post_message(self.Failed(str(error)))
            else:
                self.post_message(self.Saved(note, undo_of=seq))

        self._save(job)

    def action_retheme(self) -> None:
        note = self._writable_target()
        if note is None:
            return
        seq, theme, phase = note.seq, self.current("theme"), self.current("phase")
        self.say(f"Note {clock(note.t)} now has theme {self.theme_label()} and phase {self.phase_label()}.")
        self._update_note(seq, lambda session: session.update_note(seq, theme=theme, phase=phase))

    def action_complete(self) -> None:
        field = self.input
        completed = self.suggester.complete(field.value) if field.cursor_at_end else None
        if completed:
            field.value = completed + " "
            field.cursor_position = len(field.value)

    # --------------------------------------------------------------- closing
    def close_source(self) -> None:
        """Wait for every queued save, then close (snapshot) the session. Idempotent."""
        if self._source_closed:
            return
        self._source_closed = True
        self._keep_unsent()
        self.saves.close()
        try:
            self.source.close()
        except StoreError:
            pass  # the journal holds everything; the next open replays it

    def _keep_unsent(self) -> None:
        """Quitting with words typed but not sent: they become a note rather than vanish."""
        if self.read_only:
            return
        field = getattr(self, "_field", None)
        line = self._stash if self.editing is not None else (field.value if field is not None else "")
        draft = parse(line)
        if not isinstance(draft, NoteDraft) or draft.is_empty:
            return
        theme, phase, wall, session = self.current("theme"), self.current("phase"), self.clock(), self.session
        self.saves.put(lambda: session.add_note(draft, raw=line, theme=theme, phase=phase, wall=wall))

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
        notify(f"{error} Opened read-only.", severity="warning", timeout=8)
    except StoreError as error:
        notify(str(error), severity="error", timeout=8)
        return None
    try:
        return CaptureScreen(open_capture(store, interview=interview_id, read_only=True))
    except StoreError as error:
        notify(str(error), severity="error", timeout=8)
        return None
