"""What a ``DurableDB`` answers from: its tables in memory, with TinyDB for queries.

The tables are plain dicts in TinyDB's own layout (``{table: {"id": doc}}``), shared
with an in-memory TinyDB, so queries work while durability stays in ``DurableDB``.
Every change is also noted, so a follower can update only what changed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from tinydb import TinyDB
from tinydb.queries import QueryLike
from tinydb.storages import MemoryStorage

from .journal import Doc, Op, Put


class MemoryTables:
    """The in-memory tables and their reads; ``DurableDB`` adds the files.

    Reads take the mutex where they iterate a table: a writer thread may be adding to
    it at the same moment.
    """

    def __init__(self) -> None:
        self._mutex = threading.RLock()
        self._memory: dict[str, dict[str, Doc]] = {}
        self._db = TinyDB(storage=MemoryStorage)
        self._db.storage.memory = self._memory
        self._changes: set[tuple[str, int]] | None = None  # None: everything may have changed

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
