"""Reading an interview's notes once for an export (``StudyStore.read_notes``): the snapshot's notes
parsed and validated in one pydantic pass give exactly the notes, problems and errors of the
ordinary read-only open, and never change a file."""

from __future__ import annotations

import json

import pytest
from conftest import CLOCK, P1_LINES, add_lines, snapshot_files

from trodden.models.domain import Note
from trodden.models.errors import StoreError
from trodden.models.notes.syntax import parse
from trodden.models.storage.store import StudyStore


def _both(study: StudyStore, code: str = "P1") -> tuple[list[Note], list[Note], list[str], list[str]]:
    """(ordinary notes, read-once notes, ordinary problems, read-once problems), deleted ones too."""
    interview = study.find_interview(code)
    with study.open_interview(interview.id, writable=False) as ordinary, study.read_notes(interview) as once:
        return (
            ordinary.notes(include_deleted=True),
            once.notes(include_deleted=True),
            [str(problem) for problem in ordinary.problems],
            [str(problem) for problem in once.problems],
        )


def _error(study: StudyStore, read) -> str:
    with pytest.raises(StoreError) as caught:
        read(study.find_interview("P1")).close()
    return str(caught.value)


def _same_error(study: StudyStore) -> str:
    before = snapshot_files(study.path)
    ordinary = _error(study, lambda interview: study.open_interview(interview.id, writable=False))
    once = _error(study, study.read_notes)
    assert once == ordinary
    assert snapshot_files(study.path) == before
    return once


def test_snapshot_and_journal_read_once_are_the_ordinary_notes(study: StudyStore) -> None:
    interview = study.find_interview("P1")
    with study.open_interview(interview.id) as session:  # read while the writer's journal holds changes
        add_lines(session, ["a note from the journal @webshop #price"], CLOCK)
        session.revise(1, parse("changed in the journal"))
        session.delete_note(2)
        assert list(session.folder.glob("notes.journal.*")) and (session.folder / "notes.json").exists()
        ordinary, once, problems, once_problems = _both(study)
    assert once == ordinary and len(once) == len(P1_LINES) + 1
    assert [note.model_dump() for note in once] == [note.model_dump() for note in ordinary]
    assert [type(value) for note in once for value in note.__dict__.values()] == [
        type(value) for note in ordinary for value in note.__dict__.values()
    ]
    assert once[0].text == "changed in the journal" and once[1].deleted and problems == once_problems == []


def test_a_bad_note_in_the_snapshot_gets_the_ordinary_error(study: StudyStore) -> None:
    path = study.interview_dir(study.find_interview("P1").id) / "notes.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["notes"]["2"]["valence"] = 7
    path.write_text(json.dumps(data), encoding="utf-8")
    assert "note 2 is not valid (valence" in _same_error(study)


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda data: data["notes"].update({"x": data["notes"]["1"]}), "entry 'x' is not a document"),
        (lambda data: data["notes"].update({"9": data["notes"]["1"]}), "entry 9 says it is note 1"),
        (lambda data: data.update({"events": []}), "table 'events' is not a JSON object"),
        (lambda data: data.update({"_meta": {"1": {"format": 99, "journal": 0}}}), "newer trodden"),
        (lambda data: data.update({"_meta": {"1": {"format": 1, "journal": -1}}}), "broken _meta"),
    ],
)
def test_a_damaged_snapshot_gets_the_ordinary_error(study: StudyStore, change, says: str) -> None:
    path = study.interview_dir(study.find_interview("P1").id) / "notes.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert says in _same_error(study)


def test_a_bad_snapshot_note_replaced_in_the_journal_reads_as_before(study: StudyStore) -> None:
    interview = study.find_interview("P1")
    folder = study.interview_dir(interview.id)
    good = json.loads((folder / "notes.json").read_text(encoding="utf-8"))["notes"]["1"]
    data = json.loads((folder / "notes.json").read_text(encoding="utf-8"))
    data["notes"]["1"]["t"] = -5  # invalid in the snapshot, but the journal holds its final form
    (folder / "notes.json").write_text(json.dumps(data), encoding="utf-8")
    line = json.dumps({"t": "notes", "id": 1, "doc": {**good, "text": "fixed"}}) + "\n"
    (folder / "notes.journal.99").write_text(line + "not a record\n", encoding="utf-8")
    before = snapshot_files(study.path)
    ordinary, once, problems, once_problems = _both(study)
    assert once == ordinary and once[0].text == "fixed"
    assert once_problems == problems and "notes.journal.99: line 2 is damaged" in problems[0]
    assert snapshot_files(study.path) == before


def test_a_note_that_fails_is_never_built_without_validation(study: StudyStore) -> None:
    path = study.interview_dir(study.find_interview("P1").id) / "notes.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["notes"]["3"]["unknown"] = "field"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert "note 3 is not valid (unknown: Extra inputs are not permitted)" in _same_error(study)


def test_the_json_export_reads_each_interview_once_with_the_ordinary_result(study: StudyStore) -> None:
    """``build_document`` (``--format json``) reads through ``read_notes`` with the collector paused:
    the same notes (deleted ones too, the journal's last word), a damaged interview named with the
    ordinary open's error and left out, no file changed, and the collector running again after."""
    import gc

    from trodden.models.interchange import build_document

    interview = study.find_interview("P1")
    with study.open_interview(interview.id) as session:
        add_lines(session, ["from the journal @webshop"], CLOCK)
        session.delete_note(2)
        ordinary, _, _, _ = _both(study)
        document, problems = build_document(study, include_private=True)
    (record,) = [record for record in document.interviews if record.id == interview.id]
    assert record.notes == ordinary and record.notes[1].deleted and problems == []
    assert gc.isenabled()
    path = study.interview_dir(interview.id) / "notes.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["notes"]["2"]["valence"] = 7
    path.write_text(json.dumps(data), encoding="utf-8")
    before = snapshot_files(study.path)
    expected = _error(study, lambda found: study.open_interview(found.id, writable=False))
    document, problems = build_document(study, include_private=True)
    assert [str(problem) for problem in problems] == [expected]
    assert interview.id not in [record.id for record in document.interviews]
    assert snapshot_files(study.path) == before and gc.isenabled()


def test_whole_study_reads_pause_the_collector_between_interviews(study: StudyStore, monkeypatch) -> None:
    """``all_notes`` (map, check, stats, search) and the reports' read keep the cyclic collector
    off from the first interview to the last (between loads it would rescan every note read so
    far), and on again after; the notes are the ordinary ones."""
    import gc

    from trodden.exporters.report_reading import read_study

    seen: list[bool] = []
    real = StudyStore.read_notes

    def watched(self, interview):
        seen.append(gc.isenabled())
        return real(self, interview)

    monkeypatch.setattr(StudyStore, "read_notes", watched)
    notes, problems = study.all_notes()
    assert problems == [] and len(seen) == len(notes) >= 2
    assert not any(seen) and gc.isenabled()
    seen.clear()
    read_study(study)
    assert len(seen) >= 2 and not any(seen) and gc.isenabled()
