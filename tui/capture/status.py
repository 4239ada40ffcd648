"""The capture screen's header and message line, and the bookkeeping of writes behind "✓ saved".

The note-taker never waits for the disk, but must always be able to see whether what is on screen is
stored: the header says "✓ saved" once every write has been answered, "… saving" if one takes long
enough to notice, and "✗ not saved" after a failure or while lines wait. A line that could not be
saved waits, one line each and in the order typed, until Enter sends it again (``hold``,
``in_order``), so a full disk never loses words nor runs two notes together.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.message import Message
from textual.widgets import Static

from trodden.models.domain import InterviewStatus, Note
from trodden.models.names import visible
from trodden.models.storage.session import InterviewSession
from trodden.models.undo import Step
from trodden.tui.i18n import _, ngettext, quoted
from trodden.tui.writer import OnError, WriteFailed

from .base import CaptureBase
from .header import HeaderLine, HeaderParts, full_header
from .marks import clock
from .messages import NoteSaved, SaveFailed, failure_text
from .sent import WAITING, Sent, Target, parsed_note, seq_of

Change = Callable[[InterviewSession, int], Note]
"""A change to note ``seq``, run on the writer thread: writes it and returns the note as stored."""

SHOW_SAVING_AFTER = 0.15
"""Seconds a save may take before the header shows "saving" (most take a few ms)."""


class SaveStatus(CaptureBase):
    """Header, message line and save state; ``save`` is the one way the capture screen writes."""

    # ------------------------------------------------------------------ header
    def header_parts(self) -> HeaderParts:
        interview = self.interview
        state = None
        if interview.status is InterviewStatus.CLEANED:
            state = (" " + _("cleaned"), "yellow")
        elif interview.end is not None:
            state = (" " + _("ended"), "yellow")
        elif interview.paused:
            state = (" " + _("paused"), "bold yellow")
        if self.read_only:
            status = (_("read-only"), "yellow")
        elif self.save_state == "error" or self.waiting:
            status = (_("✗ not saved"), "bold red")
        elif self.save_state == "saving":
            status = (_("… saving"), "yellow")
        else:
            status = (_("✓ saved"), "green")
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

    def save(self, job: Callable[[], Message], sent: Sent | None = None, *, on_error: OnError | None = None) -> None:
        """Queue a write; ``job`` returns its reply. If it raises, the reply is ``on_error``'s, by
        default a ``SaveFailed`` that keeps ``sent`` for Enter to send again.

        The header says "saving" only if the write takes long enough to notice.
        """
        if self.save_state != "error":
            self.save_state = "saving"
        self.unanswered += 1
        self.writer.submit(job, on_error or (lambda error: SaveFailed(failure_text(error), sent)))
        self.set_timer(SHOW_SAVING_AFTER, self.refresh_header)

    def change_note(
        self, target: Target, change: Change, label: str, *, sent: Sent | None = None, said: str = ""
    ) -> None:
        """Change note ``target`` (``change`` runs on the writer thread, after the target's own save).

        The step goes on the undo stack now, as the key is pressed, and is filled in by the job.
        """
        session = self.session
        step: Step[Note] = Step(label)
        self.history.record(step)

        def job() -> NoteSaved:
            seq = seq_of(target)
            before = session.note(seq)
            after = change(session, seq)
            if before is not None:
                step.filled(before, after)
            return NoteSaved(after, said=said, step=step)

        self.save(job, on_error=lambda error: SaveFailed(failure_text(error), sent, step))

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

    # ----------------------------------------------------------- kept lines
    def hold(self, sent: Sent) -> None:
        """Keep a line that was not saved, after the others kept, for Enter to send again.

        Never put back into the input: the reply comes while the note-taker may be typing the next
        line, and the two would run together. The message line says how many wait, and which.
        """
        sent.failed, sent.seq = True, None
        if sent in self.unsaved:
            self.unsaved.remove(sent)
        if self.picked is sent:
            self.picked = None
        target = sent.edit_of
        if isinstance(target, Sent) and target.failed and sent.draft is not None:
            target.line, target.draft = sent.line, sent.draft  # an edit of a line that waits: it waits edited
            return
        self.waiting.append(sent)

    def in_order(self, line: str) -> list[Sent]:
        """The lines Enter sends now, in the order typed: those kept, then ``line`` (if a note)."""
        waiting, self.waiting = self.waiting, []
        fresh = parsed_note(line)
        if fresh is None or fresh.is_empty:
            return waiting
        return [*waiting, Sent(line, fresh, self.current("theme"), self.current("phase"), self.clock())]

    def kept_text(self) -> str:
        """What the message line says about lines not saved."""
        if not self.waiting:
            return ""
        count = len(self.waiting)
        first = self.waiting[0].line
        first = first if len(first) <= 40 else first[:39] + "…"
        waiting = ngettext(
            "{count} line waiting: {first}; enter sends it again, in the order typed.",
            "{count} lines waiting (first: {first}); enter sends them again, in the order typed.",
            count,
        )
        return waiting.format(count=count, first=quoted(first))

    def show_failure(self, error: str) -> None:
        if error in (WAITING, _(WAITING)) and self._cause:
            error = self._cause  # the reason the first line failed says more than "waits too"
        self._cause = error
        self.save_state = "error"
        kept = self.kept_text()
        self.say(_("NOT SAVED: {error}").format(error=error) + (f" · {kept}" if kept else ""), error=True)

    def on_save_failed(self, message: SaveFailed) -> None:
        if message.step is not None:
            self.history.forget(message.step)
        if message.sent is not None:
            self.hold(message.sent)
        self.show_failure(message.error)
        self.answered()

    def on_write_failed(self, message: WriteFailed) -> None:
        """Only if making the failure message itself failed: still a reply, and still said."""
        self.show_failure(failure_text(message.error))
        self.answered()
