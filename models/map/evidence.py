"""Which notes back the map: the study's notes indexed for the map, the inbox of notes
not yet placed, the phase a note counts in, and loading all of it for a study."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from trodden.models.domain import Interview, Kind, Note
from trodden.models.errors import StoreError
from trodden.models.storage.store import StudyStore
from trodden.models.storage.study_file import StudyFile

from .journey_map import JourneyMap, MapItem
from .map_session import read_map


@dataclass(frozen=True)
class NotesIndex:
    """All (non-deleted) notes of a study, indexed for the map's computations."""

    notes: dict[str, Note]
    participant_of: dict[str, str]
    """interview id -> participant code"""
    participants: tuple[str, ...]
    """every participant with at least one interview, sorted"""

    @classmethod
    def build(cls, notes_by_interview: dict[str, list[Note]], participant_of: dict[str, str]) -> NotesIndex:
        notes = {note.id: note for notes in notes_by_interview.values() for note in notes if not note.deleted}
        participants = tuple(sorted({participant_of[i] for i in notes_by_interview if i in participant_of}))
        return cls(notes, dict(participant_of), participants)

    @cached_property
    def feelings(self) -> tuple[tuple[str, str, int, str | None], ...]:
        """(note id, participant, valence, own phase) of every note with a feeling."""
        return tuple(
            (note.id, self.participant(note), note.valence, note.phase)
            for note in self.notes.values()
            if note.valence is not None
        )

    @cached_property
    def feeling_of(self) -> dict[str, tuple[str, int, str | None]]:
        """note id -> (participant, valence, own phase), for notes with a feeling."""
        return {note_id: (who, valence, phase) for note_id, who, valence, phase in self.feelings}

    @cached_property
    def base_totals(self) -> dict[str | None, dict[str, list[float]]]:
        """phase -> participant -> [sum, count] of valences, by the notes' own phases."""
        totals: dict[str | None, dict[str, list[float]]] = {}
        for _, who, valence, phase in self.feelings:
            entry = totals.setdefault(phase, {}).setdefault(who, [0, 0])
            entry[0] += valence
            entry[1] += 1
        return totals

    def participant(self, note: Note) -> str:
        return self.participant_of.get(note.interview, note.interview)

    def evidence(self, item: MapItem) -> list[Note]:
        return [self.notes[note_id] for note_id in item.evidence if note_id in self.notes]

    def backers(self, item: MapItem) -> set[str]:
        """Participants whose notes back ``item``."""
        return {self.participant(note) for note in self.evidence(item)}

    def backing(self, item: MapItem) -> tuple[int, int]:
        """(n, N): n participants of N back this item."""
        return len(self.backers(item)), len(self.participants)


def item_channels(item: MapItem, index: NotesIndex) -> list[str]:
    """The item's channels: those set by hand, then those of its evidence (first-seen order)."""
    found = dict.fromkeys(item.channels)
    for note in index.evidence(item):
        found.update(dict.fromkeys(note.channels))
    return list(found)


def placed_note_ids(journey: JourneyMap) -> set[str]:
    return {note_id for item in journey.items for note_id in item.evidence} | {q.note for q in journey.quotes}


def inbox(index: NotesIndex, journey: JourneyMap) -> list[Note]:
    """Tagged notes not yet placed on the map (plain untagged notes stay out of the way)."""
    placed = placed_note_ids(journey)
    return [note for note in index.notes.values() if note.id not in placed and is_map_material(note)]


def is_map_material(note: Note) -> bool:
    """Tagged in any way that matters to the map (a follow-up question alone does not)."""
    kinds = [kind for kind in note.kinds if kind is not Kind.QUESTION]
    return bool(kinds or note.valence is not None or note.channels or note.tags)


def placed_phases(journey: JourneyMap) -> dict[str, str]:
    """note id -> the phase of the (first) item it backs."""
    phases: dict[str, str] = {}
    for item in journey.items:
        if item.phase:
            for note_id in item.evidence:
                phases.setdefault(note_id, item.phase)
    return phases


def effective_phase(note: Note, journey: JourneyMap) -> str | None:
    """A note's phase on the map: the phase of an item it backs, else its own."""
    for item in journey.items:
        if note.id in item.evidence and item.phase:
            return item.phase
    return note.phase


def quotes_in(journey: JourneyMap, index: NotesIndex, phase: str) -> list[Note]:
    """The chosen quotes of a phase, as their (verbatim) notes."""
    return [index.notes[q.note] for q in journey.quotes if q.phase == phase and q.note in index.notes]


def is_quote(note: Note) -> bool:
    return Kind.QUOTE in note.kinds


# ------------------------------------------------------------------ loading
@dataclass
class StudyMapData:
    """Everything the map, the checks, stats and reports compute from."""

    data: StudyFile
    interviews: list[Interview]
    index: NotesIndex
    journey: JourneyMap
    problems: list[StoreError] = field(default_factory=list)
    """Interviews that could not be read (shown, never silently dropped)."""


def build_index(store: StudyStore) -> tuple[NotesIndex, list[Interview], list[StoreError]]:
    """The notes index of every readable interview, with the interviews in date order."""
    interviews, _ = store.interviews()
    notes, problems = store.all_notes()  # includes the unreadable interviews
    participant_of = {interview.id: interview.participant for interview in interviews}
    return NotesIndex.build(notes, participant_of), interviews, problems


def load_study_map(store: StudyStore, journey: JourneyMap | None = None) -> StudyMapData:
    """Load study, interviews, notes and (unless given) the map, read-only."""
    index, interviews, problems = build_index(store)
    if journey is None:
        journey = read_map(store.path)
    return StudyMapData(store.data, interviews, index, journey, problems)
