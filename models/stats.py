"""Counts and saturation: how many customers back what, and what each interview added.

The method warns against reading a journey map as statistics, so these are counts of
customers (n of N), never percentages; saturation shows when new interviews stop
bringing new items or tags, which tells the team it may stop interviewing. Staff
interviews count in neither: N is the number of customers interviewed.
"""

from __future__ import annotations

from dataclasses import dataclass

from trodden.models.map.evidence import NotesIndex
from trodden.models.map.journey_map import JourneyMap

from .domain import Interview


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

    @property
    def new(self) -> int:
        return self.new_items + self.new_tags


def backing_counts(index: NotesIndex, journey: JourneyMap) -> list[Backing]:
    """Map items, then tags, then channels; most-backed first within each (customers only)."""
    total = len(index.participants)
    items = [
        Backing("item", item.title, len(index.customer_backers(item)), total, str(item.id)) for item in journey.items
    ]
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
    rows += sorted(
        (Backing("tag", tag, len(who), total, tag) for tag, who in tags.items()),
        key=lambda b: (-b.n, b.label),
    )
    rows += sorted(
        (Backing("channel", channel, len(who), total, channel) for channel, who in channels.items()),
        key=lambda b: (-b.n, b.label),
    )
    return rows


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
            )
        )
    return result
