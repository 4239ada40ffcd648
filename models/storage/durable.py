"""A TinyDB that never loses an acknowledged write and stays flat as it grows.

TinyDB's own JSONStorage rewrites the whole file on every insert (O(n) per note) and a
kill mid-write can leave it unreadable. Here TinyDB lives in memory and only answers
queries; durability comes from two files per database::

    NAME.json             an atomic snapshot, in TinyDB's own JSON layout
    NAME.journal.N        append-only segments of JSON lines, fsynced per write

A write is acknowledged only after its journal line is on disk. Snapshots are written
in the background (temp file, fsync, ``os.replace``); the journal then rotates to a new
segment and the segments the snapshot covers are removed. Every journal line carries a
whole document, so replaying a line twice is harmless and a crash between any two steps
loses nothing. On open: drop stale temp files, load the snapshot, replay newer segments,
ignore a torn last line.

One process writes (``FileLock``); any number read, and ``refresh`` follows the writer.
"""

from __future__ import annotations

import gc
import json
import os
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.queries import QueryLike
from tinydb.storages import MemoryStorage

from trodden.models.errors import CorruptFile, ReadOnly, StoreError, WriteFailed

from .atomic import atomic_write, drop_stale_temp_files, fsync_dir, make_dir
from .lockfile import FileLock

META_TABLE = "_meta"
FORMAT = 1
_sync = getattr(os, "fdatasync", os.fsync)

Doc = dict[str, Any]


_gc_lock = threading.Lock()
_gc_pausers = 0
_gc_was_enabled = True
_gc_freeze_requested = False
FREEZE_AT = 1000
"""Loads of at least this many documents are frozen out of the collector afterwards."""


@contextmanager
def paused_gc() -> Iterator[None]:
    """Keep the cyclic garbage collector out of bulk loading, during and after.

    Loading 20,000 notes builds about a million objects. During the load the collector
    would rescan the growing heap again and again (more than doubling the time to
    open); after it, its first full pass over them would stall some later keystroke
    for ~150 ms. So it is paused while loading, and after a large load (see
    ``request_freeze``) what exists is frozen (``gc.freeze``): moved out of the
    collector's scans for good. Loaded documents and notes hold no reference cycles,
    so refcounting still frees them when dropped. Small loads (a reader's refresh)
    never freeze, so other code's cyclic garbage stays collectable. Nested and
    thread-safe.
    """
    global _gc_pausers, _gc_was_enabled, _gc_freeze_requested
    with _gc_lock:
        _gc_pausers += 1
        if _gc_pausers == 1:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pausers -= 1
            if _gc_pausers == 0:
                if _gc_freeze_requested:
                    gc.freeze()
                    _gc_freeze_requested = False
                if _gc_was_enabled:
                    gc.enable()


def request_freeze(loaded: int) -> None:
    """Inside ``paused_gc``: ``loaded`` documents were built; freeze them if that is many."""
    global _gc_freeze_requested
    if loaded >= FREEZE_AT:
        _gc_freeze_requested = True


@dataclass(frozen=True)
class Put:
    table: str
    id: int
    doc: Doc


@dataclass(frozen=True)
class Delete:
    table: str
    id: int


Op = Put | Delete


def _record(op: Op) -> dict[str, Any]:
    if isinstance(op, Put):
        return {"t": op.table, "id": op.id, "doc": op.doc}
    return {"t": op.table, "id": op.id, "del": True}


def _encode(ops: list[Op]) -> bytes:
    """One journal line for one ``write`` call, so a batch is all-or-nothing: a crash
    mid-write leaves a torn line, never half a batch."""
    record = _record(ops[0]) if len(ops) == 1 else {"ops": [_record(op) for op in ops]}
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _decode_one(record: Any) -> Op:
    if (
        not isinstance(record, dict)
        or not isinstance(record.get("t"), str)
        or type(record.get("id")) is not int  # bool is an int too
    ):
        raise ValueError("not a journal record")
    if record.get("del") is True:
        return Delete(record["t"], record["id"])
    if not isinstance(record.get("doc"), dict):
        raise ValueError("journal record without a document")
    return Put(record["t"], record["id"], record["doc"])


