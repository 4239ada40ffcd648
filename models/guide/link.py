"""The guide view's link to the interview on disk: its own events log, the notes it follows.

Plain Python, no Textual: the guide screen calls it from its worker threads only. The interviewer
writes only ``guide.*`` (theme changes, ticks, follow-ups asked) and follows the
note-taker's ``notes.*`` and ``interview.json`` read-only, so the two processes need no
lock between them. If another guide view already writes this interview's ``guide.*``,
this one follows it read-only instead of failing.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime

from trodden.models.domain import Guide, Interview, Note
from trodden.models.errors import Locked, ReadOnly
from trodden.models.storage.live import EventKind, EventsLog, LiveEvent
from trodden.models.storage.session import InterviewSession
from trodden.models.storage.store import StudyStore

LOCK_GRACE = 1.5
"""Seconds to wait for another guide view's writer lock before following it read-only."""


@dataclass(frozen=True)
class Snapshot:
    """Everything read from disk in one poll, handed to the UI thread as one value."""

    guide: Guide
    interview: Interview
    guide_events: tuple[LiveEvent, ...]
    notes_events: tuple[LiveEvent, ...]
    notes: tuple[Note, ...]


class GuideLink:
    """Opens, follows and writes one interview's live state for the interviewer."""

    def __init__(self, store: StudyStore, interview_id: str) -> None:
        self.store = store
        self.interview_id = interview_id
        self.log: EventsLog | None = None
        self.session: InterviewSession | None = None
        self.read_only = False
        self._write_lock = threading.Lock()
        self._events_seen = 0

    def open(self) -> None:
        """Open both sides; raises ``StoreError`` with a user-ready message."""
        self.session = self.store.open_interview(self.interview_id, writable=False)
        deadline = time.monotonic() + LOCK_GRACE
        while True:
            log = self.store.guide_events(self.interview_id, writable=True)
            try:
                log.open()
                break
            except Locked:
                # A guide view of this interview that is just closing (the user went back
                # and reopened) lets go within moments; one that stays open leads.
                if time.monotonic() >= deadline:
                    log = self.store.guide_events(self.interview_id, writable=False).open()
                    self.read_only = True
                    break
                time.sleep(0.05)
        self.log = log

    def poll(self) -> tuple[bool, Snapshot]:
        """Follow the other side (and other guide views, and study.json edits).

        Returns whether anything changed since the last poll, and the current state.
        """
        assert self.session is not None and self.log is not None, "poll before open"
        changed = self.session.refresh()
        if self.read_only:
            changed = self.log.refresh() or changed
        try:
            changed = self.store.reload() or changed
        except Exception:  # a half-synced study.json: keep the guide we have
            pass
        snapshot = self.snapshot()
        if len(snapshot.guide_events) != self._events_seen:  # our own writes, confirmed on disk
            self._events_seen = len(snapshot.guide_events)
            changed = True
        return changed, snapshot

    def snapshot(self) -> Snapshot:
        assert self.session is not None and self.log is not None
        with self._write_lock:  # the writer thread may be adding an event right now
            guide_events = tuple(self.log.events())
        return Snapshot(
            guide=self.store.guide,
            interview=self.session.interview,
            guide_events=guide_events,
            notes_events=tuple(self.session.events()),
            notes=tuple(self.session.notes()),
        )

    def record(self, kind: EventKind, value: str | None, at: datetime) -> LiveEvent:
        """Durably append one of the interviewer's events (in order, one writer thread at a time)."""
        assert self.log is not None
        if self.read_only:
            raise ReadOnly("another guide view is open on this interview; this one only follows it")
        with self._write_lock:
            return self.log.record(kind, value, at=at)

    def close(self) -> None:
        for part in (self.log, self.session):
            if part is not None:
                try:
                    part.close()
                except Exception:
                    pass
        self.log = self.session = None
