"""Counts and saturation: how many customers back what, and what each interview added.

The method warns against reading a journey map as statistics, so these are counts of
customers (n of N), never percentages; saturation shows when new interviews stop
bringing new items or tags, which tells the team it may stop interviewing. Staff
interviews count in neither: N is the number of customers interviewed.
"""

from __future__ import annotations

from dataclasses import dataclass

from trodden.models.map.evidence import NotesIndex
from trodden.models.map.journey_map import ItemKind, JourneyMap

from .domain import Interview, InterviewStatus, Scope
from .stats_words import word


@dataclass(frozen=True)
class Backing:
    """One map item, tag or channel, and how many participants mention it."""

    kind: str
    """``item``, ``tag`` or ``channel``"""
    label: str
    n: int
    total: int
    key: str = ""
    """item id for items, else the label"""


@dataclass(frozen=True)
class InterviewYield:
    """What one interview (in date order) brought that no earlier interview had."""

    interview: str
    participant: str
    new_items: int
    new_tags: int
    new_channels: int
    cumulative_items: int
    cumulative_tags: int
    cumulative_channels: int = 0

    @property
    def new(self) -> int:
        return self.new_items + self.new_tags


def backing_counts(index: NotesIndex, journey: JourneyMap) -> list[Backing]:
    """Map items, then tags, then channels; most-backed first within each (customers only).

    A backstage item only staff back is a row of its own kind, ``backstage``, counted among the
    staff interviewed: listed as "0 of N customers" it would read as an item nobody backs."""
    total = len(index.participants)
    items, staff_only = [], []
    for item in journey.items:
        customers = len(index.customer_backers(item))
        staff = len(index.staff_backers(item)) if item.kind is ItemKind.BACKSTAGE else 0
        if staff and not customers:  # what only staff told: counted among staff, never as "0 of N" customers
            staff_only.append(Backing("backstage", item.title, staff, len(index.staff), str(item.id)))
        else:
            items.append(Backing("item", item.title, customers, total, str(item.id)))
    tags: dict[str, set[str]] = {}
    channels: dict[str, set[str]] = {}
    for note in index.notes.values():
        who = index.participant(note)
        if index.is_staff(who):
            continue
        for tag in note.tags:
            tags.setdefault(tag, set()).add(who)
        for channel in note.channels:
            channels.setdefault(channel, set()).add(who)
    rows = sorted(items, key=lambda b: (-b.n, b.label.casefold()))
    rows += sorted(staff_only, key=lambda b: (-b.n, b.label.casefold()))
    rows += sorted(
        (Backing("tag", tag, len(who), total, tag) for tag, who in tags.items()),
        key=lambda b: (-b.n, b.label),
    )
    rows += sorted(
        (Backing("channel", channel, len(who), total, channel) for channel, who in channels.items()),
        key=lambda b: (-b.n, b.label),
    )
    return rows


def backing_sections(rows: list[Backing]) -> list[tuple[str, list[Backing]]]:
    """``backing_counts`` rows by kind, in the order every stats view shows them: map items,
    backstage only staff told of (only when there is some: an empty "staff" section would only
    puzzle), tags, channels. An empty section of the others is shown, saying "none"."""
    sections = [(kind, [row for row in rows if row.kind == kind]) for kind in ("item", "backstage", "tag", "channel")]
    return [(kind, section) for kind, section in sections if section or kind != "backstage"]


