"""What a command leaves out, it names, and it exits 1: a backup script must know.

The damaged journal line case is in test_store_damaged_journal.py; here a whole
interview cannot be read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import build_study, snapshot_files

from trodden.tui.cli.main import main


def _run(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main([str(arg) for arg in argv])
    except SystemExit as exited:  # argparse usage errors
        code = exited.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def broken_p1(tmp_path: Path):
    """The crafted study with P1's notes snapshot damaged: (store, the damaged file)."""
    store = build_study(tmp_path / "study")
    damaged = store.interview_dir(store.find_interview("P1").id) / "notes.json"
    damaged.write_bytes(b"\x00garbage")
    return store, damaged


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "json"],
        ["export", "--format", "md"],
        ["export", "--format", "csv"],
        ["export", "--format", "docx", "-o", "OUT/report.docx"],
        ["export", "--format", "md", "--all-interviews", "-o", "OUT/notes"],
        ["stats"],
    ],
)
def test_a_command_that_leaves_out_an_interview_says_which_file_and_exits_1(
    broken_p1, tmp_path: Path, capsys, args
) -> None:
    store, damaged = broken_p1
    before = snapshot_files(store.path)
    argv = [args[0], store.path, *(arg.replace("OUT", str(tmp_path)) for arg in args[1:])]
    code, out, err = _run(capsys, *argv)
    assert code == 1, err
    assert f"left out: {damaged}: is not" in err
    if args[-1] == "json":
        assert [i["participant"] for i in json.loads(out)["interviews"]] == ["P2"]  # the rest still goes out
    assert snapshot_files(store.path) == before


def test_a_whole_study_exits_0(tmp_path: Path, capsys) -> None:
    store = build_study(tmp_path / "study")
    for argv in (["export", store.path, "--format", "json"], ["stats", store.path]):
        code, _, err = _run(capsys, *argv)
        assert code == 0 and "left out" not in err, err


def test_export_of_a_participant_whose_interview_json_is_damaged_names_that_file(tmp_path: Path, capsys) -> None:
    store = build_study(tmp_path / "study")
    damaged = store.interview_dir(store.find_interview("P1").id) / "interview.json"
    damaged.write_text('{"id": ')
    code, _, err = _run(capsys, "export", store.path, "--format", "md", "--interview", "P1")
    assert code == 1
    assert f"{damaged}: " in err and "no interview" not in err and err.count("\n") == 1, err
    code, _, err = _run(capsys, "export", store.path, "--format", "md", "--interview", "p1")  # as typed
    assert f"{damaged}: " in err, err
    code, _, err = _run(capsys, "export", store.path, "--format", "md", "--interview", "P9")
    assert code == 1 and "no interview 'P9'" in err and "1 interview could not be read" in err, err


@pytest.mark.parametrize("width", ["0", "-1", "4", "301", "99999999999", "abc", "1e3", ""])
def test_stats_width_must_be_sane(tmp_path: Path, capsys, width: str) -> None:
    store = build_study(tmp_path / "study")
    code, out, err = _run(capsys, "stats", store.path, "--width", width)
    assert code == 2 and out == "", err
    assert "--width" in err and err.count("\n") == 1, err


@pytest.mark.parametrize("width", ["5", "30", "300"])
def test_stats_width_in_range_draws_bars_that_wide(tmp_path: Path, capsys, width: str) -> None:
    store = build_study(tmp_path / "study")
    code, out, err = _run(capsys, "stats", store.path, "--width", width, "--lang", "en")
    assert code == 0, err
    bars = [
        re.split(r"\+\d+ +tags? ", line)[-1].strip() for line in out.splitlines() if "item" in line and " +" in line
    ]
    assert bars and max(len(bar) for bar in bars) == int(width)


def test_the_latest_interview_of_a_participant_damaged_is_named_not_an_older_one(tmp_path: Path, capsys) -> None:
    """P1 has an older readable interview and a newer one whose interview.json is damaged:
    exporting "P1" must not quietly export the older one."""
    from datetime import datetime

    store = build_study(tmp_path / "study")
    newer = store.new_interview("P1", start=datetime(2026, 4, 1, 10, 0), force_new=True)
    damaged = store.interview_dir(newer.id) / "interview.json"
    damaged.write_text("{")
    code, out, err = _run(capsys, "export", store.path, "--format", "md", "--interview", "P1")
    assert code == 1 and out == "" and f"{damaged}: " in err, err
    code, out, err = _run(capsys, "export", store.path, "--format", "md", "--interview", "2026-03-02-P1")
    assert code == 0 and out, err  # the older one by its id still exports


def test_check_that_left_out_an_interview_exits_1_even_without_warnings(broken_p1, capsys, monkeypatch) -> None:
    """Checks run on part of the study must not pass quietly (warnings switched off to show it)."""
    import trodden.models.checks

    store, damaged = broken_p1
    monkeypatch.setattr(trodden.models.checks, "has_warnings", lambda findings: False)
    code, _, err = _run(capsys, "check", store.path)
    assert code == 1 and f"left out: {damaged}: is not" in err
    monkeypatch.setattr(trodden.models.checks, "has_warnings", lambda findings: False)
    code, _, err = _run(capsys, "check", build_study(store.path.parent / "whole").path)
    assert code == 0 and "left out" not in err


@pytest.mark.parametrize(
    ("where", "content"),
    [
        ("hypothesis", b'{"format": 1, "items": [{"id": '),  # cut off mid-write by another tool
        ("hypothesis", b'{"format": 99, "items": []}'),  # a newer trodden's
        ("transcript", b'{"format": 1, "cues": [{"start": "soon"}]}'),  # valid JSON, not a transcript
        ("transcript", b"\xff\xfe\x00garbage"),
    ],
)
def test_check_names_a_damaged_versioned_file_and_leaves_it_alone(study, capsys, monkeypatch, where, content) -> None:
    """``check`` passed over a damaged hypothesis.json (never read) and transcript.json (named too late)."""
    import trodden.models.checks
    from trodden.models.storage.layout import HYPOTHESIS_FILE, TRANSCRIPT_FILE

    folder = study.path if where == "hypothesis" else study.interview_dir(study.find_interview("P1").id)
    damaged = folder / (HYPOTHESIS_FILE if where == "hypothesis" else TRANSCRIPT_FILE)
    damaged.write_bytes(content)
    monkeypatch.setattr(trodden.models.checks, "has_warnings", lambda findings: False)  # only the damage counts
    code, out, err = _run(capsys, "check", study.path)
    assert code == 1 and f"trodden: warning: left out: {damaged}: " in err, err
    assert "(the file was left untouched)" in err and out  # the findings are still printed
    assert damaged.read_bytes() == content
