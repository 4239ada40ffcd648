"""The journey report as one model: every figure and every piece of text the formats show.

``assemble`` is a pure function of (study, interviews, notes, map, language); Markdown,
Word and CSV only lay its fields out, so the formats can never disagree about a number.
``build_report`` reads the study through the store API and calls it.

Participants appear only by their codes; real names never enter the model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from trodden.models.checks import Finding, run_checks
from trodden.models.domain import Interview, Note
from trodden.models.errors import StoreError
from trodden.models.interchange import read_map
from trodden.models.map.curve import CurvePoint, emotion_curve, item_feeling
from trodden.models.map.evidence import NotesIndex
from trodden.models.map.journey_map import BackstageKind, ItemKind, JourneyMap, MapItem, Mark
from trodden.models.notes.redaction import Redactor
from trodden.models.storage.store import StudyStore
from trodden.models.storage.study_file import StudyFile

from .i18n import Labels

QUOTE_SHORT = 90
"""Characters of a quote shown in the map table (the full quote is in its phase)."""

Progress = Callable[[str, int, int], None]
"""progress(step, done, total): called while a long report is built."""


def clock(seconds: float) -> str:
    """Time into an interview as ``mm:ss`` (``h:mm:ss`` past an hour), for tracing a quote."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def signed(value: float) -> str:
    """``+1.3``, ``−0.5``, ``0.0`` (a real minus sign, which reads better in print)."""
    text = f"{abs(value):.1f}"
    if text == "0.0":
        return text
    return ("+" if value > 0 else "−") + text


def score(value: float | None) -> int | None:
    """A feeling -2..+2 as a 1-5 score (Mermaid's journey scale)."""
    if value is None:
        return None
    return max(1, min(5, round(value) + 3))


def shorten(text: str, limit: int = QUOTE_SHORT) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return (cut or flat[: limit - 1]) + "…"


# ------------------------------------------------------------------ the model
@dataclass(frozen=True)
class Source:
    """One interview note as evidence or a chosen quote, traceable to its interview."""

    note_id: str
    interview: str
    participant: str
    time: str
    text: str
    quoted: str
    """the text in the language's quotation marks"""
    short: str
    """``quoted`` shortened for the map table"""
    valence: int | None


@dataclass(frozen=True)
class Feeling:
    value: float | None
    """the value shown: the override if there is one"""
    computed: float | None
    n: int
    spread: float
    override: bool
    override_reason: str
    score: int | None
    text: str
    """ready to print, e.g. ``+0.8 (n = 5, spread ±0.6)`` or ``−1.0, set by hand (computed: +0.2)``"""
    short: str
    """e.g. ``+0.8`` or ``–``"""
    override_note: str
    """e.g. ``set by hand: workshop call (computed: −0.7)``, empty when computed"""


@dataclass(frozen=True)
class Item:
    id: int
    kind: str
    kind_label: str
    title: str
    phase_id: str | None
    phase_name: str
    channels: tuple[str, ...]
    mark: str | None
    """``"heart"``, ``"cloud"`` or None"""
    mark_label: str
    feeling: Feeling
    score: int
    """1-5 for Mermaid: the item's feeling, else neutral 3 (no feeling noted is not a bad feeling)"""
    n: int
    total: int
    backing: str
    """``3 of 8 participants``"""
    backing_short: str
    """``3/8``"""
    backers: tuple[str, ...]
    hypothesis: bool
    design_question: str
    backstage_kind: str | None
    evidence: tuple[Source, ...]


@dataclass(frozen=True)
class CellEntry:
    text: str
    mark: str | None = None
    hypothesis: bool = False
    backing: str = ""
    override: bool = False


@dataclass(frozen=True)
class MapRow:
    lane: str
    label: str
    cells: tuple[tuple[CellEntry, ...], ...]
    """one cell per phase column, each a list of entries"""


@dataclass(frozen=True)
class PhaseSection:
    id: str
    number: int
    name: str
    description: str
    feeling: Feeling
    touchpoints: tuple[Item, ...]
    channels: tuple[str, ...]
    quotes: tuple[Source, ...]
    moments: tuple[Item, ...]
    backstage: tuple[Item, ...]


@dataclass(frozen=True)
class BackstageGroup:
    kind: str
    label: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class FindingRow:
    code: str
    severity: str
    severity_label: str
    message: str
    subject: str


@dataclass(frozen=True)
class NoteRow:
    """One note as a spreadsheet row (CSV)."""

    interview: str
    participant: str
    t: str
    kinds: str
    valence: str
    channels: str
    tags: str
    theme: str
    phase: str
    map_item: str
    text: str


