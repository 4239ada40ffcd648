"""The emotion curve: how participants felt in each phase (and about each item).

Every participant counts once, however talkative: a point is the mean of each
participant's own mean feeling, with the spread across them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from trodden.models.domain import Note, Phase

from .evidence import NotesIndex, placed_phases
from .journey_map import CurveOverride, JourneyMap, MapItem


@dataclass(frozen=True)
class CurvePoint:
    """The emotion curve at one phase (or one item).

    ``value`` is the mean over participants of each participant's own mean valence, so a
    talkative participant counts once. ``n`` participants gave a feeling; ``spread`` is
    the population standard deviation across them. ``override`` replaces ``value`` in
    ``shown`` and is always displayed as an override.
    """

    key: str
    value: float | None
    n: int
    spread: float
    per_participant: dict[str, float] = field(default_factory=dict)
    override: CurveOverride | None = None

    @property
    def shown(self) -> float | None:
        return self.override.value if self.override else self.value


def per_participant_mean(notes: Iterable[Note], index: NotesIndex, key: str) -> CurvePoint:
    by_participant: dict[str, list[int]] = defaultdict(list)
    for note in notes:
        if note.valence is not None:
            by_participant[index.participant(note)].append(note.valence)
    means = {code: sum(values) / len(values) for code, values in sorted(by_participant.items())}
    if not means:
        return CurvePoint(key, None, 0, 0.0)
    mean, spread = _mean_spread(list(means.values()))
    return CurvePoint(key, mean, len(means), spread, means)


def _point(key: str, totals: dict[str, list[float]], override: CurveOverride | None = None) -> CurvePoint:
    """A curve point from per-participant [sum, count] of valences."""
    means = {code: total / count for code, (total, count) in sorted(totals.items())}
    if not means:
        return CurvePoint(key, None, 0, 0.0, override=override)
    mean, spread = _mean_spread(list(means.values()))
    return CurvePoint(key, mean, len(means), spread, means, override)


def _mean_spread(values: list[float]) -> tuple[float, float]:
    """Mean and population standard deviation (plain floats: ``statistics`` is slow here)."""
    mean = sum(values) / len(values)
    return mean, math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def emotion_curve(phases: list[Phase], index: NotesIndex, journey: JourneyMap) -> list[CurvePoint]:
    """One point per phase, in phase order, weighted per participant.

    A note counts in the phase of the item it backs, else in its own phase.
    """
    totals = {phase: {who: list(entry) for who, entry in by_who.items()} for phase, by_who in index.base_totals.items()}
    feeling_of = index.feeling_of
    for note_id, phase in placed_phases(journey).items():
        found = feeling_of.get(note_id)
        if found is None or found[2] == phase:
            continue
        who, valence, own = found
        entry = totals[own][who]
        entry[0] -= valence
        entry[1] -= 1
        if not entry[1]:
            del totals[own][who]
        target = totals.setdefault(phase, {}).setdefault(who, [0, 0])
        target[0] += valence
        target[1] += 1
    return [
        _point(phase.id, totals.get(phase.id, {}), journey.override_for(phase.id))
        for phase in sorted(phases, key=lambda p: p.order)
    ]


def item_feeling(item: MapItem, index: NotesIndex) -> CurvePoint:
    """An item's feeling from its evidence, weighted per participant."""
    return per_participant_mean(index.evidence(item), index, str(item.id))
