"""The public JSON interchange format: a whole study in one versioned document.

Field names are the domain models' own. ``FORMAT_VERSION`` changes whenever a field is
renamed or its meaning changes; readers refuse newer versions with a clear message.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from trodden.models.change.plan import ChangePlan
from trodden.models.change.store import read_plan, write_plan
from trodden.models.defaults import new_list
from trodden.models.map.journey_map import JourneyMap
from trodden.models.map.kept_hypothesis import KeptHypothesis, read_hypothesis, write_kept
from trodden.models.map.map_session import MapSession
from trodden.models.map.map_session import read_study_map as read_map  # the name callers and tests know
from trodden.models.notes.redact_models import memo, redact_model
from trodden.models.notes.redaction import Redactor
from trodden.models.storage.atomic import build_folder, is_new_folder
from trodden.models.storage.gc_policy import paused_gc, request_freeze
from trodden.models.storage.store import StudyStore

from .domain import Guide, Interview, Model, Note, Participant, Phase, Study
from .errors import CorruptFile, StoreError
from .i18n import N_, _
from .import_checks import MAX_DEPTH, MAX_FILE_BYTES, document_problem, json_path, raw_problem, read_import_file

FORMAT_NAME = "trodden-study"
FORMAT_VERSION = 3
"""2: participants have a ``role`` (customer or staff) and a ``team``; version 1 files import
with every participant a customer. 3: ``change``, the problem areas, ideas and target map;
and ``hypothesis``, the kept
hypothesis journey (both optional); older files import without them. A bump because readers refuse
unknown fields: an older trodden says "upgrade" instead."""


class InterviewRecord(Interview):
    """An interview with its notes, as it appears in the interchange document."""

    notes: list[Note] = Field(default_factory=new_list)


class StudyDocument(Model):
    format: Literal["trodden-study"] = FORMAT_NAME
    version: int = FORMAT_VERSION
    study: Study
    phases: list[Phase] = Field(default_factory=new_list)
    guide: Guide = Field(default_factory=Guide)
    participants: list[Participant] = Field(default_factory=new_list)
    redaction_terms: list[str] = Field(default_factory=new_list)
    interviews: list[InterviewRecord] = Field(default_factory=new_list)
    map: JourneyMap | None = None
    """The journey map (see ``journey_map``): items, chosen quotes, curve overrides; None if never started."""
    change: ChangePlan | None = None
    """Problem areas, ideas and the target map (see ``change.plan``); None if none was started."""
    hypothesis: KeptHypothesis | None = None
    """The hypothesis journey as kept before the interviews, with the group's verdicts; None if none was taken."""


def build_document(store: StudyStore, *, include_private: bool = False) -> tuple[StudyDocument, list[StoreError]]:
    """The whole study as a document.

    Unless ``include_private``, it is safe to share like every other export: real names and
    the redaction terms are left out, and the whole document is redacted in one pass
    (``redact_model``: every text field of every model but ids and codes: notes and their
    typed history, map item titles, design questions, curve reasons, phases, the guide, the
    study's purpose...). With ``include_private`` it is the lossless backup that
    ``import_document`` restores.
    """
    data = store.data
    participants = [p if include_private else p.model_copy(update={"real_name": None}) for p in data.participants]
    interviews, problems = store.interviews()
    with paused_gc():  # nothing to collect between interviews; see ``_read_records``
        records = _read_records(store, interviews, problems)
    document = StudyDocument(
        study=data.study,
        phases=store.phases,
        guide=data.guide,
        participants=participants,
        redaction_terms=list(data.redaction_terms) if include_private else [],
        interviews=records,
        map=read_map(store),
        change=_read_plan(store),
        hypothesis=_read_kept(store, problems),
    )
    if not include_private:
        document = redact_model(document, memo(Redactor.for_study(data).redact))
    return document, problems


def _read_records(store: StudyStore, interviews: list[Interview], problems: list[StoreError]) -> list[InterviewRecord]:
    """Every readable interview with all its notes (deleted ones too); the others named in ``problems``.

    Called with the cyclic collector paused: each interview's load pauses it anyway, but between
    loads it would rescan every note read so far (at 50,000 notes about a third of reading them).
    Notes hold no reference cycles; a large read is frozen out of later scans (``gc_policy``).
    """
    records = []
    for interview in interviews:
        try:
            with store.read_notes(interview) as session:  # read once: parsed and validated in one pass
                notes = session.notes(include_deleted=True)
            problems.extend(session.problems)  # damaged lines: named; the other notes go out
        except StoreError as error:
            problems.append(error)
            continue
        records.append(InterviewRecord(**interview.model_dump(), notes=notes))
    request_freeze(sum(len(record.notes) for record in records))
    return records


def _read_plan(store: StudyStore) -> ChangePlan | None:
    plan = read_plan(store.path)
    return None if plan.is_empty else plan


def _read_kept(store: StudyStore, problems: list[StoreError]) -> KeptHypothesis | None:
    """The kept hypothesis; a damaged ``hypothesis.json`` is named and left out, the rest goes out."""
    try:
        return read_hypothesis(store.path)
    except StoreError as error:
        problems.append(error)
        return None


