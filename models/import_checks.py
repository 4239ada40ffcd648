"""What an imported study document must be before a single byte of it is written.

An interchange file comes from anywhere (a colleague's backup, a hand edit, an attacker),
and what it would break shows up much later: ``t: 1e999`` breaks every export after it
with an OverflowError; a note number used twice silently replaces a note; evidence that
points nowhere vanishes from the map. So every problem is found first and named by its
JSON path (``$.interviews[0].notes[3].t``), and nothing is imported if there is one.

Two passes: ``raw_problem`` walks the parsed JSON (numbers, sizes, nesting), without
recursion, before pydantic sees it; ``document_problem`` checks what the models cannot
see one field at a time (numbers and ids that must be unique or point somewhere).
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .domain import note_id
from .errors import StoreError, system_reason
from .i18n import _
from .names import PARTICIPANT_CODE_MAX, clean_participant_code, safe_filename

if TYPE_CHECKING:
    from .interchange import StudyDocument

MAX_FILE_BYTES = 1 << 30
"""1 GiB: a million notes with their history fit well within it."""
MAX_TEXT = 100_000
"""Characters in one text (a note, a title...): a note is a line typed in an interview."""
MAX_ITEMS = 1_000_000
"""Entries in one list, and notes in one document."""
MAX_DEPTH = 32
"""Nesting levels; a trodden document needs fewer than ten."""
MAX_INT = 2**53
"""Integers beyond this are no note number or count, and lose precision in other JSON readers."""

MAX_TEXT_FILE_BYTES = 64 << 20
"""64 MiB: one interview's notes typed in an editor are a few hundred kilobytes."""


def regular_file(path: Path, what: str) -> os.stat_result:
    """``path``'s status, once it is seen to be a regular file: a folder is named as one, and a device
    (``/dev/zero``) could be endless and a pipe waits for a writer, so each is refused (``StoreError``)
    before it is opened. Raises ``OSError`` as ``os.stat`` does (a missing file)."""
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(_("{path} is a folder; give {what}").format(path=path, what=_(what)))
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(_("{path} is not a regular file; give {what}").format(path=path, what=_(what)))
    return info


