"""A TinyDB that never loses an acknowledged write and stays flat as it grows.

TinyDB's own JSONStorage rewrites the whole file on every insert (O(n) per note) and a
kill mid-write can leave it unreadable. Here TinyDB lives in memory and only answers
queries (``tables``); durability comes from two kinds of files per database::

    NAME.json             an atomic snapshot, in TinyDB's own JSON layout (``snapshot``)
    NAME.journal.N        append-only segments of JSON lines, fsynced per write (``journal``)

A write is acknowledged only after its journal line is on disk. Snapshots are written
in the background (temp file, fsync, ``os.replace``); the journal then rotates to a new
segment and the segments the snapshot covers are removed. Every journal line carries a
whole document, so replaying a line twice is harmless and a crash between any two steps
loses nothing. On open: drop stale temp files, load the snapshot, replay newer segments,
ignore a torn last line (no newline: a write cut short). A complete line that is not a
record is damage this writer cannot cause: a reader skips it and lists it in ``damage``;
a writer refuses to open, so the damaged file is never snapshotted away or deleted.

One process writes (``FileLock``); any number read, and ``refresh`` follows the writer.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

from trodden.models.errors import CorruptFile, Damaged, ReadOnly, StoreError, WriteFailed
from trodden.models.i18n import _

from .atomic import atomic_write, drop_stale_temp_files, fsync_dir, make_dir
from .gc_policy import paused_gc, request_freeze
from .journal import Delete, Doc, JournalReading, Op, Put, encode_ops, segment_numbers, segment_path
from .lockfile import FileLock
from .snapshot import Stamp, Tables, encode_tables, parse_snapshot, read_snapshot, snapshot_stamp, with_meta
from .tables import MemoryTables

_sync = getattr(os, "fdatasync", os.fsync)


class DurableDB(MemoryTables):
    """In-memory tables + journal + snapshots for one file set ``folder/name.*``.

    Documents handed to ``put`` are owned by the database afterwards and never mutated
    in place, which lets snapshots copy tables shallowly while writes go on.

    ``write`` raises only when the write itself failed (nothing changed then). A
    background snapshot that fails is not the caller's problem: the journal still
    holds everything; the error is kept in ``snapshot_error`` and retried later.
    """

    def __init__(self, folder: Path, name: str, *, writable: bool, compact_every: int = 2000, parse=parse_snapshot):
        """``parse``: a reader's own snapshot parse (``notes_snapshot``); a writer's stays plain documents."""
        super().__init__()
        self._parse: Callable[[bytes, Path], tuple[Tables, int]] = parse_snapshot if writable else parse
        self.folder = Path(folder)
        self.name = name
        self.writable = writable
        self.compact_every = compact_every
        self.snapshot_path = self.folder / f"{name}.json"
        self._lock_file = FileLock(self.folder / f"{name}.lock")
        self._journal_fd: int | None = None
        self._segment = 0  # active (writer) segment number
        self._covered = 0  # segments <= this are inside the snapshot
        self._ops_since_snapshot = 0
        self._segment_broken = False
        self._compactor: threading.Thread | None = None
        self.snapshot_error: StoreError | None = None
        """The last background snapshot's failure, if any (the journal still holds all)."""
        # reader bookkeeping: snapshot identity and how far each segment was read
        self._snapshot_stamp: Stamp | None = None
        self._reading = JournalReading()

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
                self._refuse_damage()
                self._start_segment(max([self._covered, *self._segments()]) + 1)
            except BaseException:
                self._lock_file.release()
                raise
        else:
            self._load()
        return self

    def _refuse_damage(self) -> None:
        """A writer never opens damaged files: its first snapshot would drop the bad
        line for good and delete the journal that holds it."""
        damaged = self._reading.damaged
        if not damaged:
            return
        path, line = damaged[0]
        more = _(" (and {n} more)").format(n=len(damaged) - 1) if len(damaged) > 1 else ""
        message = _("line {line} is damaged (not a journal record){more}; it opens only read-only until repaired")
        raise Damaged(path, message.format(line=line, more=more))

    @property
    def damage(self) -> list[CorruptFile]:
        """Complete journal lines that are not records, one error each naming file and line.

        They were skipped and everything else was read; only a read-only open gets here.
        """
        damaged = _("line {line} is damaged (not a journal record); everything else in it was read")
        return [CorruptFile(path, damaged.format(line=line)) for path, line in self._reading.damaged]

    @property
    def torn_lines(self) -> int:
        """Last lines without their newline seen so far (writes cut short): not damage."""
        return self._reading.torn

    def _segments(self) -> list[int]:
        return segment_numbers(self.folder, self.name)

    def _segment_path(self, number: int) -> Path:
        return segment_path(self.folder, self.name, number)

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

    def _snapshot_now(self) -> Stamp | None:
        return snapshot_stamp(self.snapshot_path)

    def _load_once(self) -> bool:
        """One load attempt; False if the snapshot was replaced meanwhile."""
        self._memory.clear()
        self._reading.clear()
        self._covered = 0
        raw, stamp = read_snapshot(self.snapshot_path)
        self._snapshot_stamp = stamp
        if raw is not None:
            tables, covered = self._parse(raw, self.snapshot_path)
            self._memory.update(tables)
            self._covered = covered
        for number in self._segments():
            if number > self._covered:
                self._replay_segment(number)
        return self.writable or self._snapshot_now() == stamp

    def _replay_segment(self, number: int) -> None:
        for op in self._reading.read(self._segment_path(number), number):
            self._apply(op)

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
        payload = encode_ops(ops)
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
            tables = {name: dict(rows) for name, rows in self._memory.items()}
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

    def _write_snapshot(self, tables: Tables, covered: int) -> None:
        try:
            atomic_write(self.snapshot_path, encode_tables(with_meta(tables, covered)))
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
            before = dict(self._reading.offsets)
            for number in self._segments():
                if number > self._covered:
                    try:
                        self._replay_segment(number)
                    except CorruptFile:
                        self._load()
                        return True
            if self._reading.offsets != before:
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
