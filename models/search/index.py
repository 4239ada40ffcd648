"""Every note of a study, indexed once per load so a query answers in milliseconds.

Word -> notes (sets of small ints), plus a sorted vocabulary for the words
being typed: "förpack" finds "förpackning" by prefix, "växter" finds "växt" and "växterna" by
stem. Placed notes and notes no item uses are indexed alike: search finds every note that is
not deleted. A note saved later is added with ``upsert`` (no rebuild).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import overload

from trodden.models.domain import Guide, Interview, Note, Participant, Phase
from trodden.models.map.journey_map import JourneyMap

from .facets import FacetSets, Names
from .query import Query
from .words import WORD, nfc, stemmer_for, word_spans


@dataclass(frozen=True)
class Hit:
    """One note found: what the results list shows and where Enter / ``m`` go."""

    note: Note
    participant: str
    items: tuple[int, ...] = ()
    """Map items this note backs (evidence or a quote's phase pick), for opening it on the map."""


class Hits(Sequence[Hit]):
    """A search's answer: the notes found, in reading order, each made into a ``Hit`` when read."""

    def __init__(self, index: SearchIndex, positions: list[int]) -> None:
        self._index = index
        self._positions = positions

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, item: int) -> Hit: ...
    @overload
    def __getitem__(self, item: slice) -> list[Hit]: ...
    def __getitem__(self, item: int | slice) -> Hit | list[Hit]:
        if isinstance(item, slice):
            return [self._index.hit(position) for position in self._positions[item]]
        return self._index.hit(self._positions[item])


class SearchIndex:
    """Notes by word, stem, tag and channel; filters on kind, feeling, person, theme and phase."""

    def __init__(self, language: str = "en") -> None:
        self.stem = stemmer_for(language)
        self.notes: list[Note] = []
        self._position: dict[str, int] = {}
        self._by_word: dict[str, set[int]] = {}
        self._vocabulary: list[str] = []
        self._vocabulary_stale = False
        self._items_of: dict[str, tuple[int, ...]] = {}
        self._live: set[int] = set()
        """Positions of the notes that are not deleted."""
        self._order: list[tuple[int, float, int]] = []
        self._in_order = True
        """True while positions follow reading order (interview, time): results sort as plain ints."""
        self.facets = Names()
        self.sets = FacetSets()

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
        for person in people.values():  # planned participants too: a filter on one is no typo
            facets.type_of.setdefault(person.code, person.kind_text)
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
            key = self._order_key(note)
            if self._order and key < self._order[-1]:
                self._in_order = False  # a note from earlier in the study, saved later
            position = self._position[note.id] = len(self.notes)
            self.notes.append(note)
            self._order.append(key)
        else:
            self._forget(position)
            self.notes[position] = note
        if note.deleted:
            self._live.discard(position)
            return
        self._live.add(position)
        self.sets.add(position, note)
        by_word = self._by_word
        for word in self._note_words(note):
            found = by_word.get(word)
            if found is None:
                found = by_word[word] = set()
                self._vocabulary_stale = True
            found.add(position)

    def _forget(self, position: int) -> None:
        old = self.notes[position]
        self.sets.remove(position, old)
        for word in self._note_words(old):
            self._by_word.get(word, set()).discard(position)

    @staticmethod
    def _note_words(note: Note) -> set[str]:
        """The note's words, and its tags' and channels' (a tag may not be in the words).

        In NFC, as the query is: a note stored decomposed (``a`` + ring, from a Mac's file or
        an old import) still has the word ``får``."""
        found = set(WORD.findall(nfc(note.text.casefold())))
        for token in (*note.tags, *note.channels):
            found.update(WORD.findall(nfc(token.casefold())))
        return found

    def __len__(self) -> int:
        return len(self._live)

    def codes(self) -> list[str]:
        """The study's participant codes, as written."""
        return list(self.facets.type_of)

    def unknown_participants(self, query: Query) -> list[str]:
        """The query's participants the study does not have (a typo, or ``P3`` for ``P03``)."""
        known = {code.casefold() for code in self.facets.type_of}
        return [code for code in query.participants if code not in known]

    # ------------------------------------------------------------------ querying
    def word_matches(self, word: str) -> set[int]:
        """Notes with a word that starts with ``word`` or shares its stem.

        Snowball takes endings off, so a word sharing the stem starts with it: only the words
        that start with the stem are stemmed, at query time. Stemming every word of a large
        study when it opens would take seconds (the pure-Python stemmer); these are a few.
        """
        found: set[int] = set()
        for candidate in self._starting_with(word):
            found |= self._by_word[candidate]
        stem = self.stem(word)
        if stem != word:
            for candidate in self._starting_with(stem):
                if not candidate.startswith(word) and self.stem(candidate) == stem:
                    found |= self._by_word[candidate]
        return found

    def _starting_with(self, prefix: str) -> list[str]:
        vocabulary = self._sorted_vocabulary()
        start = bisect_left(vocabulary, prefix)
        end = start
        while end < len(vocabulary) and vocabulary[end].startswith(prefix):
            end += 1
        return vocabulary[start:end]

    def _sorted_vocabulary(self) -> list[str]:
        if self._vocabulary_stale:
            self._vocabulary = sorted(self._by_word)
            self._vocabulary_stale = False
        return self._vocabulary

    def search(self, query: Query) -> Hits:
        """Every note that has all the words and passes every filter, in interview and time order.

        The answer is a sequence of positions; a ``Hit`` is made only for the rows shown, so a
        query that finds 20,000 notes costs a set intersection and an integer sort.
        """
        candidates: set[int] | None = None
        for word in sorted(set(query.words), key=len, reverse=True):  # the longest word narrows most
            found = self.word_matches(word)
            candidates = found if candidates is None else candidates & found
            if not candidates:
                return Hits(self, [])
        chosen = self._live if candidates is None else candidates & self._live
        filtered = self.sets.matching(query, self.facets)
        if filtered is not None:
            chosen = chosen & filtered
        if self._in_order:  # positions were given in reading order: sorting the ints is enough
            return Hits(self, sorted(chosen))
        return Hits(self, sorted(chosen, key=self._order.__getitem__))

    def hit(self, position: int) -> Hit:
        note = self.notes[position]
        return Hit(note, self.facets.participant_of.get(note.interview, ""), self._items_of.get(note.id, ()))

    def _order_key(self, note: Note) -> tuple[int, float, int]:
        return (self.facets.interview_rank.get(note.interview, 1 << 30), note.t, note.seq)

    def spans(self, text: str, query: Query) -> list[tuple[int, int]]:
        """Where the query's words match in ``text`` (start, end), for showing the match.

        The same rule as ``word_matches``, so only words that start with a stem are stemmed.
        """
        if not query.words:
            return []
        stems = {self.stem(word) for word in query.words}
        found = []
        for start, end, folded in word_spans(text):
            folded = nfc(folded)  # spans stay the text's own: only the word compared is composed
            if any(folded.startswith(word) for word in query.words) or any(
                folded.startswith(stem) and self.stem(folded) == stem for stem in stems
            ):
                found.append((start, end))
        return found