@dataclass(frozen=True)
class Report:
    labels: Labels
    language: str
    title: str
    purpose: str
    scope: str
    state: str
    state_set: bool
    interviews: int
    participants: int
    participant_codes: tuple[str, ...]
    period: str
    basis: str
    """``8 interviews with 8 participants``"""
    generated: date
    phases: tuple[PhaseSection, ...]
    unphased: tuple[Item, ...]
    """touchpoints not yet placed in a phase"""
    map_rows: tuple[MapRow, ...]
    curve: tuple[tuple[str, Feeling], ...]
    """(phase name, feeling) in phase order"""
    moments: tuple[Item, ...]
    backstage: tuple[BackstageGroup, ...]
    items: tuple[Item, ...]
    """every item, in map order (phase, then position): the evidence appendix"""
    findings: tuple[FindingRow, ...]

    @property
    def phase_names(self) -> list[str]:
        return [phase.name for phase in self.phases]


# ------------------------------------------------------------------ privacy
Redact = Callable[[str], str]


def _no_redaction(text: str) -> str:
    return text


def study_redactor(data: StudyFile) -> Redact:
    """The study's redaction (real names, the study's terms, e-mail addresses, phone numbers)."""
    return Redactor.for_study(data).redact


# ------------------------------------------------------------------ building
def _feeling(point: CurvePoint, labels: Labels) -> Feeling:
    shown = point.shown
    if point.override is not None:
        computed = signed(point.value) if point.value is not None else "–"
        text = labels.f("override.detail", value=signed(point.override.value), computed=computed)
        reason = point.override.reason
    elif point.value is not None:
        text = labels.f("feeling.detail", value=signed(point.value), n=point.n, spread=f"{point.spread:.1f}")
        reason = ""
    else:
        text, reason = labels["feeling.none"], ""
    return Feeling(
        value=shown,
        computed=point.value,
        n=point.n,
        spread=point.spread,
        override=point.override is not None,
        override_reason=reason,
        score=score(shown),
        text=text,
        short=signed(shown) if shown is not None else "–",
        override_note=_override_note(point, labels),
    )


def _override_note(point: CurvePoint, labels: Labels) -> str:
    if point.override is None:
        return ""
    note = labels["override"]
    if point.override.reason:
        note += f": {point.override.reason}"
    if point.value is not None:
        note += f" ({labels['computed']}: {signed(point.value)})"
    return note


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for value in values:
        key = value.casefold()
        if value and key not in seen:
            seen[key] = value
    return tuple(seen.values())


class _Builder:
    def __init__(self, data: StudyFile, index: NotesIndex, journey: JourneyMap, labels: Labels, redact: Redact) -> None:
        self.data, self.index, self.journey, self.labels, self.redact = data, index, journey, labels, redact
        self.phases = sorted(data.phases, key=lambda phase: phase.order)
        self.phase_name = {phase.id: phase.name for phase in self.phases}
        self.curve = {point.key: point for point in emotion_curve(self.phases, index, journey)}
        self.phase_feeling = {key: _feeling(point, labels) for key, point in self.curve.items()}

    def source(self, note: Note) -> Source:
        text = self.redact(note.text)
        quoted = self.labels.quoted(text)
        return Source(
            note_id=note.id,
            interview=note.interview,
            participant=self.index.participant(note),
            time=clock(note.t),
            text=text,
            quoted=quoted,
            short=self.labels.quoted(shorten(text)),
            valence=note.valence,
        )

    def item(self, item: MapItem) -> Item:
        evidence = sorted(self.index.evidence(item), key=lambda note: (self.index.participant(note), note.t))
        n, total = self.index.backing(item)
        feeling = _feeling(item_feeling(item, self.index), self.labels)
        mark = item.mark.value if item.mark else None
        return Item(
            id=item.id,
            kind=item.kind.value,
            kind_label=self.labels[f"kind.{item.kind.value}"],
            title=self.redact(item.title),
            phase_id=item.phase,
            phase_name=self.phase_name.get(item.phase or "", self.labels["no_phase"]),
            channels=_unique([*item.channels, *(c for note in evidence for c in note.channels)]),
            mark=mark,
            mark_label=self.labels[mark] if mark else "",
            feeling=feeling,
            score=feeling.score or 3,
            n=n,
            total=total,
            backing=self.labels.f("backing", n=n, N=total),
            backing_short=self.labels.f("backing.short", n=n, N=total),
            backers=tuple(sorted(self.index.backers(item))),
            hypothesis=item.is_hypothesis,
            design_question=self.redact(item.design_question),
            backstage_kind=item.backstage.value if item.backstage else None,
            evidence=tuple(self.source(note) for note in evidence),
        )


