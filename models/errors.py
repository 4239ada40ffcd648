"""Errors the store raises: each says which file and what is wrong, in one line."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every storage error; its message is meant for the user as it is."""


class StudyNotFound(StoreError):
    pass


class CorruptFile(StoreError):
    """A file that cannot be read. It is left untouched on disk."""

    def __init__(self, path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason} (the file was left untouched)")


class Damaged(CorruptFile):
    """Files with damaged lines, refused for writing: a writer's snapshot would drop
    the damage for good. They still open read-only, with everything else in them, so
    a screen can fall back to read-only as it does for ``Locked``."""


class Locked(StoreError):
    """Another live process is writing this file set."""

    def __init__(self, path, holder: str) -> None:
        self.path = path
        self.holder = holder
        super().__init__(f"{path} is already open for writing by {holder}; close it there, or open it read-only")


class WriteFailed(StoreError):
    """The disk refused a write (full, read-only, gone). Nothing saved before is lost."""

    def __init__(self, path, error: OSError, *, doing: str = "save to", then: str = "") -> None:
        self.path = path
        self.error = error
        reason = error.strerror or str(error)
        super().__init__(f"could not {doing} {path}: {reason}" + (f"; {then}" if then else ""))


class ReadOnly(StoreError):
    """A write was attempted through a store opened read-only."""
