"""When the cyclic garbage collector may run: kept out of bulk loads, and off what they load.

Loading 20,000 notes builds about a million objects. During the load the collector
would rescan the growing heap again and again (more than doubling the time to open);
after it, its first full pass over them would stall some later keystroke for ~150 ms.
So it is paused while loading (``paused_gc``), and after a large load what exists is
frozen (``gc.freeze``): moved out of the collector's scans for good. Loaded documents
and notes hold no reference cycles, so refcounting still frees them when dropped.
Small loads (a reader's refresh) never freeze, so other code's cyclic garbage stays
collectable.

This is the one place that calls ``gc.freeze``; screens that keep a large load alive
call ``freeze_loaded_objects``. A screen whose key must show within a frame holds the
collector from the key to its frame (``hold_collector``): with a large study loaded, a
collection in the key's path cost 1-3 ms a key and, when it reached the oldest generation,
17-33 ms (the map's cached lines); after the frame it costs the same, unseen.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

FREEZE_AT = 1000
"""Loads of at least this many documents are frozen out of the collector afterwards."""

_lock = threading.RLock()
_pausers = 0
_was_enabled = True
_freeze_requested = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic collection inside; a freeze asked for inside happens on the way out.

    Nested and thread-safe: the collector comes back (if it was on) when the last
    pauser leaves.
    """
    _pause()
    try:
        yield
    finally:
        _resume()


def hold_collector() -> Callable[[], None]:
    """No cyclic collection until the returned function is called (the first call counts, later
    ones do nothing). Nests with ``paused_gc`` and other holds, as they do with each other."""
    _pause()
    released = False

    def release() -> None:
        nonlocal released
        if not released:
            released = True
            _resume()

    return release


def _pause() -> None:
    global _pausers, _was_enabled
    with _lock:
        _pausers += 1
        if _pausers == 1:
            _was_enabled = gc.isenabled()
            gc.disable()


def _resume() -> None:
    global _pausers, _freeze_requested
    with _lock:
        _pausers -= 1
        if _pausers == 0:
            if _freeze_requested:
                gc.freeze()
                _freeze_requested = False
            if _was_enabled:
                gc.enable()


def request_freeze(loaded: int) -> None:
    """Inside ``paused_gc``: ``loaded`` documents were built; freeze them if that is many."""
    global _freeze_requested
    if loaded >= FREEZE_AT:
        with _lock:
            _freeze_requested = True


def freeze_loaded_objects() -> None:
    """Move every object alive now out of the collector's scans, for long-lived loads.

    Inside a ``paused_gc`` the freeze waits until the pause ends, so it also covers
    what the load is still building.
    """
    global _freeze_requested
    with _lock:
        if _pausers:
            _freeze_requested = True
        else:
            gc.freeze()
