"""Disk full, read-only folders: a clear error, nothing already saved lost, and the
next write works once there is room again."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from conftest import CLOCK, P1_LINES, snapshot_files

from trodden.models.domain import Study
from trodden.models.errors import WriteFailed
from trodden.models.interchange import build_document, import_document
from trodden.models.notes.syntax import parse
from trodden.models.storage import durable
from trodden.models.storage.store import StudyStore


def _enospc(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_disk_full_on_add_note(live_interview, monkeypatch: pytest.MonkeyPatch) -> None:
    session = live_interview
    session.add_note(parse("saved before"), wall=CLOCK)
    with monkeypatch.context() as patch:
        patch.setattr(os, "write", _enospc)
        with pytest.raises(WriteFailed, match="No space left on device") as caught:
            session.add_note(parse("does not fit"), wall=CLOCK)
    assert "notes.journal" in str(caught.value)
    assert [n.text for n in session.notes()] == ["saved before"]
    assert session.next_seq() == 2  # the failed note did not take a number
    again = session.add_note(parse("does not fit"), wall=CLOCK)  # room again: the retry works
    assert again.seq == 2
    session.close()
    with session.store.open_interview(session.interview.id, writable=False) as reader:
        assert [n.text for n in reader.notes()] == ["saved before", "does not fit"]


def test_disk_full_half_way_through_a_write(live_interview, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk takes part of the line, then refuses: the part is cut off again."""
    session = live_interview
    session.add_note(parse("saved before"), wall=CLOCK)
    journal = sorted(session.folder.glob("notes.journal.*"))[-1]
    size = journal.stat().st_size
    real_write = os.write

    def half(fd, data):
        if len(data) > 10:
            return real_write(fd, data[: len(data) // 2])
        return _enospc()

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", half)
        with pytest.raises(WriteFailed):
            session.add_note(parse("a long note that only half fits on the disk"), wall=CLOCK)
    assert journal.stat().st_size == size
    session.add_note(parse("next"), wall=CLOCK)
    session.close()
    with session.store.open_interview(session.interview.id, writable=False) as reader:
        assert [n.text for n in reader.notes()] == ["saved before", "next"]
        assert reader.db.torn_lines == 0


def test_disk_full_and_the_cut_fails_too(live_interview, monkeypatch: pytest.MonkeyPatch) -> None:
    """If even truncating fails, the torn bytes stay last in their segment and the next
    write goes to a new one, so every acknowledged note still loads."""
    session = live_interview
    session.add_note(parse("saved before"), wall=CLOCK)
    real_write = os.write

    def half(fd, data):
        if len(data) > 10:
            return real_write(fd, data[: len(data) // 2])
        return _enospc()

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", half)
        patch.setattr(os, "ftruncate", _enospc)
        with pytest.raises(WriteFailed):
            session.add_note(parse("torn"), wall=CLOCK)
    session.add_note(parse("next"), wall=CLOCK)
    session.db._journal_fd = None  # crash before any snapshot
    session.db._lock_file.release()
    with session.store.open_interview(session.interview.id, writable=False) as reader:
        assert [n.text for n in reader.notes()] == ["saved before", "next"]
        assert reader.db.torn_lines == 1


def test_fsync_failure_is_a_failed_write(live_interview, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(durable, "_sync", lambda fd: _enospc())
        with pytest.raises(WriteFailed):
            live_interview.add_note(parse("not durable"), wall=CLOCK)
    assert live_interview.notes() == []
    assert live_interview.add_note(parse("durable"), wall=CLOCK).seq == 1


def test_a_failed_background_snapshot_does_not_fail_the_write(live_interview, monkeypatch) -> None:
    session = live_interview
    session.db.compact_every = 3
    with monkeypatch.context() as patch:
        patch.setattr(durable, "atomic_write", lambda path, data: _enospc_write(path))
        for i in range(7):
            session.add_note(parse(f"note {i}"), wall=CLOCK)  # acknowledged: must not raise
        session.db.wait_for_snapshot()
        assert isinstance(session.db.snapshot_error, WriteFailed)
        session.close()  # the exit snapshot fails too, quietly: the journal has it all
    with session.store.open_interview(session.interview.id) as again:
        assert len(again.notes()) == 7
    assert sorted(p.name for p in session.folder.glob("notes.*")) == ["notes.json", "notes.lock"]


def _enospc_write(path):
    raise WriteFailed(path, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))


def test_disk_full_on_study_json_keeps_the_old_file(study: StudyStore, monkeypatch) -> None:
    before = (study.path / "study.json").read_bytes()
    real_open = open

    def full_open(file, mode="r", *args, **kwargs):
        if "w" in mode and str(file).endswith(".tmp"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", full_open)
    with pytest.raises(WriteFailed, match=r"study\.json: No space left on device"):
        study.ensure_participant("P42")
    monkeypatch.undo()
    assert (study.path / "study.json").read_bytes() == before
    assert not list(study.path.glob("*.tmp"))


def _make_read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Make ``folder`` refuse writes: chmod where that binds, else (root, as in CI,
    where permissions do not stop anything) refuse at the OS-call level."""
    for path in [folder, *folder.rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o222)
    probe = folder / ".probe"
    try:
        probe.touch()
    except PermissionError:
        return "chmod"
    probe.unlink()
    real_open = os.open
    root = str(folder)

    def refusing_open(path, flags, *args, **kwargs):
        if str(path).startswith(root) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    return "monkeypatch"


def test_read_only_study_folder(study: StudyStore, monkeypatch: pytest.MonkeyPatch) -> None:
    interview_id = study.find_interview("P1").id
    before = snapshot_files(study.path)
    how = _make_read_only(study.path, monkeypatch)
    try:
        with pytest.raises(WriteFailed, match=r"could not open for writing .*: (Read-only|Permission denied)"):
            study.open_interview(interview_id)
        with study.open_interview(interview_id, writable=False) as reader:  # reading still works
            assert len(reader.notes()) == len(P1_LINES)
    finally:
        monkeypatch.undo()
        for path in [study.path, *study.path.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
    assert how in ("chmod", "monkeypatch")
    assert snapshot_files(study.path) == before


def test_a_study_that_cannot_be_created_leaves_nothing_behind(tmp_path: Path, monkeypatch) -> None:
    real_open = open

    def full_open(file, mode="r", *args, **kwargs):
        if "w" in mode and str(file).endswith(".tmp"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", full_open)
    with pytest.raises(WriteFailed, match="No space left on device"):
        StudyStore.create(tmp_path / "new", Study(name="x"))
    monkeypatch.undo()
    assert not (tmp_path / "new").exists()  # so a retry is not refused as "not empty"
    StudyStore.create(tmp_path / "new", Study(name="x"))


def _full_on_second_interview(patch) -> None:
    real_write = durable.DurableDB.write
    calls = []

    def write(self, ops):
        calls.append(1)
        if len(calls) == 2:
            raise WriteFailed(self.path, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
        return real_write(self, ops)

    patch.setattr(durable.DurableDB, "write", write)


def test_an_import_into_a_new_folder_cut_short_by_a_full_disk_leaves_nothing(study: StudyStore, tmp_path, monkeypatch):
    document, _ = build_document(study)
    with monkeypatch.context() as patch:
        _full_on_second_interview(patch)
        with pytest.raises(WriteFailed, match="No space left on device"):
            import_document(document, tmp_path / "copy")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study"]  # the source only: no half copy, no leftovers
    _, report = import_document(document, tmp_path / "copy")  # room again: it just works
    assert report == []
    again, problems = build_document(StudyStore.open(tmp_path / "copy"))
    assert problems == [] and again.interviews == document.interviews


def test_an_import_into_a_study_cut_short_by_a_full_disk_completes_when_run_again(study, tmp_path, monkeypatch):
    document, _ = build_document(study)
    import_document(document.model_copy(update={"interviews": []}), tmp_path / "copy")  # the study, no interviews
    with monkeypatch.context() as patch:
        _full_on_second_interview(patch)
        with pytest.raises(WriteFailed):
            import_document(document, tmp_path / "copy")
    partial, problems = StudyStore.open(tmp_path / "copy").interviews()
    assert [i.participant for i in partial] == ["P1"]  # P2 is not half there
    assert problems == []  # nothing of P2 was saved, so there is nothing to report
    _, report = import_document(document, tmp_path / "copy")
    assert f"interview {partial[0].id} is already in the study; skipped" in report
    again, problems = build_document(StudyStore.open(tmp_path / "copy"))
    assert problems == [] and again.interviews == document.interviews


def test_the_sample_on_a_full_disk_leaves_nothing_and_works_when_run_again(tmp_path, monkeypatch):
    from trodden.models.sample import write_sample

    with monkeypatch.context() as patch:
        _full_on_second_interview(patch)
        with pytest.raises(WriteFailed, match=r"could not write .*demo: No space left on device; nothing was left"):
            write_sample(tmp_path / "demo")
    assert list(tmp_path.iterdir()) == []
    store = write_sample(tmp_path / "demo")
    assert store.path == tmp_path / "demo" and len(store.interview_ids()) == 14
