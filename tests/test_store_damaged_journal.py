"""A complete journal line that is not a record is damage, never a torn write.

This writer appends each line with one ``os.write`` and its newline last, so only a last
line WITHOUT its newline can be a write cut short (tests/test_journal_midline.py,
test_store_corrupt.py). A complete bad line anywhere, the last one included, is named by
file and line number; the file is never changed, compacted away or deleted; readers get
every other note; a writer refuses to open.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CLOCK, P1_LINES, P2_LINES, build_study, snapshot_files

from trodden.models.domain import Study
from trodden.models.errors import CorruptFile, Damaged
from trodden.models.interchange import build_document
from trodden.models.notes.syntax import parse
from trodden.models.storage.durable import DurableDB
from trodden.models.storage.session import InterviewSession
from trodden.models.storage.store import StudyStore

GARBAGE = b'{"t":"notes","id":7,"doc":{"text":"half a note ov\xc3\n'
"""A complete line (it ends in its newline) that is not a record: bad UTF-8 and bad JSON."""


def _crash(session: InterviewSession) -> None:
    """Leave the session as a SIGKILL would: no snapshot, no cleanup, lock gone."""
    session.db.wait_for_snapshot()
    session.db._journal_fd = None
    session.db._lock_file.release()


def _journal_with_three_new_notes(study: StudyStore) -> tuple[str, Path]:
    """P1 with three more notes in its journal only (crashed before a snapshot)."""
    interview_id = study.find_interview("P1").id
    session = study.open_interview(interview_id)
    for word in ("more", "notes", "here"):
        session.add_note(parse(word))
    _crash(session)
    return interview_id, max(session.folder.glob("notes.journal.*"), key=lambda p: int(p.suffix[1:]))


def _check_damage_is_named_and_kept(study: StudyStore, interview_id: str, journal: Path, line: int) -> None:
    before = snapshot_files(study.path)
    with study.open_interview(interview_id, writable=False) as reader:
        [problem] = reader.problems
    assert isinstance(problem, CorruptFile) and problem.path == journal
    assert f"{journal}: line {line} is damaged" in str(problem)
    with pytest.raises(Damaged, match=rf"{journal.name}: line {line} is damaged .* read-only") as caught:
        study.open_interview(interview_id)  # the writer: its snapshot would drop the line
    assert "left untouched" in str(caught.value)
    fresh = StudyStore.open(study.path)
    notes, problems = fresh.all_notes()
    assert [str(p) for p in problems] == [str(problem)]
    assert len(notes[fresh.find_interview("P2").id]) == len(P2_LINES)
    document, problems = build_document(fresh)
    assert [len(i.notes) for i in document.interviews] == [len(notes[i.id]) for i in document.interviews]
    assert [str(p) for p in problems] == [str(problem)]
    assert snapshot_files(study.path) == before  # never compacted away, never truncated


def test_a_complete_bad_last_line_is_damage_not_a_torn_write(study: StudyStore) -> None:
    interview_id, journal = _journal_with_three_new_notes(study)
    with open(journal, "ab") as handle:
        handle.write(GARBAGE)
    with study.open_interview(interview_id, writable=False) as reader:
        assert [n.text for n in reader.notes()][-3:] == ["more", "notes", "here"]
        assert reader.db.torn_lines == 0
    _check_damage_is_named_and_kept(study, interview_id, journal, line=4)


def test_a_damaged_line_in_the_middle_keeps_the_notes_on_both_sides(study: StudyStore) -> None:
    interview_id, journal = _journal_with_three_new_notes(study)
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(lines[0] + b"\x00\x00\x00 not json\n" + lines[2])
    with study.open_interview(interview_id, writable=False) as reader:
        texts = [n.text for n in reader.notes()]
    assert texts[-2:] == ["more", "here"] and len(texts) == len(P1_LINES) + 2
    _check_damage_is_named_and_kept(study, interview_id, journal, line=2)


def test_a_reader_following_the_writer_numbers_the_damaged_line_across_reads(tmp_path: Path) -> None:
    writer = DurableDB(tmp_path, "x", writable=True).open()
    writer.put("t", 1, {"a": 1})
    reader = DurableDB(tmp_path, "x", writable=False).open()
    writer.put("t", 2, {"a": 2})
    assert reader.refresh()
    journal = next(tmp_path.glob("x.journal.*"))
    with open(journal, "ab") as handle:
        handle.write(b"[1, 2, 3]\n")  # valid JSON, but not a record
    writer.put("t", 3, {"a": 3})
    assert reader.refresh()
    assert reader.ids("t") == [1, 2, 3]
    assert [str(p) for p in reader.damage] == [
        f"{journal}: line 3 is damaged (not a journal record); everything else in it was read "
        "(the file was left untouched)"
    ]
    writer.wait_for_snapshot()
    writer._journal_fd = None
    writer._lock_file.release()
    with pytest.raises(CorruptFile, match=r"line 3 is damaged"):
        DurableDB(tmp_path, "x", writable=True).open()
    assert journal.exists()


def test_a_torn_last_line_is_still_only_a_torn_write(tmp_path: Path) -> None:
    """The line this writer can leave behind (no newline) opens for writing as before."""
    db = DurableDB(tmp_path, "x", writable=True).open()
    db.put("t", 1, {"a": 1})
    with open(next(tmp_path.glob("x.journal.*")), "ab") as handle:
        handle.write(GARBAGE[:-1])
    db._journal_fd = None
    db._lock_file.release()
    with DurableDB(tmp_path, "x", writable=True) as again:
        assert again.ids("t") == [1] and again.torn_lines == 1 and again.damage == []


def test_export_names_the_file_and_line_and_exits_non_zero(study: StudyStore, tmp_path: Path, capsys) -> None:
    from trodden.tui.cli.main import main

    interview_id, journal = _journal_with_three_new_notes(study)
    with open(journal, "ab") as handle:
        handle.write(GARBAGE)
    before = snapshot_files(study.path)
    out = tmp_path / "out.json"
    assert main(["export", str(study.path), "--format", "json", "--include-private", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{journal}: line 4 is damaged" in err
    [p1] = [i for i in json.loads(out.read_text())["interviews"] if i["id"] == interview_id]
    assert [n["text"] for n in p1["notes"]][-3:] == ["more", "notes", "here"]
    for args in (["--format", "md"], ["--format", "csv"], ["--format", "md", "--interview", "P1"]):
        assert main(["export", str(study.path), *args, "-o", str(tmp_path / "x")]) == 1, args
        assert "line 4 is damaged" in capsys.readouterr().err
    assert "here" in (tmp_path / "x").read_text()  # the readable notes still go out
    assert main(["stats", str(study.path)]) == 1
    assert "line 4 is damaged" in capsys.readouterr().err
    assert snapshot_files(study.path) == before


def test_a_writable_open_of_a_study_with_a_damaged_line_leaves_no_new_segment(tmp_path: Path) -> None:
    store = StudyStore.create(tmp_path / "s", Study(name="x"))
    interview = store.new_interview("P1", start=CLOCK)
    session = store.open_interview(interview.id)
    session.add_note(parse("one"))
    _crash(session)
    journal = next(session.folder.glob("notes.journal.*"))
    with open(journal, "ab") as handle:
        handle.write(b"}\n")
    before = snapshot_files(store.path)
    for _attempt in range(3):
        with pytest.raises(CorruptFile):
            store.open_interview(interview.id)
    assert snapshot_files(store.path) == before


def test_a_damaged_edit_in_a_map_file_is_named_by_export_and_stats(tmp_path: Path, capsys) -> None:
    from trodden.models.map.journey_map import MapItem
    from trodden.models.map.map_session import MapSession
    from trodden.models.map.update_files import parse as parse_frames
    from trodden.tui.cli.main import main

    store = build_study(tmp_path / "study")
    session = MapSession(store.path, writable=True, who="AB").open()
    for number, title in enumerate(["Asks a friend", "Buys a pot", "Waters it"], start=1):
        session.put_item(MapItem(id=number, title=title))
    session.own.close()  # killed: no compaction, the edits are in the file as appended
    path = store.path / "map" / "AB.updates"
    blob = bytearray(path.read_bytes())
    second = parse_frames(path, bytes(blob)).frames[2]  # header, item 1, item 2, item 3
    blob[second.offset + 12] ^= 0xFF
    path.write_bytes(bytes(blob))
    before = snapshot_files(store.path)
    for argv in (
        ["export", store.path, "--format", "json"],
        ["export", store.path, "--format", "md"],
        ["stats", store.path],
    ):
        assert main([str(arg) for arg in argv]) == 1, argv
        out, err = capsys.readouterr()
        assert f"{path}: the edit at byte {second.offset} is damaged" in err, (argv, err)
        assert "Asks a friend" in out or argv[0] == "stats"
    assert snapshot_files(store.path) == before
