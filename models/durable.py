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

import json
import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.queries import QueryLike
from tinydb.storages import MemoryStorage

from .atomic import atomic_write, drop_stale_temp_files, fsync_dir
from .errors import CorruptFile, ReadOnly, StoreError, WriteFailed
from .lockfile import FileLock

META_TABLE = "_meta"
FORMAT = 1
_sync = getattr(os, "fdatasync", os.fsync)

Doc = dict[str, Any]


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


def _encode(op: Op) -> bytes:
    if isinstance(op, Put):
        record = {"t": op.table, "id": op.id, "doc": op.doc}
    else:
        record = {"t": op.table, "id": op.id, "del": True}
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _decode(line: bytes) -> Op:
    record = json.loads(line)
    if not isinstance(record, dict) or not isinstance(record.get("t"), str) or not isinstance(record.get("id"), int):
        raise ValueError("not a journal record")
    if record.get("del"):
        return Delete(record["t"], record["id"])
    if not isinstance(record.get("doc"), dict):
        raise ValueError("journal record without a document")
    return Put(record["t"], record["id"], record["doc"])


class DurableDB:
    """In-memory TinyDB + journal + snapshots for one file set ``folder/name.*``.

    Documents handed to ``put`` are owned by the database afterwards and never mutated
    in place, which lets snapshots copy tables shallowly while writes go on.
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
        self._compact_error: StoreError | None = None
        # reader bookkeeping: snapshot identity and how far each segment was read
        self._snapshot_stamp: tuple[int, int, int] | None = None
        self._offsets: dict[int, int] = {}
        self.torn_lines = 0

    # ----------------------------------------------------------------- opening
    def open(self) -> DurableDB:
        if self.writable:
            self.folder.mkdir(parents=True, exist_ok=True)
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
        for entry in entries:
            if entry.startswith(prefix) and entry[len(prefix) :].isdigit():
                numbers.append(int(entry[len(prefix) :]))
        return sorted(numbers)

    def _segment_path(self, number: int) -> Path:
        return self.folder / f"{self.name}.journal.{number}"

    def _load(self) -> None:
        """Snapshot, then every newer journal segment."""
        with self._mutex:
            self._memory.clear()
            self._offsets.clear()
            self._covered = 0
            self._snapshot_stamp = None
            try:
                stat = self.snapshot_path.stat()
                raw = self.snapshot_path.read_bytes()
            except FileNotFoundError:
                raw = None
            except OSError as error:
                raise CorruptFile(self.snapshot_path, f"cannot be read ({error.strerror})") from error
            if raw is not None:
                self._snapshot_stamp = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
                self._memory.update(self._parse_snapshot(raw))
                meta = self._memory.get(META_TABLE, {}).get("1", {})
                self._covered = int(meta.get("journal", 0))
            for number in self._segments():
                if number > self._covered:
                    self._replay_segment(number)
            self._clear_caches()

    def _parse_snapshot(self, raw: bytes) -> dict[str, dict[str, Doc]]:
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise CorruptFile(self.snapshot_path, "is not UTF-8 text") from None
        except ValueError as error:
            raise CorruptFile(self.snapshot_path, f"is not valid JSON ({error})") from None
        if not isinstance(data, dict) or not all(
            isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values()) for table in data.values()
        ):
            raise CorruptFile(self.snapshot_path, "is not a trodden/TinyDB table file")
        meta = data.get(META_TABLE, {}).get("1", {})
        if meta.get("format", FORMAT) > FORMAT:
            raise CorruptFile(self.snapshot_path, "was written by a newer trodden; upgrade to open it")
        return data

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
                op = _decode(line)
            except (ValueError, UnicodeDecodeError):
                if index == len(complete) - 1 and not tail:
                    # A torn write that a failed truncate left behind: only ever last.
                    self.torn_lines += 1
                    continue
                raise CorruptFile(path, f"record {index + 1} is not a valid journal record") from None
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

    def _clear_caches(self, tables: Iterable[str] | None = None) -> None:
        for name in tables if tables is not None else list(self._memory):
            self._db.table(name).clear_cache()

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
        """Durably apply ``ops`` (one fsync for all). Raises ``WriteFailed``, changing nothing."""
        if not self.writable:
            raise ReadOnly(f"{self.folder / self.name} is open read-only")
        if not ops:
            return
        payload = b"".join(_encode(op) for op in ops)
        with self._mutex:
            if self._segment_broken:
                self._start_segment(self._segment + 1)
            fd = self._journal_fd
            assert fd is not None, "write before open"
            path = self._segment_path(self._segment)
            before = os.lseek(fd, 0, os.SEEK_END)
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
                raise WriteFailed(path, error) from error
            for op in ops:
                self._apply(op)
            self._clear_caches({op.table for op in ops})
            self._ops_since_snapshot += len(ops)
            due = self._ops_since_snapshot >= self.compact_every
        if due:
            self.compact(background=True)

    def put(self, table: str, id: int, doc: Doc) -> None:
        self.write([Put(table, id, doc)])

    def delete(self, table: str, id: int) -> None:
        self.write([Delete(table, id)])

    # ------------------------------------------------------------------ reading
    def table(self, name: str):
        """The TinyDB table, for queries (``search``, ``get``, ``count``). Read-only use."""
        return self._db.table(name)

    def get(self, table: str, id: int) -> Doc | None:
        doc = self._memory.get(table, {}).get(str(id))
        return dict(doc) if doc is not None else None

    def ids(self, table: str) -> list[int]:
        return sorted(int(key) for key in self._memory.get(table, {}))

    def docs(self, table: str) -> Iterator[tuple[int, Doc]]:
        """(id, doc) pairs in id order. Docs are shared: do not mutate them."""
        rows = self._memory.get(table, {})
        for key in sorted(rows, key=int):
            yield int(key), rows[key]

    def search(self, table: str, query: QueryLike) -> list[Doc]:
        return self._db.table(table).search(query)

    def count(self, table: str) -> int:
        return len(self._memory.get(table, {}))

    # ---------------------------------------------------------------- snapshots
    def compact(self, *, background: bool = False) -> None:
        """Write a snapshot of everything so far and drop the journal it covers."""
        if not self.writable:
            return
        if self._compact_error is not None:
            error, self._compact_error = self._compact_error, None
            raise error
        with self._mutex:
            if self._compactor is not None and self._compactor.is_alive():
                if not background:
                    self._compactor.join()
                else:
                    return
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
            if self._compact_error is not None:
                error, self._compact_error = self._compact_error, None
                raise error

    def _write_snapshot(self, tables: dict[str, dict[str, Doc]], covered: int) -> None:
        tables[META_TABLE] = {"1": {"format": FORMAT, "journal": covered}}
        data = json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            atomic_write(self.snapshot_path, data)
        except WriteFailed as error:
            self._compact_error = error  # the journal still holds everything
            return
        for number in self._segments():
            if number <= covered:
                try:
                    self._segment_path(number).unlink()
                except OSError:
                    pass
        self._covered = covered

    def wait_for_snapshot(self) -> None:
        if self._compactor is not None:
            self._compactor.join()

    # ------------------------------------------------------------------ readers
    def refresh(self) -> bool:
        """Follow another process's writes; True if anything changed. For readers."""
        with self._mutex:
            try:
                stat = self.snapshot_path.stat()
                stamp: tuple[int, int, int] | None = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
            except FileNotFoundError:
                stamp = None
            if stamp != self._snapshot_stamp:
                self._load()
                return True
            before = dict(self._offsets)
            changed_tables = set(self._memory)
            for number in self._segments():
                if number > self._covered:
                    try:
                        self._replay_segment(number)
                    except CorruptFile:
                        self._load()
                        return True
            if self._offsets != before:
                self._clear_caches(changed_tables | set(self._memory))
                return True
            return False

    # ------------------------------------------------------------------ closing
    def close(self) -> None:
        """Snapshot (so the next open is fast), then release the lock."""
        if self.writable and self._journal_fd is not None:
            try:
                self.wait_for_snapshot()
                if self._ops_since_snapshot or self._segments() != [self._segment]:
                    self.compact()
            except StoreError:
                pass  # the journal still holds everything; next open replays it
            finally:
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
