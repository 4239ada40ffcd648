"""Live interview state shared by the note-taker and the interviewer, without locks.

Each side writes only its own file set in the interview folder (``notes.*`` for the
note-taker, ``guide.*`` for the interviewer) and appends ``LiveEvent`` documents to an
``events`` table there. Each side follows the other's file read-only. The current theme
(or phase) is simply the newest event of that kind across both sides.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Literal

from trodden.models.domain import Model

from .durable import DurableDB

EVENTS_TABLE = "events"
GUIDE_DB = "guide"

EventKind = Literal["theme", "phase", "question_done", "question_undone", "followup_asked", "followup_reopened"]
Side = Literal["notes", "guide"]


class LiveEvent(Model):
    """One change of live state. ``value`` is a theme id, phase id, question id or note id."""

    kind: EventKind
    value: str | None
    at: datetime
    by: Side


def latest(events: Iterable[LiveEvent], kind: EventKind) -> LiveEvent | None:
    """The newest event of ``kind``. Ties: the guide side wins (it leads the conversation),
    then the one recorded later (events are given in record order)."""
    best: LiveEvent | None = None
    for event in events:
        if event.kind != kind:
            continue
        if best is None or (event.at, event.by == "guide") >= (best.at, best.by == "guide"):
            best = event
    return best


def current_value(events: Iterable[LiveEvent], kind: EventKind) -> str | None:
    event = latest(events, kind)
    return event.value if event else None


class EventsLog:
    """One side's ``events`` table: written by its owner, followed read-only by the other.

    The note-taker's events live in ``notes.*`` (see ``InterviewSession.record_event``);
    the interviewer's in ``guide.*``. ``EventsLog(folder, GUIDE_DB, writable=True)`` is the
    interviewer's writer; ``writable=False`` follows a file set that may not exist yet.
    """

    def __init__(self, folder: Path, name: str, *, writable: bool, side: Side) -> None:
        self.side = side
        self.db = DurableDB(folder, name, writable=writable)

    def open(self) -> EventsLog:
        self.db.open()
        return self

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> EventsLog:
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    def refresh(self) -> bool:
        """Pick up the other process's new events; True if there were any."""
        return self.db.refresh()

    def events(self) -> list[LiveEvent]:
        return [LiveEvent.model_validate(doc) for _, doc in self.db.docs(EVENTS_TABLE)]

    def record(self, kind: EventKind, value: str | None, *, at: datetime | None = None) -> LiveEvent:
        event = LiveEvent(kind=kind, value=value, at=at or datetime.now(), by=self.side)
        self.db.put(EVENTS_TABLE, self.db.count(EVENTS_TABLE) + 1, event.model_dump(mode="json"))
        return event
