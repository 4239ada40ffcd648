"""What the board shows, as plain data: lanes x phases of entries (no widgets, no styling).

Built from the map, the notes index and the curve in one pass, so the board widget only
lays out and colours lines (``tui.map.board_text``); rebuilding it after every edit is
cheap (items, not notes, dominate). Each entry says what the cursor can do with it
(``kind``, ``ref``) and what its line says (``line``); how that looks is the terminal's
business.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from trodden.models.checks import typed_text
from trodden.models.domain import Kind, Note, Phase

from .curve import CurvePoint, item_feeling, staff_curve
from .evidence import NotesIndex, item_channels
from .journey_map import BackstageKind, ItemKind, JourneyMap, Lane, MapItem, Mark, QuotePick

LANE_TITLES = {
    Lane.TOUCHPOINTS: "Touchpoints",
    Lane.CHANNELS: "Channels",
    Lane.EMOTIONS: "Hearts/clouds",
    Lane.CURVE: "Curve",
    Lane.QUOTES: "Quotes",
    Lane.MOMENTS: "Moments",
    Lane.BACKSTAGE: "Backstage",
}
LANE_KIND = {Lane.TOUCHPOINTS: ItemKind.TOUCHPOINT, Lane.MOMENTS: ItemKind.MOMENT, Lane.BACKSTAGE: ItemKind.BACKSTAGE}
"""Lanes whose entries are items of one kind (new items written there get that kind)."""
BACKSTAGE_LABEL = {
    BackstageKind.PEOPLE: "people",
    BackstageKind.POLICY: "policy",
    BackstageKind.SYSTEM: "system",
    BackstageKind.EMPLOYEE: "staff",
}


# --------------------------------------------------------------- what a line says
@dataclass(frozen=True)
class ItemLine:
    """An item: mark, feeling, participants backing it (n of total), title."""

    title: str
    hypothesis: bool
    """no note backs it yet"""
    flagged: bool
    """a note-taker flagged one of its notes as a moment-of-truth candidate (items that are not moments)"""
    mark: Mark | None
    feeling: float | None
    n: int
    total: int
    selected: bool = False
    backstage: BackstageKind | None = None
    """set only in the backstage lane, where the kind is shown"""
    staff_n: int = 0
    """members of staff backing it, of ``staff_total`` interviewed (backstage says who backs it)"""
    staff_total: int = 0


@dataclass(frozen=True)
class QuestionLine:
    """A moment's design question, under its title."""

    text: str


@dataclass(frozen=True)
class SuggestionLine:
    """The phase's strongest unmarked item, suggested as a heart (cloud) while fewer than 5 are marked."""

    mark: Mark
    key: str
    """the key that marks it"""
    title: str


@dataclass(frozen=True)
class ChannelLine:
    name: str
    count: int


@dataclass(frozen=True)
class QuoteLine:
    """Verbatim words with who said them; ``changed`` when edited since they were typed."""

    words: str
    participant: str
    changed: bool = False


@dataclass(frozen=True)
class CurveLine:
    """The curve lane's cell (drawn by the board from ``BoardModel.curve``)."""


Line = ItemLine | QuestionLine | SuggestionLine | ChannelLine | QuoteLine | CurveLine


@dataclass(frozen=True)
class Entry:
    """One line in a cell. ``kind`` says what the cursor can do with it."""

    kind: str
    """``item``, ``quote``, ``channel``, ``curve`` or ``empty``"""
    ref: int | str | None
    line: Line


@dataclass
class BoardModel:
    phases: list[Phase]
    cells: dict[tuple[Lane, str], list[Entry]]
    curve: list[CurvePoint]
    participants: tuple[str, ...]
    lanes: list[Lane] = field(default_factory=lambda: list(Lane))
    waiting: dict[str, int] = field(default_factory=dict)
    """inbox notes that carry each phase (shown in the column header)"""
    touchpoint_curve: list[tuple[str, list[float | None]]] = field(default_factory=list)
    """per phase id: the feelings of its touchpoints in board order (the curve per touchpoint)"""
    staff_curve: list[CurvePoint] = field(default_factory=list)
    """the staff view, a point per phase (empty when no member of staff was interviewed)"""
    staff: tuple[str, ...] = ()
    """members of staff interviewed"""

    def cell(self, lane: Lane, phase_index: int) -> list[Entry]:
        if not self.phases:
            return []
        return self.cells.get((lane, self.phases[phase_index].id), [])


