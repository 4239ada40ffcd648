"""Which interview a live session works on, and marking it live: one answer for capture and the guide.

The note-taker (``trodden capture``) and the interviewer (``trodden guide``) start the same interview from
two terminals, often within seconds. Both must land in the same interview, never a second one for the
participant, so both ask this module: the interview named, else the participant's unfinished one, else a
new one (``StudyStore.new_interview`` makes that check and the creation under the study lock).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from trodden.models.domain import Interview, InterviewStatus
from trodden.models.errors import CorruptFile, StoreError
from trodden.models.i18n import _

if TYPE_CHECKING:
    from .session import InterviewSession
    from .store import StudyStore

Clock = Callable[[], datetime]

UNFINISHED = (InterviewStatus.PLANNED, InterviewStatus.LIVE)
"""Interviews still under way: joining the participant means joining one of these."""


def find_or_start(
    store: StudyStore,
    *,
    participant: str | None = None,
    interview: str | None = None,
    start: bool = True,
    new: bool = False,
    interviewer: str = "",
    note_taker: str = "",
    clock: Clock = datetime.now,
) -> Interview:
    """The interview to work on: ``interview`` (an id or a participant code), else ``participant``'s.

    For a participant that is their unfinished interview, or (``start``) a new one starting now,
    created together with the participant if new. Without ``start`` (following read-only, which must
    not write) it is their unfinished interview, else their latest one. Raises ``StoreError`` if there
    is no such interview, or if neither is given, or (unless ``new``) if the participant's latest
    interview is marked cleaned: starting another one then is rarely what was meant (a mistyped code,
    or the wish to see the cleaned one), so the caller says so rather than quietly starting one.
    Starting the study's first interview keeps the map's hypothesis first (``kept_hypothesis``).
    """
    if interview:
        return store.find_interview(interview)
    if not participant:
        raise StoreError(_("give a participant code (new or existing) or an interview id"))
    if not start:
        return store.unfinished_interview(participant) or store.find_interview(participant)
    if not new and store.unfinished_interview(participant) is None:
        try:
            latest = store.find_interview(participant)
        except CorruptFile as error:  # their latest interview cannot be read: it may be the one under way
            raise StoreError(
                _(
                    "{error}. It may be {participant}'s interview under way, so nothing was started;"
                    " start another interview for {participant} with --new."
                ).format(error=error, participant=participant)
            ) from error
        except StoreError:
            latest = None  # a participant with no interview yet
        if latest is not None and latest.status is InterviewStatus.CLEANED:
            raise StoreError(
                _(
                    "{participant}'s interview {interview} is marked cleaned, so nothing was started."
                    " Open it with --interview {interview} (ctrl+o in capture reopens it for notes),"
                    " or start another interview for {participant} with --new."
                ).format(participant=latest.participant, interview=latest.id)
            )
    from trodden.models.map.kept_hypothesis import keep_before_first_interview  # the map builds on storage

    keep_before_first_interview(store)  # the study's first interview: what the map holds now is the hypothesis
    return store.new_interview(participant, start=clock(), interviewer=interviewer, note_taker=note_taker)


def reopened(interview: Interview) -> Interview:
    """An interview marked cleaned, taking notes again: done if it had ended, else live.

    It is no longer "cleaned" (the new notes need cleaning too); nothing else changes.
    """
    if interview.status is not InterviewStatus.CLEANED:
        return interview
    status = InterviewStatus.DONE if interview.end is not None else InterviewStatus.LIVE
    return interview.model_copy(update={"status": status})


def only_one_under_way(store: StudyStore) -> Interview | None:
    """The study's one unfinished interview; None if there is none, or several to choose from."""
    unfinished = [found for found in store.interviews()[0] if found.status in UNFINISHED]
    return unfinished[0] if len(unfinished) == 1 else None


def mark_live(
    session: InterviewSession, *, interviewer: str = "", note_taker: str = "", clock: Clock = datetime.now
) -> None:
    """A planned interview starts now and goes live; names given (command line) are recorded.

    Writes only what changes, so reopening a live interview after a crash writes nothing.
    """
    current = session.interview
    update: dict = {}
    if current.start is None:
        update["start"] = clock()
    if current.status is InterviewStatus.PLANNED:
        update["status"] = InterviewStatus.LIVE
    if interviewer and interviewer != current.interviewer:
        update["interviewer"] = interviewer
    if note_taker and note_taker != current.note_taker:
        update["note_taker"] = note_taker
    if update:
        session.save_interview(current.model_copy(update=update))
