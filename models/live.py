"""Live interview state shared by the note-taker and the interviewer, without locks.

Each side writes only its own file set in the interview folder (``notes.*`` for the
note-taker, ``guide.*`` for the interviewer) and appends ``LiveEvent`` documents to an
``events`` table there. Each side follows the other's file read-only. The current theme
(or phase) is simply the newest event of that kind across both sides.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Literal

from .domain import Model

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
    """The newest event of ``kind`` (ties: the guide side wins, it leads the conversation)."""
    best: LiveEvent | None = None
    for event in events:
        if event.kind != kind:
            continue
        if best is None or (event.at, event.by == "guide") > (best.at, best.by == "guide"):
            best = event
    return best


def current_value(events: Iterable[LiveEvent], kind: EventKind) -> str | None:
    event = latest(events, kind)
    return event.value if event else None
