"""Undo and redo as plain data: the one pair of stacks every editing screen keeps.

The rules are the same everywhere, so they live once: a fresh edit forgets what was redoable
(redoing it now would undo the new edit's work), undoing a step makes it redoable and redoing
makes it undoable again, and only the last ``UNDO_DEPTH`` steps are kept. What a step *is*
differs: the map keeps the change that takes an edit back (``models/map/history.py`` turns it
round with ``flip``), capture and the guide editor keep a ``Step``, the state before and after
one change, filled in by the writer thread once the change is on disk.

The stacks change only when a key is pressed, never when the disk answers, so ctrl+z always
takes back the change the user last asked for, even if it is still being saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
S = TypeVar("S")

UNDO_DEPTH = 200
"""steps the undo key can take back (a workshop day is thousands; undoing them all is no use)"""


def _same(step: T) -> T:
    return step


class UndoRedo(Generic[T]):
    """The undo and redo stacks of one editing session (not stored: a reload keeps them)."""

    def __init__(self, depth: int = UNDO_DEPTH) -> None:
        self.depth = depth
        self._undo: list[T] = []
        self._redo: list[T] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def record(self, step: T) -> None:
        """A fresh edit: it can be undone, and nothing undone before it can be redone."""
        self._push_undo(step)
        self._redo.clear()

    def undo(self, flip: Callable[[T], T] = _same) -> T | None:
        """The last step to take back (None if there is none); ``flip(step)`` becomes the next redo."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(flip(step))
        return step

    def redo(self, flip: Callable[[T], T] = _same) -> T | None:
        """The last undone step to do again (None if there is none); ``flip(step)`` becomes undoable."""
        if not self._redo:
            return None
        step = self._redo.pop()
        self._push_undo(flip(step))
        return step

    def forget(self, step: T) -> None:
        """Drop ``step`` wherever it is: it never happened (its save failed)."""
        self._undo = [kept for kept in self._undo if kept is not step]
        self._redo = [kept for kept in self._redo if kept is not step]

    def put_back(self, step: T, *, undoable: bool) -> None:
        """An undo or redo of ``step`` failed: it goes back on the stack it came from, on top."""
        self.forget(step)
        if undoable:
            self._push_undo(step)
        else:
            self._redo.append(step)

    def _push_undo(self, step: T) -> None:
        self._undo.append(step)
        del self._undo[: -self.depth]


@dataclass(eq=False)
class Step(Generic[S]):
    """One change, as the state it replaced and the state it made.

    Recorded when the key is pressed, filled in by the job that makes the change (on the writer
    thread, which also runs the undo after it, so an undo never sees a half-filled step).
    ``done`` is False if the change failed or changed nothing: there is nothing to take back.
    """

    label: str
    before: S | None = None
    after: S | None = None

    @property
    def done(self) -> bool:
        return self.before is not None and self.after is not None and self.before != self.after

    def filled(self, before: S, after: S) -> S:
        """Record what the change did; returns ``after`` (handy at the end of a job)."""
        self.before, self.after = before, after
        return after
