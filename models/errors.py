"""Errors the store raises: each says which file and what is wrong, in one line.

Their fixed words are in the interface's language (``models/i18n``, installed before a command or a
screen runs); paths, process names and the system's own error text are data, put in as they are.
"""

from __future__ import annotations

import errno

from trodden.models.i18n import N_, _

SYSTEM_ERRORS = {
    errno.ENOSPC: N_("No space left on device"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EROFS: N_("Read-only file system"),
    errno.ENOENT: N_("No such file or directory"),
    errno.EDQUOT: N_("Disk quota exceeded"),
}
"""The system's reasons a user meets most, in the interface's language (the text is the C library's)."""

DOING = {
    "save to": N_("could not save to {path}: {reason}"),
    "write": N_("could not write {path}: {reason}"),
    "open for writing": N_("could not open for writing {path}: {reason}"),
}


class StoreError(Exception):
    """Base of every storage error; its message is meant for the user as it is."""


class StudyNotFound(StoreError):
    pass


class CorruptFile(StoreError):
    """A file that cannot be read. It is left untouched on disk."""

    def __init__(self, path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(_("{path}: {reason} (the file was left untouched)").format(path=path, reason=reason))


class Damaged(CorruptFile):
    """Files with damaged lines, refused for writing: a writer's snapshot would drop
    the damage for good. They still open read-only, with everything else in them, so
    a screen can fall back to read-only as it does for ``Locked``."""


class Locked(StoreError):
    """Another live process is writing this file set."""

    def __init__(self, path, holder: str) -> None:
        self.path = path
        self.holder = holder
        message = _("{path} is already open for writing by {holder}; close it there, or open it read-only")
        super().__init__(message.format(path=path, holder=holder))


class WriteFailed(StoreError):
    """The disk refused a write (full, read-only, gone). Nothing saved before is lost."""

    def __init__(self, path, error: OSError, *, doing: str = "save to", then: str = "") -> None:
        self.path = path
        self.error = error
        message = _(DOING[doing]) if doing in DOING else "could not " + doing + " {path}: {reason}"
        said = message.format(path=path, reason=system_reason(error))
        super().__init__(said + (f"; {_(then)}" if then else ""))


def system_reason(error: OSError) -> str:
    """The system's reason for ``error`` in the interface's language where it is a common one, else
    the system's own words (``strerror``)."""
    known = SYSTEM_ERRORS.get(error.errno or 0)
    said = _(known) if known else ""
    return said if said and said != known else error.strerror or str(error)


class ReadOnly(StoreError):
    """A write was attempted through a store opened read-only."""


NEWER = N_("was written by a newer trodden; upgrade to open it")
"""A ``CorruptFile`` reason: a file of a later format (said through ``_`` where it is raised)."""


def unreadable(error: OSError) -> str:
    """A ``CorruptFile`` reason for a file the system would not read: "cannot be read (why)"."""
    return _("cannot be read ({reason})").format(reason=system_reason(error))