def write_map(store: StudyStore, journey: JourneyMap) -> None:
    """Store ``journey`` as the study's map (items, quotes, overrides keep their ids)."""
    with MapSession(store.path, writable=True, who="import") as session:
        for item in journey.items:
            session.put_item(item)
        for pick in journey.quotes:
            session.put_quote(pick)
        phases = store.phases
        for override in journey.overrides:
            if any(phase.id == override.phase for phase in phases):
                session.set_override(phases, override, override.phase)


def dumps(document: StudyDocument) -> str:
    return document.model_dump_json(indent=2) + "\n"


def load_document(path: Path) -> StudyDocument:
    """Read and fully check an interchange file before anything is written.

    Every refusal is one line: the file, the JSON path of the problem, what is wrong
    (see ``import_checks``).
    """
    payload = _read_json(Path(path))
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise CorruptFile(
            path, _('is not a trodden study export (expected "format": "{name}")').format(name=FORMAT_NAME)
        )
    if isinstance(payload.get("version"), int) and payload["version"] > FORMAT_VERSION:
        raise CorruptFile(
            path,
            _("is format version {version}; this trodden reads up to {newest}").format(
                version=payload["version"], newest=FORMAT_VERSION
            ),
        )
    problem = raw_problem(payload)
    if problem is None:
        try:
            document = StudyDocument.model_validate(payload)
        except ValidationError as error:
            first = error.errors()[0]
            problem = json_path(first.get("loc", ())), first.get("msg", "invalid")
        else:
            problem = document_problem(document)
    if problem is not None:
        where, what = problem
        raise CorruptFile(path, _("{where}: {what}; nothing was imported").format(where=where, what=what))
    return document


def _read_json(path: Path):
    raw = read_import_file(path, MAX_FILE_BYTES, N_("a study export (.json)"))
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise CorruptFile(path, _("is not UTF-8 text (byte {byte})").format(byte=error.start)) from None
    except RecursionError:
        raise CorruptFile(
            path,
            _("is nested too deeply to be a study export, which needs fewer than {depth} levels").format(
                depth=MAX_DEPTH
            ),
        ) from None
    except ValueError as error:
        raise CorruptFile(path, _("is not valid JSON ({error})").format(error=error)) from None


def import_document(document: StudyDocument, path: Path) -> tuple[StudyStore, list[str]]:
    """Write ``document`` into the study at ``path`` (created if new).

    Into an existing study, interviews whose id is already there are skipped and
    reported, never overwritten; new participants are added.
    """
    check_names(document)
    if is_new_folder(Path(path)):  # all or nothing: no half-imported study to trip over
        report: list[str] = []
        build_folder(Path(path), lambda staging: report.extend(_write_document(document, staging)[1]))
        return StudyStore.open(path), report
    return _write_document(document, path)


def _write_document(document: StudyDocument, path: Path) -> tuple[StudyStore, list[str]]:
    report: list[str] = []
    if (Path(path) / "study.json").exists():
        store = StudyStore.open(path)

        def merge(data):
            for participant in document.participants:
                if data.participant(participant.code) is None:
                    data.participants.append(participant)

        store.update(merge)
    else:
        store = StudyStore.create(
            path,
            document.study,
            document.phases,
            document.guide,
            document.participants,
            document.redaction_terms,
        )
    existing = set(store.interview_ids())
    for record in document.interviews:
        if record.id in existing:
            report.append(f"interview {record.id} is already in the study; skipped")
            continue
        write_interview(store, Interview(**record.model_dump(exclude={"notes"})), record.notes)
    if document.map is not None:
        existing_map = read_map(store)
        if existing_map is not None and (existing_map.items or existing_map.quotes or existing_map.overrides):
            report.append("the study already has a journey map; the imported map was left out")
        else:
            write_map(store, document.map)
    if document.change is not None and not document.change.is_empty:
        if not read_plan(store.path).is_empty:
            report.append("the study already has problem areas or a target map; the imported ones were left out")
        else:
            write_plan(store.path, document.change)
    if document.hypothesis is not None:
        if read_hypothesis(store.path) is not None:
            report.append("the study already keeps a hypothesis journey; the imported one was left out")
        else:
            write_kept(store.path, document.hypothesis)
    return store, report


def check_names(document: StudyDocument) -> None:
    """Refuse, before writing anything, a document that would lose or misfile data.

    Interview ids become folder names and participant codes become parts of them, so
    ``../../etc`` must never reach the file system; note numbers must be unique per
    interview and map evidence must point at notes (see ``import_checks``).
    """
    problem = document_problem(document)
    if problem is not None:
        where, what = problem
        raise StoreError(_("{where}: {what}; nothing was imported").format(where=where, what=what))


def write_interview(store: StudyStore, interview: Interview, notes: list[Note]) -> None:
    """Create an interview folder with exactly these metadata and notes.

    The notes go first and ``interview.json`` last: until it exists the interview is
    not in the study, so an import cut short (disk full) is simply run again, instead
    of leaving an interview that looks complete but lacks notes.
    """
    from trodden.models.storage.atomic import atomic_write, make_dir
    from trodden.models.storage.layout import INTERVIEW_FILE
    from trodden.models.storage.model_json import json_bytes
    from trodden.models.storage.session import InterviewSession

    folder = store.interview_dir(interview.id)
    make_dir(folder)
    with InterviewSession(store, interview, writable=True).open() as session:
        session.save_notes([note.model_copy(update={"interview": interview.id}) for note in notes])
    atomic_write(folder / INTERVIEW_FILE, json_bytes(interview))
