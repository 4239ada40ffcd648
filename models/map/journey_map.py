"""The journey map the workshop builds: items on phases and lanes, with their evidence.

A map item is the workshop's sticky note ("Calls support about the invoice"); its
``evidence`` are the interview notes that back it, from any number of interviews. An item
without evidence is a hypothesis (drafted before the interviews). The map is stored in
``map.*`` in the study folder (a ``DurableDB``): one editor at a time, any number of
readers.

The computations here are pure functions of (phases, notes, map), shared by the map
screen, ``trodden check``/``stats`` and every report format.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from pydantic import Field, ValidationError

from trodden.models.domain import Interview, Kind, Model, Note, Phase
from trodden.models.errors import CorruptFile, StoreError
from trodden.models.storage.durable import Delete, DurableDB, Put
from trodden.models.storage.store import StudyFile, StudyStore, first_problem

MAP_DB = "map"


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
    evidence: list[str] = Field(default_factory=list)
    """Note ids (``interview/seq``) backing this item."""
    channels: list[str] = Field(default_factory=list)
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
    items: list[MapItem] = Field(default_factory=list)
    quotes: list[QuotePick] = Field(default_factory=list)
    overrides: list[CurveOverride] = Field(default_factory=list)

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

    def applied_to(self, journey: JourneyMap) -> JourneyMap:
        """The map after this change (the input is left as it was)."""
        put_items = {item.id: item for item in self.items}
        put_quotes = {pick.id: pick for pick in self.quotes}
        items = [put_items.pop(i.id, i) for i in journey.items if i.id not in self.drop_items]
        items += [i for i in put_items.values() if i.id not in self.drop_items]
        quotes = [put_quotes.pop(q.id, q) for q in journey.quotes if q.id not in self.drop_quotes]
        quotes += [q for q in put_quotes.values() if q.id not in self.drop_quotes]
        return JourneyMap(items=items, quotes=quotes, overrides=list(journey.overrides))


class MapSession:
    """The map on disk. Writable sessions hold ``map.lock``; readers ``refresh``."""

    def __init__(self, study_path: Path, *, writable: bool) -> None:
        self.db = DurableDB(Path(study_path), MAP_DB, writable=writable)
        self._high: dict[str, int] = {}

    @property
    def writable(self) -> bool:
        return self.db.writable

    def open(self) -> MapSession:
        self.db.open()
        return self

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> MapSession:
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    def refresh(self) -> bool:
        return self.db.refresh()

    def load(self) -> JourneyMap:
        """The stored map; a hand-edited or damaged file is named in a ``CorruptFile`` error."""
        try:
            return JourneyMap(
                items=[MapItem.model_validate(doc) for _, doc in self.db.docs("items")],
                quotes=[QuotePick.model_validate(doc) for _, doc in self.db.docs("quotes")],
                overrides=[CurveOverride.model_validate(doc) for _, doc in self.db.docs("overrides")],
            )
        except ValidationError as error:
            raise CorruptFile(
                self.db.snapshot_path, f"holds a map entry that is not valid: {first_problem(error)}"
            ) from None

    def next_id(self, table: str) -> int:
        """A fresh id, never one handed out before in this session (even if since deleted)."""
        number = max(max(self.db.ids(table), default=0), self._high.get(table, 0)) + 1
        self._high[table] = number
        return number

    def apply(self, change: Change) -> None:
        """Durably store ``change`` (one fsync). Raises ``WriteFailed``/``ReadOnly``, changing nothing."""
        ops: list[Put | Delete] = [Put("items", item.id, item.model_dump(mode="json")) for item in change.items]
        ops += [Put("quotes", pick.id, pick.model_dump(mode="json")) for pick in change.quotes]
        ops += [Delete("items", item_id) for item_id in change.drop_items]
        ops += [Delete("quotes", pick_id) for pick_id in change.drop_quotes]
        self.db.write(ops)

    def put_item(self, item: MapItem) -> MapItem:
        self.db.put("items", item.id, item.model_dump(mode="json"))
        return item

    def delete_item(self, item_id: int) -> None:
        self.db.delete("items", item_id)

    def put_quote(self, pick: QuotePick) -> QuotePick:
        self.db.put("quotes", pick.id, pick.model_dump(mode="json"))
        return pick

    def delete_quote(self, pick_id: int) -> None:
        self.db.delete("quotes", pick_id)

    def set_override(self, phases: list[Phase], override: CurveOverride | None, phase: str) -> None:
        """Set (or with None, clear) the override of ``phase`` (one document per phase)."""
        if not any(p.id == phase for p in phases):
            raise ValueError(f"no phase {phase!r}")
        existing = [key for key, doc in self.db.docs("overrides") if doc.get("phase") == phase]
        ops: list[Put | Delete] = [Delete("overrides", key) for key in existing[1:]]
        if override is None:
            ops += [Delete("overrides", key) for key in existing[:1]]
        else:
            key = existing[0] if existing else self.next_id("overrides")
            ops.append(Put("overrides", key, override.model_dump(mode="json")))
        self.db.write(ops)


# ---------------------------------------------------------------- evidence
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


def read_map(study_path: Path) -> JourneyMap:
    """The stored map, read without taking the editor's lock."""
    with MapSession(study_path, writable=False) as session:
        return session.load()


