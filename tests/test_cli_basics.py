"""The ``trodden`` command line: round trip, help on every command, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import build_study

from trodden.models.notes.syntax import parse
from trodden.models.storage.store import StudyStore
from trodden.tui.cli.commands import COMMANDS
from trodden.tui.cli.main import build_parser, main


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _export(capsys, folder: Path, output: Path, *extra: str) -> dict:
    code, _, err = _run(capsys, "export", folder, "--format", "json", "-o", output, *extra)
    assert code == 0, err
    return json.loads(output.read_text(encoding="utf-8"))


def test_sample_export_import_export_is_lossless(tmp_path: Path, capsys) -> None:
    code, _, err = _run(capsys, "sample", tmp_path / "sample")
    assert code == 0, err
    first = _export(capsys, tmp_path / "sample", tmp_path / "first.json")
    assert first["format"] == "trodden-study" and first["version"] == 3
    assert len(first["interviews"]) >= 4
    assert first["hypothesis"]["items"]  # the sample's drafted journey goes along
    assert len(first["interviews"]) >= 14 and all(len(i["notes"]) >= 12 for i in first["interviews"])
    code, _, err = _run(capsys, "import", tmp_path / "copy", tmp_path / "first.json")
    assert code == 0, err
    second = _export(capsys, tmp_path / "copy", tmp_path / "second.json")
    assert second == first
    assert (tmp_path / "second.json").read_bytes() == (tmp_path / "first.json").read_bytes()


def test_crafted_study_round_trip_keeps_history_and_deleted_notes(tmp_path: Path, capsys) -> None:
    store = build_study(tmp_path / "study")
    interview = store.find_interview("P1")
    with store.open_interview(interview.id) as session:
        session.revise(1, parse('"Ändrad text" @butik'))
        session.delete_note(2)
    first = _export(capsys, store.path, tmp_path / "first.json")
    notes = first["interviews"][0]["notes"]
    assert len(notes[0]["history"]) == 2 and notes[1]["deleted"] is True
    assert all(p.get("real_name") is None for p in first["participants"])  # private by default
    _run(capsys, "import", tmp_path / "copy", tmp_path / "first.json")
    assert _export(capsys, tmp_path / "copy", tmp_path / "second.json") == first


def test_private_export_is_a_lossless_backup(tmp_path: Path, capsys) -> None:
    """With --include-private the round trip keeps real names and redaction terms too."""
    store = build_study(tmp_path / "study")
    first = _export(capsys, store.path, tmp_path / "first.json", "--include-private")
    assert first["participants"][0]["real_name"] == "Anna Svensson"
    assert first["redaction_terms"] == ["Svensson"]
    _run(capsys, "import", tmp_path / "copy", tmp_path / "first.json")
    assert _export(capsys, tmp_path / "copy", tmp_path / "second.json", "--include-private") == first
    with store.open_interview(store.find_interview("P1").id, writable=False) as original:
        stored = {n.seq: n for n in original.notes(include_deleted=True)}
    copy = StudyStore.open(tmp_path / "copy")
    with copy.open_interview(copy.find_interview("P1").id, writable=False) as imported:
        assert {n.seq: n for n in imported.notes(include_deleted=True)} == stored


def test_import_into_an_existing_study_skips_what_is_there(tmp_path: Path, capsys) -> None:
    store = build_study(tmp_path / "study")
    _export(capsys, store.path, tmp_path / "x.json")
    code, _, err = _run(capsys, "import", store.path, tmp_path / "x.json")
    assert code == 0
    assert err.count("already in the study; skipped") == 2
    assert "imported 0 interviews" in err


def _subcommands() -> list[str]:
    names = list(build_parser()._subparsers._group_actions[0].choices)
    assert len(names) == len(COMMANDS)
    return names


@pytest.mark.parametrize("command", _subcommands())
def test_help_on_every_command(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    out, _ = capsys.readouterr()
    assert exited.value.code == 0
    assert out.startswith(f"usage: trodden {command}")


def test_help_and_version(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("trodden ")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in _subcommands())
    assert main([]) == 0  # no command: the overview, not an error


def _one_line_error(capsys, argv: list, match: str, code: int = 1) -> None:
    try:
        result = main([str(arg) for arg in argv])
    except SystemExit as exited:  # argparse usage errors
        result = exited.code
    _, err = capsys.readouterr()
    assert result == code, err
    assert err.count("\n") == 1 and err.startswith("trodden"), err
    assert "Traceback" not in err and match in err, err


def test_errors_are_one_line_never_a_traceback(tmp_path: Path, capsys) -> None:
    store = build_study(tmp_path / "study")
    _one_line_error(capsys, ["export", tmp_path / "nowhere", "--format", "json"], "does not exist")
    _one_line_error(capsys, ["export", tmp_path, "--format", "json"], "not a trodden study")
    _one_line_error(capsys, ["new", store.path, "--name", "x"], "already holds a study")
    _one_line_error(capsys, ["new", tmp_path / "n", "--name", ""], "name: String should have at least 1 character")
    _one_line_error(capsys, ["new", tmp_path / "g", "--name", "x", "--guide", tmp_path / "no.md"], "does not exist")
    _one_line_error(capsys, ["import", tmp_path / "i", tmp_path / "none.json"], "does not exist")
    _one_line_error(capsys, ["import", tmp_path / "i", tmp_path / "notes.txt"], "needs --participant")
    (tmp_path / "bad.json").write_text('{"format": "something else"}')
    _one_line_error(capsys, ["import", tmp_path / "i", tmp_path / "bad.json"], "is not a trodden study export")
    for command in ("capture", "guide", "import"):
        argv = [command, store.path, *([tmp_path / "notes.txt"] if command == "import" else []), "--participant"]
        _one_line_error(capsys, [*argv, "../../etc"], "'../../etc' is not a participant code", code=2)
        _one_line_error(capsys, [*argv, "///"], "not a usable participant code", code=2)
    assert not StudyStore.open(store.path).interviews()[0] or "etc" not in str(
        list((store.path / "interviews").iterdir())
    )
    _one_line_error(capsys, ["export"], "required", code=2)
    _one_line_error(capsys, ["bogus"], "invalid choice", code=2)
    _one_line_error(capsys, ["export", store.path, "--format", "md", "--interview", "P9"], "trodden: ")
    (store.path / "study.json").write_text('{"study": {"name": 5}}')
    _one_line_error(capsys, ["export", store.path, "--format", "json"], "study.json: study.name")


def test_a_broken_interview_is_left_out_of_an_export_with_a_warning(tmp_path: Path, capsys) -> None:
    store = build_study(tmp_path / "study")
    folder = store.interview_dir(store.find_interview("P1").id)
    (folder / "notes.json").write_text("garbage")
    code, out, err = _run(capsys, "export", store.path, "--format", "json")
    assert code == 1  # a backup script must know its copy is not the whole study
    assert [i["participant"] for i in json.loads(out)["interviews"]] == ["P2"]
    assert "warning: left out:" in err and "notes.json" in err and err.count("\n") == 1


def test_lines_not_saved_are_printed_whichever_command_opened_the_app(tmp_path, capsys, monkeypatch) -> None:
    """The overview (demo, map, clean...) can lead to capture too: its unsaved lines reach stderr, exit 1."""
    from conftest import build_study

    from trodden.tui import app as app_module

    store = build_study(tmp_path / "study")

    def run(self):
        self.unsaved_lines.extend(["det var jobbigt \x1b[2J", "? fråga om priset"])
        return 0

    monkeypatch.setattr(app_module.TroddenApp, "run", run)
    assert app_module.run_app(store.path) == 1
    err = capsys.readouterr().err
    assert "trodden: not saved: det var jobbigt ␛[2J" in err and "trodden: not saved: ? fråga om priset" in err


def test_a_study_folder_that_is_missing_or_a_file_is_named_plainly(tmp_path: Path, capsys) -> None:
    """``trodden DIR`` with a typo'd folder or a file: the study message, not argparse's list of commands."""
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    for argv in ([tmp_path / "nowhere"], [tmp_path / "notes.txt"], ["open", tmp_path / "notes.txt"]):
        try:
            result = main([str(arg) for arg in argv])
        except SystemExit as exited:
            result = exited.code
        err = capsys.readouterr().err
        assert result == 1 and err.count("\n") == 1, err
        assert "invalid choice" not in err and "Not a directory" not in err, err
        assert "does not exist" in err or "is a file, not a study folder" in err, err


def test_the_overview_without_a_terminal_says_so_instead_of_waiting_forever(tmp_path: Path, capsys) -> None:
    """``trodden DIR`` from a script or cron (stdin not a terminal) drew the app into the void and hung."""
    from conftest import build_study

    store = build_study(tmp_path / "study")
    for argv in (["open", store.path], [store.path]):
        assert main([str(arg) for arg in argv]) == 2  # a usage problem, like argparse; pytest's stdin is no terminal
        err = capsys.readouterr().err
        assert "needs a terminal" in err and err.count("\n") == 1, err
