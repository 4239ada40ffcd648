"""Whether any interview's notes changed, without reading them (a mixin of ``StudyStore``).

Capture's completion follows renames made by other processes with it: a few hundred ``stat``
calls every few seconds instead of rereading every interview.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from trodden.models.errors import StoreError

from .layout import INTERVIEW_FILE, NOTES_DB


class NotesStamp:
    """``notes_stamp`` for a store that has ``interview_ids`` and ``interview_dir``."""

    def interview_ids(self) -> list[str]:  # pragma: no cover - provided by StudyStore
        raise NotImplementedError

    def interview_dir(self, interview_id: str) -> Path:  # pragma: no cover - provided by StudyStore
        raise NotImplementedError

    def notes_stamp(self, *, leaving_out: str | None = None) -> tuple:
        """Name, size and change time of every interview's notes files (``leaving_out`` one): a
        few hundred ``stat`` calls that tell whether any note changed (a rename by another process)
        without reading them. Any write changes a file's size or time."""
        stamps = []
        for interview_id in self.interview_ids():
            if interview_id == leaving_out:
                continue
            try:
                entries = list(os.scandir(self.interview_dir(interview_id)))
            except (OSError, StoreError):
                continue
            for entry in entries:
                if entry.name.startswith((NOTES_DB, INTERVIEW_FILE)) and not entry.name.endswith(".lock"):
                    with contextlib.suppress(OSError):
                        info = entry.stat()
                        stamps.append((interview_id, entry.name, info.st_size, info.st_mtime_ns))
        return tuple(sorted(stamps))
