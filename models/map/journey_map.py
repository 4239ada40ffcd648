"""The journey map the workshop builds: items on phases and lanes, with their evidence.

A map item is the workshop's sticky note ("Calls support about the invoice"); its
``evidence`` are the interview notes that back it, from any number of interviews. An item
without evidence is a hypothesis (drafted before the interviews). The map is stored by
``map_session`` and computed on by ``evidence`` and ``curve``: pure functions of
(phases, notes, map), shared by the map screen, ``trodden check``/``stats`` and every
report format.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import Field

from trodden.models.defaults import new_list
from trodden.models.domain import Model


class ItemKind(StrEnum):
    TOUCHPOINT = "touchpoint"
    MOMENT = "moment"
    BACKSTAGE = "backstage"


class BackstageKind(StrEnum):
    PEOPLE = "people"
    POLICY = "policy"
    SYSTEM = "system"
    EMPLOYEE = "employee"
    """the employees' own experience"""


class Mark(StrEnum):
    """The group's choice of the strongest feelings on the map (3-5 of each)."""

    HEART = "heart"
    CLOUD = "cloud"


class Lane(StrEnum):
    """The board's rows, top to bottom."""

    TOUCHPOINTS = "touchpoints"
    CHANNELS = "channels"
    EMOTIONS = "emotions"
    CURVE = "curve"
    QUOTES = "quotes"
    MOMENTS = "moments"
    BACKSTAGE = "backstage"


class MapItem(Model):
    id: int
    kind: ItemKind = ItemKind.TOUCHPOINT
    phase: str | None = None
    order: int = 0
    title: str
    evidence: list[str] = Field(default_factory=new_list)
    """Note ids (``interview/seq``) backing this item."""
    channels: list[str] = Field(default_factory=new_list)
    """Channels set by hand, in addition to those of the evidence."""
    backstage: BackstageKind | None = None
    mark: Mark | None = None
    design_question: str = ""
    """For moments of truth: the design question ("How might we ...")."""

    @property
    def is_hypothesis(self) -> bool:
        return not self.evidence


class QuotePick(Model):
    """A quote chosen to explain the curve in a phase. Shown verbatim from its note."""

    id: int
    note: str
    phase: str


class CurveOverride(Model):
    """A hand-set curve value for a phase, always shown as such."""

    phase: str
    value: float = Field(ge=-2, le=2)
    reason: str = ""


class JourneyMap(Model):
    items: list[MapItem] = Field(default_factory=new_list)
    quotes: list[QuotePick] = Field(default_factory=new_list)
    overrides: list[CurveOverride] = Field(default_factory=new_list)

    def item(self, item_id: int) -> MapItem | None:
        return next((item for item in self.items if item.id == item_id), None)

    def override_for(self, phase: str) -> CurveOverride | None:
        return next((o for o in self.overrides if o.phase == phase), None)


@dataclass(frozen=True)
class Change:
    """One edit of the map: documents to store and ids to drop, written in one fsync."""

    items: tuple[MapItem, ...] = ()
    quotes: tuple[QuotePick, ...] = ()
    drop_items: tuple[int, ...] = ()
    drop_quotes: tuple[int, ...] = ()
    revive: tuple[int, ...] = ()
    """removed items this change brings back on purpose (an undo): a plain edit of an item
    someone else removed meanwhile leaves it removed (see ``shared_doc``)"""
    merged_into: int | None = None
    """the item ``drop_items`` were merged into, kept with them so a concurrent edit can be told"""

    def applied_to(self, journey: JourneyMap) -> JourneyMap:
        """The map after this change (the input is left as it was)."""
        put_items = {item.id: item for item in self.items}
        put_quotes = {pick.id: pick for pick in self.quotes}
        items = [put_items.pop(i.id, i) for i in journey.items if i.id not in self.drop_items]
        items += [i for i in put_items.values() if i.id not in self.drop_items]
        quotes = [put_quotes.pop(q.id, q) for q in journey.quotes if q.id not in self.drop_quotes]
        quotes += [q for q in put_quotes.values() if q.id not in self.drop_quotes]
        return JourneyMap(items=items, quotes=quotes, overrides=list(journey.overrides))