def saturation(interviews: list[Interview], index: NotesIndex, journey: JourneyMap) -> list[InterviewYield]:
    """Per customer interview in date order: the items, tags and channels it was first to mention
    (staff interviews are left out: what staff bring says nothing about customers' saturation)."""
    interviews = [i for i in interviews if not index.is_staff(i.participant)]
    items_of_note: dict[str, list[int]] = {}
    for item in journey.items:
        for note_id in item.evidence:
            items_of_note.setdefault(note_id, []).append(item.id)
    by_interview: dict[str, list] = {}
    for note in index.notes.values():
        by_interview.setdefault(note.interview, []).append(note)
    ordered = sorted(interviews, key=lambda i: (i.date, i.start.isoformat() if i.start else "", i.id))
    seen_items: set[int] = set()
    seen_tags: set[str] = set()
    seen_channels: set[str] = set()
    result = []
    for interview in ordered:
        items: set[int] = set()
        tags: set[str] = set()
        channels: set[str] = set()
        for note in by_interview.get(interview.id, []):
            items.update(items_of_note.get(note.id, ()))
            tags.update(note.tags)
            channels.update(note.channels)
        new_items = items - seen_items
        new_tags = tags - seen_tags
        new_channels = channels - seen_channels
        seen_items |= items
        seen_tags |= tags
        seen_channels |= channels
        result.append(
            InterviewYield(
                interview.id,
                interview.participant,
                len(new_items),
                len(new_tags),
                len(new_channels),
                len(seen_items),
                len(seen_tags),
                len(seen_channels),
            )
        )
    return result


GUIDANCE: dict[Scope, tuple[int, int]] = {Scope.EPISODE: (10, 12), Scope.WHOLE: (15, 20)}
"""The method's guidance: customer interviews for an episode and for a whole journey."""

WINDOW = 3
"""How many of the last customer interviews the verdict looks at."""

THRESHOLD = 0.10
"""Saturation is likely when the window added less than this share of everything found."""


@dataclass(frozen=True)
class SaturationVerdict:
    """How many customer interviews the study has, against the guidance, and whether the
    last ones still brought anything new ("too early", "not yet" or "likely")."""

    interviews: int
    """customer interviews held (planned ones and staff interviews not counted)"""
    guidance: tuple[int, int]
    verdict: str
    window: int
    """how many of the last interviews were looked at"""
    new: int
    """new items, tags and channels those interviews added"""
    found: int
    """items, tags and channels found in all customer interviews"""

    @property
    def share(self) -> float:
        return self.new / self.found if self.found else 0.0

    def guidance_text(self, language: str = "en") -> str:
        """``4 of 15-20 customer interviews``: held, against the method's guidance."""
        low, high = self.guidance
        return word(language, "guidance", n=self.interviews, low=low, high=high)

    def verdict_text(self, language: str = "en") -> str:
        """``saturation not yet: last 3 added 30% new``: short enough for the overview at 80 columns."""
        if self.verdict == "too early":
            if self.interviews > self.window:
                why = word(language, "why.untagged")
            else:
                why = word(language, "why.few", n=self.window + 1)
            return word(language, "too-early", why=why)
        verdict = word(language, f"verdict.{self.verdict}")
        return word(language, "verdict", verdict=verdict, window=self.window, share=round(self.share * 100))

    def line(self, language: str = "en") -> str:
        return f"{self.guidance_text(language)} · {self.verdict_text(language)}"


def saturation_verdict(
    interviews: list[Interview], index: NotesIndex, journey: JourneyMap, scope: Scope
) -> SaturationVerdict:
    """Enough interviews, and saturation, from the customers' interviews alone.

    Only customer interviews that have taken place count (staff and planned ones never).
    Each interview's new things are the map items, tags and channels no earlier customer
    interview had (see ``saturation``); tags and channels count too, so there is a verdict
    before anything is placed on the map. With fewer than ``WINDOW + 1`` interviews, or
    nothing found yet, it is "too early"; otherwise saturation is "likely" when the last
    ``WINDOW`` interviews together added under ``THRESHOLD`` (10%) of everything found so
    far, else "not yet".
    """
    held = [i for i in interviews if i.status is not InterviewStatus.PLANNED]
    yields = saturation(held, index, journey)
    guidance = GUIDANCE.get(scope, GUIDANCE[Scope.WHOLE])
    last = yields[-1] if yields else None
    found = (last.cumulative_items + last.cumulative_tags + last.cumulative_channels) if last else 0
    new = sum(y.new_items + y.new_tags + y.new_channels for y in yields[-WINDOW:])
    if len(yields) <= WINDOW or not found:
        verdict = "too early"
    else:
        verdict = "likely" if new / found < THRESHOLD else "not yet"
    return SaturationVerdict(len(yields), guidance, verdict, WINDOW, new, found)
