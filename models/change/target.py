"""The target state beside the current one: started from the current map, compared with it.

``start_target`` copies the current map's phases' items as target items (all kept) and the
current curve as the target curve's first values; the group then marks items to change or
remove, adds new ones (a target item needs no interview evidence) and sets each phase's
target value by hand with a reason. ``compare`` says what changes and which problem area
each change answers, and pairs the two curves phase by phase.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from trodden.models.domain import Phase
from trodden.models.i18n import _
from trodden.models.map.curve import CurvePoint
from trodden.models.map.journey_map import ItemKind, JourneyMap

from .plan import ChangePlan, Fate, PlanChange, TargetItem, TargetPoint

NewId = Callable[[str], int]

TARGET_KINDS = (ItemKind.TOUCHPOINT, ItemKind.MOMENT)
"""What the target map is drawn from: what the customer meets (backstage stays on the current map)."""


def start_target(
    plan: ChangePlan, phases: list[Phase], journey: JourneyMap, curve: list[CurvePoint], new_id: NewId
) -> PlanChange:
    """The target map from the current one: every touchpoint and moment kept, the curve as it is.

    Refused (an empty change) when a target map exists already, so starting twice loses nothing.
    """
    if plan.has_target:
        return PlanChange()
    order = {phase.id: phase.order for phase in phases}
    items = sorted(
        (item for item in journey.items if item.kind in TARGET_KINDS and item.phase in order),
        key=lambda item: (order[item.phase], item.kind is ItemKind.MOMENT, item.order, item.id),  # type: ignore[index]
    )
    target_items = [
        TargetItem(id=new_id("target_items"), phase=item.phase, title=item.title, source=item.id, order=number)
        for number, item in enumerate(items, start=1)
    ]
    by_phase = {point.key: point.shown for point in curve}
    points = [
        TargetPoint(id=new_id("target_curve"), phase=phase.id, value=round(by_phase.get(phase.id) or 0.0, 1))
        for phase in sorted(phases, key=lambda p: p.order)
    ]
    return PlanChange(puts=(*target_items, *points))


def set_target_value(plan: ChangePlan, phase: str, value: float, reason: str, new_id: NewId) -> PlanChange:
    """Set the target curve at ``phase`` by hand (-2..2) with the reason."""
    if not -2 <= value <= 2:
        raise ValueError(_("a curve value is −2 to +2, not {value}").format(value=value))
    point = plan.target_point(phase)
    if point is None:
        return PlanChange(puts=(TargetPoint(id=new_id("target_curve"), phase=phase, value=value, reason=reason),))
    return PlanChange(puts=(point.model_copy(update={"value": value, "reason": reason}),))


def new_target_item(plan: ChangePlan, phase: str | None, title: str, new_id: NewId, areas=()) -> PlanChange:
    """A new target item: not on the current map, and needing no interview evidence."""
    if not title.strip():
        raise ValueError(_("a target item needs a title"))
    order = max((item.order for item in plan.target_items), default=0) + 1
    item = TargetItem(
        id=new_id("target_items"), phase=phase, title=title, fate=Fate.NEW, areas=list(areas), order=order
    )
    return PlanChange(puts=(item,))


def set_fate(plan: ChangePlan, item_id: int, fate: Fate, change: str = "", areas=None) -> PlanChange:
    item = next((i for i in plan.target_items if i.id == item_id), None)
    if item is None:
        return PlanChange()
    if item.source is None and fate is not Fate.NEW:
        fate = Fate.NEW  # a new item has no current one to keep, change or remove
    update: dict = {"fate": fate, "change": change}
    if areas is not None:
        update["areas"] = list(areas)
    return PlanChange(puts=(item.model_copy(update=update),))


# ------------------------------------------------------------------ comparing
@dataclass(frozen=True)
class ChangeRow:
    """One difference between the current and the target map."""

    fate: Fate
    phase: str | None
    current: str
    """the current item's title ("" for a new item)"""
    target: str
    change: str
    areas: tuple[int, ...]


@dataclass(frozen=True)
class CurvePair:
    phase: str
    current: float | None
    target: float | None
    reason: str


@dataclass(frozen=True)
class Comparison:
    changes: tuple[ChangeRow, ...]
    curve: tuple[CurvePair, ...]
    kept: int


def compare(plan: ChangePlan, phases: list[Phase], journey: JourneyMap, curve: list[CurvePoint]) -> Comparison:
    """What changes from the current map to the target, phase by phase, and the two curves."""
    order = {phase.id: phase.order for phase in phases}
    items = sorted(plan.target_items, key=lambda i: (order.get(i.phase or "", len(order)), i.order, i.id))
    rows = []
    for item in items:
        if item.fate is Fate.KEEP:
            continue
        current = journey.item(item.source) if item.source is not None else None
        rows.append(
            ChangeRow(
                fate=item.fate,
                phase=item.phase,
                current=current.title if current else "",
                target="" if item.fate is Fate.REMOVE else item.title,
                change=item.change,
                areas=tuple(item.areas),
            )
        )
    shown = {point.key: point.shown for point in curve}
    pairs = []
    for phase in sorted(phases, key=lambda p: p.order):
        point = plan.target_point(phase.id)
        pairs.append(
            CurvePair(phase.id, shown.get(phase.id), point.value if point else None, point.reason if point else "")
        )
    kept = sum(1 for item in plan.target_items if item.fate is Fate.KEEP)
    return Comparison(tuple(rows), tuple(pairs), kept)
