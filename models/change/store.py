"""Where the change plan is stored: the ONE module that knows.

Today the plan lives in the map's own durable database (``map.*``, the ``MapSession``),
one table per collection of ``plan.COLLECTIONS`` ("areas", "ideas", "target_items",
"target_curve"), so it shares the map's lock, journal and snapshots: one editor at a time,
every change fsynced, readers follow. Everything else reaches the plan through this narrow
API (``load``, ``apply`` a ``PlanChange``, ``next_id``; ``read_plan`` for readers), so moving
it onto another store means rewriting this module only.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from trodden.models.errors import CorruptFile
from trodden.models.map.map_session import MAP_DB, MapSession
from trodden.models.storage.journal import Delete, Put
from trodden.models.storage.model_json import first_problem

from .plan import COLLECTIONS, ChangePlan, Doc, PlanChange, collection_of


class PlanStore:
    """The plan inside an open ``MapSession`` (the session's owner opens and closes it)."""

    def __init__(self, session: MapSession) -> None:
        self.session = session

    def load(self) -> ChangePlan:
        """The stored plan; a damaged entry is named in a ``CorruptFile`` error."""
        db = self.session.db
        try:
            return ChangePlan(
                **{name: [model.model_validate(doc) for _, doc in db.docs(name)] for name, model in COLLECTIONS.items()}
            )
        except ValidationError as error:
            raise CorruptFile(
                db.snapshot_path, f"holds a plan entry that is not valid: {first_problem(error)}"
            ) from None

    def next_id(self, collection: str) -> int:
        """A fresh id in ``collection``, never handed out before in this session."""
        if collection not in COLLECTIONS:
            raise ValueError(f"no collection {collection!r}")
        return self.session.next_id(collection)

    def apply(self, change: PlanChange) -> None:
        """Durably store ``change`` (one fsync). Raises ``WriteFailed``/``ReadOnly``, changing nothing."""
        ops: list[Put | Delete] = [Put(collection_of(doc), doc.id, doc.model_dump(mode="json")) for doc in change.puts]
        ops += [Delete(name, doc_id) for name, doc_id in change.drops]
        self.session.db.write(ops)

    def put(self, doc: Doc) -> None:
        self.apply(PlanChange(puts=(doc,)))

    def delete(self, collection: str, doc_id: int) -> None:
        self.apply(PlanChange(drops=((collection, doc_id),)))

    def replace(self, plan: ChangePlan) -> None:
        """Store every document of ``plan`` (an import), keeping their ids."""
        puts = tuple(doc for name in COLLECTIONS for doc in getattr(plan, name))
        if puts:
            self.apply(PlanChange(puts=puts))


def read_plan(study_path: Path) -> ChangePlan:
    """The stored plan, read without taking the editor's lock (empty if no map was started)."""
    if not any(Path(study_path).glob(f"{MAP_DB}.*")):
        return ChangePlan()
    with MapSession(study_path, writable=False) as session:
        return PlanStore(session).load()


def write_plan(study_path: Path, change: PlanChange | ChangePlan) -> None:
    """Open the map for writing, store ``change`` (or a whole plan), close it (the CLI's way)."""
    with MapSession(study_path, writable=True) as session:
        store = PlanStore(session)
        if isinstance(change, ChangePlan):
            store.replace(change)
        else:
            store.apply(change)


def edit_plan(study_path: Path, make) -> ChangePlan:
    """Load the plan under the editor's lock, apply ``make(plan, store)``'s change, return the new plan."""
    with MapSession(study_path, writable=True) as session:
        store = PlanStore(session)
        plan = store.load()
        change = make(plan, store)
        store.apply(change)
        return change.applied_to(plan)
