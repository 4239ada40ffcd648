"""Undo and redo for the map: the changes that take edits back, newest last.

Kept apart from the screen so the rules can be tested without a terminal: a fresh edit
forgets what was redoable (redoing it now would undo the new edit's work), undoing an
edit makes it redoable and redoing makes it undoable again, and only the last
``UNDO_DEPTH`` edits are kept (a workshop day is thousands of edits; undoing them all
is not a use, and each step holds whole items).
"""

from __future__ import annotations

from .edit import inverse
from .journey_map import Change, JourneyMap

UNDO_DEPTH = 200
"""changes the undo key can take back"""


class History:
    """The undo and redo stacks of one editing session (not stored: a reload keeps them)."""

    def __init__(self, depth: int = UNDO_DEPTH) -> None:
        self.depth = depth
        self._undo: list[Change] = []
        self._redo: list[Change] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def record(self, before: JourneyMap, change: Change) -> None:
        """A fresh edit ``change`` is about to be applied to ``before``: remember how to take it back."""
        self._push_undo(inverse(before, change))
        self._redo.clear()

    def undo(self, journey: JourneyMap) -> Change | None:
        """The change that takes back the last edit of ``journey`` (None if there is none).

        The caller applies it; its own inverse becomes the next redo.
        """
        if not self._undo:
            return None
        change = self._undo.pop()
        self._redo.append(inverse(journey, change))
        return change

    def redo(self, journey: JourneyMap) -> Change | None:
        """The change that does again what the last undo took back (None if there is none)."""
        if not self._redo:
            return None
        change = self._redo.pop()
        self._push_undo(inverse(journey, change))
        return change

    def _push_undo(self, change: Change) -> None:
        self._undo.append(change)
        del self._undo[: -self.depth]
