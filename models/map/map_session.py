"""The journey map on disk: ``map.*`` in the study folder (a ``DurableDB``).

One editor at a time (it holds ``map.lock``), any number of readers, who ``refresh``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from trodden.models.domain import Phase
from trodden.models.errors import CorruptFile
from trodden.models.storage.durable import DurableDB
from trodden.models.storage.journal import Delete, Put
from trodden.models.storage.model_json import first_problem

from .journey_map import BackstageKind, Change, CurveOverride, ItemKind, JourneyMap, MapItem, QuotePick

MAP_DB = "map"


class MapSession:
    """The map on disk. Writable sessions hold ``map.lock``; readers ``refresh``."""

    def __init__(self, study_path: Path, *, writable: bool) -> None:
        self.db = DurableDB(Path(study_path), MAP_DB, writable=writable)
        self._high: dict[str, int] = {}

    @property
    def writable(self) -> bool:
        return self.db.writable

    def open(self) -> MapSession:
        self.db.open()
        return self

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> MapSession:
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    def refresh(self) -> bool:
        return self.db.refresh()

    def load(self) -> JourneyMap:
        """The stored map; a hand-edited or damaged file is named in a ``CorruptFile`` error."""
        try:
            return JourneyMap(
                items=[MapItem.model_validate(doc) for _, doc in self.db.docs("items")],
                quotes=[QuotePick.model_validate(doc) for _, doc in self.db.docs("quotes")],
                overrides=[CurveOverride.model_validate(doc) for _, doc in self.db.docs("overrides")],
            )
        except ValidationError as error:
            raise CorruptFile(
                self.db.snapshot_path, f"holds a map entry that is not valid: {first_problem(error)}"
            ) from None

    def next_id(self, table: str) -> int:
        """A fresh id, never one handed out before in this session (even if since deleted)."""
        number = max(max(self.db.ids(table), default=0), self._high.get(table, 0)) + 1
        self._high[table] = number
        return number

    def apply(self, change: Change) -> None:
        """Durably store ``change`` (one fsync). Raises ``WriteFailed``/``ReadOnly``, changing nothing."""
        ops: list[Put | Delete] = [Put("items", item.id, item.model_dump(mode="json")) for item in change.items]
        ops += [Put("quotes", pick.id, pick.model_dump(mode="json")) for pick in change.quotes]
        ops += [Delete("items", item_id) for item_id in change.drop_items]
        ops += [Delete("quotes", pick_id) for pick_id in change.drop_quotes]
        self.db.write(ops)

    def put_item(self, item: MapItem) -> MapItem:
        self.db.put("items", item.id, item.model_dump(mode="json"))
        return item

    def delete_item(self, item_id: int) -> None:
        self.db.delete("items", item_id)

    def put_quote(self, pick: QuotePick) -> QuotePick:
        self.db.put("quotes", pick.id, pick.model_dump(mode="json"))
        return pick

    def delete_quote(self, pick_id: int) -> None:
        self.db.delete("quotes", pick_id)

    def set_override(self, phases: list[Phase], override: CurveOverride | None, phase: str) -> None:
        """Set (or with None, clear) the override of ``phase`` (one document per phase)."""
        if not any(p.id == phase for p in phases):
            raise ValueError(f"no phase {phase!r}")
        existing = [key for key, doc in self.db.docs("overrides") if doc.get("phase") == phase]
        ops: list[Put | Delete] = [Delete("overrides", key) for key in existing[1:]]
        if override is None:
            ops += [Delete("overrides", key) for key in existing[:1]]
        else:
            key = existing[0] if existing else self.next_id("overrides")
            ops.append(Put("overrides", key, override.model_dump(mode="json")))
        self.db.write(ops)


def read_map(study_path: Path) -> JourneyMap:
    """The stored map, read without taking the editor's lock."""
    with MapSession(study_path, writable=False) as session:
        return session.load()


def write_hypothesis(study_path: Path, phases: list[Phase], specs: list[dict]) -> JourneyMap:
    """Store hypothesis items (``{"phase": N, "title": ..., "kind": ..., "backstage": ...}``).

    Used by the sample study: the hypothesis journey a team drafts before interviewing.
    """
    ordered = sorted(phases, key=lambda p: p.order)
    with MapSession(study_path, writable=True) as session:
        journey = session.load()
        items = []
        for spec in specs:
            phase = ordered[int(spec["phase"]) - 1].id
            kind = ItemKind(spec.get("kind", "touchpoint"))
            order = 1 + sum(1 for i in [*journey.items, *items] if i.phase == phase and i.kind is kind)
            items.append(
                MapItem(
                    id=session.next_id("items"),
                    kind=kind,
                    phase=phase,
                    order=order,
                    title=spec["title"],
                    backstage=BackstageKind(spec["backstage"]) if spec.get("backstage") else None,
                )
            )
        session.apply(Change(items=tuple(items)))
        return session.load()
