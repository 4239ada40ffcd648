"""Where the change plan is stored: the ONE module that knows.

The plan lives in the map's shared CRDT document (``models/map/shared_doc.py``), one collection
per field of ``plan.COLLECTIONS`` ("areas", "ideas", "target_items", "target_curve"), so it has
the map's durability and its merge: every researcher's edits go to their own
``map/<who>.updates`` (fsynced), and two people editing areas at once both keep their work.
Everything else reaches the plan through this narrow API (``load``, ``apply`` a ``PlanChange``,
``next_id``; ``read_plan`` for readers).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from trodden.models.errors import CorruptFile
from trodden.models.i18n import _
from trodden.models.map.map_session import MapSession, has_map
from trodden.models.map.shared_doc import ordered_id
from trodden.models.storage.model_json import first_problem

from .plan import COLLECTIONS, ChangePlan, Doc, PlanChange, collection_of


class PlanStore:
    """The plan inside an open ``MapSession`` (the session's owner opens and closes it)."""

    def __init__(self, session: MapSession) -> None:
        self.session = session

    def load(self) -> ChangePlan:
        """The stored plan; a damaged entry is named in a ``CorruptFile`` error."""
        try:
            return ChangePlan(**{name: self.session.records(name) for name in COLLECTIONS})
        except ValidationError as error:
            raise CorruptFile(
                self.session.folder,
                _("holds a plan entry that is not valid: {problem}").format(problem=first_problem(error)),
            ) from None

    def next_id(self, collection: str) -> int:
        """A fresh id in ``collection``, in creation order, that another researcher will not pick
        (``shared_doc.ordered_id``): the plan's records are read in the order they were made."""
        if collection not in COLLECTIONS:
            raise ValueError(f"no collection {collection!r}")
        return ordered_id()

    def apply(self, change: PlanChange) -> None:
        """Durably store ``change`` (one fsync). Raises ``WriteFailed``/``ReadOnly``, changing nothing."""
        puts: dict[str, list] = {}
        for doc in change.puts:
            puts.setdefault(collection_of(doc), []).append(doc)
        drops: dict[str, list[str]] = {}
        for name, doc_id in change.drops:
            drops.setdefault(name, []).append(str(doc_id))
        self.session.write(puts=puts, drops=drops)

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
    """The stored plan, read without writing anything (empty if no map was started)."""
    if not has_map(study_path):
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
    """Load the plan, apply ``make(plan, store)``'s change through this researcher's file, return the new plan."""
    with MapSession(study_path, writable=True) as session:
        store = PlanStore(session)
        plan = store.load()
        change = make(plan, store)
        store.apply(change)
        return change.applied_to(plan)
