"""The study's settings can change after ``trodden new``: ``trodden study DIR set|show`` and the model under it."""

from __future__ import annotations

import json

import pytest

from trodden.models.checks import check_state
from trodden.models.domain import JourneyState, Scope, Study
from trodden.models.settings import SettingError, apply_setting, split_terms
from trodden.models.storage.store import StudyStore
from trodden.models.storage.study_file import StudyFile
from trodden.tui.cli.main import main


@pytest.fixture
def folder(tmp_path):
    StudyStore.create(tmp_path / "s", Study(name="Att köpa blommor", language="sv"))
    return tmp_path / "s"


def stored(folder) -> dict:
    return json.loads((folder / "study.json").read_text(encoding="utf-8"))


def test_set_each_key_and_show(folder, capsys):
    for key, value in (
        ("name", "Skapa ett frodande hem"),
        ("purpose", "Vad ska vi rätta först?"),
        ("scope", "Episode"),
        ("state", "current"),
        ("language", "da"),
        ("redaction", "Svensson, Rosengatan 4, svensson"),
    ):
        assert main(["study", str(folder), "set", key, value]) == 0
    study = stored(folder)
    assert study["study"] == {**study["study"], "name": "Skapa ett frodande hem", "purpose": "Vad ska vi rätta först?"}
    assert (study["study"]["scope"], study["study"]["state"], study["study"]["language"]) == (
        "episode",
        "current",
        "da",
    )
    assert study["redaction_terms"] == ["Svensson", "Rosengatan 4"]
    capsys.readouterr()
    assert main(["study", str(folder), "show"]) == 0
    shown = capsys.readouterr().out
    assert "Skapa ett frodande hem" in shown and "episode" in shown and "Svensson, Rosengatan 4" in shown
    assert main(["study", str(folder), "set", "state", "none"]) == 0
    assert stored(folder)["study"]["state"] is None


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("colour", "red", "the settings are: name, purpose, scope, state, language, redaction-terms, author"),
        ("scope", "half", "choose one of: whole, episode"),
        ("state", "future", "choose one of: current, target, none"),
        ("language", "fi", "choose one of: en, sv, da"),
        ("bullets", "kanske", "choose one of: yes, no"),
        ("name", "  ", "cannot be empty"),
        ("participants", "P1", "trodden participant DIR"),
        ("name", "x\ny", "the name must be one line of plain text, but it has a line break (␊) at character 2"),
        ("name", "\x1b[31mröd\x1b[0m", "it has a control character (␛) at character 1"),
        ("name", "a\u2028b", "a line break (␊) at character 2"),
        ("purpose", "Vad?\r\nVarför?", "the purpose must be one line of plain text, but it has a line break (␍)"),
        ("author", "Gröna\nRum", "the author must be one line of plain text"),
        ("redaction", "Svensson\x07", "the redaction terms must be one line"),
        ("name", "å" * 10_000, "the name is at most 200 characters; this one has 10000"),
        ("author", "../../etc " * 30, "the author is at most 200 characters"),
    ],
)
def test_bad_keys_and_values_are_refused_and_change_nothing(folder, capsys, key, value, says):
    before = (folder / "study.json").read_bytes()
    assert main(["study", str(folder), "set", key, value]) == 1
    assert says in capsys.readouterr().err
    assert (folder / "study.json").read_bytes() == before


def test_apply_setting_is_the_one_rule():
    data = StudyFile(study=Study(name="x"))
    apply_setting(data, "SCOPE", " episode ")
    apply_setting(data, "state", "Target")
    assert (data.study.scope, data.study.state) == (Scope.EPISODE, JourneyState.TARGET)
    with pytest.raises(SettingError):
        apply_setting(data, "language", "de")
    assert split_terms(" ,a, b ,A,") == ["a", "b"]


@pytest.mark.parametrize("language", ["en", "sv", "da"])
def test_state_unset_names_the_command(language):
    data = StudyFile(study=Study(name="x", language=language))
    finding = next(f for f in check_state(data, [], None, None))
    assert "trodden study DIR set state current" in finding.message


def test_the_author_named_in_word_files_can_be_changed_after_new(folder, tmp_path, capsys):
    """``--author`` at ``new`` had no way back: a typo stayed in every Word file's properties."""
    from docx import Document

    assert main(["study", str(folder), "set", "author", "  Gröna Rum,  CX-teamet "]) == 0
    assert stored(folder)["study"]["author"] == "Gröna Rum, CX-teamet"
    assert main(["export", str(folder), "--format", "docx", "-o", str(tmp_path / "r.docx")]) == 0
    assert Document(str(tmp_path / "r.docx")).core_properties.author == "Gröna Rum, CX-teamet"
    assert main(["study", str(folder), "set", "author", ""]) == 0
    assert "author" not in stored(folder)["study"]


def test_bullets_are_clouds_is_set_and_shown_and_import_follows_it(folder, capsys):
    """The setting about a pasted line's leading '- ' was only reachable by editing study.json."""
    from trodden.models.notes.textimport import parse_notes_text

    assert main(["study", str(folder), "set", "bullets-are-clouds", "yes"]) == 0
    assert stored(folder)["study"]["bullets_are_clouds"] is True
    capsys.readouterr()
    assert main(["study", str(folder), "show"]) == 0
    assert any(line.split() == ["bullets-are-clouds", "yes"] for line in capsys.readouterr().out.splitlines())
    note = parse_notes_text("- kön på telefon var lång", StudyStore.open(folder).data).notes[0]
    assert note.draft.valence is not None and note.draft.valence < 0
    assert main(["study", str(folder), "set", "bullets", "No"]) == 0
    assert stored(folder)["study"]["bullets_are_clouds"] is False
    note = parse_notes_text("- kön på telefon var lång", StudyStore.open(folder).data).notes[0]
    assert note.draft.valence is None and note.draft.text.startswith("kön")


def test_new_takes_the_same_one_line_rule(tmp_path, capsys):
    """``trodden new`` refuses what ``study set`` would: nothing is created."""
    assert main(["new", str(tmp_path / "n"), "--name", "Hem", "--phase", "Hitta\x1b]0;pwned\x07"]) == 1
    assert (
        "the phase name must be one line of plain text, but it has a control character (␛)" in capsys.readouterr().err
    )
    assert not (tmp_path / "n").exists()
