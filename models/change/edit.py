"""Edits of problem areas and ideas as pure functions: (plan, arguments) -> ``PlanChange``.

Pure, like the map's edits, so a screen applies a change to the plan it shows at once,
records its inverse for undo (``plan.inverse``), and stores it on its writer thread.
"""

from __future__ import annotations

from collections.abc import Callable

from trodden.models.i18n import _

from .areas import PlanError
from .plan import ChangePlan, Idea, IdeaKind, IdeaStatus, PlanChange

NewId = Callable[[str], int]

EDITABLE = frozenset({"title", "experience", "design_questions", "quotes", "items", "notes"})


def update_area(plan: ChangePlan, area_id: int, **fields) -> PlanChange:
    """Set some of an area's written fields (title, experience, design questions, picked quotes...)."""
    area = plan.area(area_id)
    if area is None:
        raise PlanError(_("That problem area is gone (undone or removed)"))
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValueError(f"not an area field: {sorted(unknown)}")
    if "title" in fields and not str(fields["title"]).strip():
        raise PlanError(_("A problem area needs a title"))
    if "design_questions" in fields:
        fields["design_questions"] = [q.strip() for q in fields["design_questions"] if q.strip()]
    return PlanChange(puts=(area.model_copy(update=fields),))


def toggle_quote(plan: ChangePlan, area_id: int, note_id: str) -> PlanChange:
    """Pick (or unpick) a note of the area's evidence as one of its verbatim quotes."""
    area = plan.area(area_id)
    if area is None:
        return PlanChange()
    quotes = [q for q in area.quotes if q != note_id] if note_id in area.quotes else [*area.quotes, note_id]
    return PlanChange(puts=(area.model_copy(update={"quotes": quotes}),))


def delete_area(plan: ChangePlan, area_id: int) -> PlanChange:
    """Remove an area and the ideas under it (one undoable step)."""
    if plan.area(area_id) is None:
        return PlanChange()
    drops = [("areas", area_id)] + [("ideas", idea.id) for idea in plan.ideas_of(area_id)]
    return PlanChange(drops=tuple(drops))


def add_idea(
    plan: ChangePlan,
    area_id: int,
    text: str,
    new_id: NewId,
    *,
    kind: IdeaKind = IdeaKind.ACTION,
    owner: str = "",
    effect: str = "",
) -> PlanChange:
    if plan.area(area_id) is None:
        raise PlanError(_("Choose a problem area first"))
    if not text.strip():
        raise PlanError(_("An idea needs a few words"))
    order = max((idea.order for idea in plan.ideas_of(area_id)), default=0) + 1
    idea = Idea(
        id=new_id("ideas"),
        area=area_id,
        kind=kind,
        text=text.strip(),
        owner=owner.strip().upper(),
        effect=effect.strip(),
        order=order,
    )
    return PlanChange(puts=(idea,))


def update_idea(plan: ChangePlan, idea_id: int, **fields) -> PlanChange:
    idea = plan.idea(idea_id)
    if idea is None:
        raise PlanError(_("That idea is gone (undone or removed)"))
    if "owner" in fields:
        fields["owner"] = str(fields["owner"]).strip().upper()
    if "text" in fields and not str(fields["text"]).strip():
        raise PlanError(_("An idea needs a few words"))
    return PlanChange(puts=(Idea.model_validate({**idea.model_dump(), **fields}),))


def cycle_status(plan: ChangePlan, idea_id: int) -> PlanChange:
    """idea -> trying -> decided -> done -> dropped -> idea."""
    idea = plan.idea(idea_id)
    if idea is None:
        return PlanChange()
    statuses = list(IdeaStatus)
    following = statuses[(statuses.index(idea.status) + 1) % len(statuses)]
    return PlanChange(puts=(idea.model_copy(update={"status": following}),))


def cycle_kind(plan: ChangePlan, idea_id: int) -> PlanChange:
    idea = plan.idea(idea_id)
    if idea is None:
        return PlanChange()
    kinds = list(IdeaKind)
    following = kinds[(kinds.index(idea.kind) + 1) % len(kinds)]
    return PlanChange(puts=(idea.model_copy(update={"kind": following}),))


def delete_idea(plan: ChangePlan, idea_id: int) -> PlanChange:
    if plan.idea(idea_id) is None:
        return PlanChange()
    return PlanChange(drops=(("ideas", idea_id),))