# ------------------------------------------------------------------- building
def feeling_of(item: MapItem, index: NotesIndex, cache: dict | None) -> float | None:
    """The item's feeling (per participant first), cached while its evidence stays the same."""
    key = ("feeling", item.id, tuple(item.evidence))
    if cache is not None and key in cache:
        return cache[key]
    value = item_feeling(item, index).value
    if cache is not None:
        cache[key] = value
    return value


def item_line(
    item: MapItem, index: NotesIndex, selected: bool = False, backstage: bool = False, cache: dict | None = None
) -> ItemLine:
    """What the board says of ``item``; ``backstage``: show its backstage kind.

    ``cache`` (kept by the caller while the notes stay the same) skips unchanged items.
    """
    key = (item.id, item.title, tuple(item.evidence), item.mark, item.kind, item.backstage, selected, backstage)
    if cache is not None and key in cache:
        return cache[key]
    n, total = index.backing(item)
    flagged = (
        not item.is_hypothesis
        and item.kind is not ItemKind.MOMENT
        and any(Kind.MOMENT in note.kinds for note in index.evidence(item))
    )
    line = ItemLine(
        title=item.title,
        hypothesis=item.is_hypothesis,
        flagged=flagged,
        mark=item.mark,
        feeling=feeling_of(item, index, cache),
        n=n,
        total=total,
        selected=selected,
        backstage=item.backstage if backstage else None,
        staff_n=len(index.staff_backers(item)) if backstage else 0,
        staff_total=len(index.staff) if backstage else 0,
    )
    if cache is not None:
        cache[key] = line
    return line


PhaseCells = dict[Lane, list[Entry]]
"""One phase's column: its entries per lane (the curve lane's marker included)."""
ItemsByCell = dict[tuple[str | None, ItemKind], list[MapItem]]


def items_by_cell(journey: JourneyMap) -> ItemsByCell:
    """The map's items per (phase, kind), in board order."""
    by_cell: ItemsByCell = {}
    for item in journey.items:
        by_cell.setdefault((item.phase, item.kind), []).append(item)
    for cell in by_cell.values():
        cell.sort(key=lambda item: (item.order, item.id))
    return by_cell


def phase_cells(
    phase: str,
    by_cell: ItemsByCell,
    picks: list[QuotePick],
    index: NotesIndex,
    selected: frozenset[int],
    marks: Counter,
    cache: dict | None = None,
) -> PhaseCells:
    """What one phase's column shows. It reads only the phase's items and quote picks, the
    selection among them and how many hearts and clouds the map has (``BoardBuilder`` relies on it)."""
    cells: PhaseCells = {}
    for lane, kind in LANE_KIND.items():
        items = by_cell.get((phase, kind), [])
        cells[lane] = [
            Entry("item", item.id, item_line(item, index, item.id in selected, lane is Lane.BACKSTAGE, cache))
            for item in items
        ]
    # moments show their design question under the title
    moments: list[Entry] = []
    for item, entry in zip(by_cell.get((phase, ItemKind.MOMENT), []), cells[Lane.MOMENTS], strict=True):
        moments.append(entry)
        if item.design_question:
            moments.append(Entry("item", item.id, QuestionLine(item.design_question)))
    cells[Lane.MOMENTS] = moments
    marked = [item for kind in LANE_KIND.values() for item in by_cell.get((phase, kind), []) if item.mark is not None]
    marked.sort(key=lambda item: (item.mark is not Mark.HEART, item.order, item.id))
    cells[Lane.EMOTIONS] = [
        Entry("item", item.id, item_line(item, index, item.id in selected, cache=cache)) for item in marked
    ] + suggestions(phase, by_cell, index, marks, cache)
    channels: Counter[str] = Counter()
    for kind in (ItemKind.TOUCHPOINT, ItemKind.MOMENT):
        for item in by_cell.get((phase, kind), []):
            key = ("channels", item.id, tuple(item.evidence), tuple(item.channels))
            found = cache.get(key) if cache is not None else None
            if found is None:
                found = item_channels(item, index)
                if cache is not None:
                    cache[key] = found
            channels.update(found)
    cells[Lane.CHANNELS] = [
        Entry("channel", name, ChannelLine(name, count))
        for name, count in sorted(channels.items(), key=lambda pair: (-pair[1], pair[0]))
    ]
    pick_of = {pick.note: pick.id for pick in picks}
    cells[Lane.QUOTES] = [
        Entry("quote", pick_of[note.id], QuoteLine(note.text, index.participant(note), changed=edited(note, cache)))
        for note in (index.notes[pick.note] for pick in picks if pick.note in index.notes)
    ]
    cells[Lane.CURVE] = [Entry("curve", phase, CurveLine())]
    return cells


