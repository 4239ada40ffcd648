"""Crash-safe file replacement: a reader sees the old file or the new one, never half."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import WriteFailed

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


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file, fsync and ``os.replace``."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}{TMP_SUFFIX}")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as error:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise WriteFailed(path, error) from error
    fsync_dir(path.parent)


def drop_stale_temp_files(folder: Path, stem: str) -> None:
    """Remove temp files a killed writer left behind for ``stem`` (writers only)."""
    for leftover in folder.glob(f"{stem}*{TMP_SUFFIX}"):
        try:
            leftover.unlink()
        except OSError:
            pass