def _decode(line: bytes) -> list[Op]:
    try:
        record = json.loads(line)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if isinstance(record, dict) and "ops" in record:
        if not isinstance(record["ops"], list) or not record["ops"]:
            raise ValueError("batch without operations")
        return [_decode_one(item) for item in record["ops"]]
    return [_decode_one(record)]


class DurableDB:
    """In-memory TinyDB + journal + snapshots for one file set ``folder/name.*``.

    Documents handed to ``put`` are owned by the database afterwards and never mutated
    in place, which lets snapshots copy tables shallowly while writes go on.

    ``write`` raises only when the write itself failed (nothing changed then). A
    background snapshot that fails is not the caller's problem: the journal still
    holds everything; the error is kept in ``snapshot_error`` and retried later.
    """

    def __init__(self, folder: Path, name: str, *, writable: bool, compact_every: int = 2000) -> None:
        self.folder = Path(folder)
        self.name = name
        self.writable = writable
        self.compact_every = compact_every
        self.snapshot_path = self.folder / f"{name}.json"
        self._lock_file = FileLock(self.folder / f"{name}.lock")
        self._mutex = threading.RLock()
        self._memory: dict[str, dict[str, Doc]] = {}
        self._db = TinyDB(storage=MemoryStorage)
        self._db.storage.memory = self._memory
        self._journal_fd: int | None = None
        self._segment = 0  # active (writer) segment number
        self._covered = 0  # segments <= this are inside the snapshot
        self._ops_since_snapshot = 0
        self._segment_broken = False
        self._compactor: threading.Thread | None = None
        self.snapshot_error: StoreError | None = None
        """The last background snapshot's failure, if any (the journal still holds all)."""
        # reader bookkeeping: snapshot identity and how far each segment was read
        self._snapshot_stamp: tuple[int, int, int] | None = None
        self._offsets: dict[int, int] = {}
        self._changes: set[tuple[str, int]] | None = None  # None: everything may have changed
        self.torn_lines = 0

    @property
    def path(self) -> Path:
        """The file set, for messages: ``folder/name`` (``.json``, ``.journal.N``)."""
        return self.folder / self.name

    # ----------------------------------------------------------------- opening
    def open(self) -> DurableDB:
        if self.writable:
            make_dir(self.folder)
            self._lock_file.acquire()
            try:
                drop_stale_temp_files(self.folder, self.name)
                self._load()
                self._start_segment(max([self._covered, *self._segments()]) + 1)
            except BaseException:
                self._lock_file.release()
                raise
        else:
            self._load()
        return self

    def _segments(self) -> list[int]:
        numbers = []
        prefix = f"{self.name}.journal."
        try:
            entries = os.listdir(self.folder)
        except FileNotFoundError:
            return []
        except OSError as error:
            raise CorruptFile(self.folder, f"cannot be listed ({error.strerror})") from error
        for entry in entries:
            if entry.startswith(prefix) and entry[len(prefix) :].isdigit():
                numbers.append(int(entry[len(prefix) :]))
        return sorted(numbers)

    def _segment_path(self, number: int) -> Path:
        return self.folder / f"{self.name}.journal.{number}"

    def _load(self) -> None:
        """Snapshot, then every newer journal segment.

        A reader can race the writer's snapshot (which deletes the segments it
        covers); if the snapshot changed while loading, load again.
        """
        with self._mutex, paused_gc():
            for _attempt in range(20):
                if self._load_once():
                    break
            request_freeze(sum(len(rows) for rows in self._memory.values()))
            self._changes = None
            self._clear_caches()

    def _read_snapshot(self) -> tuple[bytes | None, tuple[int, int, int] | None]:
        try:
            with open(self.snapshot_path, "rb") as handle:
                stat = os.fstat(handle.fileno())
                return handle.read(), (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        except FileNotFoundError:
            return None, None
        except OSError as error:
            raise CorruptFile(self.snapshot_path, f"cannot be read ({error.strerror})") from error

    def _snapshot_now(self) -> tuple[int, int, int] | None:
        try:
            stat = self.snapshot_path.stat()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise CorruptFile(self.snapshot_path, f"cannot be read ({error.strerror})") from error
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)

    def _load_once(self) -> bool:
        """One load attempt; False if the snapshot was replaced meanwhile."""
        self._memory.clear()
        self._offsets.clear()
        self._covered = 0
        raw, stamp = self._read_snapshot()
        self._snapshot_stamp = stamp
        if raw is not None:
            tables, covered = self._parse_snapshot(raw)
            self._memory.update(tables)
            self._covered = covered
        for number in self._segments():
            if number > self._covered:
                self._replay_segment(number)
        return self.writable or self._snapshot_now() == stamp

    def _parse_snapshot(self, raw: bytes) -> tuple[dict[str, dict[str, Doc]], int]:
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise CorruptFile(self.snapshot_path, "is not UTF-8 text") from None
        except RecursionError:
            raise CorruptFile(self.snapshot_path, "is not a trodden table file (nested too deeply)") from None
        except ValueError as error:
            raise CorruptFile(self.snapshot_path, f"is not valid JSON ({error})") from None
        if not isinstance(data, dict):
            raise CorruptFile(self.snapshot_path, "is not a trodden table file (expected a JSON object of tables)")
        for table, rows in data.items():
            if not isinstance(rows, dict):
                raise CorruptFile(self.snapshot_path, f"table {table!r} is not a JSON object")
            for key, doc in rows.items():
                if not key.isdigit() or not isinstance(doc, dict):
                    raise CorruptFile(self.snapshot_path, f"table {table!r} entry {key!r} is not a document")
        meta = data.pop(META_TABLE, {}).get("1", {})
        version, covered = meta.get("format", FORMAT), meta.get("journal", 0)
        if type(version) is not int or type(covered) is not int or covered < 0:
            raise CorruptFile(self.snapshot_path, f"has a broken {META_TABLE} table")
        if version > FORMAT:
            raise CorruptFile(self.snapshot_path, "was written by a newer trodden; upgrade to open it")
        return data, covered

    def _replay_segment(self, number: int) -> None:
        path = self._segment_path(number)
        start = self._offsets.get(number, 0)
        try:
            with open(path, "rb") as handle:
                handle.seek(start)
                data = handle.read()
        except FileNotFoundError:
            return
        except OSError as error:
            raise CorruptFile(path, f"cannot be read ({error.strerror})") from error
        consumed = 0
        lines = data.split(b"\n")
        complete, tail = lines[:-1], lines[-1]
        for index, line in enumerate(complete):
            consumed += len(line) + 1
            if not line.strip():
                continue
            try:
                ops = _decode(line)
            except ValueError:  # includes UnicodeDecodeError and JSONDecodeError
                if index == len(complete) - 1 and not tail:
                    # A torn write that a failed truncate left behind: only ever last.
                    self.torn_lines += 1
                    continue
                where = start + consumed - len(line) - 1
                raise CorruptFile(path, f"holds a line that is not a journal record (at byte {where})") from None
            for op in ops:
                self._apply(op)
        if tail:
            # No newline yet: a write in progress (reader) or torn by a crash (writer).
            self.torn_lines += 1
        self._offsets[number] = start + consumed

    # ------------------------------------------------------------- memory apply
    def _apply(self, op: Op) -> None:
        table = self._memory.setdefault(op.table, {})
        if isinstance(op, Put):
            table[str(op.id)] = op.doc
        else:
            table.pop(str(op.id), None)
        if self._changes is not None:
            self._changes.add((op.table, op.id))

    def _clear_caches(self, tables: Iterable[str] | None = None) -> None:
        if tables is None:
            tables = set(self._memory) | set(self._db._tables)  # also tables a reload dropped
        for name in tables:
            self._db.table(name).clear_cache()

    def take_changes(self) -> set[tuple[str, int]] | None:
        """(table, id) pairs changed since the last call; None when everything may have
        (after a full load). Lets followers update incrementally."""
        with self._mutex:
            changes, self._changes = self._changes, set()
        return changes

    # ------------------------------------------------------------------ writing
    def _start_segment(self, number: int) -> None:
        path = self._segment_path(number)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        except OSError as error:
            raise WriteFailed(path, error) from error
        if self._journal_fd is not None:
            os.close(self._journal_fd)
        self._journal_fd = fd
        self._segment = number
        self._segment_broken = False
        fsync_dir(self.folder)

    def write(self, ops: list[Op]) -> None:
        """Durably apply ``ops`` (one line, one fsync for all). Raises ``WriteFailed``,
        changing nothing; returns only once the ops are on disk."""
        if not self.writable:
            raise ReadOnly(f"{self.path} is open read-only")
        if not ops:
            return
        payload = _encode(ops)
        with self._mutex:
            if self._journal_fd is None:
                raise ReadOnly(f"{self.path} is closed")
            if self._segment_broken:
                self._start_segment(self._segment + 1)
            fd = self._journal_fd
            try:
                before = os.lseek(fd, 0, os.SEEK_END)
            except OSError as error:
                raise WriteFailed(self._segment_path(self._segment), error) from error
            try:
                written = os.write(fd, payload)
                while written < len(payload):
                    written += os.write(fd, payload[written:])
                _sync(fd)
            except OSError as error:
                try:
                    os.ftruncate(fd, before)
                    _sync(fd)
                except OSError:
                    self._segment_broken = True  # a torn tail stays last in its segment
                raise WriteFailed(self._segment_path(self._segment), error) from error
            for op in ops:
                self._apply(op)
            self._clear_caches({op.table for op in ops})
            self._ops_since_snapshot += len(ops)
            due = self._ops_since_snapshot >= self.compact_every
        if due:
            try:
                self.compact(background=True)
            except StoreError as error:  # the write itself is safe in the journal
                self.snapshot_error = error

    def put(self, table: str, id: int, doc: Doc) -> None:
        self.write([Put(table, id, doc)])

    def delete(self, table: str, id: int) -> None:
        self.write([Delete(table, id)])

    # ------------------------------------------------------------------ reading
    # Reads take the mutex where they iterate a table: a writer thread (a Textual
    # worker) may be adding to it at the same moment.
    def table(self, name: str):
        """The TinyDB table, for queries. Read-only use, and from the writing thread;
        elsewhere prefer ``search``, which is safe against concurrent writes."""
        return self._db.table(name)

    def get(self, table: str, id: int) -> Doc | None:
        doc = self._memory.get(table, {}).get(str(id))
        return dict(doc) if doc is not None else None

    def ids(self, table: str) -> list[int]:
        with self._mutex:
            return sorted(int(key) for key in self._memory.get(table, {}))

    def docs(self, table: str) -> Iterator[tuple[int, Doc]]:
        """(id, doc) pairs in id order. Docs are shared: do not mutate them."""
        with self._mutex:
            rows = self._memory.get(table, {})
            pairs = sorted((int(key), doc) for key, doc in rows.items())
        return iter(pairs)

    def search(self, table: str, query: QueryLike) -> list[Doc]:
        with self._mutex:
            return self._db.table(table).search(query)

    def count(self, table: str) -> int:
        return len(self._memory.get(table, {}))

    # ---------------------------------------------------------------- snapshots
    def compact(self, *, background: bool = False) -> None:
        """Write a snapshot of everything so far and drop the journal it covers.

        In the foreground, raises ``WriteFailed`` if the snapshot cannot be written
        (nothing is lost: the journal still holds everything).
        """
        if not self.writable or self._journal_fd is None:
            return
        with self._mutex:
            if self._compactor is not None and self._compactor.is_alive():
                if background:
                    return
                self._compactor.join()
            covered = self._segment
            self._start_segment(covered + 1)
            tables = {name: dict(rows) for name, rows in self._memory.items() if name != META_TABLE}
            self._ops_since_snapshot = 0
        if background:
            self._compactor = threading.Thread(
                target=self._write_snapshot, args=(tables, covered), name=f"snapshot-{self.name}", daemon=True
            )
            self._compactor.start()
        else:
            self._write_snapshot(tables, covered)
            error = self.snapshot_error
            if error is not None:
                raise error

    def _write_snapshot(self, tables: dict[str, dict[str, Doc]], covered: int) -> None:
        tables[META_TABLE] = {"1": {"format": FORMAT, "journal": covered}}
        try:
            atomic_write(self.snapshot_path, _encode_tables(tables))
        except WriteFailed as error:
            self.snapshot_error = error  # the journal still holds everything
            return
        self.snapshot_error = None
        for number in self._segments():
            if number <= covered:
                try:
                    self._segment_path(number).unlink()
                except OSError:
                    pass
        self._covered = covered

    def wait_for_snapshot(self) -> None:
        compactor = self._compactor
        if compactor is not None:
            compactor.join()

    # ------------------------------------------------------------------ readers
    def refresh(self) -> bool:
        """Follow another process's writes; True if anything changed. For readers."""
        with self._mutex:
            if self._snapshot_now() != self._snapshot_stamp:
                self._load()
                return True
            before = dict(self._offsets)
            for number in self._segments():
                if number > self._covered:
                    try:
                        self._replay_segment(number)
                    except CorruptFile:
                        self._load()
                        return True
            if self._offsets != before:
                self._clear_caches()
                return True
            return False

    # ------------------------------------------------------------------ closing
    def close(self) -> None:
        """Snapshot (so the next open is fast), then release the lock. Never raises
        for a failed snapshot: the journal keeps everything for the next open."""
        if self.writable and self._journal_fd is not None:
            try:
                self.wait_for_snapshot()
                if self._ops_since_snapshot or self._segments() != [self._segment]:
                    self.compact()
            except StoreError:
                pass
            finally:
                with self._mutex:
                    if self._journal_fd is not None:
                        os.close(self._journal_fd)
                        self._journal_fd = None
                self._remove_empty_segments()
                self._lock_file.release()

    def abandon(self) -> None:
        """Let go without a snapshot: for an open whose data turned out to be unusable
        (a note that fails validation), so the files are left exactly as they are."""
        if self.writable and self._journal_fd is not None:
            with self._mutex:
                os.close(self._journal_fd)
                self._journal_fd = None
            self._remove_empty_segments()
            self._lock_file.release()

    def _remove_empty_segments(self) -> None:
        for number in self._segments():
            path = self._segment_path(number)
            try:
                if number > self._covered and path.stat().st_size == 0:
                    path.unlink()
            except OSError:
                pass

    def __enter__(self) -> DurableDB:
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()


