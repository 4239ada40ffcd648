"""What the interviews did to the hypothesis journey: a pure function of the kept hypothesis and the map.

Each item of the hypothesis (kept before the interviews, ``kept_hypothesis``) is

- **confirmed**: it now has evidence, or a current item with evidence says the same thing
  (same phase and kind, alike by ``similarity``: a hypothesis merged into a backed item);
- **contradicted**: the group removed it and said the interviews contradicted it, with a reason;
- **removed**: the group removed it without calling it contradicted;
- **unbacked**: still on the map, still without evidence.

Current items that are not in the hypothesis and match none of it are **new**: what no one expected.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .journey_map import JourneyMap, MapItem
from .kept_hypothesis import KeptHypothesis
from .similarity import similarity

MATCH = 0.6
"""How alike a backed item's title must be to a hypothesis item's to confirm it."""


class Outcome(StrEnum):
    CONFIRMED = "confirmed"
    CONTRADICTED = "contradicted"
    UNBACKED = "unbacked"
    REMOVED = "removed"


@dataclass(frozen=True)
class ItemOutcome:
    item: MapItem
    """the hypothesis item as it was kept"""
    outcome: Outcome
    reason: str = ""
    """the group's reason (contradicted)"""
    now: MapItem | None = None
    """the current item that confirms it (itself, or the item that matches it)"""


@dataclass(frozen=True)
class HypothesisOutcomes:
    outcomes: tuple[ItemOutcome, ...]
    new: tuple[MapItem, ...]
    """current items no one expected"""

    def of(self, outcome: Outcome) -> tuple[ItemOutcome, ...]:
        return tuple(entry for entry in self.outcomes if entry.outcome is outcome)

    def counts(self) -> dict[Outcome, int]:
        return {outcome: len(self.of(outcome)) for outcome in Outcome}


def _match(item: MapItem, backed: list[MapItem]) -> MapItem | None:
    """The backed current item most like ``item`` (same phase and kind), if alike enough."""
    best, score = None, MATCH
    for candidate in backed:
        if candidate.phase != item.phase or candidate.kind is not item.kind:
            continue
        alike = similarity(item.title, candidate.title)
        if alike >= score:
            best, score = candidate, alike
    return best


def hypothesis_outcomes(kept: KeptHypothesis, journey: JourneyMap) -> HypothesisOutcomes:
    """What became of each kept hypothesis item, and the current items no one expected."""
    backed = [item for item in journey.items if item.evidence]
    matched: set[int] = set()
    outcomes = []
    for item in kept.items:
        current = journey.item(item.id)
        verdict = kept.verdicts.get(item.id)
        if verdict is not None and verdict.contradicted and current is None:  # undone: back on the map
            outcomes.append(ItemOutcome(item, Outcome.CONTRADICTED, verdict.reason))
            continue
        now = current if current is not None and current.evidence else _match(item, backed)
        if now is not None:
            matched.add(now.id)
            outcomes.append(ItemOutcome(item, Outcome.CONFIRMED, now=now))
        elif current is None:
            outcomes.append(ItemOutcome(item, Outcome.REMOVED))
        else:
            outcomes.append(ItemOutcome(item, Outcome.UNBACKED, now=current))
    expected = {item.id for item in kept.items} | matched
    new = tuple(item for item in journey.items if item.id not in expected)
    return HypothesisOutcomes(tuple(outcomes), new)
