"""Undo and redo for the map: item edits and phase edits on one stack, newest last.

The stacks' rules (a fresh edit forgets the redoable, depth) are ``models/undo.py``'s, shared with
capture and the guide editor. What is map-specific is what a step is. An item edit is kept as the
``Change`` that takes it back, worked out from the map as it is (``inverse``), so undoing or redoing
it turns it round against the map of that moment. A phase edit is a ``PhaseStep``
(``phase_history``): it is worked out on the writer thread, so it is recorded when the key is
pressed and filled in there, and the same step moves between the stacks (its undo and redo are
worked out against the phases of that moment when they run). One stack for both, so ``u`` takes
back the newest edit of either kind, as a facilitator expects. Kept apart from the screen so it
can be tested without a terminal.
"""

from __future__ import annotations

from trodden.models.undo import UNDO_DEPTH, UndoRedo

from .edit import inverse
from .journey_map import Change, JourneyMap
from .phase_history import PhaseStep

__all__ = ["UNDO_DEPTH", "History", "PhaseStep"]

Step = Change | PhaseStep
"""what the stacks hold: the change that takes an item edit back, or a phase edit"""


class History:
    """The undo and redo stacks of one editing session (not stored: a reload keeps them)."""

    def __init__(self, depth: int = UNDO_DEPTH) -> None:
        self._stacks: UndoRedo[Step] = UndoRedo(depth)

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

    def record_phases(self, step: PhaseStep) -> None:
        """A fresh phase edit, as the key is pressed (the job that makes it fills ``step`` in)."""
        self._stacks.record(step)

    def undo(self, journey: JourneyMap) -> Step | None:
        """What takes back the last edit (None if there is none): for an item edit the change the
        caller applies to ``journey`` (its own inverse becomes the next redo), for a phase edit its
        step, to undo against the phases as they are then (the same step becomes the next redo)."""
        return self._stacks.undo(lambda step: _turned(journey, step))

    def redo(self, journey: JourneyMap) -> Step | None:
        """What does again what the last undo took back (None if there is none)."""
        return self._stacks.redo(lambda step: _turned(journey, step))

    def forget(self, step: PhaseStep) -> None:
        """A phase edit that changed nothing, or an undo or redo of it that could not apply: skip it."""
        self._stacks.forget(step)

    def put_back(self, step: PhaseStep, *, undoable: bool) -> None:
        """An undo or redo of a phase edit was not saved: it goes back on the stack it came from."""
        self._stacks.put_back(step, undoable=undoable)


def _turned(journey: JourneyMap, step: Step) -> Step:
    return inverse(journey, step) if isinstance(step, Change) else step