def _encode_tables(tables: dict[str, dict[str, Doc]]) -> bytes:
    """A snapshot in TinyDB's JSON layout, encoded a few hundred documents at a time.

    Runs in the background thread. One big ``json.dumps`` would hold the GIL for the
    whole interview; encoding in slices with a ``sleep(0)`` between them hands the GIL
    straight back to the note-taker's thread, whose fsync has just returned, instead
    of making it wait out the 5 ms switch interval.
    """
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    parts = ["{"]
    for t_index, (table, rows) in enumerate(tables.items()):
        parts.append(("," if t_index else "") + dumps(table) + ":{")
        items = list(rows.items())
        for start in range(0, len(items), _SLICE):
            body = ",".join(f'"{key}":{dumps(doc)}' for key, doc in items[start : start + _SLICE])
            parts.append(("," if start else "") + body)
            time.sleep(0)
        parts.append("}")
    parts.append("}")
    return "".join(parts).encode("utf-8")


_SLICE = 200


def freeze_loaded_objects() -> None:
    """After a large load built outside ``paused_gc`` (the map's notes index): freeze what exists now.

    Same reason as in ``paused_gc``: tens of thousands of long-lived notes would otherwise be
    rescanned by every full collection (a 300 ms pause in the middle of placing).
    """
    with _gc_lock:
        gc.freeze()
