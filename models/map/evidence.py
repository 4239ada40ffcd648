"""Which notes back the map: the study's notes indexed for the map, the inbox of notes
not yet placed, the phase a note counts in, and loading all of it for a study."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter

from trodden.models.domain import Interview, Kind, Note, Participant
from trodden.models.errors import StoreError
from trodden.models.natural_sort import natural_sorted
from trodden.models.notes.shown_notes import FACTS_OF, NoteFacts
from trodden.models.storage.store import StudyStore
from trodden.models.storage.study_file import StudyFile

from .journey_map import JourneyMap, MapItem
from .map_session import MapSession, read_map


@dataclass(frozen=True)
class NotesIndex:
    """All (non-deleted) notes of a study, indexed for the map's computations.

    Customers and staff are kept apart here, once, so every count and curve built on the
    index is the customers' unless it asks for the staff's: ``participants`` (N), ``feelings``
    and ``backing`` are customers only, and a backstage note's feeling is never a customer's.
    """

    notes: Mapping[str, Note]
    """note id -> note; for an export, ``ShownNotes``: each redacted as it is read"""
    participant_of: dict[str, str]
    """interview id -> participant code"""
    participants: tuple[str, ...]
    """every customer with at least one interview, sorted: the N of n of N"""
    staff: tuple[str, ...] = ()
    """every member of staff with at least one interview, sorted"""
    segment_of: dict[str, str] = field(default_factory=dict)
    """customer code -> customer type ("" when not given)"""
    team_of: dict[str, str] = field(default_factory=dict)
    """staff code -> team or role"""

    @classmethod
    def build(
        cls,
        notes_by_interview: dict[str, list[Note]],
        participant_of: dict[str, str],
        people: Iterable[Participant] = (),
        shown: Callable[[dict[str, Note]], Mapping[str, Note]] | None = None,
    ) -> NotesIndex:
        """``people``: the study's participants (their role and type); anyone not listed is a customer.
        ``shown``: how the notes are handed out (an export's ``ShownNotes``, redacting each as it is read)."""
        notes = {note.id: note for notes in notes_by_interview.values() for note in notes if not note.deleted}
        if shown is not None:
            notes = shown(notes)
        known = {person.code.casefold(): person for person in people}
        interviewed = {participant_of[i] for i in notes_by_interview if i in participant_of}
        staff_codes = {code for code in interviewed if _is_staff(known.get(code.casefold()))}
        segment_of, team_of = {}, {}
        for code in interviewed:
            person = known.get(code.casefold())
            if code in staff_codes:
                team_of[code] = person.team if person else ""
            else:
                segment_of[code] = person.segment if person else ""
        return cls(
            notes,
            dict(participant_of),
            tuple(natural_sorted(interviewed - staff_codes)),  # P1, P2, P10 wherever they are listed
            tuple(natural_sorted(staff_codes)),
            segment_of,
            team_of,
        )

    @cached_property
    def _staff_set(self) -> frozenset[str]:
        return frozenset(self.staff)

    def is_staff(self, code: str) -> bool:
        return code in self._staff_set

    def customer_feeling(self, note: Note) -> bool:
        """A feeling that counts in the customer curve: a customer's, and not backstage."""
        return (
            note.valence is not None and Kind.BACKSTAGE not in note.kinds and not self.is_staff(self.participant(note))
        )

    def staff_feeling(self, note: Note) -> bool:
        """A feeling that counts in the staff view: any feeling a member of staff gave."""
        return note.valence is not None and self.is_staff(self.participant(note))

    @cached_property
    def _tally(self) -> FeelingTally:
        return FeelingTally.of(self.counted(), self.participant_of, self._staff_set)

    def counted(self) -> Iterable[NoteFacts | tuple]:
        """Every note for counting as its facts (id, interview, feeling, kinds, phase), nothing more
        read (an export's notes as their ``facts``, so counting 50,000 notes redacts none of them)."""
        facts = getattr(self.notes, "facts", None)
        return facts() if facts is not None else map(FACTS_OF, self.notes.values())

    @property
    def interviews_with_notes(self) -> frozenset[str]:
        """The interviews with at least one (non-deleted) note."""
        return self._tally.interviews

    @property
    def feeling_of(self) -> dict[str, tuple[str, int, str | None]]:
        """note id -> (customer, valence, own phase), for notes with a customer's feeling (in note order)."""
        return self._tally.customer_of

    @property
    def base_totals(self) -> dict[str | None, dict[str, list[float]]]:
        """phase -> customer -> [sum, count] of valences, by the notes' own phases."""
        return self._tally.customer_totals

    @property
    def staff_feeling_of(self) -> dict[str, tuple[str, int, str | None]]:
        return self._tally.staff_of

    @property
    def staff_base_totals(self) -> dict[str | None, dict[str, list[float]]]:
        return self._tally.staff_totals

    def participant(self, note: Note) -> str:
        return self.participant_of.get(note.interview, note.interview)

    def evidence(self, item: MapItem) -> list[Note]:
        return [self.notes[note_id] for note_id in item.evidence if note_id in self.notes]

    def backers(self, item: MapItem) -> set[str]:
        """Everyone (customers and staff) whose notes back ``item``."""
        return {self.participant(note) for note in self.evidence(item)}

    def customer_backers(self, item: MapItem) -> set[str]:
        return {code for code in self.backers(item) if not self.is_staff(code)}

    def staff_backers(self, item: MapItem) -> set[str]:
        return {code for code in self.backers(item) if self.is_staff(code)}

    def backing(self, item: MapItem) -> tuple[int, int]:
        """(n, N): n customers of N back this item (staff never count here)."""
        return len(self.customer_backers(item)), len(self.participants)

    def by_type(self, item: MapItem) -> list[tuple[str, int]]:
        """The customers backing ``item`` by customer type, most first ("" = type not given)."""
        return segment_counts(self.segment_of.get(code, "") for code in self.customer_backers(item))

    def one_type_only(self, item: MapItem) -> bool:
        """Backed by several customers, all of one given type, while the study has more than one
        type (one customer alone is thin evidence, a matter for the checks, not a type's)."""
        counts = self.by_type(item)
        study_types = {segment for segment in self.segment_of.values() if segment}
        return len(counts) == 1 and counts[0][0] != "" and counts[0][1] > 1 and len(study_types) > 1


def _is_staff(person: Participant | None) -> bool:
    return person is not None and person.is_staff


@dataclass(frozen=True)
class FeelingTally:
    """Every count the curves need of every note, made in one pass over the notes' facts.

    The customers' feelings (never a member of staff's, never a backstage note's) and the staff's
    (every feeling staff gave, backstage too) by note id, and their [sum, count] per own phase and
    person; and the interviews with notes. One loop with no call per note: at 50,000 notes the
    separate passes it replaces cost more than reading a tenth of the notes.
    """

    customer_of: dict[str, tuple[str, int, str | None]]
    customer_totals: dict[str | None, dict[str, list[float]]]
    staff_of: dict[str, tuple[str, int, str | None]]
    staff_totals: dict[str | None, dict[str, list[float]]]
    interviews: frozenset[str]

    @classmethod
    def of(cls, facts: Iterable[tuple], participant_of: dict[str, str], staff: Collection[str]) -> FeelingTally:
        """From ``(id, interview, valence, kinds, phase)`` tuples (``NoteFacts``); ``staff``: staff codes."""
        facts = facts if isinstance(facts, tuple | list) else tuple(facts)
        customer_of: dict[str, tuple[str, int, str | None]] = {}
        staff_of: dict[str, tuple[str, int, str | None]] = {}
        customer_totals: dict[str | None, dict[str, list[float]]] = {}
        staff_totals: dict[str | None, dict[str, list[float]]] = {}
        backstage = Kind.BACKSTAGE
        for note_id, interview, valence, kinds, phase in facts:
            if valence is None:
                continue
            who = participant_of.get(interview, interview)
            if who in staff:
                feeling_of, totals = staff_of, staff_totals
            elif backstage in kinds:  # a customer's backstage note: its feeling is no customer's
                continue
            else:
                feeling_of, totals = customer_of, customer_totals
            feeling_of[note_id] = (who, valence, phase)
            by_who = totals.get(phase)
            if by_who is None:
                by_who = totals[phase] = {}
            entry = by_who.get(who)
            if entry is None:
                by_who[who] = [valence, 1]
            else:
                entry[0] += valence
                entry[1] += 1
        interviews = frozenset(map(itemgetter(1), facts))
        return cls(customer_of, customer_totals, staff_of, staff_totals, interviews)


def segment_counts(segments: Iterable[str]) -> list[tuple[str, int]]:
    """(customer type, how many) most first, then by name; "" (not given) last."""
    counts: dict[str, int] = {}
    for segment in segments:
        counts[segment] = counts.get(segment, 0) + 1
    return sorted(counts.items(), key=lambda pair: (pair[0] == "", -pair[1], pair[0].casefold()))


def item_channels(item: MapItem, index: NotesIndex) -> list[str]:
    """The item's channels: those set by hand, then those of its evidence (first-seen order)."""
    found = dict.fromkeys(item.channels)
    for note in index.evidence(item):
        found.update(dict.fromkeys(note.channels))
    return list(found)


def placed_note_ids(journey: JourneyMap) -> set[str]:
    return {note_id for item in journey.items for note_id in item.evidence} | {q.note for q in journey.quotes}


def inbox(index: NotesIndex, journey: JourneyMap, plain_from: Collection[str] = frozenset()) -> list[Note]:
    """Tagged notes not yet placed on the map; plain notes (no marker) only from the interviews in
    ``plain_from`` (``inbox_filter.plain_interviews``: by default the cleaned ones, whose plain
    notes were read through once more and are worth placing)."""
    placed = placed_note_ids(journey)
    return [
        note
        for note in index.notes.values()
        if note.id not in placed
        and (is_map_material(note) or (note.interview in plain_from and note.text.strip() and not note.kinds))
    ]


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
    return NotesIndex.build(notes, participant_of, store.data.participants), interviews, problems


def load_study_map(
    store: StudyStore, journey: JourneyMap | None = None, *, without_damaged_map: bool = False
) -> StudyMapData:
    """Load study, interviews, notes and (unless given) the map, read-only.

    ``without_damaged_map`` (search, tags: views of the notes): a map file that cannot be read is
    named in ``problems`` and an empty map used, instead of refusing the notes too; so is a damaged
    edit the map's reading skipped (what is said to be on the map may be short of it).
    """
    index, interviews, problems = build_index(store)
    if journey is None and without_damaged_map:
        try:
            with MapSession(store.path, writable=False) as session:
                journey = session.load()
                problems += [StoreError(str(damage)) for damage in session.damage]
        except StoreError as error:
            problems.append(error)
            journey = JourneyMap()
    elif journey is None:
        journey = read_map(store.path)
    return StudyMapData(store.data, interviews, index, journey, problems)
