"""The shared map's files: ``map/<who>.updates``, one writer each, read by everyone.

A file is a run of frames: 4 bytes length, 4 bytes CRC-32 of the payload, the payload. The
payload's first byte says what it is:

- ``H`` header (JSON: format, who, generation), always the first frame; a new generation
  means the file was replaced by a compaction (readers start it again from the top);
- ``U`` one edit: the Yjs client that made it and the clock it ends at (8 + 8 bytes), then the
  Yjs update; appended and fsynced before the edit counts as saved;
- ``S`` snapshot: the full state this process knew, as one Yjs update, written by
  compaction in place of the file's own edits (it includes them). Other files are never
  skipped on its account: Yrs leaves out of a snapshot the edits still waiting for one they
  build on, so only their own file vouches for them. For the same reason compaction keeps,
  after the snapshot, every own edit the document has not taken in yet (its clock, from the
  frame, is beyond the document's state vector): an edit made on top of a file that has since
  been replaced by an older, half-synced copy waits there, not lost. Opening reads every frame of every
  file; 50,000 edits apply in about a third of a second, and compaction keeps it far below.

A reader never writes. What it cannot read yet is a **torn tail** (fewer bytes than the
last frame says, or a last frame whose checksum fails: a write or a sync still under way);
it stops there and looks again later. A complete frame with a bad checksum followed by more
frames is **damage**: named (``CorruptFile``), skipped, never rewritten. The writer alone
trims its own torn tail when it opens (that edit was never acknowledged).
"""

from __future__ import annotations

import json
import os
import struct
import uuid
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from trodden.models.errors import CorruptFile, Damaged, WriteFailed
from trodden.models.i18n import _
from trodden.models.storage.atomic import atomic_write, make_dir
from trodden.models.storage.lockfile import FileLock

FORMAT = 1
SUFFIX = ".updates"
HEAD = struct.Struct(">II")
MAX_FRAME = 1 << 30
HEADER, UPDATE, SNAPSHOT = b"H", b"U", b"S"


def frame(kind: bytes, data: bytes) -> bytes:
    payload = kind + data
    return HEAD.pack(len(payload), zlib.crc32(payload)) + payload


def header_frame(who: str, generation: str | None = None) -> bytes:
    info = {"format": FORMAT, "who": who, "generation": generation or uuid.uuid4().hex}
    return frame(HEADER, json.dumps(info, sort_keys=True).encode())


EDIT_META = struct.Struct(">QQ")


def edit_frame(update: bytes, client: int, end: int) -> bytes:
    return frame(UPDATE, EDIT_META.pack(client, end) + update)


