"""``trodden import DIR NOTES.txt --participant CODE``: every line kept, problems reported."""

from __future__ import annotations

from datetime import date

import pytest

from trodden.models.domain import InterviewStatus, Kind
from trodden.models.notes.textimport import parse_notes_text, parse_timestamp
from trodden.models.storage.store import StudyStore
from trodden.tui.cli.main import main

try:
    from ._clean_study import build_study, stored_notes
except ImportError:
    from _clean_study import build_study, stored_notes

NOTES = """\
00:10 Intro, bor i Malmö
/theme 1
01:05 "++ Jag älskar när det växer" @instagram

1:02:03 * hittade butiken via grannen #word-of-mouth
/phase Köpa
/theme Köpet
02:10 --! leveransen kom aldrig @web
12:xx garbled line
99:99 also not a time
/theme nope
/foo bar
"++
? fråga om returpolicy
"""


@pytest.mark.parametrize(
    ("line", "seconds", "rest"),
    [
        ("01:05 text", 65.0, "text"),
        ("1:02:03 text", 3723.0, "text"),
        ("00:00", 0.0, ""),
        ("12:xx text", None, "12:xx text"),
        ("75:99 text", None, "75:99 text"),
        ("text 01:05", None, "text 01:05"),
    ],
)
def test_parse_timestamp(line, seconds, rest):
    assert parse_timestamp(line) == (seconds, rest)


def test_parse_notes_text_keeps_every_line(tmp_path):
    store, _ = build_study(tmp_path / "s")
    result = parse_notes_text(NOTES, store.data)
    texts = [note.draft.text for note in result.notes]
    assert len(result.notes) == 10  # 14 non-blank lines, 3 understood commands... and "/theme nope" kept
    assert texts[0] == "Intro, bor i Malmö"
    assert "/theme nope" in texts and "/foo bar" in texts and "12:xx garbled line" in texts
    quote = result.notes[1]
    assert quote.draft.kinds == (Kind.QUOTE,) and quote.draft.valence == 2 and quote.theme == "th1"
    assert result.notes[2].t == 3723.0
    assert result.notes[3].theme == "th2" and result.notes[3].phase == "ph2"
    assert any("nope" in problem for problem in result.problems)
    assert any("/foo" in problem for problem in result.problems)


def test_import_command_creates_a_done_interview(tmp_path, capsys):
    build_study(tmp_path / "s")
    notes_file = tmp_path / "anteckningar.txt"
    notes_file.write_text(NOTES, encoding="utf-8")
    code = main(
        [
            "import",
            str(tmp_path / "s"),
            str(notes_file),
            "--participant",
            "P7",
            "--date",
            "2026-03-09",
            "--start",
            "14:30",
            "--interviewer",
            "ML",
            "--note-taker",
            "EK",
        ]
    )
    assert code == 0
    err = capsys.readouterr().err
    for expected in ("line 9: '12:xx' is not a time", "line 10: '99:99'", "nope", "/foo", "line 13"):
        assert expected in err
    assert "imported 10 notes into interview 2026-03-09-P7" in err

    notes, interview = stored_notes(tmp_path / "s", "2026-03-09-P7")
    assert interview.status is InterviewStatus.DONE
    assert interview.date == date(2026, 3, 9) and interview.start.hour == 14
    assert (interview.interviewer, interview.note_taker) == ("ML", "EK")
    assert [n.seq for n in notes] == list(range(1, 11))
    assert notes[1].raw == '"++ Jag älskar när det växer" @instagram'
    assert notes[1].channels == ["instagram"]
    assert notes[2].t == 3723.0
    assert StudyStore.open(tmp_path / "s").data.participant("P7") is not None


def test_import_twice_makes_two_interviews(tmp_path):
    build_study(tmp_path / "s")
    notes_file = tmp_path / "n.txt"
    notes_file.write_text("00:01 a\n", encoding="utf-8")
    for _ in range(2):
        assert (
            main(["import", str(tmp_path / "s"), str(notes_file), "--participant", "P9", "--date", "2026-03-09"]) == 0
        )
    ids = StudyStore.open(tmp_path / "s").interview_ids()
    assert "2026-03-09-P9" in ids and "2026-03-09-P9-2" in ids


def test_non_utf8_file_is_read_and_reported(tmp_path, capsys):
    build_study(tmp_path / "s")
    notes_file = tmp_path / "n.txt"
    notes_file.write_bytes("00:01 blåbär och smörgås\n".encode("cp1252"))
    assert main(["import", str(tmp_path / "s"), str(notes_file), "--participant", "P9", "--date", "2026-03-09"]) == 0
    assert "not UTF-8" in capsys.readouterr().err
    notes, _ = stored_notes(tmp_path / "s", "2026-03-09-P9")
    assert notes[0].text == "blåbär och smörgås"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "needs --participant"),
        (["--participant", "P1", "--date", "5/3"], "not a date"),
        (["--participant", "P1", "--start", "noon"], "not a time"),
    ],
)
def test_bad_arguments_are_one_line_errors(tmp_path, capsys, args, message):
    build_study(tmp_path / "s")
    notes_file = tmp_path / "n.txt"
    notes_file.write_text("a\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "s"), str(notes_file), *args]) == 1
    assert message in capsys.readouterr().err


def test_empty_file_is_refused_and_creates_nothing(tmp_path, capsys):
    store, _ = build_study(tmp_path / "s")
    before = store.interview_ids()
    notes_file = tmp_path / "n.txt"
    notes_file.write_text("\n\n/theme 1\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "s"), str(notes_file), "--participant", "P9"]) == 1
    assert "holds no notes" in capsys.readouterr().err
    assert StudyStore.open(tmp_path / "s").interview_ids() == before


def test_missing_file(tmp_path, capsys):
    build_study(tmp_path / "s")
    assert main(["import", str(tmp_path / "s"), str(tmp_path / "nope.txt"), "--participant", "P9"]) == 1
    assert "does not exist" in capsys.readouterr().err