def _map_rows(phases: list[PhaseSection], labels: Labels) -> tuple[MapRow, ...]:
    def entry(item: Item) -> CellEntry:
        return CellEntry(item.title, item.mark, item.hypothesis, item.backing_short)

    def marked(phase: PhaseSection) -> tuple[CellEntry, ...]:
        items = [*phase.touchpoints, *phase.moments, *phase.backstage]
        return tuple(entry(item) for item in items if item.mark == Mark.HEART) + tuple(
            entry(item) for item in items if item.mark == Mark.CLOUD
        )

    lanes: list[tuple[str, Callable[[PhaseSection], tuple[CellEntry, ...]]]] = [
        ("touchpoints", lambda p: tuple(entry(i) for i in p.touchpoints)),
        ("channels", lambda p: tuple(CellEntry(c) for c in p.channels)),
        ("emotions", marked),
        ("curve", lambda p: (CellEntry(p.feeling.text, override=p.feeling.override),)),
        ("quotes", lambda p: tuple(CellEntry(f"{q.short} ({q.participant} {q.time})") for q in p.quotes)),
        ("moments", lambda p: tuple(entry(i) for i in p.moments)),
        ("backstage", lambda p: tuple(entry(i) for i in p.backstage)),
    ]
    return tuple(MapRow(lane, labels[f"lane.{lane}"], tuple(cells(phase) for phase in phases)) for lane, cells in lanes)


def assemble(
    data: StudyFile,
    interviews: list[Interview],
    notes: dict[str, list[Note]],
    journey: JourneyMap,
    *,
    language: str | None = None,
    generated: date | None = None,
    private: bool = False,
) -> Report:
    """The report of a study and its map. Pure: same inputs, same report.

    Personal details in notes and items (participants' real names, the study's redaction
    terms, e-mail addresses, phone numbers) become markers like ``[name]`` unless ``private``.
    """
    labels = Labels(language or data.study.language)
    participant_of = {interview.id: interview.participant for interview in interviews}
    index = NotesIndex.build(notes, participant_of)
    build = _Builder(data, index, journey, labels, _no_redaction if private else study_redactor(data))
    ordered = sorted(journey.items, key=lambda item: (item.order, item.id))
    items = {item.id: build.item(item) for item in ordered}
    phase_order = {phase.id: number for number, phase in enumerate(build.phases)}

    def in_phase(phase_id: str | None, kind: ItemKind) -> tuple[Item, ...]:
        return tuple(items[i.id] for i in ordered if i.phase == phase_id and i.kind is kind)

    sections = []
    for number, phase in enumerate(build.phases, start=1):
        touchpoints = in_phase(phase.id, ItemKind.TOUCHPOINT)
        quotes = tuple(
            build.source(index.notes[pick.note])
            for pick in sorted(journey.quotes, key=lambda pick: pick.id)
            if pick.phase == phase.id and pick.note in index.notes
        )
        sections.append(
            PhaseSection(
                id=phase.id,
                number=number,
                name=phase.name,
                description=phase.description,
                feeling=build.phase_feeling[phase.id],
                touchpoints=touchpoints,
                channels=_unique(c for item in touchpoints for c in item.channels),
                quotes=quotes,
                moments=in_phase(phase.id, ItemKind.MOMENT),
                backstage=in_phase(phase.id, ItemKind.BACKSTAGE),
            )
        )
    known = set(phase_order)

    def map_order(item: Item) -> tuple[int, int]:
        return (phase_order.get(item.phase_id or "", len(phase_order)), 0)

    all_items = sorted(items.values(), key=map_order)  # stable: keeps each phase's own order
    moments = tuple(item for item in all_items if item.kind == ItemKind.MOMENT)
    backstage = []
    for kind in [*BackstageKind, None]:
        group = tuple(
            item
            for item in all_items
            if item.kind == ItemKind.BACKSTAGE and item.backstage_kind == (kind and kind.value)
        )
        if group:
            label = labels[f"backstage.{kind.value}"] if kind else labels["backstage.other"]
            backstage.append(BackstageGroup(kind.value if kind else "other", label, group))
    unphased = tuple(
        item for item in all_items if item.kind == ItemKind.TOUCHPOINT and (item.phase_id or "") not in known
    )
    with_notes = [interview for interview in interviews if notes.get(interview.id)]
    dates = sorted(interview.date for interview in with_notes)
    period = ""
    if dates:
        period = dates[0].isoformat() if dates[0] == dates[-1] else f"{dates[0].isoformat()} – {dates[-1].isoformat()}"
    state = data.study.state
    findings = run_checks(data, interviews, index, journey)
    return Report(
        labels=labels,
        language=labels.language,
        title=data.study.name,
        purpose=data.study.purpose,
        scope=labels[f"scope.{data.study.scope.value}"],
        state=labels[f"state.{state.value}"] if state else labels["state.unset"],
        state_set=state is not None,
        interviews=len(with_notes),
        participants=len(index.participants),
        participant_codes=index.participants,
        period=period,
        basis=labels.f("evidence.summary", interviews=len(with_notes), participants=len(index.participants)),
        generated=generated or date.today(),
        phases=tuple(sections),
        unphased=unphased,
        map_rows=_map_rows(sections, labels),
        curve=tuple((section.name, section.feeling) for section in sections),
        moments=moments,
        backstage=tuple(backstage),
        items=tuple(all_items),
        findings=tuple(_finding_row(finding, labels, items) for finding in findings),
    )


