"""Saving in the order things were typed, off the UI thread.

Textual thread workers run side by side, so two notes sent quickly could reach the disk
in the wrong order. Jobs go into this queue instead; one worker at a time drains it and
ends when it is empty (so ``wait_for_complete`` in tests and at quit never hangs).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable

Job = Callable[[], None]


class SaveQueue:
    """A FIFO of save jobs. ``put`` says whether the caller must start a drain worker."""

    def __init__(self) -> None:
        self._jobs: deque[Job] = deque()
        self._lock = threading.Lock()
        self._draining = False
        self._idle = threading.Event()
        self._idle.set()

    def put(self, job: Job) -> bool:
        with self._lock:
            self._jobs.append(job)
            if self._draining:
                return False
            self._draining = True
            self._idle.clear()
            return True

    def drain(self) -> None:
        """Run jobs until none are left (called in a thread worker)."""
        while True:
            with self._lock:
                if not self._jobs:
                    self._draining = False
                    self._idle.set()
                    return
                job = self._jobs.popleft()
            try:
                job()
            except Exception:  # a job reports its own errors; the queue must go on
                pass

    @property
    def busy(self) -> bool:
        return not self._idle.is_set()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until every queued job ran (at quit, before the session closes)."""
        return self._idle.wait(timeout)
