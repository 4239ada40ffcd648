"""``trodden import DIR FILE.json`` checks everything before it writes anything.

Each refusal is one line naming the file and the JSON path of the problem, and the
target folder is left exactly as it was (not created, or not changed).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import build_study, snapshot_files

from trodden.models.import_checks import MAX_DEPTH, json_path
from trodden.tui.cli.main import main


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict:
    """A private (lossless) export of the crafted study, with a map item backed by P1's first note."""
    from trodden.models.interchange import build_document, dumps

    folder = tmp_path_factory.mktemp("src")
    store = build_study(folder / "study")
    document, problems = build_document(store, include_private=True)
    assert not problems
    data = json.loads(dumps(document))
    first = data["interviews"][0]["notes"][0]["id"]
    data["map"] = {"items": [{"id": 1, "title": "Asks a friend", "evidence": [first]}], "quotes": [], "overrides": []}
    return data


def _import(tmp_path: Path, capsys, data: dict | str | bytes, into: Path | None = None) -> tuple[int, str, Path]:
    file = tmp_path / "in.json"
    if isinstance(data, dict):
        data = json.dumps(data, ensure_ascii=False)
    file.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    target = into or tmp_path / "copy"
    code = main(["import", str(target), str(file)])
    return code, capsys.readouterr().err, target


def _refused(tmp_path: Path, capsys, data, where: str, what: str) -> None:
    code, err, target = _import(tmp_path, capsys, data)
    assert code == 1, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert f"{tmp_path / 'in.json'}: {where}: " in err and what in err, err
    assert "nothing was imported" in err, err
    assert not target.exists()  # nothing written, not even the folder


def test_the_untouched_export_imports(tmp_path: Path, capsys, exported: dict) -> None:
    code, err, target = _import(tmp_path, capsys, exported)
    assert code == 0, err
    assert main(["export", str(target), "--format", "md"]) == 0  # and exports again


@pytest.mark.parametrize("number", ["1e999", "-1e999", "NaN", "Infinity", "-Infinity"])
def test_numbers_must_be_finite(tmp_path: Path, capsys, exported: dict, number: str) -> None:
    data = json.loads(json.dumps(exported))
    data["interviews"][1]["notes"][2]["t"] = 424242.5
    text = json.dumps(data, ensure_ascii=False).replace("424242.5", number)
    _refused(tmp_path, capsys, text, "$.interviews[1].notes[2].t", "is not a finite number")


def test_a_duplicate_note_number_is_refused(tmp_path: Path, capsys, exported: dict) -> None:
    data = json.loads(json.dumps(exported))
    notes = data["interviews"][0]["notes"]
    notes[3] = {**notes[3], "seq": notes[1]["seq"], "id": notes[1]["id"]}
    _refused(tmp_path, capsys, data, "$.interviews[0].notes[3].seq", "note number 2 appears twice")


def test_a_note_from_another_interview_is_refused(tmp_path: Path, capsys, exported: dict) -> None:
    data = json.loads(json.dumps(exported))
    stray = data["interviews"][1]["notes"][0]
    data["interviews"][0]["notes"].append({**stray, "seq": 99})
    where = f"$.interviews[0].notes[{len(data['interviews'][0]['notes']) - 1}].interview"
    _refused(tmp_path, capsys, data, where, f"but the note sits in '{data['interviews'][0]['id']}'")


def test_a_note_id_that_does_not_match_is_refused(tmp_path: Path, capsys, exported: dict) -> None:
    data = json.loads(json.dumps(exported))
    data["interviews"][0]["notes"][1]["id"] = "elsewhere/1"
    _refused(tmp_path, capsys, data, "$.interviews[0].notes[1].id", "is called")


def test_map_evidence_must_point_at_a_note(tmp_path: Path, capsys, exported: dict) -> None:
    data = json.loads(json.dumps(exported))
    data["map"]["items"][0]["evidence"].append("2026-03-02-P1/404")
    _refused(tmp_path, capsys, data, "$.map.items[0].evidence[1]", "note '2026-03-02-P1/404' is not in the file")
    data = json.loads(json.dumps(exported))
    data["map"]["quotes"] = [{"id": 1, "note": "nowhere/1", "phase": "ph1"}]
    _refused(tmp_path, capsys, data, "$.map.quotes[0].note", "is not in the file")
    data = json.loads(json.dumps(exported))
    data["map"]["items"].append({**data["map"]["items"][0], "title": "Second"})
    _refused(tmp_path, capsys, data, "$.map.items[1].id", "map item id 1 appears twice")


