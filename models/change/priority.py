"""Prioritising problem areas: impact and effort (1-5) on a matrix, the list sorted by a rule.

The group sets impact and effort; the map's own signals (``areas.map_says``) break ties, so
a deep dip backed by many customers comes before a shallow one. The list's order is saved
(``ProblemArea.order``), so the report shows the areas in the order the group agreed.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from trodden.models.i18n import _

from .areas import PlanError
from .plan import ChangePlan, PlanChange, ProblemArea


class SortRule(StrEnum):
    ORDER = "order"
    """as the group ordered them"""
    PRIORITY = "priority"
    """high impact first, then low effort, then evidence"""
    IMPACT = "impact"
    EFFORT = "effort"
    """least effort first"""
    EVIDENCE = "evidence"
    """most customers backing first"""


class Quadrant(StrEnum):
    QUICK_WIN = "quick_win"
    BIG_BET = "big_bet"
    FILL_IN = "fill_in"
    MONEY_PIT = "money_pit"
    UNSET = "unset"


def quadrant(area: ProblemArea) -> Quadrant:
    """Where the area sits on the matrix: impact 3+ is high, effort 3+ is high."""
    if area.impact is None or area.effort is None:
        return Quadrant.UNSET
    high_impact, high_effort = area.impact >= 3, area.effort >= 3
    if high_impact:
        return Quadrant.BIG_BET if high_effort else Quadrant.QUICK_WIN
    return Quadrant.MONEY_PIT if high_effort else Quadrant.FILL_IN


def _missing_last(value: int | None, *, high_first: bool) -> tuple[int, int]:
    if value is None:
        return (1, 0)
    return (0, -value if high_first else value)


def sort_key(rule: SortRule, backing: Callable[[ProblemArea], int] = lambda area: 0):
    """The key for ``sorted``: unset values last; ties by the saved order, then id."""

    def key(area: ProblemArea) -> tuple:
        impact = _missing_last(area.impact, high_first=True)
        effort = _missing_last(area.effort, high_first=False)
        tail = (area.order, area.id)
        if rule is SortRule.PRIORITY:
            return (impact, effort, -backing(area), *tail)
        if rule is SortRule.IMPACT:
            return (impact, *tail)
        if rule is SortRule.EFFORT:
            return (effort, *tail)
        if rule is SortRule.EVIDENCE:
            return (-backing(area), *tail)
        return tail

    return key


def sorted_areas(
    areas: list[ProblemArea], rule: SortRule = SortRule.ORDER, backing: Callable[[ProblemArea], int] = lambda a: 0
) -> list[ProblemArea]:
    return sorted(areas, key=sort_key(rule, backing))


def save_order(plan: ChangePlan, ordered: list[ProblemArea]) -> PlanChange:
    """Store ``ordered`` as the areas' order (1, 2, 3 ...): only the areas whose place changed."""
    puts = tuple(
        area.model_copy(update={"order": number})
        for number, area in enumerate(ordered, start=1)
        if area.order != number
    )
    return PlanChange(puts=puts)


def move_area(plan: ChangePlan, area_id: int, step: int) -> PlanChange:
    """Move an area up (``step`` -1) or down (+1) in the saved order."""
    ordered = sorted_areas(plan.areas)
    at = next((i for i, area in enumerate(ordered) if area.id == area_id), None)
    if at is None or not 0 <= at + step < len(ordered):
        return PlanChange()
    ordered[at], ordered[at + step] = ordered[at + step], ordered[at]
    return save_order(plan, ordered)


def set_priority(plan: ChangePlan, area_id: int, *, impact: int | None = None, effort: int | None = None) -> PlanChange:
    """Set impact and/or effort (1-5) of an area."""
    area = plan.area(area_id)
    if area is None:
        return PlanChange()
    update = {}
    refusals = {"impact": _("impact is 1 to 5, not {value}"), "effort": _("effort is 1 to 5, not {value}")}
    for name, value in (("impact", impact), ("effort", effort)):
        if value is not None:
            if not 1 <= value <= 5:
                raise PlanError(refusals[name].format(value=value))
            update[name] = value
    return PlanChange(puts=(area.model_copy(update=update),)) if update else PlanChange()


def matrix(areas: list[ProblemArea]) -> dict[tuple[int, int], list[ProblemArea]]:
    """(impact, effort) -> the areas there, in saved order; areas without both are left out."""
    cells: dict[tuple[int, int], list[ProblemArea]] = {}
    for area in sorted_areas(areas):
        if area.impact is not None and area.effort is not None:
            cells.setdefault((area.impact, area.effort), []).append(area)
    return cells
