"""What the capture screen's background work tells it: each write's outcome, and what was read.

Storage calls run on the screen's writer thread (``tui/writer.py``) and the reads that follow the
interviewer in thread workers; neither touches the screen. They post one of these messages instead,
so the screen's state changes only in its handlers, on the UI thread. Every write gets exactly one
reply (a ``...Saved`` or a ``...Failed``): counting the replies is how the screen knows that nothing
it has shown is still unsaved.
"""

from __future__ import annotations

from textual.message import Message

from trodden.models.domain import Interview, Note
from trodden.models.errors import StoreError
from trodden.models.storage.live import LiveEvent
from trodden.models.undo import Step

from .sent import Sent


def failure_text(error: Exception) -> str:
    """What the note-taker reads: the store's own sentence, or the error's type for anything unforeseen."""
    return str(error) if isinstance(error, StoreError) else f"{type(error).__name__}: {error}"


class NoteSaved(Message):
    """A note is on disk (new, changed, deleted or brought back): the log shows it now.

    ``sent`` is the line it was sent as (a new note), ``said`` what to tell the note-taker,
    ``step`` the change on the undo stack that made it.
    """

    def __init__(self, note: Note, *, sent: Sent | None = None, said: str = "", step: Step | None = None) -> None:
        super().__init__()
        self.note = note
        self.sent = sent
        self.said = said
        self.step = step


class SaveFailed(Message):
    """A write failed; ``sent`` is the line to keep for Enter to send again (None if nothing was typed).

    ``step`` is the change that did not happen (it leaves the undo stack).
    """

    def __init__(self, error: str, sent: Sent | None = None, step: Step | None = None) -> None:
        super().__init__()
        self.error = error
        self.sent = sent
        self.step = step


class StepFailed(Message):
    """ctrl+z (``back``) or ctrl+y could not be saved: ``undo_step`` goes back where it was."""

    def __init__(self, error: str, undo_step: Step, back: bool) -> None:
        super().__init__()
        self.error = error
        self.undo_step = undo_step
        self.back = back


class StepSkipped(Message):
    """ctrl+z or ctrl+y on a change that never happened (its save failed): nothing was written."""

    def __init__(self, said: str) -> None:
        super().__init__()
        self.said = said


class EventSaved(Message):
    """A /theme or /phase change is on disk."""

    def __init__(self, event: LiveEvent) -> None:
        super().__init__()
        self.event = event


class EventFailed(SaveFailed):
    """A /theme or /phase change could not be saved: later notes stop carrying it."""

    def __init__(self, event: LiveEvent, error: str, sent: Sent) -> None:
        super().__init__(error, sent)
        self.event = event


class InterviewSaved(Message):
    """/pause, /resume or /end is on disk; ``said`` tells the note-taker what it means."""

    def __init__(self, interview: Interview, said: str) -> None:
        super().__init__()
        self.interview = interview
        self.said = said


class Followed(Message):
    """New events of the interviewer (and, read-only, the writer's notes); None where nothing changed."""

    def __init__(self, guide: list[LiveEvent] | None, notes: list[Note] | None, events: list[LiveEvent] | None) -> None:
        super().__init__()
        self.guide = guide
        self.notes = notes
        self.events = events


class TokensLoaded(Message):
    """The other interviews' notes, read for @channel and #tag completion."""

    def __init__(self, notes: list[Note], stamp: tuple) -> None:
        super().__init__()
        self.notes = notes
        self.stamp = stamp
        """The files they were read from, as they were (``StudyStore.notes_stamp``)."""
