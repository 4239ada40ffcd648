"""One way for a test to wait for the app: until a real condition holds, bounded, with a message.

Screens load in workers, writes land on a writer thread and other processes' files are
polled on timers, so a test often has to let the app run until something is true. Each
test file used to grow its own loop (``for _ in range(200): await pilot.pause()``) with
its own bound, some failing silently at the end; this is the one loop they share.

The bound is wall time, not a count of pauses: a pause is much shorter on an idle machine
than on a loaded one, and a count tuned on one flakes on the other.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

T = TypeVar("T")

TIMEOUT = 10.0
"""Seconds before giving up: far above any real wait, so only a real hang reaches it."""


async def wait_until(
    pilot: Any,
    condition: Callable[[], T | Awaitable[T]],
    what: str,
    *,
    timeout: float = TIMEOUT,
    step: float | None = None,
) -> T:
    """Let the app run until ``condition()`` is truthy; return what it returned.

    ``condition`` is checked first (no pause when it already holds), then after each
    ``pilot.pause(step)``: ``step=None`` waits until the app is idle, a number of seconds
    gives timers and threads time to move. ``condition`` may be a coroutine function, for
    conditions that need ``await`` (``app.workers.wait_for_complete()``). After
    ``timeout`` seconds the test fails with ``what``.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        await pilot.pause(step)
