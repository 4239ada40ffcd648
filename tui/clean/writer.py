"""Writes that must happen in order, off the UI thread: one queue, drained by thread workers.

Each cleaning step is one write; keys can come faster than the disk, and an undo must
never overtake the step it undoes. Jobs queue up and whichever worker holds the lock
runs them oldest first.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from threading import Lock

from textual.dom import DOMNode

from trodden.models.errors import StoreError

Job = Callable[[], str | None]
"""A write; returns a short message for the status line (or None)."""
Report = Callable[[str, bool], None]
"""Called from the worker thread with (message, is_error): post a message from it."""


class SerialWriter:
    def __init__(self, owner: DOMNode, report: Report) -> None:
        self.owner = owner
        self.report = report
        self._jobs: deque[Job] = deque()
        self._lock = Lock()

    def submit(self, job: Job) -> None:
        self._jobs.append(job)
        self.owner.run_worker(self._drain, thread=True, group="write")

    def _drain(self) -> None:
        with self._lock:
            while self._jobs:
                job = self._jobs.popleft()
                try:
                    result = job()
                except (StoreError, OSError) as error:
                    self.report(f"NOT saved: {error}", True)
                    continue
                if result:
                    self.report(result, False)

    def finish(self, then: Callable[[], None]) -> None:
        """Run what is still queued here and now, then ``then`` (closing the session)."""
        with self._lock:
            while self._jobs:
                try:
                    self._jobs.popleft()()
                except (StoreError, OSError):
                    pass  # the screen is gone; the note stays as last saved
            then()
