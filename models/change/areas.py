"""Problem areas from the map, and what the map says about each, computed never typed.

Every moment of truth is a problem area (``areas_from_moments`` adds the missing ones); the
group can add others from a thundercloud, a phase or a cluster of items (``new_area``). An
area's evidence is the notes behind its linked items plus the notes linked to it directly:
n of N *customers* and by customer type, exactly as an item's (staff never count; their
backing is shown apart as the staff view).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from trodden.models.domain import Note, Phase
from trodden.models.i18n import _
from trodden.models.map.curve import CurvePoint
from trodden.models.map.evidence import NotesIndex, segment_counts
from trodden.models.map.journey_map import ItemKind, JourneyMap, MapItem, Mark

from .plan import ChangePlan, PlanChange, ProblemArea, SourceKind

NewId = Callable[[str], int]


class PlanError(ValueError):
    """A change of the plan that cannot be made; the message is user-ready."""


def _next_order(plan: ChangePlan) -> int:
    return max((area.order for area in plan.areas), default=0) + 1


def area_for_moment(moment: MapItem, area_id: int, order: int) -> ProblemArea:
    """The problem area a moment of truth heads: its title, its design question, its evidence."""
    return ProblemArea(
        id=area_id,
        title=moment.title,
        design_questions=[moment.design_question] if moment.design_question.strip() else [],
        source=SourceKind.MOMENT,
        source_ref=str(moment.id),
        phase=moment.phase,
        items=[moment.id],
        order=order,
    )


def moments_without_area(plan: ChangePlan, journey: JourneyMap) -> list[MapItem]:
    """Moments of truth no area heads yet, in map order."""
    headed = {area.source_ref for area in plan.areas if area.source is SourceKind.MOMENT}
    moments = [item for item in journey.items if item.kind is ItemKind.MOMENT and str(item.id) not in headed]
    return sorted(moments, key=lambda item: (item.phase or "", item.order, item.id))


def areas_from_moments(plan: ChangePlan, journey: JourneyMap, new_id: NewId) -> PlanChange:
    """Every moment of truth is a problem area: the areas of the moments that have none yet."""
    order = _next_order(plan)
    areas = [
        area_for_moment(moment, new_id("areas"), order + number)
        for number, moment in enumerate(moments_without_area(plan, journey))
    ]
    return PlanChange(puts=tuple(areas))


def new_area(
    plan: ChangePlan,
    journey: JourneyMap,
    new_id: NewId,
    *,
    item: MapItem | None = None,
    phase: Phase | None = None,
    items: list[MapItem] | None = None,
    title: str = "",
) -> PlanChange:
    """An area from a moment of truth or thundercloud (``item``), a phase, or a cluster of ``items``."""
    order = _next_order(plan)
    if item is not None:
        if item.kind is ItemKind.MOMENT:
            if any(a.source is SourceKind.MOMENT and a.source_ref == str(item.id) for a in plan.areas):
                raise PlanError(_("{title} already heads a problem area").format(title=repr(item.title)))
            return PlanChange(puts=(area_for_moment(item, new_id("areas"), order),))
        source = SourceKind.CLOUD if item.mark is Mark.CLOUD else SourceKind.CLUSTER
        area = ProblemArea(
            id=new_id("areas"),
            title=title or item.title,
            source=source,
            source_ref=str(item.id) if source is SourceKind.CLOUD else "",
            phase=item.phase,
            items=[item.id],
            order=order,
        )
        return PlanChange(puts=(area,))
    if phase is not None:
        in_phase = [i.id for i in journey.items if i.phase == phase.id and i.mark is Mark.CLOUD]
        area = ProblemArea(
            id=new_id("areas"),
            title=title or phase.name,
            source=SourceKind.PHASE,
            source_ref=phase.id,
            phase=phase.id,
            items=in_phase,
            order=order,
        )
        return PlanChange(puts=(area,))
    chosen = list(items or [])
    if not chosen and not title.strip():
        raise PlanError(_("Give the new area a title, or choose the items behind it"))
    phases = {i.phase for i in chosen}
    area = ProblemArea(
        id=new_id("areas"),
        title=title or chosen[0].title,
        source=SourceKind.CLUSTER,
        phase=phases.pop() if len(phases) == 1 else None,
        items=[i.id for i in chosen],
        order=order,
    )
    return PlanChange(puts=(area,))


# ------------------------------------------------------------------ evidence
@dataclass(frozen=True)
class AreaEvidence:
    """The notes behind an area and who said them: customers (n of N) apart from staff."""

    notes: tuple[Note, ...]
    customers: tuple[str, ...]
    total: int
    """N: every customer interviewed"""
    by_type: tuple[tuple[str, int], ...]
    staff: tuple[str, ...]

    @property
    def n(self) -> int:
        return len(self.customers)

    @property
    def quotable(self) -> tuple[Note, ...]:
        """Customers' notes the group can pick a verbatim quote from (quotes first)."""
        return tuple(sorted(self.notes, key=lambda note: (not _is_quote(note), note.interview, note.seq)))


def _is_quote(note: Note) -> bool:
    return any(kind.value == "quote" for kind in note.kinds)


def area_notes(area: ProblemArea, index: NotesIndex, journey: JourneyMap) -> list[Note]:
    """The area's evidence: its items' notes and its own, each once, in first-seen order."""
    ids: dict[str, None] = {}
    for item_id in area.items:
        item = journey.item(item_id)
        if item is not None:
            ids.update(dict.fromkeys(item.evidence))
    ids.update(dict.fromkeys(area.notes))
    return [index.notes[note_id] for note_id in ids if note_id in index.notes]


def area_evidence(area: ProblemArea, index: NotesIndex, journey: JourneyMap) -> AreaEvidence:
    """Computed from the linked items and notes: n of N customers, by type; staff apart."""
    notes = area_notes(area, index, journey)
    who = {index.participant(note) for note in notes}
    customers = tuple(sorted(code for code in who if not index.is_staff(code)))
    staff = tuple(sorted(code for code in who if index.is_staff(code)))
    by_type = tuple(segment_counts(index.segment_of.get(code, "") for code in customers))
    customer_notes = tuple(note for note in notes if not index.is_staff(index.participant(note)))
    return AreaEvidence(customer_notes, customers, len(index.participants), by_type, staff)


# ------------------------------------------------------------------ what the map says
@dataclass(frozen=True)
class MapSays:
    """What the map says about an area, to prioritise by: never typed, always computed."""

    depth: float | None
    """the customer curve in the area's phase (the shown value: an override if set)"""
    clouds: tuple[str, ...]
    """thundercloud items among the area's items and in its phase"""
    backing: int
    total: int
    staff_feeling: float | None
    """the staff view in the area's phase; None without staff interviews"""
    staff_backing: int


def map_says(
    area: ProblemArea,
    evidence: AreaEvidence,
    journey: JourneyMap,
    curve: list[CurvePoint],
    staff: list[CurvePoint] = (),  # type: ignore[assignment]
) -> MapSays:
    point = next((p for p in curve if p.key == area.phase), None)
    staff_point = next((p for p in staff if p.key == area.phase), None)
    linked = set(area.items)
    clouds = [
        item.title
        for item in journey.items
        if item.mark is Mark.CLOUD and (item.id in linked or (area.phase and item.phase == area.phase))
    ]
    return MapSays(
        depth=point.shown if point else None,
        clouds=tuple(clouds),
        backing=evidence.n,
        total=evidence.total,
        staff_feeling=staff_point.value if staff_point and staff_point.n else None,
        staff_backing=len(evidence.staff),
    )
