"""Names typed by users never lead outside the study folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CLOCK

from trodden.models.domain import Interview, Participant, Study
from trodden.models.errors import StoreError
from trodden.models.interchange import InterviewRecord, StudyDocument, import_document
from trodden.models.names import clean_participant_code, safe_filename, visible
from trodden.models.storage.store import StudyStore


def _files_outside(root: Path, study: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and study not in p.parents]


@pytest.mark.parametrize("code", ["../../etc", "../P1", "/etc/passwd", "P1/../../x", "C:\\Windows", "a\x00b", "P 1\n"])
def test_participant_codes_stay_inside_the_study(study: StudyStore, tmp_path: Path, code: str) -> None:
    interview = study.new_interview(code, start=CLOCK)
    folder = study.interview_dir(interview.id).resolve()
    assert folder.parent == (study.path / "interviews").resolve()
    assert "/" not in interview.participant and ".." not in interview.participant
    with study.open_interview(interview.id) as session:
        session.add_note(__import__("trodden.models.notes.syntax", fromlist=["parse"]).parse("x"))
    assert _files_outside(tmp_path, study.path) == []


@pytest.mark.parametrize("code", ["", "   ", "../", "///", "..."])
def test_unusable_codes_are_refused_clearly(study: StudyStore, code: str) -> None:
    with pytest.raises(StoreError, match="not a usable participant code"):
        study.ensure_participant(code)


@pytest.mark.parametrize("interview_id", ["../../etc", "..", ".", "a/b", "", "x" * 200])
def test_interview_ids_that_are_not_folder_names_are_refused(study: StudyStore, interview_id: str) -> None:
    with pytest.raises(StoreError):
        study.interview_dir(interview_id)
    with pytest.raises(StoreError):
        study.open_interview(interview_id)


def test_an_import_with_a_hostile_interview_id_writes_nothing(tmp_path: Path) -> None:
    document = StudyDocument(
        study=Study(name="x"),
        participants=[Participant(code="P1")],
        interviews=[InterviewRecord(**Interview(id="../../escaped", participant="P1").model_dump())],
    )
    with pytest.raises(StoreError, match="not a safe folder name; nothing was imported"):
        import_document(document, tmp_path / "new")
    assert list(tmp_path.iterdir()) == []


def test_an_import_with_a_hostile_participant_code_writes_nothing(tmp_path: Path) -> None:
    document = StudyDocument(study=Study(name="x"), participants=[Participant(code="../x")])
    with pytest.raises(StoreError, match=r"participant code '\.\./x' is not usable"):
        import_document(document, tmp_path / "new")
    assert list(tmp_path.iterdir()) == []


def test_safe_filename() -> None:
    assert safe_filename("../../etc") == "etc"
    assert safe_filename("Åsa Öberg/Ærø") == "Åsa-Öberg-Ærø"
    assert safe_filename("con") == "con_"
    assert safe_filename("...") == "untitled"
    assert len(safe_filename("x" * 500)) == 60
    assert clean_participant_code("  p1 ") == "p1"


def test_visible_shows_control_characters() -> None:
    assert visible("a\x1b[31mred\x07") == "a␛[31mred␇"
    assert visible("tab\tand\nnewline\x7f\x85") == "tab\tand\nnewline\u2421\ufffd"


def test_study_creation_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "stuff.txt").write_text("mine")
    with pytest.raises(StoreError, match="not empty"):
        StudyStore.create(tmp_path, Study(name="x"))
    with pytest.raises(StoreError, match="is a file"):
        StudyStore.create(tmp_path / "stuff.txt", Study(name="x"))
    assert (tmp_path / "stuff.txt").read_text() == "mine"
