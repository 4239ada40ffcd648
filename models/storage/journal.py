"""The journal's records: one JSON line per ``DurableDB.write``, and the segment files.

A line holds whole documents (``Put``) or deletions (``Delete``); a batch of operations
is one line, so it is all-or-nothing: a crash mid-write leaves a torn line, never half
a batch. Replaying a line twice is harmless, because every line carries whole documents.
Segments are ``NAME.journal.N`` files next to the snapshot ``NAME.json``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trodden.models.errors import CorruptFile, system_reason, unreadable
from trodden.models.i18n import _

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


def _record(op: Op) -> dict[str, Any]:
    if isinstance(op, Put):
        return {"t": op.table, "id": op.id, "doc": op.doc}
    return {"t": op.table, "id": op.id, "del": True}


def encode_ops(ops: list[Op]) -> bytes:
    """One journal line for one ``write`` call (a batch is one line: all or nothing)."""
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


def decode_line(line: bytes) -> list[Op]:
    """The operations of one line; ``ValueError`` (also for bad UTF-8 or JSON) if it is not a record."""
    try:
        record = json.loads(line)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if isinstance(record, dict) and "ops" in record:
        if not isinstance(record["ops"], list) or not record["ops"]:
            raise ValueError("batch without operations")
        return [_decode_one(item) for item in record["ops"]]
    return [_decode_one(record)]


@dataclass
class Decoded:
    """What ``decode_lines`` read: the operations, how far, and what it could not use."""

    ops: list[Op]
    consumed: int
    """Bytes of complete lines (a torn or unfinished last line is not consumed)."""
    lines: int
    """Complete lines consumed, for numbering lines across reads from an offset."""
    torn: int
    """1 if the data ends in a line without its newline, else 0."""
    bad: list[int]
    """0-based indexes (among the complete lines read) of lines that are not records."""


def decode_lines(data: bytes) -> Decoded:
    """The records of journal bytes read from some offset (a line boundary).

    A last line without its newline is a write in progress (a reader following the
    writer) or torn by a crash or a full disk: the only damage this writer can leave,
    so it is not consumed and only counted. A complete line (ending in its newline)
    is always written whole, so one that is not a record is corruption: it is listed
    in ``bad`` and skipped, and the lines around it are still read.
    """
    ops: list[Op] = []
    bad: list[int] = []
    consumed = 0
    lines = data.split(b"\n")
    complete, tail = lines[:-1], lines[-1]
    for index, line in enumerate(complete):
        consumed += len(line) + 1
        if not line.strip():
            continue
        try:
            ops += decode_line(line)
        except ValueError:  # includes UnicodeDecodeError and JSONDecodeError
            bad.append(index)
    return Decoded(ops, consumed, len(complete), 1 if tail else 0, bad)


class JournalReading:
    """How far a reader got in each segment, and the damage it found on the way.

    Readers follow the writer by reading each segment again from where they stopped,
    so line numbers (for messages) are counted across reads.
    """

    def __init__(self) -> None:
        self.offsets: dict[int, int] = {}
        self._lines: dict[int, int] = {}
        self.torn = 0
        self.damaged: list[tuple[Path, int]] = []
        """(segment, line number) of every complete line that is not a record."""

    def clear(self) -> None:
        self.offsets.clear()
        self._lines.clear()
        self.damaged = []

    def read(self, path: Path, number: int) -> list[Op]:
        """The new records of segment ``number`` at ``path`` since the last read."""
        start = self.offsets.get(number, 0)
        try:
            with open(path, "rb") as handle:
                handle.seek(start)
                data = handle.read()
        except FileNotFoundError:
            return []
        except OSError as error:
            raise CorruptFile(path, unreadable(error)) from error
        decoded = decode_lines(data)
        before = self._lines.get(number, 0)
        self.damaged += [(path, before + index + 1) for index in decoded.bad]
        self.torn += decoded.torn
        self.offsets[number] = start + decoded.consumed
        self._lines[number] = before + decoded.lines
        return decoded.ops


def segment_path(folder: Path, name: str, number: int) -> Path:
    return folder / f"{name}.journal.{number}"


def segment_numbers(folder: Path, name: str) -> list[int]:
    """The numbers of the journal segments of file set ``name`` in ``folder``, ascending."""
    prefix = f"{name}.journal."
    try:
        entries = os.listdir(folder)
    except FileNotFoundError:
        return []
    except OSError as error:
        raise CorruptFile(folder, _("cannot be listed ({reason})").format(reason=system_reason(error))) from error
    return sorted(
        int(entry[len(prefix) :]) for entry in entries if entry.startswith(prefix) and entry[len(prefix) :].isdigit()
    )
