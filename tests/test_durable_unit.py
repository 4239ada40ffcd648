"""DurableDB on its own: journal, snapshots, stale temp files, readers, queries."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from tinydb import Query

from trodden.models.errors import CorruptFile, ReadOnly
from trodden.models.storage.durable import DurableDB
from trodden.models.storage.gc_policy import freeze_loaded_objects, hold_collector, paused_gc
from trodden.models.storage.journal import Delete, Put, encode_ops
from trodden.models.storage.snapshot import encode_tables


def _crash(db: DurableDB) -> None:
    """Leave ``db`` as a SIGKILL would: no snapshot, no cleanup, lock gone."""
    db.wait_for_snapshot()
    db._journal_fd = None
    db._lock_file.release()


def test_writes_survive_a_crash_and_a_clean_close(tmp_path: Path) -> None:
    db = DurableDB(tmp_path, "x", writable=True).open()
    db.put("t", 1, {"a": 1})
    db.write([Put("t", 2, {"a": 2}), Put("t", 3, {"a": 3}), Delete("t", 1)])
    _crash(db)
    reader = DurableDB(tmp_path, "x", writable=False).open()
    assert list(reader.docs("t")) == [(2, {"a": 2}), (3, {"a": 3})]
    with DurableDB(tmp_path, "x", writable=True) as db:
        db.put("t", 4, {"a": 4})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json", "x.lock"]
    assert DurableDB(tmp_path, "x", writable=False).open().ids("t") == [2, 3, 4]


def test_a_torn_batch_is_dropped_whole(tmp_path: Path) -> None:
    db = DurableDB(tmp_path, "x", writable=True).open()
    db.put("t", 1, {"a": 1})
    line = encode_ops([Put("t", 2, {"a": 2}), Put("t", 3, {"a": 3})])
    with open(sorted(tmp_path.glob("x.journal.*"))[-1], "ab") as handle:
        handle.write(line[: len(line) - 5])  # everything but the end: never half a batch
    _crash(db)
    again = DurableDB(tmp_path, "x", writable=False).open()
    assert again.ids("t") == [1] and again.torn_lines == 1


def test_stale_temp_files_are_dropped_but_not_other_file_sets(tmp_path: Path) -> None:
    (tmp_path / "x.json.123-1.tmp").write_text("half a snapshot")
    (tmp_path / "x2.json.123-1.tmp").write_text("another writer's snapshot in progress")
    with DurableDB(tmp_path, "x", writable=True):
        pass
    assert not (tmp_path / "x.json.123-1.tmp").exists()
    assert (tmp_path / "x2.json.123-1.tmp").exists()


def test_background_snapshots_rotate_the_journal(tmp_path: Path) -> None:
    db = DurableDB(tmp_path, "x", writable=True, compact_every=10).open()
    for i in range(1, 36):
        db.put("t", i, {"i": i})
    db.wait_for_snapshot()
    segments = sorted(tmp_path.glob("x.journal.*"))
    assert (tmp_path / "x.json").exists() and len(segments) <= 2
    _crash(db)
    assert DurableDB(tmp_path, "x", writable=False).open().ids("t") == list(range(1, 36))


def test_a_reader_that_races_a_snapshot_loads_again(tmp_path: Path, monkeypatch) -> None:
    with DurableDB(tmp_path, "x", writable=True) as db:
        db.put("t", 1, {"a": 1})
    reader = DurableDB(tmp_path, "x", writable=False)
    real = reader._snapshot_now
    calls = []

    def changed_once():
        calls.append(1)
        return None if len(calls) == 1 else real()

    monkeypatch.setattr(reader, "_snapshot_now", changed_once)
    reader.open()
    assert len(calls) == 2 and reader.ids("t") == [1]


def test_refresh_reports_changes_for_incremental_followers(tmp_path: Path) -> None:
    writer = DurableDB(tmp_path, "x", writable=True).open()
    reader = DurableDB(tmp_path, "x", writable=False).open()
    assert reader.take_changes() is None  # after a full load: anything may have changed
    writer.put("t", 1, {"a": 1})
    writer.put("u", 7, {"b": 2})
    assert reader.refresh() is True
    assert reader.take_changes() == {("t", 1), ("u", 7)}
    assert reader.refresh() is False and reader.take_changes() == set()
    writer.close()


def test_queries_see_writes_and_reloads(tmp_path: Path) -> None:
    writer = DurableDB(tmp_path, "x", writable=True).open()
    reader = DurableDB(tmp_path, "x", writable=False).open()
    writer.put("notes", 1, {"tags": ["kö"]})
    item = Query()
    assert writer.search("notes", item.tags.any(["kö"])) == [{"tags": ["kö"]}]
    assert reader.search("notes", item.tags.any(["kö"])) == []
    reader.refresh()
    assert reader.search("notes", item.tags.any(["kö"])) == [{"tags": ["kö"]}]
    writer.delete("notes", 1)
    writer.compact()
    reader.refresh()
    assert reader.search("notes", item.tags.any(["kö"])) == []
    assert writer.count("notes") == 0
    writer.close()


def test_get_returns_a_copy_and_readers_cannot_write(tmp_path: Path) -> None:
    with DurableDB(tmp_path, "x", writable=True) as db:
        db.put("t", 1, {"a": 1})
        db.get("t", 1)["a"] = 2
        assert db.get("t", 1) == {"a": 1}
    with pytest.raises(ReadOnly):
        DurableDB(tmp_path, "x", writable=False).open().put("t", 2, {})


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"[1, 2]", "expected a JSON object of tables"),
        (b'{"t": {"one": {}}}', "entry 'one' is not a document"),
        (b'{"_meta": {"1": {"journal": "x"}}}', "broken _meta table"),
        (b"[" * 100000, "nested too deeply|not valid JSON"),
    ],
)
def test_broken_snapshots_are_named(tmp_path: Path, content: bytes, match: str) -> None:
    (tmp_path / "x.json").write_bytes(content)
    with pytest.raises(CorruptFile, match=match):
        DurableDB(tmp_path, "x", writable=False).open()
    assert (tmp_path / "x.json").read_bytes() == content


def test_snapshot_encoding_in_slices_is_plain_json() -> None:
    tables = {"a": {str(i): {"x": i, "s": 'åä\n"', "l": [1, None]} for i in range(450)}, "b": {}, "c": {"1": {}}}
    assert json.loads(encode_tables(tables)) == tables


def test_loading_leaves_the_garbage_collector_on(tmp_path: Path) -> None:
    with DurableDB(tmp_path, "x", writable=True) as db:
        db.put("t", 1, {"a": 1})
    assert gc.isenabled()
    with paused_gc(), paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_freeze_asked_for_during_a_load_waits_for_the_load_to_end() -> None:
    gc.unfreeze()
    try:
        with paused_gc():
            freeze_loaded_objects()
            assert gc.get_freeze_count() == 0  # the load is still building objects
        assert gc.get_freeze_count() > 0 and gc.isenabled()
        gc.unfreeze()
        freeze_loaded_objects()  # outside a load: at once
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_held_collector_comes_back_once_every_hold_and_pause_has_ended() -> None:
    """The map holds the collector from an edit to its frame; a load may pause it meanwhile."""
    assert gc.isenabled()
    release = hold_collector()
    assert not gc.isenabled()
    with paused_gc():
        release()
        release()  # a second call does nothing: the load's pause still counts
        assert not gc.isenabled()
    assert gc.isenabled()