def state_vector(state: bytes) -> dict[int, int]:
    """Decode a Yjs state vector (``Doc.get_state()``): client -> the clock known up to."""
    pos = 0

    def varuint() -> int:
        nonlocal pos
        value = shift = 0
        while True:
            byte = state[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            if byte < 0x80:
                return value
            shift += 7

    count = varuint()
    out = {}
    for _index in range(count):
        client = varuint()
        out[client] = varuint()
    return out


@dataclass
class Frame:
    offset: int
    kind: bytes
    data: bytes
    client: int = 0
    end: int = 0
    """for an edit: the Yjs client that made it and the clock it ends at"""

    def raw(self) -> bytes:
        return edit_frame(self.data, self.client, self.end) if self.kind == UPDATE else frame(self.kind, self.data)


@dataclass
class Parsed:
    frames: list[Frame] = field(default_factory=list)
    end: int = 0
    """where the readable part ends (a torn tail starts here)"""
    damage: list[CorruptFile] = field(default_factory=list)


def parse(path: Path, blob: bytes, start: int = 0, *, base: int = 0) -> Parsed:
    """The complete frames of ``blob`` from ``start``: damage named and skipped, a torn tail left.

    ``base``: where ``blob`` starts in the file (offsets and messages are the file's).
    """
    out = Parsed(end=base + start)
    offset = start
    while offset + HEAD.size <= len(blob):
        length, crc = HEAD.unpack_from(blob, offset)
        stop = offset + HEAD.size + length
        if length == 0 or length > MAX_FRAME or stop > len(blob):
            break  # torn (or zero padding a sync engine left): look again later
        payload = blob[offset + HEAD.size : stop]
        if zlib.crc32(payload) != crc:
            if stop == len(blob):
                break  # the last frame still being written or synced
            where = base + offset
            out.damage.append(
                CorruptFile(path, _("the edit at byte {byte} is damaged (checksum); it was skipped").format(byte=where))
            )
        elif payload[:1] == UPDATE and len(payload) > EDIT_META.size:
            client, end = EDIT_META.unpack_from(payload, 1)
            out.frames.append(Frame(base + offset, UPDATE, payload[1 + EDIT_META.size :], client, end))
        else:
            out.frames.append(Frame(base + offset, payload[:1], payload[1:]))
        offset = stop
        out.end = base + offset
    return out


def generation_of(frames: list[Frame]) -> str:
    if frames and frames[0].kind == HEADER:
        try:
            return str(json.loads(frames[0].data).get("generation", ""))
        except ValueError:
            return ""
    return ""


class Merge:
    """Takes frames into a document in any order, holding back edits that cannot go in yet.

    Yrs (0.14) keeps only part of what arrives before the edits it builds on: given one
    writer's edits shuffled, it can stop short for good. So an edit whose clock the document
    has not reached after applying it is held here and applied again whenever another edit
    went in, until nothing more moves. Applying an edit twice changes nothing.
    """

    def __init__(self, doc) -> None:
        self.doc = doc
        self.held: dict[tuple[int, int], Frame] = {}

    def known(self) -> dict[int, int]:
        return state_vector(self.doc.get_state())

    def take(self, frames: list[Frame], on_damage) -> bool:
        """Apply ``frames`` (undecodable ones go to ``on_damage(frame)``); True if any was new."""
        changed = False
        for item in frames:
            if item.kind not in (UPDATE, SNAPSHOT):
                continue
            try:
                self.doc.apply_update(item.data)
            except Exception:  # pycrdt raises plain exceptions for undecodable updates
                on_damage(item)
                continue
            changed = True
            if item.kind == UPDATE and item.client:
                self.held[(item.client, item.end)] = item
        self.settle()
        return changed

    def settle(self) -> None:
        known = self.known()
        self.held = {key: f for key, f in self.held.items() if known.get(f.client, 0) < f.end}
        while self.held:
            for item in self.held.values():
                self.doc.apply_update(item.data)
            known = self.known()
            still = {key: f for key, f in self.held.items() if known.get(f.client, 0) < f.end}
            if len(still) == len(self.held):
                return
            self.held = still


class Follower:
    """Reads one researcher's file as it grows; starts again when it is replaced."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = 0
        self.generation = ""
        self._seen: tuple[int, int, int] | None = None
        self.damage: list[CorruptFile] = []

    @staticmethod
    def _header_end(blob: bytes) -> int:
        if len(blob) < HEAD.size:
            return 0
        return HEAD.size + HEAD.unpack_from(blob, 0)[0]

    def poll(self) -> list[Frame]:
        """The frames added since the last call (all of them after a replacement)."""
        try:
            stat = os.stat(self.path)
        except OSError:
            return []
        seen = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        if seen == self._seen:
            return []
        replaced = self._seen is not None and (stat.st_ino != self._seen[0] or stat.st_size < self.offset)
        try:
            with open(self.path, "rb") as handle:
                head = handle.read(HEAD.size)
                head += handle.read(self._header_end(head) - len(head)) if len(head) == HEAD.size else b""
                generation = generation_of(parse(self.path, head).frames)
                if replaced or generation != self.generation:
                    self.offset, self.generation, self.damage = 0, generation, []
                handle.seek(self.offset)
                tail = handle.read()  # only what is new: a growing file is not read again from the top
        except OSError:
            return []
        self._seen = (stat.st_ino, self.offset + len(tail), stat.st_mtime_ns)
        parsed = parse(self.path, tail, base=self.offset)
        self.offset = parsed.end
        self.damage += parsed.damage
        return parsed.frames


class OwnFile:
    """The one file this process writes: locked, its torn tail trimmed, appended and fsynced."""

    def __init__(self, folder: Path, who: str) -> None:
        self.folder = Path(folder)
        self.who = who
        self.path = self.folder / f"{who}{SUFFIX}"
        self.lock = FileLock(self.folder / f"{who}.lock")
        self.generation = ""
        self.frames_since_snapshot = 0
        self.edits: list[Frame] = []
        """the edits in the file since its snapshot: compaction keeps those not yet taken in"""
        self._fd: int | None = None
        self.size = 0

    def open(self) -> list[Frame]:
        """Lock and open; returns the file's frames. Raises ``Locked``, ``Damaged`` or ``WriteFailed``."""
        make_dir(self.folder)
        self.lock.acquire()
        try:
            frames = self._open_locked()
        except BaseException:
            self.lock.release()
            raise
        return frames

    def _open_locked(self) -> list[Frame]:
        if not self.path.exists():
            atomic_write(self.path, header_frame(self.who))
        blob = self.path.read_bytes()
        parsed = parse(self.path, blob)
        if parsed.damage:
            raise Damaged(self.path, f"{parsed.damage[0].reason}; it is kept as it is, so it opens read-only")
        try:
            if parsed.end < len(blob):  # our own edit that was never acknowledged
                os.truncate(self.path, parsed.end)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        except OSError as error:
            raise WriteFailed(self.path, error, doing="open for writing") from error
        self.size = parsed.end
        self.generation = generation_of(parsed.frames)
        self.edits = [f for f in parsed.frames if f.kind == UPDATE]
        self.frames_since_snapshot = len(self.edits)
        return parsed.frames

    def append(self, update: bytes, client: int, end: int) -> None:
        """One edit on disk (fsynced) before this returns; ``WriteFailed`` if not."""
        data = edit_frame(update, client, end)
        if self._fd is None:
            raise WriteFailed(self.path, OSError("the map file is closed"))
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view) :]
            os.fsync(self._fd)
        except OSError as error:
            raise WriteFailed(self.path, error) from error
        self.edits.append(Frame(self.size, UPDATE, update, client, end))
        self.size += len(data)
        self.frames_since_snapshot += 1

    def compact(self, state: bytes, waiting: list[Frame]) -> None:
        """Replace the file by one snapshot of everything this process knows (atomically),
        followed by the own edits ``waiting`` for edits they build on (not in the snapshot)."""
        generation = uuid.uuid4().hex
        head = header_frame(self.who, generation) + frame(SNAPSHOT, state)
        data = head + b"".join(f.raw() for f in waiting)
        atomic_write(self.path, data)
        self._close_fd()
        try:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        except OSError as error:
            raise WriteFailed(self.path, error, doing="open for writing") from error
        self.generation, self.size, self.frames_since_snapshot = generation, len(data), len(waiting)
        self.edits = parse(self.path, data, len(head)).frames

    def _close_fd(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def close(self) -> None:
        self._close_fd()
        self.lock.release()


def unreadable_edit(path: Path, offset: int) -> CorruptFile:
    """The damage noted for an edit that cannot be read (it is skipped; everything else is read)."""
    return CorruptFile(path, _("the edit at byte {byte} cannot be read; it was skipped").format(byte=offset))
