"""Every note of a study, indexed once per load so a query answers in milliseconds.

Word -> notes and stem -> notes (sets of small ints), plus a sorted vocabulary for the words
being typed: "förpack" finds "förpackning" by prefix, "växter" finds "växt" and "växterna" by
stem. Placed notes and notes no item uses are indexed alike: search finds every note that is
not deleted. A note saved later is added with ``upsert`` (no rebuild).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from trodden.models.domain import Guide, Interview, Note, Participant, Phase
from trodden.models.map.journey_map import JourneyMap

from .query import Query
from .words import stemmer_for, word_spans, words


@dataclass(frozen=True)
class Hit:
    """One note found: what the results list shows and where Enter / ``m`` go."""

    note: Note
    participant: str
    items: tuple[int, ...] = ()
    """Map items this note backs (evidence or a quote's phase pick), for opening it on the map."""


@dataclass
class _Facets:
    """Who and where, for the filters: participant, customer type, theme and phase names."""

    participant_of: dict[str, str] = field(default_factory=dict)
    type_of: dict[str, str] = field(default_factory=dict)
    theme_titles: dict[str, str] = field(default_factory=dict)
    phase_names: dict[str, str] = field(default_factory=dict)
    interview_rank: dict[str, int] = field(default_factory=dict)


class SearchIndex:
    """Notes by word, stem, tag and channel; filters on kind, feeling, person, theme and phase."""

    def __init__(self, language: str = "en") -> None:
        self.stem = stemmer_for(language)
        self.notes: list[Note] = []
        self._position: dict[str, int] = {}
        self._by_word: dict[str, set[int]] = {}
        self._by_stem: dict[str, set[int]] = {}
        self._vocabulary: list[str] = []
        self._vocabulary_stale = False
        self._items_of: dict[str, tuple[int, ...]] = {}
        self.facets = _Facets()

    @classmethod
    def build(
        cls,
        notes: Iterable[Note],
        interviews: Iterable[Interview],
        *,
        language: str = "en",
        participants: Iterable[Participant] = (),
        guide: Guide | None = None,
        phases: Iterable[Phase] = (),
        journey: JourneyMap | None = None,
    ) -> SearchIndex:
        """The index of ``notes`` (deleted ones left out), read with the study around them."""
        index = cls(language)
        facets = index.facets
        people = {person.code.casefold(): person for person in participants}
        for rank, interview in enumerate(interviews):
            facets.participant_of[interview.id] = interview.participant
            facets.interview_rank[interview.id] = rank
            person = people.get(interview.participant.casefold())
            facets.type_of[interview.participant] = person.kind_text if person else ""
        facets.theme_titles = {theme.id: theme.title for theme in (guide.themes if guide else [])}
        facets.phase_names = {phase.id: phase.name for phase in phases}
        index.set_map(journey or JourneyMap())
        ordered = sorted(notes, key=lambda note: (facets.interview_rank.get(note.interview, 1 << 30), note.t, note.seq))
        for note in ordered:
            index.upsert(note)
        return index

    def set_map(self, journey: JourneyMap) -> None:
        """Which map items each note backs (the map changed, or was loaded)."""
        items: dict[str, list[int]] = {}
        for item in journey.items:
            for note_id in item.evidence:
                items.setdefault(note_id, []).append(item.id)
        self._items_of = {note_id: tuple(ids) for note_id, ids in items.items()}

    # ------------------------------------------------------------------ building
    def upsert(self, note: Note) -> None:
        """Add a note, or replace the version indexed (a deleted one stops matching)."""
        position = self._position.get(note.id)
        if position is None:
            if note.deleted:
                return
            position = self._position[note.id] = len(self.notes)
            self.notes.append(note)
        else:
            self._forget(position)
            self.notes[position] = note
        if note.deleted:
            return
        for word in self._note_words(note):
            found = self._by_word.get(word)
            if found is None:
                found = self._by_word[word] = set()
                self._vocabulary_stale = True
            found.add(position)
            self._by_stem.setdefault(self.stem(word), set()).add(position)

    def _forget(self, position: int) -> None:
        old = self.notes[position]
        for word in self._note_words(old):
            self._by_word.get(word, set()).discard(position)
            self._by_stem.get(self.stem(word), set()).discard(position)

    @staticmethod
    def _note_words(note: Note) -> set[str]:
        """The note's words, and its tags' and channels' (a tag may not be in the words)."""
        found = set(words(note.text))
        for token in (*note.tags, *note.channels):
            found.update(words(token))
        return found

    def __len__(self) -> int:
        return sum(1 for note in self.notes if not note.deleted)

    # ------------------------------------------------------------------ querying
    def word_matches(self, word: str) -> set[int]:
        """Notes with a word that starts with ``word`` or shares its stem."""
        found = set(self._by_stem.get(self.stem(word), ()))
        vocabulary = self._sorted_vocabulary()
        start = bisect_left(vocabulary, word)
        for candidate in vocabulary[start:]:
            if not candidate.startswith(word):
                break
            found |= self._by_word[candidate]
        return found

    def _sorted_vocabulary(self) -> list[str]:
        if self._vocabulary_stale:
            self._vocabulary = sorted(self._by_word)
            self._vocabulary_stale = False
        return self._vocabulary

    def search(self, query: Query) -> list[Hit]:
        """Every note that has all the words and passes every filter, in interview and time order."""
        candidates: set[int] | None = None
        for word in sorted(set(query.words), key=len, reverse=True):  # the longest word narrows most
            found = self.word_matches(word)
            candidates = found if candidates is None else candidates & found
            if not candidates:
                return []
        positions = range(len(self.notes)) if candidates is None else sorted(candidates)
        facets = self.facets
        hits = []
        for position in positions:
            note = self.notes[position]
            if note.deleted or not self._passes(note, query):
                continue
            participant = facets.participant_of.get(note.interview, "")
            hits.append(Hit(note, participant, self._items_of.get(note.id, ())))
        rank = facets.interview_rank
        hits.sort(key=lambda hit: (rank.get(hit.note.interview, 1 << 30), hit.note.t, hit.note.seq))
        return hits

    def _passes(self, note: Note, query: Query) -> bool:
        facets = self.facets
        if query.tags and not _any_prefix(note.tags, query.tags):
            return False
        if query.channels and not _any_prefix(note.channels, query.channels):
            return False
        if query.kinds and not any(kind in note.kinds for kind in query.kinds):
            return False
        if query.feelings and note.valence not in query.feelings:
            return False
        participant = facets.participant_of.get(note.interview, "")
        if query.participants and participant.casefold() not in query.participants:
            return False
        if query.types and not _any_inside(facets.type_of.get(participant, ""), query.types):
            return False
        if query.themes and not _named(note.theme, facets.theme_titles, query.themes):
            return False
        return not query.phases or _named(note.phase, facets.phase_names, query.phases)

    def spans(self, text: str, query: Query) -> list[tuple[int, int]]:
        """Where the query's words match in ``text`` (start, end), for showing the match."""
        if not query.words:
            return []
        stems = {self.stem(word) for word in query.words}
        return [
            (start, end)
            for start, end, folded in word_spans(text)
            if any(folded.startswith(word) for word in query.words) or self.stem(folded) in stems
        ]


def _any_prefix(values: Iterable[str], wanted: tuple[str, ...]) -> bool:
    return any(value.casefold().startswith(prefix) for value in values for prefix in wanted)


def _any_inside(value: str, wanted: tuple[str, ...]) -> bool:
    folded = value.casefold()
    return any(piece in folded for piece in wanted)


def _named(key: str | None, names: dict[str, str], wanted: tuple[str, ...]) -> bool:
    """A theme or phase given by its id, its number (as ``/theme 2`` in capture) or part of its name."""
    if key is None:
        return False
    name = names.get(key, "").casefold()
    number = str(list(names).index(key) + 1) if key in names else ""
    return any(piece in (key.casefold(), number) or (not piece.isdigit() and piece in name) for piece in wanted)
