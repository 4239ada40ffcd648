"""One writer per file set: an OS-level lock that dies with its process.

The kernel drops ``flock``/``msvcrt`` locks when a process exits or is killed, so a lock
left by a crashed writer never blocks the next start. The lock file's content (pid, host,
time) is only there to tell the user who holds it.
"""

from __future__ import annotations

import json
import os
import socket
import time
from datetime import datetime
from pathlib import Path

from trodden.models.errors import Locked, WriteFailed
from trodden.models.i18n import _

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def held_elsewhere(path: Path) -> bool:
    """True while another process holds the lock at ``path`` (a note-taker capturing right now).

    Probes with a shared lock on a read-only descriptor, released at once: nothing is written,
    and a writer that starts during the probe's microseconds is the only one that could notice.
    """
    if os.name == "nt" or not path.exists():  # pragma: no cover - Windows: not probed
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


class FileLock:
    """An exclusive, non-blocking lock on ``path``; raises ``Locked`` if held elsewhere."""

    def __init__(self, path: Path, *, wait: float = 0.0) -> None:
        self.path = path
        self.wait = wait  # seconds to retry: short read-modify-writes wait, writers don't
        self._fd: int | None = None

    def acquire(self) -> FileLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            # A read-only folder or disk: say so, with the folder, not a lock file name.
            raise WriteFailed(self.path.parent, error, doing="open for writing") from error
        deadline = time.monotonic() + self.wait
        while not _try_lock(fd):
            if time.monotonic() < deadline:
                time.sleep(0.02)
                continue
            os.close(fd)
            raise Locked(self.path.parent / self.path.stem, self.holder())
        info = {"pid": os.getpid(), "host": socket.gethostname(), "since": datetime.now().isoformat(timespec="seconds")}
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, json.dumps(info).encode())
        except OSError:
            pass  # the lock itself holds; the note about who holds it is a courtesy
        self._fd = fd
        return self

    def holder(self) -> str:
        """Who holds the lock, as a phrase for an error message."""
        try:
            info = json.loads(self.path.read_text(encoding="utf-8") or "{}")
            return _("process {pid} on {host} (since {since})").format(
                pid=info["pid"], host=info["host"], since=info["since"]
            )
        except (OSError, ValueError, KeyError, TypeError):
            return _("another process")

    def release(self) -> None:
        if self._fd is None:
            return
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> FileLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
