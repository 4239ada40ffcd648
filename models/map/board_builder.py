"""The board after an edit, rebuilding only the phases the edit touched.

A key on the map changes one or two phases' columns (a note placed, an item moved or merged);
the other columns are the same values as before. ``BoardBuilder`` keeps each phase's column
with what it was built from (the phase's items and quote picks, as the very objects:
``Change.applied_to`` keeps every item it does not touch, the selection among them, whether
hearts and clouds are full) and builds only the columns whose inputs differ, so the UI
thread's work after a key follows what changed, not the map's size. ``build_board`` stays
the reference: tests check that both give the same board after any edits.
"""

from __future__ import annotations

from dataclasses import dataclass

from trodden.models.domain import Phase

from .board_model import (
    LANE_KIND,
    BoardModel,
    ItemsByCell,
    PhaseCells,
    assemble,
    items_by_cell,
    mark_counts,
    phase_cells,
    picks_by_phase,
    touchpoint_feelings,
)
from .curve import CurvePoint
from .evidence import NotesIndex
from .journey_map import JourneyMap, Mark

KINDS = tuple(LANE_KIND.values())
"""the item kinds a phase's column is built from (``phase_cells`` reads these cells)"""


@dataclass(frozen=True)
class _Inputs:
    """What one column was built from; objects are compared by identity (they are held here, so
    an identity cannot be reused by another object while the column is kept)."""

    items: tuple[tuple, ...]
    picks: tuple
    selected: frozenset[int]
    full: tuple[bool, bool]

    def same(self, other: _Inputs) -> bool:
        return (
            self.selected == other.selected
            and self.full == other.full
            and _same(self.picks, other.picks)
            and all(_same(a, b) for a, b in zip(self.items, other.items, strict=True))
        )


def _same(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


class BoardBuilder:
    """Builds boards for one notes index, reusing the columns whose inputs did not change."""

    def __init__(self, index: NotesIndex, cache: dict | None = None) -> None:
        self.index = index
        self.cache = cache
        """item lines, feelings and channels (``board_model``), kept by the caller while the notes stay the same"""
        self._columns: dict[str, tuple[_Inputs, PhaseCells, list[float | None]]] = {}
        self.rebuilt: list[str] = []
        """the phases the last ``build`` built afresh (for tests and the bench)"""

    def build(
        self,
        phases: list[Phase],
        journey: JourneyMap,
        curve: list[CurvePoint],
        selected: frozenset[int] = frozenset(),
        waiting: dict[str, int] | None = None,
    ) -> BoardModel:
        phases = sorted(phases, key=lambda p: p.order)
        marks = mark_counts(journey)
        full = (marks[Mark.HEART] >= 5, marks[Mark.CLOUD] >= 5)
        by_cell = items_by_cell(journey)
        picks = picks_by_phase(journey)
        columns: dict[str, PhaseCells] = {}
        touchpoints: dict[str, list[float | None]] = {}
        kept: dict[str, tuple[_Inputs, PhaseCells, list[float | None]]] = {}
        self.rebuilt = []
        for phase in phases:
            inputs = self._inputs(phase.id, by_cell, picks.get(phase.id, []), selected, full)
            old = self._columns.get(phase.id)
            if old is not None and old[0].same(inputs):
                _, column, feelings = old  # the same items (objects): the same touchpoint feelings too
            else:
                column = phase_cells(
                    phase.id, by_cell, picks.get(phase.id, []), self.index, selected, marks, self.cache
                )
                feelings = touchpoint_feelings(phase.id, by_cell, self.index, self.cache)
                self.rebuilt.append(phase.id)
            kept[phase.id] = (inputs, column, feelings)
            columns[phase.id] = column
            touchpoints[phase.id] = feelings
        self._columns = kept
        return assemble(phases, columns, by_cell, journey, self.index, curve, waiting, self.cache, touchpoints)

    @staticmethod
    def _inputs(
        phase: str, by_cell: ItemsByCell, picks: list, selected: frozenset[int], full: tuple[bool, bool]
    ) -> _Inputs:
        items = tuple(tuple(by_cell.get((phase, kind), ())) for kind in KINDS)
        ids = {item.id for cell in items for item in cell}
        return _Inputs(items, tuple(picks), frozenset(selected & ids), full)
