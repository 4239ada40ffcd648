"""The map as one shared CRDT document (pycrdt: Yrs, the Rust port of Yjs).

How it is laid out, and how to add a collection
-----------------------------------------------
The document holds one top-level map per **collection** (``COLLECTIONS``: ``items``, ``quotes``,
``overrides``...). A collection maps a string key (the record's id, or for overrides the
phase) to one nested map of **fields**, so two researchers editing different fields of one
record (one moves an item, another renames it) both keep their edit. A field holding a list
of plain values (an item's evidence, its channels) is a CRDT array: two people adding notes at
once both keep them (the array is written by difference, and read without duplicates).
Anything else is a plain value, last writer wins (the same winner on every machine).

To add a collection (e.g. issue 16's ``areas``): write its pydantic model and add
``Collection("areas", Area)`` to ``COLLECTIONS`` (``key=`` if its id is not the ``id``
field). ``SharedDoc.put/drop/records`` then store and read it; nothing else changes on disk.

Bookkeeping fields start with ``_`` and are never given to the model: ``_by``/``_at`` (who
last changed the record and when) and ``_gone`` (a removed record is kept as a tombstone, so a
rename made at the same moment as a merge is not silently lost: see ``conflicts.py``). Beside
each collection, ``<name>.log`` keeps per record its last changes and those of unresolved
conflicts, each naming the changes its writer had seen (``change_log``), from which concurrent
edits are found (kept apart so that reading the map does not read the logs).

Ids: a new record's id is a random integer in [2**32, 2**53) (``new_id``): two researchers
creating items at once never pick the same (odds about 1 in 10**15 per pair), ids stay exact
as JSON numbers, and ids of migrated maps (small counters) never collide with them.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pycrdt import Array, Doc, Map
from pydantic import BaseModel

from trodden.models.change.plan import Idea, ProblemArea, TargetItem, TargetPoint
from trodden.models.domain import Phase

from . import change_log
from .journey_map import CurveOverride, MapItem, QuotePick

ID_LOW, ID_HIGH = 1 << 32, 1 << 53


@dataclass(frozen=True)
class Collection:
    name: str
    model: type[BaseModel]
    key: Callable[[Any], str] = lambda record: str(record.id)


COLLECTIONS: dict[str, Collection] = {
    c.name: c
    for c in (
        Collection("items", MapItem),
        Collection("quotes", QuotePick),
        Collection("overrides", CurveOverride, key=lambda record: str(record.phase)),
        Collection("phases", Phase, key=lambda record: str(record.id)),  # phase_doc.py
        # issue 16: the change plan (models/change/store.py)
        Collection("areas", ProblemArea),
        Collection("ideas", Idea),
        Collection("target_items", TargetItem),
        Collection("target_curve", TargetPoint),
    )
}


def new_id(rng: random.Random | None = None) -> int:
    return (rng or random).randrange(ID_LOW, ID_HIGH)


_last_ordered = 0


def ordered_id() -> int:
    """A new id that also sorts by creation: milliseconds since 1970 x 1000 + a random 0-999.

    For records kept in the order they were made (the change plan's areas, ideas, target items):
    records are read in key order. Two researchers creating one in the same millisecond pick the
    same id once in a thousand; within one process ids only grow. Stays in [2**32, 2**53).
    """
    global _last_ordered
    candidate = time.time_ns() // 1_000_000 * 1000 + random.randrange(1000)
    _last_ordered = max(candidate, _last_ordered + 1)
    return _last_ordered


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _plain_list(value: Any) -> bool:
    return isinstance(value, list) and all(v is None or isinstance(v, str | int | float | bool) for v in value)


def _unique(values: list) -> list:
    return list(dict.fromkeys(values))


class SharedDoc:
    """The map's document: typed records in, typed records out; every change logged with its writer."""

    def __init__(self, doc: Doc | None = None, who: str = "", *, stamp: bool = True) -> None:
        self.doc = doc if doc is not None else Doc()
        self.who = who
        self.stamp = stamp
        """False for the migration: no times or writers, so its bytes are the same everywhere"""
        self._seq = 0
        self.maps = {name: self.doc.get(name, type=Map) for name in COLLECTIONS}
        self.logs = {name: self.doc.get(f"{name}.log", type=Map) for name in COLLECTIONS}
        self._raw: dict[str, list[tuple[str, dict]]] = {}
        self._subscription = self.doc.observe(lambda _event: self._raw.clear())

    @property
    def client(self) -> str:
        return f"{self.doc.client_id:x}"

    # reading

    def records(self, name: str) -> list[BaseModel]:
        """The live records of a collection, ordered by key (numbers first, by value).

        A record missing a required field is left out until it is whole: Yjs applies what an
        edit deletes at once, but holds back what it writes until the edits it builds on have
        arrived (a file still being synced), so a renamed title can be briefly absent.
        """
        model = COLLECTIONS[name].model
        required = [f for f, info in model.model_fields.items() if info.is_required()]
        out = []
        for _key, fields in self.raw(name):
            if fields.get("_gone"):
                continue
            if any(f not in fields for f in required):
                continue  # still arriving: see ``records`` below
            out.append(model.model_validate(self.clean(fields)))
        return out

    def raw(self, name: str) -> list[tuple[str, dict]]:
        """Every record as stored (tombstones and bookkeeping included), in a stable order."""
        if name not in self._raw:
            data = _plain(self.maps[name])
            self._raw[name] = sorted(
                data.items(), key=lambda kv: (not kv[0].isdigit(), int(kv[0]) if kv[0].isdigit() else 0, kv[0])
            )
        return self._raw[name]

    @staticmethod
    def clean(fields: dict) -> dict:
        out = {}
        for name, value in fields.items():
            if name.startswith("_"):
                continue
            if isinstance(value, float) and value.is_integer() and name in ("id", "order"):
                value = int(value)
            out[name] = _unique(value) if isinstance(value, list) else value
        return out

    def fields(self, name: str, key: str) -> dict | None:
        record = self.maps[name].get(key)
        return None if record is None else _plain(record)

    # writing (call inside ``doc.transaction()`` to make one update of several)

    def put(self, name: str, record: BaseModel, *, revive: bool = False) -> bool:
        """Store ``record``, writing only the fields that differ. False if nothing changed.

        A tombstoned record stays removed unless ``revive`` (an undo, a restore): a rename
        made by someone who had not yet seen the removal must not bring the item back.
        """
        key = COLLECTIONS[name].key(record)
        values = record.model_dump(mode="json")
        target = self.maps[name].get(key)
        if target is None:
            target = Map()
            self.maps[name][key] = target
            current: dict = {}
        else:
            current = _plain(target)
        changed: dict[str, Any] = {}
        for field_name, value in values.items():
            old = current.get(field_name, _MISSING)
            if _plain_list(value):
                if old is _MISSING or not isinstance(target.get(field_name), Array):
                    target[field_name] = Array(list(value))
                    changed[field_name] = value
                elif _unique(old) != value:
                    _write_list(target[field_name], value)
                    changed[field_name] = value
            elif old != value or old is _MISSING:
                target[field_name] = value
                changed[field_name] = value
        if revive and current.get("_gone"):
            target["_gone"] = None
            changed["_gone"] = None
        if changed and self.stamp:
            self._stamp(name, key, target, changed)
        elif changed and self.logs[name].get(key) is None:
            # a conversion's record gets its (empty) log now: two researchers' first edits of it
            # then append to one log, rather than each creating one and the merge keeping one
            self.logs[name][key] = Array([])
        return bool(changed)

    def drop(self, name: str, key: str, *, into: str = "") -> bool:
        """Remove a record (kept as a tombstone; ``into``: the record it was merged into)."""
        target = self.maps[name].get(key)
        if target is None:
            return False
        current = _plain(target)
        if current.get("_gone"):
            return False
        target["_gone"] = into or True
        if self.stamp:
            self._stamp(name, key, target, {"_gone": into or True})
        return True

    def _stamp(self, name: str, key: str, target: Map, changed: dict) -> None:
        at = now()
        target["_by"], target["_at"] = self.who, at
        log = self.logs[name].get(key)
        if not isinstance(log, Array):
            log = Array([])
            self.logs[name][key] = log
        entries = [e for e in json.loads(str(log)) if isinstance(e, dict)]
        self._seq += 1
        referenced = {p for e in entries for p in e.get("p", [])}
        heads = [e["e"] for e in entries if e.get("e") not in referenced]  # the rest it saw through them
        entry = {"e": f"{self.client}.{self._seq}", "by": self.who, "at": at, "p": heads, "f": changed}
        log.append(entry)
        keep = change_log.kept([*entries, entry])
        for index in range(len(entries) - 1, -1, -1):
            if str(entries[index].get("e")) not in keep:
                del log[index]

    def log(self, name: str, key: str) -> list[dict]:
        """The record's last changes, oldest first (see ``conflicts``)."""
        log = self.logs[name].get(key)
        return [e for e in json.loads(str(log)) if isinstance(e, dict)] if log is not None else []

    def all_logs(self, name: str) -> dict[str, list[dict]]:
        """Every record's ``log``, read in one go: Yrs writes the whole collection's logs as
        one JSON text, about a third of the time of asking for each record's (400 items: ~4 ms
        against ~13 ms), and the "what changed" count reads them all after every edit."""
        logs = json.loads(str(self.logs[name]))
        return {key: [e for e in log if isinstance(e, dict)] for key, log in logs.items() if isinstance(log, list)}


def _plain(shared: Map) -> dict:
    """A shared map as plain Python, via Yrs' own JSON (far faster than ``to_py``)."""
    return json.loads(str(shared))


class _Missing:
    pass


_MISSING = _Missing()


def _write_list(array: Array, value: list) -> None:
    """Make ``array`` hold ``value``: remove what went, insert what came where ``value`` has it
    (after its nearest predecessor still there: a renamed channel keeps its place). Concurrent
    adds both stay, as Yjs keeps every insert."""
    current = list(array)
    wanted = set(value)
    for index in range(len(current) - 1, -1, -1):
        if current[index] not in wanted or current[index] in current[:index]:
            del array[index]
    present = {item for item in current if item in wanted}
    for position, item in enumerate(value):
        if item in present:
            continue
        before = next((v for v in reversed(value[:position]) if v in present), None)
        array.insert(list(array).index(before) + 1 if before is not None else 0, item)
        present.add(item)


def iter_collections() -> Iterator[Collection]:
    return iter(COLLECTIONS.values())
