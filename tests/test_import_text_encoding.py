"""``trodden import DIR NOTES.txt``: whatever editor saved the file, å ä ö æ ø arrive intact,
or the file is refused with a message that says what it is and what to do."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from conftest import build_study

from trodden.models.notes.encoding import decode_notes_file
from trodden.models.storage.store import StudyStore
from trodden.tui.cli.main import main

LINES = "00:01 blåbär och smörgås @butik\n00:02 *- Ærø og Øresund, Åsa’s kö #väntan\r\n"
EXPECTED = ["blåbär och smörgås @butik", "Ærø og Øresund, Åsa’s kö #väntan"]


def _import(tmp_path: Path, capsys, raw: bytes) -> tuple[int, str, StudyStore]:
    store = build_study(tmp_path / "s")
    notes_file = tmp_path / "notes.txt"
    notes_file.write_bytes(raw)
    code = main(["import", str(store.path), str(notes_file), "--participant", "P9", "--date", "2026-03-09"])
    return code, capsys.readouterr().err, StudyStore.open(store.path)


def _texts(store: StudyStore) -> list[str]:
    with store.open_interview("2026-03-09-P9", writable=False) as session:
        return [note.text for note in session.notes()]


@pytest.mark.parametrize(
    "raw",
    [
        LINES.encode("utf-8"),
        codecs.BOM_UTF8 + LINES.encode("utf-8"),
        codecs.BOM_UTF16_LE + LINES.encode("utf-16-le"),  # Notepad's "Unicode"
        codecs.BOM_UTF16_BE + LINES.encode("utf-16-be"),
        LINES.encode("utf-16-le"),  # no BOM: the NULs on every other byte tell
        LINES.encode("utf-16-be"),
        LINES.encode("utf-32"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32"],
)
def test_unicode_files_are_read_as_written(tmp_path: Path, capsys, raw: bytes) -> None:
    code, err, store = _import(tmp_path, capsys, raw)
    assert code == 0, err
    assert "warning" not in err, err
    assert _texts(store) == EXPECTED


def test_windows_1252_is_read_and_said(tmp_path: Path, capsys) -> None:
    code, err, store = _import(tmp_path, capsys, LINES.encode("cp1252"))
    assert code == 0, err
    assert "is not UTF-8; read it as Windows-1252" in err
    assert _texts(store) == EXPECTED


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "is not a text file (it holds NUL bytes)"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)), "is not a text file"),
        (b"notes\x00\x00and more\n", "is not a text file (it holds NUL bytes)"),
        (bytes(range(1, 32)) * 20, "is not a text file (it holds control characters)"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "starts like UTF-16 (Notepad's Unicode) text but is not"),
        (LINES.replace("’", "'").encode("cp850"), "looks like DOS (code page 850)"),
        (LINES.replace("’", "'").encode("mac_roman"), "looks like Mac Roman"),
        (LINES.encode("utf-8") + "smörgås\n".encode("cp1252"), "(line 3) and looks like UTF-8 mixed"),
    ],
    ids=["png", "zip", "nul", "controls", "bad-utf16", "cp850", "mac-roman", "mixed"],
)
def test_what_is_not_readable_text_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys, raw: bytes, message: str
) -> None:
    code, err, store = _import(tmp_path, capsys, raw)
    assert code == 1
    assert message in err and "notes.txt" in err and err.count("\n") == 1, err
    assert "2026-03-09-P9" not in store.interview_ids()
    assert store.data.participant("P9") is None


def test_no_mojibake_ever_reaches_the_notes() -> None:
    """Whatever decodes must not be UTF-8 or DOS text read as Windows-1252."""
    for codec in ("utf-8", "cp850", "mac_roman"):
        try:
            text, _ = decode_notes_file(LINES.replace("’", "'").encode(codec), "f.txt")
        except Exception:
            continue
        assert "blåbär" in text, codec


@pytest.mark.parametrize("kind", ["device", "too-large"])
def test_only_a_regular_file_of_sane_size_is_read(tmp_path: Path, capsys, monkeypatch, kind: str) -> None:
    import trodden.models.import_checks as import_checks

    store = build_study(tmp_path / "s")
    notes_file = tmp_path / "notes.txt"
    if kind == "device":
        notes_file.symlink_to("/dev/zero")
    else:
        notes_file.write_text("a note\n" * 1000)
        monkeypatch.setattr(import_checks, "MAX_TEXT_FILE_BYTES", 1024)
    code = main(["import", str(store.path), str(notes_file), "--participant", "P9"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1, err
    assert ("not a regular file" if kind == "device" else "is larger than") in err
    assert StudyStore.open(store.path).data.participant("P9") is None
