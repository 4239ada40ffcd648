"""Opening an interview for capture: find or start it, take the writer's lock, follow the guide.

Kept apart from the screen so the command line can report a lock or a missing interview
as one clear line before the full-screen app takes over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from trodden.models.domain import Interview, InterviewStatus
from trodden.models.errors import StoreError
from trodden.models.storage.live import EventsLog
from trodden.models.storage.session import InterviewSession
from trodden.models.storage.store import StudyStore

Clock = Callable[[], datetime]


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


def find_or_start(
    store: StudyStore,
    *,
    participant: str | None = None,
    interview: str | None = None,
    interviewer: str = "",
    note_taker: str = "",
    read_only: bool = False,
    clock: Clock = datetime.now,
) -> Interview:
    """The interview to capture: the given one, the participant's unfinished one, or a new one."""
    if interview:
        return store.find_interview(interview)
    if not participant:
        raise StoreError("give --participant CODE (a new or existing participant) or --interview ID")
    if read_only:
        found = store.unfinished_interview(participant)
        return found or store.find_interview(participant)
    return store.new_interview(participant, start=clock(), interviewer=interviewer, note_taker=note_taker)


def open_capture(
    store: StudyStore,
    *,
    participant: str | None = None,
    interview: str | None = None,
    interviewer: str = "",
    note_taker: str = "",
    read_only: bool = False,
    clock: Clock = datetime.now,
) -> CaptureSource:
    """Open the interview for capture. Raises ``Locked`` if another process is writing it."""
    found = find_or_start(
        store,
        participant=participant,
        interview=interview,
        interviewer=interviewer,
        note_taker=note_taker,
        read_only=read_only,
        clock=clock,
    )
    session = store.open_interview(found.id, writable=not read_only)
    try:
        if not read_only:
            _mark_live(session, interviewer, note_taker, clock)
    except BaseException:
        session.close()
        raise
    guide_log: EventsLog | None = None
    problem = None
    try:
        guide_log = store.guide_events(found.id).open()
    except StoreError as error:
        problem = f"cannot follow the interviewer: {error}"
    return CaptureSource(store, session, guide_log, problem)


def _mark_live(session: InterviewSession, interviewer: str, note_taker: str, clock: Clock) -> None:
    """A planned interview starts now; names given on the command line are recorded."""
    interview = session.interview
    update: dict = {}
    if interview.start is None:
        update["start"] = clock()
    if interview.status is InterviewStatus.PLANNED:
        update["status"] = InterviewStatus.LIVE
    if interviewer and interviewer != interview.interviewer:
        update["interviewer"] = interviewer
    if note_taker and note_taker != interview.note_taker:
        update["note_taker"] = note_taker
    if update:
        session.save_interview(interview.model_copy(update=update))
