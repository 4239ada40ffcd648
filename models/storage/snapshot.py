"""A ``DurableDB`` snapshot, ``NAME.json``: every table in TinyDB's JSON layout.

Its ``_meta`` table says which journal segments it already holds (``journal``: every
segment up to that number), so opening replays only newer ones.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from trodden.models.errors import NEWER, CorruptFile, unreadable
from trodden.models.i18n import _

from .journal import Doc

META_TABLE = "_meta"
FORMAT = 1
_SLICE = 200

Tables = dict[str, dict[str, Doc]]
Stamp = tuple[int, int, int]
"""(inode, mtime ns, size): tells a reader that the writer replaced the snapshot."""


def encode_tables(tables: Tables) -> bytes:
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


def with_meta(tables: Tables, covered: int) -> Tables:
    """``tables`` plus the ``_meta`` table saying the snapshot holds segments up to ``covered``."""
    tables[META_TABLE] = {"1": {"format": FORMAT, "journal": covered}}
    return tables


def parse_snapshot(raw: bytes, path: Path) -> tuple[Tables, int]:
    """(tables, last journal segment they hold); ``CorruptFile`` naming ``path`` if unusable."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CorruptFile(path, _("is not UTF-8 text")) from None
    except RecursionError:
        raise CorruptFile(path, _("is not a trodden table file (nested too deeply)")) from None
    except ValueError as error:
        raise CorruptFile(path, _("is not valid JSON ({error})").format(error=error)) from None
    return checked_tables(data, path)


def checked_tables(data: Any, path: Path, documents: tuple[type, ...] = (dict,)) -> tuple[Tables, int]:
    """Parsed snapshot ``data`` as (tables, last journal segment they hold), once it is seen to be
    a trodden table file; ``documents``: what a document may be (a reader's validated models too)."""
    if not isinstance(data, dict):
        raise CorruptFile(path, _("is not a trodden table file (expected a JSON object of tables)"))
    for table, rows in data.items():
        if not isinstance(rows, dict):
            raise CorruptFile(path, _("table {table} is not a JSON object").format(table=repr(table)))
        for key, doc in rows.items():
            if not key.isdigit() or not isinstance(doc, documents):
                raise CorruptFile(
                    path, _("table {table} entry {key} is not a document").format(table=repr(table), key=repr(key))
                )
    meta = data.pop(META_TABLE, {}).get("1", {})
    version, covered = meta.get("format", FORMAT), meta.get("journal", 0)
    if type(version) is not int or type(covered) is not int or covered < 0:
        raise CorruptFile(path, _("has a broken {table} table").format(table=META_TABLE))
    if version > FORMAT:
        raise CorruptFile(path, _(NEWER))
    return data, covered


def read_snapshot(path: Path) -> tuple[bytes | None, Stamp | None]:
    """The snapshot's bytes and stamp, both None if there is none yet."""
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            return handle.read(), (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    except FileNotFoundError:
        return None, None
    except OSError as error:
        raise CorruptFile(path, unreadable(error)) from error


def snapshot_stamp(path: Path) -> Stamp | None:
    """The snapshot's stamp now, without reading it."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise CorruptFile(path, unreadable(error)) from error
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)
