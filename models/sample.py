"""The demo studies ("Skapa ett frodande hem" and its English and Danish versions).

Each language has its own folder in sample_data/ (``en``, ``sv``, ``da``): the study and its
participants (``study.json``), the interview guide (``guide.md``), one notes file per interview
in the capture syntax (``interviews/<code>.txt``, so the sample is also a living test of the
text import note-takers use) and the workshop's outcome (``workshop.json``: the map the group
built, see ``sample_workshop``). Quotes are in the language the participant spoke, whatever the
study's language; the note-takers' own words are in the study's language.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path

from trodden.models.guide.markdown import parse_guide
from trodden.models.i18n import _
from trodden.models.notes.textimport import imported_notes, parse_notes_text
from trodden.models.storage.atomic import build_folder, is_new_folder
from trodden.models.storage.store import StudyStore

from .domain import Interview, InterviewStatus, Participant, Phase, Study
from .interchange import write_interview

SAMPLE_PACKAGE = "trodden.sample_data"
SAMPLE_LANGUAGES = ("en", "sv", "da")


class SampleProblem(ValueError):
    """The packaged sample data does not fit together (a developer's mistake, named exactly)."""


def read_sample_file(lang: str, name: str) -> str:
    if lang not in SAMPLE_LANGUAGES:
        raise ValueError(
            _("no sample in {lang}; choose one of {languages}").format(
                lang=repr(lang), languages=", ".join(SAMPLE_LANGUAGES)
            )
        )
    return resources.files(SAMPLE_PACKAGE).joinpath(lang, name).read_text(encoding="utf-8")


def write_sample(path: Path | str, lang: str = "en") -> StudyStore:
    """Create the finished sample study in ``lang`` at ``path`` (a new or empty folder), all or nothing."""
    read_sample_file(lang, "study.json")  # an unknown language fails before anything is created
    if not is_new_folder(Path(path)):
        return _write_sample(path, lang)  # the store says what is in the way
    build_folder(Path(path), lambda folder: _write_sample(folder, lang))
    return StudyStore.open(path)


def _write_sample(path: Path | str, lang: str) -> StudyStore:
    from .sample_workshop import write_workshop

    spec = json.loads(read_sample_file(lang, "study.json"))
    phases = [
        Phase(id=f"ph{i}", name=p["name"], description=p.get("description", ""), order=i)
        for i, p in enumerate(spec["phases"], start=1)
    ]
    store = StudyStore.create(
        path,
        Study(**spec["study"]),
        phases,
        parse_guide(read_sample_file(lang, "guide.md")),
        [Participant(**p) for p in spec["participants"]],
        spec.get("redaction_terms", []),
    )
    for entry in spec["interviews"]:
        _write_interview(store, lang, entry)
    write_workshop(store, json.loads(read_sample_file(lang, "workshop.json")))
    return store


def _write_interview(store: StudyStore, lang: str, entry: dict) -> None:
    code = entry["participant"]
    day = date.fromisoformat(entry["date"])
    start = datetime.combine(day, time.fromisoformat(entry["start"]))
    name = entry.get("file", f"interviews/{code}.txt")
    parsed = parse_notes_text(read_sample_file(lang, name), store.data)
    if parsed.problems:
        raise SampleProblem(f"sample_data/{lang}/{name}: {parsed.problems[0]}")
    interview_id = f"{day.isoformat()}-{code}"
    notes = imported_notes(parsed, interview_id, start)
    last = max((note.t for note in notes), default=0.0)
    interview = Interview(
        id=interview_id,
        participant=code,
        date=day,
        interviewer=entry.get("interviewer", ""),
        note_taker=entry.get("note_taker", ""),
        status=InterviewStatus(entry.get("status", "done")),
        start=start,
        end=start + timedelta(seconds=last + 90),
    )
    write_interview(store, interview, notes)