def assemble(
    phases: list[Phase],
    columns: dict[str, PhaseCells],
    by_cell: ItemsByCell,
    journey: JourneyMap,
    index: NotesIndex,
    curve: list[CurvePoint],
    waiting: dict[str, int] | None,
    cache: dict | None,
    touchpoints: dict[str, list[float | None]] | None = None,
) -> BoardModel:
    """The board from its columns (``phases`` in order); ``touchpoints``: phases' touchpoint
    feelings already known (``touchpoint_feelings``), the rest are worked out here."""
    cells = {(lane, phase): entries for phase, column in columns.items() for lane, entries in column.items()}
    known = touchpoints or {}
    touchpoint_curve = [
        (phase.id, known[phase.id] if phase.id in known else touchpoint_feelings(phase.id, by_cell, index, cache))
        for phase in phases
    ]
    return BoardModel(
        phases,
        cells,
        curve,
        index.participants,
        waiting=waiting or {},
        touchpoint_curve=touchpoint_curve,
        staff_curve=staff_curve(phases, index, journey) if index.staff else [],
        staff=index.staff,
    )


def touchpoint_feelings(phase: str, by_cell: ItemsByCell, index: NotesIndex, cache: dict | None) -> list[float | None]:
    """The feelings of ``phase``'s touchpoints in board order (the curve per touchpoint)."""
    return [feeling_of(item, index, cache) for item in by_cell.get((phase, ItemKind.TOUCHPOINT), [])]


def picks_by_phase(journey: JourneyMap) -> dict[str | None, list[QuotePick]]:
    """The map's chosen quotes per phase, in the map's order."""
    picks: dict[str | None, list[QuotePick]] = {}
    for pick in journey.quotes:
        picks.setdefault(pick.phase, []).append(pick)
    return picks


def mark_counts(journey: JourneyMap) -> Counter:
    return Counter(item.mark for item in journey.items if item.mark is not None)


def build_board(
    phases: list[Phase],
    journey: JourneyMap,
    index: NotesIndex,
    curve: list[CurvePoint],
    selected: frozenset[int] = frozenset(),
    cache: dict | None = None,
    waiting: dict[str, int] | None = None,
) -> BoardModel:
    """The whole board at once (``board_builder.BoardBuilder`` rebuilds only the phases an edit touched)."""
    phases = sorted(phases, key=lambda p: p.order)
    marks = mark_counts(journey)
    by_cell = items_by_cell(journey)
    picks = picks_by_phase(journey)
    columns = {
        phase.id: phase_cells(phase.id, by_cell, picks.get(phase.id, []), index, selected, marks, cache)
        for phase in phases
    }
    return assemble(phases, columns, by_cell, journey, index, curve, waiting, cache)


def suggestions(
    phase: str,
    by_cell: ItemsByCell,
    index: NotesIndex,
    marks: Counter,
    cache: dict | None = None,
) -> list[Entry]:
    """While fewer than 5 hearts (clouds) are marked: the phase's strongest unmarked item of each."""
    found = []
    candidates = [
        (feeling_of(item, index, cache), item)
        for kind in (ItemKind.TOUCHPOINT, ItemKind.MOMENT)
        for item in by_cell.get((phase, kind), [])
        if item.mark is None
    ]
    rated = [(value, item) for value, item in candidates if value is not None]
    for mark, sign, key in ((Mark.HEART, 1, "h"), (Mark.CLOUD, -1, "t")):
        if marks[mark] >= 5:
            continue
        strong = [(value * sign, item) for value, item in rated if value * sign >= 1]
        if strong:
            _, item = max(strong, key=lambda pair: (pair[0], -pair[1].id))
            found.append(Entry("item", item.id, SuggestionLine(mark, key, item.title)))
    return found


def edited(note: Note, cache: dict | None) -> bool:
    """``is_edited``, cached by the note's words (it parses what was typed: ~0.1 ms a quote, and a
    phase's column is built again with all its quotes after each edit in it)."""
    if cache is None:
        return is_edited(note)
    key = ("edited", note.raw, note.text)
    found = cache.get(key)
    if found is None:
        found = cache[key] = is_edited(note)
    return found


def is_edited(note: Note) -> bool:
    """True when a quote's words differ from what was typed (check ``quote-not-verbatim``)."""
    typed = typed_text(note.raw)
    return typed is not None and " ".join(typed.split()) != " ".join(note.text.split())
