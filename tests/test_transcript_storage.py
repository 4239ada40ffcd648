"""A transcript stored beside its interview: replaced only when asked, speakers mapped, names redacted."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from transcript_fixtures import TEAMS_VTT

from trodden.models.errors import CorruptFile, StoreError
from trodden.models.notes.redaction import Redactor
from trodden.models.storage.store import StudyStore
from trodden.models.transcript.model import SpeakerRole
from trodden.models.transcript.reading import parse_transcript

NOW = datetime(2026, 3, 2, 12, 0)


def _teams():
    return parse_transcript(TEAMS_VTT.encode(), Path("möte.vtt"), now=NOW)


def _p1(store: StudyStore) -> str:
    return store.find_interview("P1").id


def test_a_transcript_is_stored_and_read_back_beside_the_interview(study: StudyStore) -> None:
    interview = _p1(study)
    assert study.transcript(interview) is None
    study.save_transcript(interview, _teams())
    again = StudyStore.open(study.path).transcript(interview)
    assert again == _teams()
    assert (study.interview_dir(interview) / "transcript.json").is_file()


def test_importing_again_is_refused_unless_replace_and_keeps_the_speaker_roles(study: StudyStore) -> None:
    interview = _p1(study)
    study.save_transcript(interview, _teams())
    study.update_transcript(interview, speakers={"Anna Lind": SpeakerRole.PARTICIPANT})
    with pytest.raises(StoreError, match=r"already has a transcript \(from möte\.vtt\); replace it with --replace"):
        study.save_transcript(interview, _teams())
    replaced = study.save_transcript(interview, _teams(), replace=True)
    assert replaced.speakers == {"Anna Lind": SpeakerRole.PARTICIPANT}


def test_speaker_names_join_the_study_and_are_redacted_as_names(study: StudyStore) -> None:
    study.save_transcript(_p1(study), _teams())
    data = StudyStore.open(study.path).data
    assert data.speaker_names == ["Bo Ek", "Anna Lind"]
    said = "Anna sa till Bo Ek att det var bra"
    assert Redactor.for_study(data, "en").redact(said) == "[name] sa till [name] att det var bra"
    assert Redactor.for_study(data, "sv").redact(said) == "[namn] sa till [namn] att det var bra"


def test_the_offset_is_set_and_cleared_by_hand(study: StudyStore) -> None:
    interview = _p1(study)
    study.save_transcript(interview, _teams())
    assert study.update_transcript(interview, offset=42.5).offset == 42.5
    assert study.update_transcript(interview, speakers={"Bo Ek": SpeakerRole.INTERVIEWER}).offset == 42.5
    assert study.update_transcript(interview, offset=None).offset is None


def test_updating_without_a_transcript_says_how_to_import_one(study: StudyStore) -> None:
    with pytest.raises(StoreError, match="has no transcript; import one with 'trodden transcript'"):
        study.update_transcript(_p1(study), offset=1.0)


def test_a_damaged_transcript_is_named_and_left_alone(study: StudyStore) -> None:
    interview = _p1(study)
    file = study.interview_dir(interview) / "transcript.json"
    file.write_text('{"cues": [{"start": "soon"}]}', encoding="utf-8")
    with pytest.raises(CorruptFile, match=r"transcript\.json"):
        study.transcript(interview)
    assert file.read_text(encoding="utf-8") == '{"cues": [{"start": "soon"}]}'
