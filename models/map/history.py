"""Undo and redo for the map: the changes that take edits back, newest last.

The stacks' rules (a fresh edit forgets the redoable, depth) are ``models/undo.py``'s, shared with
capture and the guide editor. What is map-specific is what a step is: the ``Change`` that takes an
edit back, worked out from the map as it is (``inverse``), so undoing or redoing it turns it round
against the map of that moment. Kept apart from the screen so it can be tested without a terminal.
"""

from __future__ import annotations

from trodden.models.undo import UNDO_DEPTH, UndoRedo

from .edit import inverse
from .journey_map import Change, JourneyMap

__all__ = ["UNDO_DEPTH", "History"]


class History:
    """The undo and redo stacks of one editing session (not stored: a reload keeps them)."""

    def __init__(self, depth: int = UNDO_DEPTH) -> None:
        self._stacks: UndoRedo[Change] = UndoRedo(depth)

    @property
    def depth(self) -> int:
        return self._stacks.depth

    @property
    def can_undo(self) -> bool:
        return self._stacks.can_undo

    @property
    def can_redo(self) -> bool:
        return self._stacks.can_redo

    def record(self, before: JourneyMap, change: Change) -> None:
        """A fresh edit ``change`` is about to be applied to ``before``: remember how to take it back."""
        self._stacks.record(inverse(before, change))

    def undo(self, journey: JourneyMap) -> Change | None:
        """The change that takes back the last edit of ``journey`` (None if there is none).

        The caller applies it; its own inverse becomes the next redo.
        """
        return self._stacks.undo(lambda change: inverse(journey, change))

    def redo(self, journey: JourneyMap) -> Change | None:
        """The change that does again what the last undo took back (None if there is none)."""
        return self._stacks.redo(lambda change: inverse(journey, change))
