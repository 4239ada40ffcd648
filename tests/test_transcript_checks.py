"""``trodden check`` against transcripts: quote-unverified, quote-differs, in the study's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from transcript_kit import teams_vtt

from trodden.models.checks_transcript import transcript_findings
from trodden.models.storage.store import StudyStore
from trodden.models.transcript.reading import parse_transcript
from trodden.models.transcript.study import study_alignments
from trodden.tui.cli.main import main


def _with_transcript(study: StudyStore, said: dict[int, str]) -> str:
    interview = study.find_interview("P1")
    with study.open_interview(interview.id, writable=False) as session:
        notes = session.notes()
    vtt = teams_vtt(notes, interview.start, said=said)
    study.save_transcript(interview.id, parse_transcript(vtt.encode(), Path("t.vtt")))
    return interview.id


def _check(study: StudyStore, capsys) -> list[str]:
    main(["check", str(study.path)])
    return [line for line in capsys.readouterr().out.splitlines() if line.startswith("quote-")]


def test_a_close_quote_differs_in_swedish(study: StudyStore, capsys) -> None:
    interview = _with_transcript(study, {1: "Jag vill bara att mina blommor ska må bra."})
    assert _check(study, capsys) == [
        f"quote-differs\tvarning\tcitatet {interview}/1 ”Jag vill bara att mina växter ska må bra” skiljer sig "
        "från det som sades (”Jag vill bara att mina blommor ska må bra.”); ta orden som sades eller markera det "
        "kontrollerat"
    ]


def test_a_quote_nobody_said_is_unverified_and_checked_by_hand_is_not(study: StudyStore, capsys) -> None:
    interview = _with_transcript(study, {1: "Det där med krukorna var mest krångligt."})
    assert [line.split("\t")[0] for line in _check(study, capsys)] == ["quote-unverified"]
    with study.open_interview(interview) as session:
        session.update_note(1, checked=True)
    assert _check(study, capsys) == []


def test_a_verbatim_quote_and_an_interview_without_transcript_give_nothing(study: StudyStore, capsys) -> None:
    _with_transcript(study, {})
    assert _check(study, capsys) == []  # P2's quote has no transcript to be checked against


@pytest.mark.parametrize(
    ("language", "start"),
    [("en", "quote {id} “Jag vill"), ("da", "citatet {id} »Jag vill")],
)
def test_messages_in_english_and_danish(study: StudyStore, language: str, start: str) -> None:
    interview = _with_transcript(study, {1: "Det där med krukorna var mest krångligt."})
    data = study.data.model_copy(update={"study": study.data.study.model_copy(update={"language": language})})
    found = study.find_interview("P1")
    with study.open_interview(interview, writable=False) as session:
        notes = {interview: session.notes()}
    alignments, _ = study_alignments(study, [found], notes)
    (finding,) = transcript_findings(data, [found], notes, alignments)
    assert finding.message.startswith(start.format(id=f"{interview}/1"))


def test_lang_sets_the_quote_findings_language_like_the_others(study: StudyStore, capsys) -> None:
    interview = _with_transcript(study, {1: "Jag vill bara att mina blommor ska må bra."})
    main(["check", str(study.path), "--lang", "da"])
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("quote-")]
    assert [line.split("\t")[:2] for line in lines] == [["quote-differs", "advarsel"]]
    assert lines[0].split("\t")[2].startswith(f"citatet {interview}/1 »Jag vill")