def load_study_map(store: StudyStore, journey: JourneyMap | None = None) -> StudyMapData:
    """Load study, interviews, notes and (unless given) the map, read-only."""
    index, interviews, problems = build_index(store)
    if journey is None:
        journey = read_map(store.path)
    return StudyMapData(store.data, interviews, index, journey, problems)


# ------------------------------------------------------------------- curve
@dataclass(frozen=True)
class CurvePoint:
    """The emotion curve at one phase (or one item).

    ``value`` is the mean over participants of each participant's own mean valence, so a
    talkative participant counts once. ``n`` participants gave a feeling; ``spread`` is
    the population standard deviation across them. ``override`` replaces ``value`` in
    ``shown`` and is always displayed as an override.
    """

    key: str
    value: float | None
    n: int
    spread: float
    per_participant: dict[str, float] = field(default_factory=dict)
    override: CurveOverride | None = None

    @property
    def shown(self) -> float | None:
        return self.override.value if self.override else self.value


def per_participant_mean(notes: Iterable[Note], index: NotesIndex, key: str) -> CurvePoint:
    by_participant: dict[str, list[int]] = defaultdict(list)
    for note in notes:
        if note.valence is not None:
            by_participant[index.participant(note)].append(note.valence)
    means = {code: sum(values) / len(values) for code, values in sorted(by_participant.items())}
    if not means:
        return CurvePoint(key, None, 0, 0.0)
    mean, spread = _mean_spread(list(means.values()))
    return CurvePoint(key, mean, len(means), spread, means)


def _point(key: str, totals: dict[str, list[float]], override: CurveOverride | None = None) -> CurvePoint:
    """A curve point from per-participant [sum, count] of valences."""
    means = {code: total / count for code, (total, count) in sorted(totals.items())}
    if not means:
        return CurvePoint(key, None, 0, 0.0, override=override)
    mean, spread = _mean_spread(list(means.values()))
    return CurvePoint(key, mean, len(means), spread, means, override)


def _mean_spread(values: list[float]) -> tuple[float, float]:
    """Mean and population standard deviation (plain floats: ``statistics`` is slow here)."""
    mean = sum(values) / len(values)
    return mean, math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def emotion_curve(phases: list[Phase], index: NotesIndex, journey: JourneyMap) -> list[CurvePoint]:
    """One point per phase, in phase order, weighted per participant.

    A note counts in the phase of the item it backs, else in its own phase.
    """
    totals = {phase: {who: list(entry) for who, entry in by_who.items()} for phase, by_who in index.base_totals.items()}
    feeling_of = index.feeling_of
    for note_id, phase in placed_phases(journey).items():
        found = feeling_of.get(note_id)
        if found is None or found[2] == phase:
            continue
        who, valence, own = found
        entry = totals[own][who]
        entry[0] -= valence
        entry[1] -= 1
        if not entry[1]:
            del totals[own][who]
        target = totals.setdefault(phase, {}).setdefault(who, [0, 0])
        target[0] += valence
        target[1] += 1
    return [
        _point(phase.id, totals.get(phase.id, {}), journey.override_for(phase.id))
        for phase in sorted(phases, key=lambda p: p.order)
    ]


def item_feeling(item: MapItem, index: NotesIndex) -> CurvePoint:
    """An item's feeling from its evidence, weighted per participant."""
    return per_participant_mean(index.evidence(item), index, str(item.id))


def quotes_in(journey: JourneyMap, index: NotesIndex, phase: str) -> list[Note]:
    """The chosen quotes of a phase, as their (verbatim) notes."""
    return [index.notes[q.note] for q in journey.quotes if q.phase == phase and q.note in index.notes]


def is_quote(note: Note) -> bool:
    return Kind.QUOTE in note.kinds


def write_hypothesis(study_path: Path, phases: list[Phase], specs: list[dict]) -> JourneyMap:
    """Store hypothesis items (``{"phase": N, "title": ..., "kind": ..., "backstage": ...}``).

    Used by the sample study: the hypothesis journey a team drafts before interviewing.
    """
    ordered = sorted(phases, key=lambda p: p.order)
    with MapSession(study_path, writable=True) as session:
        journey = session.load()
        items = []
        for spec in specs:
            phase = ordered[int(spec["phase"]) - 1].id
            kind = ItemKind(spec.get("kind", "touchpoint"))
            order = 1 + sum(1 for i in [*journey.items, *items] if i.phase == phase and i.kind is kind)
            items.append(
                MapItem(
                    id=session.next_id("items"),
                    kind=kind,
                    phase=phase,
                    order=order,
                    title=spec["title"],
                    backstage=BackstageKind(spec["backstage"]) if spec.get("backstage") else None,
                )
            )
        session.apply(Change(items=tuple(items)))
        return session.load()
