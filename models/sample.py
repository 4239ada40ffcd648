"""The demo study ("Creating a thriving home"), built from the text files in sample_data/.

The interviews are stored as plain notes files in the capture syntax, so the sample is
also a living test of the text import the note-takers use.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path

from trodden.models.guide.markdown import parse_guide
from trodden.models.notes.textimport import imported_notes, parse_notes_text
from trodden.models.storage.atomic import build_folder, is_new_folder
from trodden.models.storage.store import StudyStore

from .domain import Interview, InterviewStatus, Participant, Phase, Study
from .interchange import write_interview

SAMPLE_PACKAGE = "trodden.sample_data"


def _read(name: str) -> str:
    return resources.files(SAMPLE_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def write_sample(path: Path | str) -> StudyStore:
    """Create the sample study at ``path`` (a new or empty folder), all or nothing."""
    if not is_new_folder(Path(path)):
        return _write_sample(path)  # the store says what is in the way
    build_folder(Path(path), _write_sample)
    return StudyStore.open(path)


def _write_sample(path: Path | str) -> StudyStore:
    spec = json.loads(_read("study.json"))
    phases = [
        Phase(id=f"ph{i}", name=p["name"], description=p.get("description", ""), order=i)
        for i, p in enumerate(spec["phases"], start=1)
    ]
    store = StudyStore.create(
        path,
        Study(**spec["study"]),
        phases,
        parse_guide(_read("guide.md")),
        [Participant(**p) for p in spec["participants"]],
        spec.get("redaction_terms", []),
    )
    for entry in spec["interviews"]:
        day = date.fromisoformat(entry["date"])
        start = datetime.combine(day, time.fromisoformat(entry["start"]))
        parsed = parse_notes_text(_read(entry["file"]), store.data)
        interview_id = f"{day.isoformat()}-{entry['participant']}"
        notes = imported_notes(parsed, interview_id, start)
        last = max((note.t for note in notes), default=0.0)
        interview = Interview(
            id=interview_id,
            participant=entry["participant"],
            date=day,
            interviewer=entry.get("interviewer", ""),
            note_taker=entry.get("note_taker", ""),
            status=InterviewStatus(entry.get("status", "done")),
            start=start,
            end=start + timedelta(seconds=last + 90),
        )
        write_interview(store, interview, notes)
    write_hypothesis_map(store, phases)
    return store


def write_hypothesis_map(store: StudyStore, phases: list[Phase]) -> None:
    """The team's hypothesis journey (``map.json``): items with no evidence yet."""
    from trodden.models.map.kept_hypothesis import take_snapshot
    from trodden.models.map.map_session import write_hypothesis

    if resources.files(SAMPLE_PACKAGE).joinpath("map.json").is_file():
        journey = write_hypothesis(store.path, phases, json.loads(_read("map.json")).get("items", []))
        first = min((i.start for i in store.interviews()[0] if i.start), default=None)
        taken = first - timedelta(days=1) if first else None  # drafted the day before the first interview
        take_snapshot(store.path, how="first-interview", journey=journey, taken=taken)
