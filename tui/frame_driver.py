"""Textual's terminal driver, handing each frame to its output thread before the app works on.

Textual renders a frame on the UI thread and queues the text for its output thread, which
writes it to the terminal. Right after a key's frame the UI thread goes on with the work the
key put off until its change was drawn (the customer curve, the collector, the writer's CRDT
update and fsync on a third thread), and the output thread, woken by the queue, waits for
the interpreter's lock: up to the switch interval, 5 ms, measured in ~half of the map's keys
from a real pty (bench/RESULTS.md, wt-mapfirst). So a write waits, bounded, until the output
thread has written it: the frame goes to the terminal first, the work after it follows.

Only when the output thread is idle: behind a write still in progress (a slow terminal) the
frame queues as in Textual, and the wait is at most ``HANDOFF_WAIT`` either way.
"""

from __future__ import annotations

import threading
from typing import IO, Any

from textual.drivers.linux_driver import LinuxDriver

HANDOFF_WAIT = 0.02  # seconds: a frame is written in well under 1 ms unless the terminal stalls


class _HandedOff:
    """The output thread's file: notes when it is busy writing and when a write is done."""

    def __init__(self, file: IO[str]) -> None:
        self._file = file
        self.done = threading.Event()
        self.busy = False

    def write(self, text: str) -> int:
        self.busy = True
        try:
            written = self._file.write(text)
            self._file.flush()  # the frame is in the terminal's hands before the UI thread goes on
            return written
        finally:
            self.busy = False
            self.done.set()

    def flush(self) -> None:
        self._file.flush()

    def fileno(self) -> int:
        return self._file.fileno()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


class FrameFirstDriver(LinuxDriver):
    """``LinuxDriver`` whose ``write`` returns once the output thread has written the text."""

    def start_application_mode(self) -> None:
        if not isinstance(self._file, _HandedOff):
            self._file = _HandedOff(self._file)  # before the output thread is made with it
        super().start_application_mode()

    def write(self, data: str) -> None:
        file = self._file
        if not isinstance(file, _HandedOff) or file.busy:
            super().write(data)
            return
        file.done.clear()
        super().write(data)
        file.done.wait(HANDOFF_WAIT)  # the lock is free for the output thread meanwhile
