"""The one way screens write: storage calls run in order, off the UI thread, and report back as messages.

Every screen that saves (capture, guide, clean, map) hands its writes to a ``Writer``. One daemon thread
per screen takes the jobs oldest first, so a note typed after another is never stored before it and an
undo never overtakes the step it undoes, and the UI thread never waits for the disk (a laptop's fsync
can take 5-50 ms). A job is a plain function that returns the message to post to the screen when it is
done (or None); if it raises, ``on_error`` turns the error into the message instead. Textual's
``post_message`` is thread-safe, so state still changes only in the screen's ``on_...`` handlers.

A screen whose key must show within a frame can ``hold`` the writer while it draws and ``release`` it after
the frame (``after_frame``): the jobs wait, in order, instead of taking the interpreter's lock from the UI
thread mid-frame (a map edit's CRDT update and fsync cost 3-10 ms of CPU). A hold lapses by itself after
a moment, so nothing waits for a frame that never comes, and ``wait_idle``/``close`` end it first.

A thread of its own rather than a Textual worker per write: workers run side by side (order is lost) and
starting one costs about half a millisecond, more than a journal append.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from textual.message import Message
from textual.message_pump import MessagePump

Job = Callable[[], Message | None]
"""A storage call, run on the writer thread; returns the message to post when done, or None."""
OnError = Callable[[Exception], Message | None]
"""Turns a job's exception into the message to post (on the writer thread)."""


class WriteFailed(Message):
    """A job raised and had no ``on_error`` of its own: the screen says so and keeps what it shows."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error


@dataclass
class _Entry:
    job: Job
    on_error: OnError | None = field(default=None)


class Writer:
    """A FIFO of storage jobs for one screen, run by one daemon thread that is started on first use."""

    def __init__(self, owner: MessagePump, name: str) -> None:
        self._owner = owner
        self._name = f"trodden-{name}-writer"
        self._jobs: deque[_Entry] = deque()
        self._wake = threading.Condition()
        self._idle = threading.Event()
        self._idle.set()
        self._closing = False
        self._thread: threading.Thread | None = None
        self._held_until = 0.0
        """``time.monotonic()`` until which queued jobs wait (0: not held)"""

    def submit(self, job: Job, on_error: OnError | None = None) -> None:
        """Queue ``job`` after everything submitted before it. Raises once the writer is closed."""
        with self._wake:
            if self._closing:
                raise RuntimeError(f"{self._name} is closed")
            self._jobs.append(_Entry(job, on_error))
            self._idle.clear()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
            self._wake.notify()

    def hold(self, seconds: float = 0.25) -> None:
        """Let queued jobs wait (in order) until ``release`` or for at most ``seconds``; a running job finishes."""
        with self._wake:
            self._held_until = time.monotonic() + seconds

    def release(self) -> None:
        """Let the queued jobs run now."""
        with self._wake:
            self._held_until = 0.0
            self._wake.notify()

    def after_frame(self, *widgets: MessagePump, seconds: float = 0.25) -> None:
        """Hold the jobs until each of ``widgets`` has been redrawn (a key's change shows first).

        Textual runs a widget's ``call_after_refresh`` callback after the screen's next repaint
        that follows the widget's pending messages, its own refresh among them; the screen's
        would come after a frame that may not hold the widget's change yet.
        """
        self.hold(seconds)
        waiting = [len(widgets)]

        def drawn() -> None:
            waiting[0] -= 1
            if not waiting[0]:
                self.release()

        for widget in widgets:
            widget.call_after_refresh(drawn)

    @property
    def busy(self) -> bool:
        """True while a job is queued or running."""
        return not self._idle.is_set()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until every job submitted so far has run (for quitting, reloading and tests)."""
        self.release()
        return self._idle.wait(timeout)

    def close(self, timeout: float = 30.0) -> bool:
        """Run what is queued, then stop the thread. True if everything ran within ``timeout``."""
        with self._wake:
            self._closing = True
            self._held_until = 0.0
            self._wake.notify()
            thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._jobs and not self._closing:
                    self._idle.set()
                    self._wake.wait()
                if not self._jobs:
                    self._idle.set()
                    return
                wait = self._held_until - time.monotonic()
                if wait > 0 and not self._closing:
                    self._wake.wait(wait)  # released, lapsed, or a new job: look again
                    continue
                entry = self._jobs.popleft()
            self._post(self._outcome(entry))

    @staticmethod
    def _outcome(entry: _Entry) -> Message | None:
        try:
            return entry.job()
        except Exception as error:  # the queue must go on; the screen is told
            try:
                return entry.on_error(error) if entry.on_error else WriteFailed(error)
            except Exception as second:
                return WriteFailed(second)

    def _post(self, message: Message | None) -> None:
        if message is not None:
            self._owner.post_message(message)
