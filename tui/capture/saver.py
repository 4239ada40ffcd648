"""Saving in the order things were typed, off the UI thread, without a thread start per note.

Textual thread workers run side by side, so two notes sent quickly could reach the disk
in the wrong order, and starting one per note costs about half a millisecond on top of
the write itself. The capture screen instead hands its save jobs to this queue: one
writer thread takes them in order; jobs report back by posting messages to the screen.
The thread is a daemon and is stopped (after the last job) when the screen closes.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable

Job = Callable[[], None]


class SaveQueue:
    """A FIFO of save jobs run by one writer thread."""

    def __init__(self, name: str = "trodden-capture-writer") -> None:
        self._jobs: deque[Job] = deque()
        self._wake = threading.Condition()
        self._idle = threading.Event()
        self._idle.set()
        self._stopping = False
        self._name = name
        self._thread: threading.Thread | None = None

    def put(self, job: Job) -> None:
        with self._wake:
            if self._stopping:
                raise RuntimeError("the save queue is closed")
            self._jobs.append(job)
            self._idle.clear()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._jobs and not self._stopping:
                    self._idle.set()
                    self._wake.wait()
                if not self._jobs:
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
        """Block until every queued job ran."""
        return self._idle.wait(timeout)

    def close(self, timeout: float = 30.0) -> bool:
        """Run what is queued, then stop the thread. True if everything ran."""
        with self._wake:
            self._stopping = True
            self._wake.notify()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True
