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

from trodden.models.errors import CorruptFile

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


class BadLine(ValueError):
    """A complete journal line that is not a record, ``offset`` bytes into the data read."""

    def __init__(self, offset: int) -> None:
        super().__init__(f"not a journal record (at byte {offset})")
        self.offset = offset


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


def decode_lines(data: bytes) -> tuple[list[Op], int, int]:
    """(operations, bytes consumed, torn lines) of journal bytes read from some offset.

    A last line without its newline is a write in progress (reader) or torn by a crash
    (writer): not consumed, counted as torn. A bad line followed by nothing is a torn
    write a failed truncate left behind, skipped and counted; a bad line anywhere else
    raises ``BadLine``.
    """
    ops: list[Op] = []
    consumed = torn = 0
    lines = data.split(b"\n")
    complete, tail = lines[:-1], lines[-1]
    for index, line in enumerate(complete):
        consumed += len(line) + 1
        if not line.strip():
            continue
        try:
            ops += decode_line(line)
        except ValueError:  # includes UnicodeDecodeError and JSONDecodeError
            if index == len(complete) - 1 and not tail:
                torn += 1  # a torn write that a failed truncate left behind: only ever last
                continue
            raise BadLine(consumed - len(line) - 1) from None
    if tail:
        torn += 1
    return ops, consumed, torn


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
        raise CorruptFile(folder, f"cannot be listed ({error.strerror})") from error
    return sorted(
        int(entry[len(prefix) :]) for entry in entries if entry.startswith(prefix) and entry[len(prefix) :].isdigit()
    )
