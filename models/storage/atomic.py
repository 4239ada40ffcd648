"""Crash-safe file replacement: a reader sees the old file or the new one, never half."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import threading
from collections.abc import Callable
from pathlib import Path

from trodden.models.errors import WriteFailed
from trodden.models.i18n import N_

TMP_SUFFIX = ".tmp"


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (no-op where unsupported)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def make_dir(path: Path) -> None:
    """``mkdir -p`` whose new folders survive a power cut (their parents are fsynced).

    Raises ``WriteFailed`` (read-only or full disk) with the folder's name.
    """
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteFailed(path, error) from error
    for folder in missing:
        fsync_dir(folder.parent)


def temp_path(path: Path) -> Path:
    """The temp file ``atomic_write`` uses: unique per process and thread."""
    return path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}{TMP_SUFFIX}")


def is_new_folder(path: Path) -> bool:
    """Nothing there yet, or an empty folder."""
    path = Path(path)
    return not path.exists() or (path.is_dir() and not any(path.iterdir()))


def build_folder(path: Path, build: Callable[[Path], object]) -> None:
    """Fill a new folder beside ``path``, then move it into place in one rename.

    A full disk or a crash half-way leaves no half-made folder at ``path``, so running
    the command again just works. A failed build's hidden ``.NAME.PID.partial`` sibling
    is removed; only a killed process leaves one behind (safe to delete). ``path`` must
    be new or an empty folder.
    """
    path = Path(path)
    make_dir(path.parent)
    staging = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        build(staging)
        if path.is_dir():
            path.rmdir()  # empty (checked by the caller): the rename takes its place
        os.rename(staging, path)
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        cause = error.error if isinstance(error, WriteFailed) else error
        if isinstance(cause, OSError):  # name the folder asked for, not the staging one
            raise WriteFailed(path, cause, doing="write", then=N_("nothing was left behind")) from error
        raise
    fsync_dir(path.parent)


CHUNK = 1 << 20
_datasync = getattr(os, "fdatasync", os.fsync)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file, fsync and ``os.replace``.

    Large files are written and synced a megabyte at a time: a background snapshot
    then never has much unsynced data pending, which on ext4 and similar file systems
    would otherwise make the note-taker's small journal fsyncs wait behind it.

    On failure (disk full, read-only folder) the old file is untouched, the temp file
    removed, and ``WriteFailed`` names ``path``.
    """
    tmp = temp_path(path)
    try:
        with open(tmp, "wb", buffering=0) as handle:
            view = memoryview(data)
            for start in range(0, len(view), CHUNK):
                chunk = view[start : start + CHUNK]
                while chunk:
                    chunk = chunk[handle.write(chunk) :]
                if len(view) > CHUNK:
                    _datasync(handle.fileno())
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as error:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise WriteFailed(path, error) from error
    fsync_dir(path.parent)


def write_export(path: Path, data: bytes) -> None:
    """Write an export where the user asked for it, never replacing what is not a file.

    A regular file (new, existing, or reached through a symlink, which stays a symlink) is
    replaced atomically (``atomic_write``). A device or a pipe (``/dev/null``, ``/dev/stdout``, a
    FIFO a script reads) is written into as it is: replacing it, as a rename would, turned
    ``-o /dev/full`` run as root into a plain file where the device was, and a full device's
    error was never seen. Errors raise ``WriteFailed`` naming ``path``.
    """
    path = Path(path)
    try:
        mode = os.stat(path).st_mode  # through links, as open does (/dev/stdout -> a pipe)
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise WriteFailed(path, error) from error
    if mode is None or stat.S_ISREG(mode):
        atomic_write(Path(os.path.realpath(path)), data)
        return
    if stat.S_ISDIR(mode):
        raise WriteFailed(path, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
    try:
        with open(path, "wb", buffering=0) as handle:
            view = memoryview(data)
            while view:
                view = view[handle.write(view) :]
    except OSError as error:
        raise WriteFailed(path, error) from error


def drop_stale_temp_files(folder: Path, stem: str) -> None:
    """Remove temp files a killed writer left behind for ``stem.*`` (call holding its lock).

    Only ``stem.<anything>.tmp``: another file set's temp files (``map2`` next to
    ``map``) are not this writer's to remove.
    """
    for leftover in Path(folder).glob(f"{stem}.*{TMP_SUFFIX}"):
        try:
            leftover.unlink()
        except OSError:
            pass
