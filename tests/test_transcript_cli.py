"""``trodden transcript``: import, speakers, offset, replace, and the quotes' summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from transcript_kit import teams_vtt

from trodden.models.storage.store import StudyStore
from trodden.models.transcript.model import SpeakerRole
from trodden.tui.cli.main import main


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _vtt(study: StudyStore, tmp_path: Path, **options) -> Path:
    interview = study.find_interview("P1")
    with study.open_interview(interview.id, writable=False) as session:
        notes = session.notes()
    path = tmp_path / "Intervju P1.vtt"
    path.write_text(teams_vtt(notes, interview.start, **options), encoding="utf-8-sig")
    return path


def test_import_prints_offset_confidence_and_quote_summary(study: StudyStore, tmp_path: Path, capsys) -> None:
    file = _vtt(study, tmp_path)
    code, out, err = _run(capsys, "transcript", study.path, "--interview", "P1", file, "--speaker", "anna lind=p")
    assert code == 0, err
    assert "stored Intervju P1.vtt as the transcript of" in err
    assert "speaker Anna Lind: participant\n" in out
    assert "speaker Bo Ek: interviewer (guessed; set with --speaker)" in out
    assert (
        "offset: +17.0 s (0:17), confidence high (6 of 6 matched notes agree)" in out
    )  # 37 s offset less the 20 s lag
    assert "quotes: 1 verbatim · 0 close · 0 not found" in out
    stored = StudyStore.open(study.path)
    assert stored.transcript(stored.find_interview("P1").id).speakers == {"Anna Lind": SpeakerRole.PARTICIPANT}


def test_a_close_quote_is_listed_with_the_words_said(study: StudyStore, tmp_path: Path, capsys) -> None:
    said = {1: "Öh, jag vill bara att mina blommor ska må bra."}
    code, out, _ = _run(capsys, "transcript", study.path, "--interview", "P1", _vtt(study, tmp_path, said=said))
    assert code == 0
    assert "quotes: 0 verbatim · 1 close · 0 not found" in out
    assert "“Jag vill bara att mina växter ska må bra”  said: “jag vill bara att mina blommor ska må bra.”" in out


def test_reimport_needs_replace_and_offset_can_be_set(study: StudyStore, tmp_path: Path, capsys) -> None:
    file = _vtt(study, tmp_path)
    assert _run(capsys, "transcript", study.path, "--interview", "P1", file)[0] == 0
    code, _, err = _run(capsys, "transcript", study.path, "--interview", "P1", file)
    assert code == 1
    assert "already has a transcript (from Intervju P1.vtt); replace it with --replace" in err
    code, out, _ = _run(capsys, "transcript", study.path, "--interview", "P1", file, "--replace", "--offset", "-75")
    assert code == 0
    assert "offset: -75.0 s (-1:15), confidence set by hand" in out


def test_an_unknown_speaker_or_role_is_refused(study: StudyStore, tmp_path: Path, capsys) -> None:
    file = _vtt(study, tmp_path)
    code, _, err = _run(capsys, "transcript", study.path, "--interview", "P1", file, "--speaker", "Eva=participant")
    assert code == 1
    assert "has no speaker 'Eva' (its speakers: Bo Ek, Anna Lind)" in err
    with pytest.raises(SystemExit) as exit_:
        main(["transcript", str(study.path), "--interview", "P1", str(file), "--speaker", "Eva=boss"])
    assert exit_.value.code == 2
    assert "give NAME=ROLE" in capsys.readouterr().err
    assert StudyStore.open(study.path).transcript(study.find_interview("P1").id) is None


def test_a_file_in_an_unknown_encoding_is_named(study: StudyStore, tmp_path: Path, capsys) -> None:
    file = tmp_path / "möte.vtt"
    file.write_bytes("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Åsa>Hej då, blåbär\n".encode("mac_roman"))
    code, _, err = _run(capsys, "transcript", study.path, "--interview", "P1", file)
    assert code == 1
    assert "möte.vtt is not in a known encoding" in err
    assert StudyStore.open(study.path).transcript(study.find_interview("P1").id) is None


def test_a_windows_1252_file_is_read_and_said(study: StudyStore, tmp_path: Path, capsys) -> None:
    """Older SubRip tools save "ANSI": read as Windows-1252 with a warning, as a notes file is."""
    file = tmp_path / "möte.srt"
    file.write_bytes("1\n00:00:01,000 --> 00:00:02,000\nÅsa: Hej då, blåbär\n".encode("cp1252"))
    code, _, err = _run(capsys, "transcript", study.path, "--interview", "P1", file)
    assert code == 0, err
    assert "möte.srt is not UTF-8; read it as Windows-1252" in err
    stored = StudyStore.open(study.path).transcript(study.find_interview("P1").id)
    assert stored is not None and stored.cues[0].text == "Hej då, blåbär"
    assert "warning" not in (study.path / "interviews").joinpath(
        study.find_interview("P1").id, "transcript.json"
    ).read_text(encoding="utf-8")


def test_hostile_speaker_names_and_words_are_shown_never_run(study: StudyStore, tmp_path: Path, capsys) -> None:
    file = tmp_path / "evil.vtt"
    file.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Eva\x1b[31m>Hej\x1b]0;x\x07 där</v>\n", encoding="utf-8"
    )
    code, out, err = _run(capsys, "transcript", study.path, "--interview", "P1", file)
    assert code == 0, err
    assert "\x1b" not in out + err
    assert "speaker Eva␛[31m: participant" in out
    assert "confidence low (no note matched the transcript's words)" in out  # not "0 of 0 agree"