def _finding_row(finding: Finding, labels: Labels, items: dict[int, Item]) -> FindingRow:
    subject = finding.subject
    if subject.isdigit() and int(subject) in items:  # a map item's id: a reader knows it by its title
        subject = items[int(subject)].title
    return FindingRow(
        code=finding.code,
        severity=finding.severity,
        severity_label=labels[f"severity.{finding.severity}"],
        message=finding.message,
        subject=subject,
    )


# ------------------------------------------------------------------- CSV rows
def note_rows(
    data: StudyFile,
    interviews: list[Interview],
    notes: dict[str, list[Note]],
    journey: JourneyMap,
    *,
    private: bool = False,
) -> list[NoteRow]:
    """Every (non-deleted) note as a row, with its theme, phase on the map and map items
    (personal details redacted unless ``private``)."""
    redact = _no_redaction if private else study_redactor(data)
    participant_of = {interview.id: interview.participant for interview in interviews}
    phase_name = {phase.id: phase.name for phase in data.phases}
    theme_title = {theme.id: theme.title for theme in data.guide.themes}
    items_of: dict[str, list[str]] = {}
    phase_of: dict[str, str] = {}
    for item in sorted(journey.items, key=lambda item: (item.order, item.id)):
        for note_id in item.evidence:
            items_of.setdefault(note_id, []).append(redact(item.title))
            if item.phase and note_id not in phase_of:
                phase_of[note_id] = item.phase
    rows = []
    for interview in interviews:
        for note in notes.get(interview.id, []):
            if note.deleted:
                continue
            phase = phase_of.get(note.id, note.phase)
            rows.append(
                NoteRow(
                    interview=interview.id,
                    participant=participant_of.get(note.interview, interview.participant),
                    t=clock(note.t),
                    kinds=", ".join(kind.value for kind in note.kinds),
                    valence="" if note.valence is None else f"{note.valence:+d}" if note.valence else "0",
                    channels=", ".join(note.channels),
                    tags=", ".join(note.tags),
                    theme=theme_title.get(note.theme or "", note.theme or ""),
                    phase=phase_name.get(phase or "", phase or ""),
                    map_item="; ".join(items_of.get(note.id, [])),
                    text=redact(note.text),
                )
            )
    return rows


# ------------------------------------------------------------------ reading
@dataclass
class StudyData:
    """Everything a report needs, read once through the store API."""

    data: StudyFile
    interviews: list[Interview]
    notes: dict[str, list[Note]]
    journey: JourneyMap
    problems: list[str]


def read_study(store: StudyStore, progress: Progress | None = None) -> StudyData:
    interviews, problems = store.interviews()
    notes: dict[str, list[Note]] = {}
    readable = []
    for done, interview in enumerate(interviews, start=1):
        try:
            with store.open_interview(interview.id, writable=False) as session:
                notes[interview.id] = session.notes()
            readable.append(interview)
        except StoreError as error:  # a broken interview is named, never fatal
            problems.append(error)
        if progress:
            progress("read", done, len(interviews))
    return StudyData(store.data, readable, notes, read_map(store) or JourneyMap(), [str(p) for p in problems])


def build_report(
    store: StudyStore, *, language: str | None = None, progress: Progress | None = None, private: bool = False
) -> tuple[Report, list[str]]:
    """(report, problems) for the study in ``store``."""
    study = read_study(store, progress)
    report = assemble(study.data, study.interviews, study.notes, study.journey, language=language, private=private)
    return report, study.problems
