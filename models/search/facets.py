"""The search filters as sets: notes by tag, channel, kind, feeling, interview, theme and phase.

A filter is then a union of a few sets (``#pack`` -> every tag starting so) and the query an
intersection, instead of a look at each of 20,000 notes (pydantic attribute reads cost).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from trodden.models.domain import Note

from .query import Query
from .words import nfc

Sets = dict[object, set[int]]


@dataclass
class Names:
    """Who and where, for the filters: participant, customer type, theme and phase names."""

    participant_of: dict[str, str] = field(default_factory=dict)
    type_of: dict[str, str] = field(default_factory=dict)
    theme_titles: dict[str, str] = field(default_factory=dict)
    phase_names: dict[str, str] = field(default_factory=dict)
    interview_rank: dict[str, int] = field(default_factory=dict)


class FacetSets:
    """Positions of notes by each value a filter can ask about; kept up to date note by note."""

    def __init__(self) -> None:
        self.tags: Sets = {}
        self.channels: Sets = {}
        self.kinds: Sets = {}
        self.feelings: Sets = {}
        self.interviews: Sets = {}
        self.themes: Sets = {}
        self.phases: Sets = {}

    def _pairs(self, note: Note) -> Iterable[tuple[Sets, object]]:
        yield from ((self.tags, tag) for tag in note.tags)
        yield from ((self.channels, channel) for channel in note.channels)
        yield from ((self.kinds, kind) for kind in note.kinds)
        yield (self.feelings, note.valence)
        yield (self.interviews, note.interview)
        yield (self.themes, note.theme)
        yield (self.phases, note.phase)

    def add(self, position: int, note: Note) -> None:
        for sets, value in self._pairs(note):
            sets.setdefault(value, set()).add(position)

    def remove(self, position: int, note: Note) -> None:
        for sets, value in self._pairs(note):
            sets.get(value, set()).discard(position)

    def matching(self, query: Query, names: Names) -> set[int] | None:
        """Notes that pass every filter of ``query``; None when it has no filter."""
        chosen: list[set[int]] = []

        def where(sets: Sets, wanted: Iterable[object] | None, test=None) -> None:
            keys = [key for key in sets if test(key)] if test is not None else list(wanted or ())
            union: set[int] = set()
            for key in keys:
                union |= sets.get(key, set())
            chosen.append(union)

        if query.tags:
            where(self.tags, None, lambda key: any(nfc(str(key).casefold()).startswith(p) for p in query.tags))
        if query.channels:
            where(self.channels, None, lambda key: any(nfc(str(key).casefold()).startswith(p) for p in query.channels))
        if query.kinds:
            where(self.kinds, query.kinds)
        if query.feelings:
            where(self.feelings, query.feelings)
        if query.participants or query.types:
            where(self.interviews, None, lambda key: _person_matches(names, str(key), query))
        if query.themes:
            where(self.themes, None, lambda key: named(key, names.theme_titles, query.themes))
        if query.phases:
            where(self.phases, None, lambda key: named(key, names.phase_names, query.phases))
        if not chosen:
            return None
        chosen.sort(key=len)
        result = set(chosen[0])
        for other in chosen[1:]:
            result &= other
        return result


def _person_matches(names: Names, interview: str, query: Query) -> bool:
    participant = names.participant_of.get(interview, "")
    if query.participants and participant.casefold() not in query.participants:
        return False
    kind = names.type_of.get(participant, "").casefold()
    return not query.types or any(piece in kind for piece in query.types)


def named(key: object, names: dict[str, str], wanted: tuple[str, ...]) -> bool:
    """A theme or phase given by its id, its number (as ``/theme 2`` in capture) or part of its name."""
    if not isinstance(key, str):
        return False
    name = names.get(key, "").casefold()
    number = str(list(names).index(key) + 1) if key in names else ""
    return any(piece in (key.casefold(), number) or (not piece.isdigit() and piece in name) for piece in wanted)
