"""Likely duplicates: items (or an inbox note and an item) that probably say the same thing.

Cheap and dependency-free: word-set overlap (Jaccard over folded words, short stop
words dropped) blended with difflib's character ratio, and only within the same phase
and kind, with a shared channel when both have channels. A suggestion, never an action:
the group decides what to merge.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from trodden.models.domain import Note

from .evidence import NotesIndex, item_channels
from .journey_map import JourneyMap, MapItem

THRESHOLD = 0.4
STEM = 5
"""Words are compared by their first letters, a crude stem that works across English,
Swedish and Danish inflections (photo/photos, ringer/ringde is left to difflib)."""
_WORD = re.compile(r"\w+")
STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "is",
        "it",
        "i",
        "my",
        "me",
        "we",
        "our",
        "was",
        "be",
        "that",
        "this",
        "they",
        "och",
        "att",
        "det",
        "som",
        "en",
        "ett",
        "är",
        "jag",
        "på",
        "för",
        "med",
        "av",
        "till",
        "den",
        "de",
        "var",
        "har",
        "inte",
        "om",
        "og",
        "at",
        "det",
        "som",
        "en",
        "et",
        "er",
        "jeg",
        "på",
        "for",
        "med",
        "af",
        "til",
        "den",
        "de",
        "var",
        "har",
        "ikke",
        "om",
    ]
)


@lru_cache(maxsize=20000)
def words(text: str) -> frozenset[str]:
    folded = unicodedata.normalize("NFC", text).casefold()
    return frozenset(w[:STEM] for w in _WORD.findall(folded) if w not in STOP and len(w) > 1)


def similarity(a: str, b: str) -> float:
    """0..1: how alike two short texts are."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    jaccard = len(wa & wb) / len(wa | wb)
    if jaccard < 0.2:
        return 0.6 * jaccard  # too few shared words to be the same thing; skip difflib
    ratio = difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio()
    return 0.6 * jaccard + 0.4 * ratio


def _channels_compatible(a: list[str], b: list[str]) -> bool:
    return not a or not b or bool(set(a) & set(b))


@dataclass(frozen=True)
class Suggestion:
    first: int
    second: int
    score: float


def _item_text(item: MapItem, index: NotesIndex) -> str:
    return item.title


def duplicate_items(journey: JourneyMap, index: NotesIndex, threshold: float = THRESHOLD) -> list[Suggestion]:
    """Pairs of items in the same phase and kind that look alike, most alike first."""
    groups: dict[tuple, list[MapItem]] = {}
    for item in journey.items:
        groups.setdefault((item.phase, item.kind), []).append(item)
    found = []
    for items in groups.values():
        channels = {item.id: item_channels(item, index) for item in items}
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                if not _channels_compatible(channels[a.id], channels[b.id]):
                    continue
                score = similarity(a.title, b.title)
                if score >= threshold:
                    found.append(Suggestion(a.id, b.id, round(score, 3)))
    return sorted(found, key=lambda s: (-s.score, s.first, s.second))


def similar_items(
    note: Note, journey: JourneyMap, index: NotesIndex, phase: str | None, threshold: float = THRESHOLD
) -> list[tuple[MapItem, float]]:
    """Items a note probably belongs to (same phase when it has one), most alike first."""
    found = []
    for item in journey.items:
        if phase is not None and item.phase != phase:
            continue
        if not _channels_compatible(note.channels, item_channels(item, index)):
            continue
        score = max(similarity(note.text, text) for text in [item.title, *(n.text for n in index.evidence(item)[:5])])
        if score >= threshold:
            found.append((item, round(score, 3)))
    return sorted(found, key=lambda pair: -pair[1])