def read_import_file(path: Path, limit: int, what: str) -> bytes:
    """The bytes of a file to import: a regular file (never a device or a pipe, which
    could be endless) of at most ``limit`` bytes, else a one-line ``StoreError``."""
    try:
        regular_file(path, what)  # before opening: opening a FIFO waits for a writer, forever
        with open(path, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since: still never endless
                raise StoreError(_("{path} is not a regular file; give {what}").format(path=path, what=_(what)))
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise StoreError(_("{path} does not exist").format(path=path)) from None
    except OSError as error:
        raise StoreError(_("cannot read {path}: {reason}").format(path=path, reason=system_reason(error))) from None
    if len(raw) > limit:
        message = _("{path} is larger than {size} MiB, too large for {what}")
        raise StoreError(message.format(path=path, size=f"{limit >> 20:,}", what=_(what)))
    return raw


Problem = tuple[str, str]
"""(JSON path, what is wrong with the value there)."""

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def json_path(parts: Sequence[str | int]) -> str:
    """``$.interviews[0].notes[3].t`` for ``("interviews", 0, "notes", 3, "t")``; keys that
    are not plain names are quoted with escapes, so a hostile key stays one printable line."""
    path = "$"
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _NAME.fullmatch(part):
            path += f".{part}"
        else:
            path += f"[{json.dumps(part[:40] + ('…' if len(part) > 40 else ''))}]"
    return path


def raw_problem(payload: Any) -> Problem | None:
    """The first value (in document order) that no trodden document holds: a number that
    is not finite (``NaN``, ``1e999``) or is huge, a text or list too long, nesting too deep."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(payload, ())]
    while stack:
        value, parts = stack.pop()
        if len(parts) > MAX_DEPTH:
            return json_path(parts[:MAX_DEPTH]), f"nested more than {MAX_DEPTH} levels deep"
        problem = _value_problem(value)
        if problem:
            return json_path(parts), problem
        if isinstance(value, dict):
            for key in value:
                if len(key) > MAX_TEXT:
                    return json_path(parts), f"has a key of {len(key):,} characters"
            stack.extend((item, (*parts, key)) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((item, (*parts, index)) for index, item in reversed(list(enumerate(value))))
    return None


def _value_problem(value: Any) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return "is not a finite number (infinite or NaN)"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
        return "is a number too large for a trodden study"
    if isinstance(value, str) and len(value) > MAX_TEXT:
        return f"is a text of {len(value):,} characters (at most {MAX_TEXT:,})"
    if isinstance(value, list) and len(value) > MAX_ITEMS:
        return f"has {len(value):,} entries (at most {MAX_ITEMS:,})"
    return None


def document_problem(document: StudyDocument) -> Problem | None:
    """The first thing in a valid-looking document that would lose or misfile data."""
    return next(_document_problems(document), None)


def _document_problems(document: StudyDocument) -> Iterator[Problem]:
    yield from _participant_problems(document)
    yield from _unique([phase.id for phase in document.phases], "phases", "id", "phase id")
    seen: set[str] = set()
    note_ids: set[str] = set()
    for index, record in enumerate(document.interviews):
        where = ("interviews", index)
        if not record.id or safe_filename(record.id, fallback="") != record.id:
            yield json_path((*where, "id")), f"interview id {_shown(record.id)} is not a safe folder name"
        if record.id in seen:
            yield json_path((*where, "id")), f"interview id {_shown(record.id)} appears twice"
        seen.add(record.id)
        if not _usable_code(record.participant):
            yield json_path((*where, "participant")), _code_problem(record.participant)
        yield from _note_problems(record, where)
        note_ids.update(note.id for note in record.notes)
        if len(note_ids) > MAX_ITEMS:
            yield json_path((*where, "notes")), f"makes more than {MAX_ITEMS:,} notes in all"
    if document.map is not None:
        yield from _map_problems(document, note_ids)
    if document.hypothesis is not None:
        yield from _unique(
            [item.id for item in document.hypothesis.items], "hypothesis.items", "id", "hypothesis item id"
        )


def _participant_problems(document: StudyDocument) -> Iterator[Problem]:
    folded: set[str] = set()
    for index, participant in enumerate(document.participants):
        where = json_path(("participants", index, "code"))
        if not _usable_code(participant.code):
            yield where, _code_problem(participant.code)
        if participant.code.casefold() in folded:
            yield where, f"participant code {_shown(participant.code)} appears twice"
        folded.add(participant.code.casefold())


def _usable_code(code: str) -> bool:
    """The command line's rule (``clean_participant_code``), with nothing left to clean."""
    try:
        return clean_participant_code(code) == code
    except StoreError:
        return False


def _code_problem(code: str) -> str:
    if len(code) > PARTICIPANT_CODE_MAX:
        return f"participant code {_shown(code)} is not usable (at most {PARTICIPANT_CODE_MAX} characters)"
    return f"participant code {_shown(code)} is not usable (letters, digits, - and _, like P1)"


def _note_problems(record, where: tuple[str | int, ...]) -> Iterator[Problem]:
    numbers: set[int] = set()
    for index, note in enumerate(record.notes):
        at = (*where, "notes", index)
        if note.interview != record.id:
            yield (
                json_path((*at, "interview")),
                f"says {_shown(note.interview)}, but the note sits in {_shown(record.id)}",
            )
        if note.seq in numbers:
            yield json_path((*at, "seq")), f"note number {note.seq} appears twice in interview {_shown(record.id)}"
        numbers.add(note.seq)
        if note.id != note_id(record.id, note.seq):
            yield (
                json_path((*at, "id")),
                f"is {_shown(note.id)}, but note {note.seq} of {_shown(record.id)} is called {_shown(note_id(record.id, note.seq))}",
            )


def _map_problems(document: StudyDocument, note_ids: set[str]) -> Iterator[Problem]:
    journey = document.map
    assert journey is not None
    yield from _unique([item.id for item in journey.items], "map.items", "id", "map item id")
    yield from _unique([pick.id for pick in journey.quotes], "map.quotes", "id", "quote id")
    for index, item in enumerate(journey.items):
        for at, evidence in enumerate(item.evidence):
            if evidence not in note_ids:
                yield json_path(("map", "items", index, "evidence", at)), f"note {_shown(evidence)} is not in the file"
    for index, pick in enumerate(journey.quotes):
        if pick.note not in note_ids:
            yield json_path(("map", "quotes", index, "note")), f"note {_shown(pick.note)} is not in the file"


def _shown(value: object) -> str:
    """A value quoted for a message: escaped (one printable line) and at most 40 characters."""
    if not isinstance(value, str):
        return repr(value)
    return repr(value[:40] + "…" if len(value) > 40 else value)


def _unique(values: list, where: str, field: str, what: str) -> Iterator[Problem]:
    seen: set = set()
    for index, value in enumerate(values):
        if value in seen:
            yield json_path((*where.split("."), index, field)), f"{what} {_shown(value)} appears twice"
        seen.add(value)
