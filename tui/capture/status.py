"""The capture screen's header and message line, and the bookkeeping of writes behind "✓ saved".

The note-taker never waits for the disk, but must always be able to see whether what is on screen is
stored: the header says "✓ saved" once every write has been answered, "… saving" if one takes long
enough to notice, and "✗ not saved" after a failure (until a later write succeeds). A failed note's
text goes back into the input, so a full disk never loses words.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.message import Message
from textual.widgets import Static

from trodden.models.domain import Note
from trodden.models.names import visible
from trodden.models.storage.session import InterviewSession
from trodden.tui.writer import OnError, WriteFailed

from .base import CaptureBase
from .header import HeaderLine, HeaderParts, full_header
from .marks import clock
from .messages import NoteSaved, SaveFailed, failure_text

SHOW_SAVING_AFTER = 0.15
"""Seconds a save may take before the header shows "saving" (most take a few ms)."""


class SaveStatus(CaptureBase):
    """Header, message line and save state; ``save`` is the one way the capture screen writes."""

    # ------------------------------------------------------------------ header
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

    # ------------------------------------------------------------------ saving
    @property
    def saving(self) -> bool:
        """True while a write has been asked for and its reply not yet handled."""
        return self.unanswered > 0

    def save(self, job: Callable[[], Message], line: str | None = None, *, on_error: OnError | None = None) -> None:
        """Queue a write; ``job`` returns its reply. If it raises, the reply is ``on_error``'s, by
        default a ``SaveFailed`` that puts ``line`` back in the input.

        The header says "saving" only if the write takes long enough to notice.
        """
        if self.save_state != "error":
            self.save_state = "saving"
        self.unanswered += 1
        self.writer.submit(job, on_error or (lambda error: SaveFailed(failure_text(error), line)))
        self.set_timer(SHOW_SAVING_AFTER, self.refresh_header)

    def update_note(self, seq: int, change: Callable[[InterviewSession], Note], line: str | None = None) -> None:
        """Save a change to note ``seq`` (``change`` runs on the writer thread with the session)."""
        session = self.session
        self.save(lambda: NoteSaved(change(session)), line)

    def answered(self) -> None:
        """A write's reply was handled: with none left, what is on screen is on disk."""
        self.unanswered = max(self.unanswered - 1, 0)
        if not self.unanswered and self.save_state == "saving":
            self.save_state = "saved"
        self.refresh_header()

    def retry(self) -> None:
        """A new write after a failure: "saving" again, "saved" once it (and all before it) succeed."""
        if self.save_state == "error":
            self.save_state = "saving"

    def show_failure(self, error: str, line: str | None) -> None:
        self.save_state = "error"
        if line is not None:
            self.input.restore(line)
            self.say(f"NOT SAVED, the text is back in the input: {error}", error=True)
        else:
            self.say(f"NOT SAVED: {error}", error=True)

    def on_save_failed(self, message: SaveFailed) -> None:
        self.show_failure(message.error, message.line)
        self.answered()

    def on_write_failed(self, message: WriteFailed) -> None:
        """Only if making the failure message itself failed: still a reply, and still said."""
        self.show_failure(failure_text(message.error), None)
        self.answered()
