"""Opening an interview for capture: find or start it, take the writer's lock, follow the guide.

Kept apart from the screen so the command line can report a lock or a missing interview
as one clear line before the full-screen app takes over. Which interview, and marking it
live, is ``models.storage.interviews`` (the guide command asks the same question).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from trodden.models.errors import StoreError
from trodden.models.storage.interviews import Clock, find_or_start, mark_live
from trodden.models.storage.live import EventsLog
from trodden.models.storage.session import InterviewSession
from trodden.models.storage.store import StudyStore
from trodden.tui.i18n import _


@dataclass
class CaptureSource:
    """What the capture screen works on. ``guide_log`` is None if it could not be read."""

    store: StudyStore
    session: InterviewSession
    guide_log: EventsLog | None
    guide_problem: str | None = None

    @property
    def read_only(self) -> bool:
        return not self.session.writable

    def close(self) -> None:
        """Release the lock and snapshot the notes (safe to call twice)."""
        if self.guide_log is not None:
            self.guide_log.close()
        self.session.close()


def open_capture(
    store: StudyStore,
    *,
    participant: str | None = None,
    interview: str | None = None,
    interviewer: str = "",
    note_taker: str = "",
    read_only: bool = False,
    new: bool = False,
    clock: Clock = datetime.now,
) -> CaptureSource:
    """Open the interview for capture. Raises ``Locked`` if another process is writing it."""
    found = find_or_start(
        store,
        participant=participant,
        interview=interview,
        start=not read_only,
        new=new,
        interviewer=interviewer,
        note_taker=note_taker,
        clock=clock,
    )
    session = store.open_interview(found.id, writable=not read_only)
    try:
        if not read_only:
            mark_live(session, interviewer=interviewer, note_taker=note_taker, clock=clock)
    except BaseException:
        session.close()
        raise
    guide_log: EventsLog | None = None
    problem = None
    try:
        guide_log = store.guide_events(found.id).open()
    except StoreError as error:
        problem = _("cannot follow the interviewer: {error}").format(error=error)
    return CaptureSource(store, session, guide_log, problem)
