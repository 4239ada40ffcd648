"""The change plan as pydantic models: problem areas, ideas under them, and the target map.

The method calls what comes after the map "the most important phase": every moment of
truth becomes the heading of a problem area, written up from the customer's side and
prioritised; the team turns areas into ideas (prototypes, jobs to be done, narratives,
actions) and follows whether they had their effect. A target map sits beside the current
one: the current items kept, changed or removed, new ones, and a curve set by hand.

Field names are the JSON interchange format (``interchange``), and each list is one stored
collection named in ``COLLECTIONS`` (see ``store``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import Field

from trodden.models.defaults import new_list
from trodden.models.domain import Model


class SourceKind(StrEnum):
    """Where a problem area came from on the map."""

    MOMENT = "moment"
    CLOUD = "cloud"
    PHASE = "phase"
    CLUSTER = "cluster"


class ProblemArea(Model):
    id: int
    title: str
    experience: str = ""
    """the customer's experience in a few sentences, written from the customer's side"""
    design_questions: list[str] = Field(default_factory=new_list)
    """"How might we ...", one a line"""
    source: SourceKind = SourceKind.CLUSTER
    source_ref: str = ""
    """the moment's or thundercloud's item id, or the phase id; empty for a cluster"""
    phase: str | None = None
    items: list[int] = Field(default_factory=new_list)
    """map items behind the area: its evidence is theirs"""
    notes: list[str] = Field(default_factory=new_list)
    """notes linked directly (``interview/seq``)"""
    quotes: list[str] = Field(default_factory=new_list)
    """note ids picked from the evidence, shown verbatim"""
    impact: int | None = Field(default=None, ge=1, le=5)
    effort: int | None = Field(default=None, ge=1, le=5)
    order: int = 0


class IdeaKind(StrEnum):
    """The four ways the method names for turning a problem area into change."""

    PROTOTYPE = "prototype"
    JOB = "job_to_be_done"
    NARRATIVE = "narrative"
    ACTION = "action"


class IdeaStatus(StrEnum):
    IDEA = "idea"
    TRYING = "trying"
    DECIDED = "decided"
    DONE = "done"
    DROPPED = "dropped"


class Idea(Model):
    id: int
    area: int
    kind: IdeaKind = IdeaKind.ACTION
    text: str
    owner: str = ""
    """initials"""
    status: IdeaStatus = IdeaStatus.IDEA
    effect: str = ""
    """the effect it should have ("fewer calls about the invoice")"""
    outcome: str = ""
    """what happened, noted later"""
    order: int = 0


class Fate(StrEnum):
    """What becomes of a current item in the target state (``new``: not on the current map)."""

    KEEP = "keep"
    CHANGE = "change"
    REMOVE = "remove"
    NEW = "new"


class TargetItem(Model):
    id: int
    phase: str | None = None
    title: str
    fate: Fate = Fate.KEEP
    source: int | None = None
    """the current map item it comes from (None for a new target item)"""
    change: str = ""
    """how it changes, in a few words"""
    areas: list[int] = Field(default_factory=new_list)
    """the problem areas this change answers"""
    order: int = 0


class TargetPoint(Model):
    """The target curve at one phase, set by hand, with the reason."""

    id: int
    phase: str
    value: float = Field(ge=-2, le=2)
    reason: str = ""


class ChangePlan(Model):
    areas: list[ProblemArea] = Field(default_factory=new_list)
    ideas: list[Idea] = Field(default_factory=new_list)
    target_items: list[TargetItem] = Field(default_factory=new_list)
    target_curve: list[TargetPoint] = Field(default_factory=new_list)

    @property
    def has_target(self) -> bool:
        return bool(self.target_items or self.target_curve)

    @property
    def is_empty(self) -> bool:
        return not (self.areas or self.ideas or self.has_target)

    def area(self, area_id: int) -> ProblemArea | None:
        return next((area for area in self.areas if area.id == area_id), None)

    def idea(self, idea_id: int) -> Idea | None:
        return next((idea for idea in self.ideas if idea.id == idea_id), None)

    def ideas_of(self, area_id: int) -> list[Idea]:
        return sorted((idea for idea in self.ideas if idea.area == area_id), key=lambda idea: (idea.order, idea.id))

    def target_point(self, phase: str) -> TargetPoint | None:
        return next((point for point in self.target_curve if point.phase == phase), None)


COLLECTIONS: dict[str, type[Model]] = {
    "areas": ProblemArea,
    "ideas": Idea,
    "target_items": TargetItem,
    "target_curve": TargetPoint,
}
"""Each stored collection's name (a ``ChangePlan`` field) and the model of its documents."""

Doc = ProblemArea | Idea | TargetItem | TargetPoint


def collection_of(doc: Doc) -> str:
    return next(name for name, model in COLLECTIONS.items() if type(doc) is model)


@dataclass(frozen=True)
class PlanChange:
    """One edit of the plan: documents to store and (collection, id) pairs to drop, in one write."""

    puts: tuple[Doc, ...] = ()
    drops: tuple[tuple[str, int], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.puts or self.drops)

    def applied_to(self, plan: ChangePlan) -> ChangePlan:
        """The plan after this change (the input is left as it was)."""
        fields = {}
        for name in COLLECTIONS:
            put = {doc.id: doc for doc in self.puts if collection_of(doc) == name}
            dropped = {doc_id for table, doc_id in self.drops if table == name}
            kept = [put.pop(doc.id, doc) for doc in getattr(plan, name) if doc.id not in dropped]
            fields[name] = kept + [doc for doc in put.values() if doc.id not in dropped]
        return ChangePlan(**fields)


def inverse(plan: ChangePlan, change: PlanChange) -> PlanChange:
    """The change that takes ``change`` back, worked out against ``plan`` as it is before it."""
    before = {(name, doc.id): doc for name in COLLECTIONS for doc in getattr(plan, name)}
    puts: list[Doc] = []
    drops: list[tuple[str, int]] = []
    for doc in change.puts:
        key = (collection_of(doc), doc.id)
        if key in before:
            puts.append(before[key])
        else:
            drops.append(key)
    puts += [before[key] for key in change.drops if key in before]
    return PlanChange(tuple(puts), tuple(drops))