def test_sizes_are_sane(tmp_path: Path, capsys, exported: dict) -> None:
    data = json.loads(json.dumps(exported))
    data["interviews"][0]["notes"][0]["text"] = "å" * 100_001
    _refused(tmp_path, capsys, data, "$.interviews[0].notes[0].text", "is a text of 100,001 characters")
    data = json.loads(json.dumps(exported))
    data["redaction_terms"] = ["x"] * 1_000_001
    _refused(tmp_path, capsys, data, "$.redaction_terms", "has 1,000,001 entries")
    data = json.loads(json.dumps(exported))
    data["interviews"][0]["notes"][0]["seq"] = 10**30
    _refused(tmp_path, capsys, data, "$.interviews[0].notes[0].seq", "too large")


@pytest.mark.parametrize(
    ("code", "what"),
    [
        ("../x", "is not usable"),
        ("P 1", "is not usable"),
        ("P1/2", "is not usable"),
        (" P1", "is not usable"),
        ("\x1b]52;c;aGk=\x07", "participant code '\\x1b]52;c;aGk=\\x07' is not usable"),
        ("", "at least 1 character"),
        ("x" * 33, "at most 32 characters"),
    ],
)
def test_participant_codes_follow_the_command_line_rule(
    tmp_path: Path, capsys, exported: dict, code: str, what: str
) -> None:
    data = json.loads(json.dumps(exported))
    data["participants"][1]["code"] = code
    _refused(tmp_path, capsys, data, "$.participants[1].code", what)
    data = json.loads(json.dumps(exported))
    data["interviews"][1]["participant"] = code
    _refused(tmp_path, capsys, data, "$.interviews[1].participant", "is not usable")


def test_a_participant_code_twice_is_refused(tmp_path: Path, capsys, exported: dict) -> None:
    data = json.loads(json.dumps(exported))
    data["participants"].append({"code": "p1"})
    _refused(tmp_path, capsys, data, "$.participants[2].code", "appears twice")


def test_deep_nesting_is_a_clear_message(tmp_path: Path, capsys, exported: dict) -> None:
    for depth in (MAX_DEPTH + 5, 100_000):
        data = json.dumps(exported)[:-1] + ', "colour": ' + "[" * depth + "]" * depth + "}"
        code, err, target = _import(tmp_path, capsys, data)
        assert code == 1 and "unexpected" not in err and "Recursion" not in err, err
        assert "nested" in err and "in.json" in err and err.count("\n") == 1, err
        assert not target.exists()


def test_a_pydantic_refusal_names_the_json_path(tmp_path: Path, capsys, exported: dict) -> None:
    data = json.loads(json.dumps(exported))
    data["interviews"][1]["notes"][0]["valence"] = "very"
    _refused(tmp_path, capsys, data, "$.interviews[1].notes[0].valence", "")


def test_a_refused_import_into_an_existing_study_changes_nothing(tmp_path: Path, capsys, exported: dict) -> None:
    target = build_study(tmp_path / "existing").path
    before = snapshot_files(target)
    data = json.loads(json.dumps(exported))
    for record in data["interviews"]:
        record["id"] = record["id"] + "-new"
        for note in record["notes"]:
            note["interview"], note["id"] = record["id"], f"{record['id']}/{note['seq']}"
    data["participants"].append({"code": "P7"})
    data["interviews"][1]["notes"][0]["t"] = 1.0
    text = json.dumps(data).replace('"t": 1.0', '"t": 1e999', 1)
    code, err, _ = _import(tmp_path, capsys, text, into=target)
    assert code == 1 and "is not a finite number" in err, err
    assert snapshot_files(target) == before


def test_json_path_keeps_hostile_keys_on_one_printable_line() -> None:
    assert json_path(("interviews", 0, "notes", 3, "t")) == "$.interviews[0].notes[3].t"
    shown = json_path(("a\x1b[2J\nb",))
    assert "\x1b" not in shown and "\n" not in shown and shown.startswith('$["a')


@pytest.mark.parametrize("kind", ["device", "folder", "too-large"])
def test_only_a_regular_file_of_sane_size_is_read(tmp_path: Path, capsys, monkeypatch, kind: str) -> None:
    """A file name can point at /dev/zero (endless) or a folder: refused before reading."""
    import trodden.models.interchange as interchange

    file = tmp_path / "in.json"
    if kind == "device":
        file.symlink_to("/dev/zero")
    elif kind == "folder":
        file.mkdir()
    else:
        file.write_text('{"format": "trodden-study"}' + " " * 2000)
        monkeypatch.setattr(interchange, "MAX_FILE_BYTES", 1024)
    code = main(["import", str(tmp_path / "copy"), str(file)])
    err = capsys.readouterr().err
    assert code == 1 and str(file) in err and err.count("\n") == 1, err
    assert {"device": "not a regular file", "folder": "is a folder", "too-large": "is larger than"}[kind] in err
    assert not (tmp_path / "copy").exists()
