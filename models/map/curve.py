"""The emotion curve: how customers felt in each phase (and about each item), and the
staff view: how the employees felt, computed the same way and never mixed in.

Every participant counts once, however talkative: a point is the mean of each
participant's own mean feeling, with the spread across them. The customer curve takes
customers' feelings only (never a staff interview, never a backstage note's feeling;
``NotesIndex.customer_feeling``); the staff curve takes every feeling staff gave.
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


def per_participant_mean(notes: Iterable[Note], index: NotesIndex, key: str, *, staff: bool = False) -> CurvePoint:
    """The customers' (``staff``: the staff's) feeling about ``notes``, per participant first."""
    counts = index.staff_feeling if staff else index.customer_feeling
    by_participant: dict[str, list[int]] = defaultdict(list)
    for note in notes:
        if counts(note):
            by_participant[index.participant(note)].append(note.valence)  # type: ignore[arg-type]
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
    """The customer curve: one point per phase, in phase order, weighted per customer.

    A note counts in the phase of the item it backs, else in its own phase.
    """
    return _curve(phases, index.base_totals, index.feeling_of, journey, overrides=True)


def staff_curve(phases: list[Phase], index: NotesIndex, journey: JourneyMap) -> list[CurvePoint]:
    """The staff view: the employees' experience per phase, per member of staff first, then
    across them (their own notes' feelings, backstage ones included). No overrides: those
    are the customer curve's."""
    return _curve(phases, index.staff_base_totals, index.staff_feeling_of, journey, overrides=False)


def _curve(
    phases: list[Phase],
    base_totals: dict[str | None, dict[str, list[float]]],
    feeling_of: dict[str, tuple[str, int, str | None]],
    journey: JourneyMap,
    *,
    overrides: bool,
) -> list[CurvePoint]:
    totals = {phase: {who: list(entry) for who, entry in by_who.items()} for phase, by_who in base_totals.items()}
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
        _point(phase.id, totals.get(phase.id, {}), journey.override_for(phase.id) if overrides else None)
        for phase in sorted(phases, key=lambda p: p.order)
    ]


def item_feeling(item: MapItem, index: NotesIndex, *, staff: bool = False) -> CurvePoint:
    """An item's feeling from its evidence, weighted per customer (``staff``: per member of staff)."""
    return per_participant_mean(index.evidence(item), index, str(item.id), staff=staff)
