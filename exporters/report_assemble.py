"""Assembling the report: phases, the map table, moments, backstage and checks, from one study.

``assemble`` is a pure function of (study, interviews, notes, map, language); Markdown,
Word and Mermaid only lay its fields out. ``build_report`` reads the study and calls it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from trodden.models.change.plan import ChangePlan
from trodden.models.check_messages import title as check_title
from trodden.models.checks import Finding, in_language, run_checks
from trodden.models.checks_transcript import transcript_findings, without_verified
from trodden.models.domain import Interview, JourneyState, Note
from trodden.models.map.evidence import NotesIndex
from trodden.models.map.journey_map import BackstageKind, ItemKind, JourneyMap, MapItem, Mark
from trodden.models.map.kept_hypothesis import KeptHypothesis
from trodden.models.notes.redact_models import redact_model
from trodden.models.plurals import count
from trodden.models.storage.store import StudyStore
from trodden.models.storage.study_file import StudyFile

from .i18n import Labels
from .redacted import export_inputs, no_redaction, shown_notes, study_redactor
from .report_change import area_sections, matrix_alt, target_section
from .report_evidence import EvidenceBuilder, unique
from .report_hypothesis import hypothesis_section
from .report_model import BackstageGroup, CellEntry, FindingRow, Item, MapRow, PhaseSection, Report
from .report_reading import Progress, read_study

if TYPE_CHECKING:  # aligning is imported only for a study with transcripts
    from trodden.models.transcript.check import Alignment


def assemble(
    data: StudyFile,
    interviews: list[Interview],
    notes: dict[str, list[Note]],
    journey: JourneyMap,
    *,
    language: str | None = None,
    generated: date | None = None,
    private: bool = False,
    hypothesis: KeptHypothesis | None = None,
    plan: ChangePlan | None = None,
    verified: frozenset[str] = frozenset(),
    alignments: Mapping[str, Alignment] | None = None,
) -> Report:
    """The report of a study and its map. Pure: same inputs, same report.

    Every piece of user text (items, phases, the study's purpose...) is redacted as a whole
    before the report is built (``redacted.export_inputs``), and every note as the report reads
    it (``redacted.shown_notes``: the notes it shows; the others are only counted, never read):
    personal details become markers like ``[name]`` unless ``private``. ``verified``: ids of quotes the transcripts show
    were said word for word (``report_reading``); the evidence appendix says so. ``alignments``:
    the interviews' transcripts set against their notes; the checks list the quotes they do not
    confirm (``quote-unverified``, ``quote-differs``), the words said redacted like the notes.
    """
    labels = Labels(language or data.study.language)
    said = no_redaction if private else study_redactor(data, labels.language)  # the study as given: real names
    if hypothesis is not None and not private:  # the kept items and the group's reasons are user text too
        hypothesis = redact_model(hypothesis, study_redactor(data, labels.language))
    inputs = export_inputs(data, interviews, {}, journey, private=private, language=labels.language, plan=plan)
    shown = shown_notes(data, private=private, language=labels.language)  # notes: redacted as they are read
    data, interviews, journey = inputs.data, inputs.interviews, inputs.journey
    participant_of = {interview.id: interview.participant for interview in interviews}
    index = NotesIndex.build(notes, participant_of, data.participants, shown=shown)
    has_notes = {key for key, batch in notes.items() if batch}
    alignments = dict(alignments or {})
    transcribed = {  # the notes of the interviews with a transcript, as shown (redacted)
        key: [index.notes[n.id] for n in notes[key] if n.id in index.notes] for key in alignments if key in notes
    }
    build = EvidenceBuilder(data, index, journey, labels, verified)
    ordered = sorted(journey.items, key=lambda item: (item.order, item.id))
    items = {item.id: build.item(item) for item in ordered}
    sections = _phase_sections(build, journey, ordered, items)
    phase_order = {phase.id: number for number, phase in enumerate(build.phases)}

    def map_order(item: Item) -> tuple[int, int]:
        return (phase_order.get(item.phase_id or "", len(phase_order)), 0)

    all_items = sorted(items.values(), key=map_order)  # stable: keeps each phase's own order
    unphased = tuple(
        item for item in all_items if item.kind == ItemKind.TOUCHPOINT and (item.phase_id or "") not in phase_order
    )
    with_notes = [i for i in interviews if i.id in has_notes and not index.is_staff(i.participant)]  # customers'
    staff_interviews = sum(1 for i in interviews if i.id in has_notes and index.is_staff(i.participant))
    state = data.study.state
    areas = area_sections(inputs.plan, build)
    findings = run_checks(
        in_language(data, labels.language), interviews, index, journey
    )  # messages in the report's language
    findings = without_verified(findings, verified)
    if alignments:
        findings += transcript_findings(
            in_language(data, labels.language), interviews, transcribed, alignments, said
        )  # redacted notes, redacted words said
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
        period=_period(with_notes),
        basis=labels.f(
            "evidence.summary",
            interviews=count(len(with_notes), "interview", labels.language),
            participants=count(len(index.participants), "customer", labels.language),
        )
        + (labels.f(_one("staff.basis", staff_interviews), n=staff_interviews) if staff_interviews else ""),
        generated=generated or date.today(),
        phases=sections,
        unphased=unphased,
        map_rows=_map_rows(sections, labels),
        curve=tuple((section.name, section.feeling) for section in sections),
        moments=tuple(item for item in all_items if item.kind == ItemKind.MOMENT),
        backstage=_backstage_groups(all_items, labels),
        items=tuple(all_items),
        findings=tuple(_finding_row(finding, labels, items) for finding in findings),
        staff_interviews=staff_interviews,
        staff_heading=labels.f(_one("staff.heading", staff_interviews), n=staff_interviews) if index.staff else "",
        hypothesis=hypothesis_section(hypothesis, journey, items, build.phases, labels) if hypothesis else None,
        areas=areas,
        matrix_alt=matrix_alt(areas, labels),
        target=target_section(inputs.plan, build, areas),
        target_state=state is JourneyState.TARGET,
    )


def _phase_sections(
    build: EvidenceBuilder, journey: JourneyMap, ordered: list[MapItem], items: dict[int, Item]
) -> tuple[PhaseSection, ...]:
    """One section a phase: its touchpoints, channels, chosen quotes, moments and backstage."""

    def in_phase(phase_id: str, kind: ItemKind) -> tuple[Item, ...]:
        return tuple(items[i.id] for i in ordered if i.phase == phase_id and i.kind is kind)

    picks = sorted(journey.quotes, key=lambda pick: pick.id)
    sections = []
    for number, phase in enumerate(build.phases, start=1):
        touchpoints = in_phase(phase.id, ItemKind.TOUCHPOINT)
        quotes = tuple(
            build.source(build.index.notes[pick.note])
            for pick in picks
            if pick.phase == phase.id and pick.note in build.index.notes
        )
        sections.append(
            PhaseSection(
                id=phase.id,
                number=number,
                name=phase.name,
                description=phase.description,
                feeling=build.phase_feeling[phase.id],
                touchpoints=touchpoints,
                channels=unique(c for item in touchpoints for c in item.channels),
                quotes=quotes,
                moments=in_phase(phase.id, ItemKind.MOMENT),
                backstage=in_phase(phase.id, ItemKind.BACKSTAGE),
                staff_feeling=build.staff_feeling.get(phase.id),
            )
        )
    return tuple(sections)


def _backstage_groups(all_items: list[Item], labels: Labels) -> tuple[BackstageGroup, ...]:
    """Backstage items by kind, in the kinds' order, the unkinded last."""
    groups = []
    for kind in [*BackstageKind, None]:
        group = tuple(
            item
            for item in all_items
            if item.kind == ItemKind.BACKSTAGE and item.backstage_kind == (kind and kind.value)
        )
        if group:
            label = labels[f"backstage.{kind.value}"] if kind else labels["backstage.other"]
            groups.append(BackstageGroup(kind.value if kind else "other", label, group))
    return tuple(groups)


def _one(key: str, count: int) -> str:
    """The label for one (``key.one``) or for several."""
    return f"{key}.one" if count == 1 else key


def _period(with_notes: list[Interview]) -> str:
    """``2026-03-01 – 2026-03-20``: the first and last interview that has notes."""
    dates = sorted(interview.date for interview in with_notes)
    if not dates:
        return ""
    return dates[0].isoformat() if dates[0] == dates[-1] else f"{dates[0].isoformat()} – {dates[-1].isoformat()}"


def _map_rows(phases: tuple[PhaseSection, ...], labels: Labels) -> tuple[MapRow, ...]:
    """The map table, lane by lane: one cell a phase, each a list of entries."""

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
    if any(phase.staff_feeling is not None for phase in phases):  # under backstage, apart from the curve
        lanes.append(("staff", lambda p: (CellEntry(p.staff_feeling.text),) if p.staff_feeling else ()))
    return tuple(MapRow(lane, labels[f"lane.{lane}"], tuple(cells(phase) for phase in phases)) for lane, cells in lanes)


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
        title=check_title(finding.code, labels.language),
    )


def build_report(
    store: StudyStore, *, language: str | None = None, progress: Progress | None = None, private: bool = False
) -> tuple[Report, list[str]]:
    """(report, problems) for the study in ``store``."""
    study = read_study(store, progress)
    report = assemble(
        study.data,
        study.interviews,
        study.notes,
        study.journey,
        language=language,
        private=private,
        hypothesis=study.hypothesis,
        plan=study.plan,
        verified=study.verified,
        alignments=study.alignments,
    )
    return report, study.problems
