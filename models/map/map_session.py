"""The journey map on disk, shared: ``map/<who>.updates`` in the study folder, one file per researcher.

Several researchers edit one map at once. Each process keeps the whole map as a CRDT document
(``shared_doc.SharedDoc``, pycrdt), appends its own edits to its own file (fsynced before an
edit counts as saved: ``update_files.OwnFile``) and reads everyone else's files as they grow
(``refresh``, polled by the screen every second: ``update_files.Follower``). Every process
ends with the same map whatever order the files arrive in. See ``shared_doc`` for the layout
of the document and **how to add a collection**, ``update_files`` for the file format,
``migration`` for studies from before (``map.*``, kept untouched).

The API: ``MapSession(study, writable=..., who=...)`` as a context manager, ``load()`` (a
``JourneyMap``), ``phases()`` (``phase_doc``), ``apply(Change)`` (one fsync), ``put_item``/
``delete_item``/``put_quote``/``delete_quote``/``set_override``, ``next_id``, ``refresh()``, ``stamps()``,
``conflicts()``/``revert()``, ``share_cursor()``/``others()``, ``listeners``/``receive()``/``state()``/
``missing()`` (a live link), ``damage``; ``read_map``/``write_hypothesis``. Thread-safe (one lock).
A collection declared in ``shared_doc.COLLECTIONS`` is stored with ``write(puts=..., drops=...)``
(one fsync) and read with ``records(name)``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from trodden.models.domain import Phase
from trodden.models.errors import CorruptFile, Locked, ReadOnly, WriteFailed

from . import phase_doc, researcher
from .conflicts import Conflict, find_conflicts, phase_revert, revert
from .journey_map import BackstageKind, Change, CurveOverride, ItemKind, JourneyMap, MapItem, QuotePick
from .migration import has_old_map, invalid_map_entry, migrate
from .presence import Presence, drop_presence, read_presence, write_presence
from .shared_doc import SharedDoc, new_id
from .update_files import SUFFIX, UPDATE, Follower, Frame, Merge, OwnFile, state_vector, unreadable_edit

if TYPE_CHECKING:
    from trodden.models.storage.store import StudyStore

MAP_FOLDER = "map"
COMPACT_EVERY = 5000
"""own edits after which the own file is compacted while editing (always on close)"""
ANONYMOUS = "anon"


def has_map(study_path: Path) -> bool:
    """True once a map was started (the shared folder, or an old single-editor map)."""
    return any((Path(study_path) / MAP_FOLDER).glob(f"*{SUFFIX}")) or has_old_map(study_path)


class MapSession:
    """One process's copy of the shared map. Writable sessions append to ``map/<who>.updates``."""

    def __init__(self, study_path: Path, *, writable: bool, who: str | None = None) -> None:
        self.path = Path(study_path)
        self.folder = self.path / MAP_FOLDER
        self._writable = writable
        self.who = who or researcher.current() or ANONYMOUS
        self.shared = SharedDoc(who=self.who)
        self._merge = Merge(self.shared.doc)
        self.own: OwnFile | None = None
        self.followers: dict[Path, Follower] = {}
        self.broken: WriteFailed | None = None  # an edit reached memory, not the disk: reopen
        self.version = 0  # the changes seen (own and others'): a screen knows when to redraw
        self._mutex = threading.RLock()
        self._local = False
        self._captured: list[bytes] = []
        self._damage: list[CorruptFile] = []
        self._subscription = None
        self.listeners: list[Callable[[bytes], None]] = []
        """called with each own edit once it is on disk (a live link sends it on)"""

    @property
    def writable(self) -> bool:
        return self._writable

    @property
    def file(self) -> Path | None:
        """This process's own update file (None when read-only)."""
        return self.own.path if self.own else None

    def open(self) -> MapSession:
        """Read every researcher's file. Raises ``Damaged`` (own file), ``WriteFailed``, ``CorruptFile``."""
        with self._mutex:
            update, self._damage = migrate(self.path, self.folder, write=self._writable)
            if update:
                self.shared.doc.apply_update(update)
            if self._writable:
                self.own = self._open_own()
                self._apply(self.own.path, self.own_frames)
            self._read_others()
            phase_doc.convert(self.shared, self.path, self.folder if self._writable else None)
            self._subscription = self.shared.doc.observe(self._capture)
            if self.own and self.own.frames_since_snapshot >= COMPACT_EVERY:
                self._compact()
        return self

    def _open_own(self) -> OwnFile:
        for number in range(1, 100):
            name = self.who if number == 1 else f"{self.who}-{number}"
            own = OwnFile(self.folder, name)
            try:
                self.own_frames = own.open()
            except Locked:
                continue  # the same researcher in another terminal: a file of its own
            return own
        raise Locked(self.folder / f"{self.who}{SUFFIX}", "99 other processes")

    def _capture(self, event) -> None:
        if self._local:
            self._captured.append(event.update)

    def _apply(self, path: Path, frames: list[Frame]) -> bool:
        def damaged(item: Frame) -> None:
            self._damage.append(unreadable_edit(path, item.offset))

        return self._merge.take(frames, damaged)

    def _read_others(self) -> bool:
        changed = False
        own = self.own.path if self.own else None
        for path in sorted(self.folder.glob(f"*{SUFFIX}")):
            if path == own:
                continue
            follower = self.followers.setdefault(path, Follower(path))
            changed |= self._apply(path, follower.poll())
        return changed

    def refresh(self) -> bool:
        """Merge what the others wrote since the last look. True if anything came in."""
        with self._mutex:
            changed = self._read_others()
            if changed:
                self.version += 1
            return changed

    @property
    def name(self) -> str | None:
        """This process's name in the folder (``AB``, or ``AB-2`` for a second terminal); None read-only."""
        return self.own.path.stem if self.own else None

    def share_cursor(self, where: Presence) -> None:
        if self.own is not None:
            write_presence(self.folder, self.own.path.stem, where)

    def others(self) -> tuple[Presence, ...]:
        """The other researchers' cursors (fresh ones)."""
        return read_presence(self.folder, self.name)

    @property
    def damage(self) -> list[CorruptFile]:
        """Complete but damaged edits in the files read (skipped, named, never rewritten)."""
        return [*self._damage, *(d for f in self.followers.values() for d in f.damage)]

    def close(self) -> None:
        with self._mutex:
            if self.own is not None:
                if self.own.frames_since_snapshot and self.broken is None:
                    try:
                        self._compact()
                    except WriteFailed:
                        pass  # every edit is still in the file as appended
                drop_presence(self.folder, self.own.path.stem)
                self.own.close()
                self.own = None

    def __enter__(self) -> MapSession:
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    def _compact(self) -> None:
        """Replace the own file by a snapshot of the whole map as this process knows it."""
        assert self.own is not None
        known = state_vector(self.shared.doc.get_state())
        waiting = [f for f in self.own.edits if known.get(f.client, 0) < f.end]
        self.own.compact(self.shared.doc.get_update(), waiting)

    # reading

    def load(self) -> JourneyMap:
        """The map as merged so far; a record no model accepts is named in a ``CorruptFile`` error."""
        with self._mutex:
            try:
                return JourneyMap(
                    items=self.shared.records("items"),
                    quotes=self.shared.records("quotes"),
                    overrides=self.shared.records("overrides"),
                )
            except ValidationError as error:
                raise invalid_map_entry(self.folder, error) from None

    def phases(self) -> list[Phase]:
        """The journey's phases in order, numbered 1..n (``phase_doc``)."""
        with self._mutex:
            return phase_doc.live(self.shared)

    def records(self, name: str) -> list:
        """The live records of any collection (``shared_doc.COLLECTIONS``), e.g. the change plan's."""
        with self._mutex:
            return self.shared.records(name)

    def stamps(self, name: str = "items") -> dict[str, tuple[str, str]]:
        """Who last changed each record of a collection, and when (UTC ISO): ``{key: (who, at)}``."""
        with self._mutex:
            return {key: (f.get("_by") or "", f.get("_at") or "") for key, f in self.shared.raw(name) if f.get("_by")}

    def conflicts(self) -> list[Conflict]:
        """Edits made at the same time that the merge settled silently (see ``conflicts``)."""
        with self._mutex:
            return find_conflicts(self.shared)

    def revert(self, conflict: Conflict) -> Change | list[Phase]:
        """What takes the side the merge dropped: a change to apply, or for a phase records to ``write``."""
        with self._mutex:
            taking = phase_revert if conflict.collection == "phases" else revert
            return taking(self.shared, conflict)

    def next_id(self, table: str) -> int:
        """A fresh id no other researcher will pick (random, see ``shared_doc``)."""
        return new_id()

    # writing

    def apply(self, change: Change) -> None:
        """Durably store ``change`` (one fsync). Raises ``WriteFailed``/``ReadOnly``; after a
        failed write the session is ``broken`` and refuses more until reopened."""
        with self._mutex:
            if self.own is None:
                raise ReadOnly(f"{self.folder} is open read-only")
            if self.broken is not None:
                raise self.broken
            into = str(change.merged_into) if change.merged_into is not None else ""
            self._captured.clear()
            self._local = True
            try:
                with self.shared.doc.transaction():
                    for item in change.items:
                        self.shared.put("items", item, revive=item.id in change.revive)
                    for pick in change.quotes:
                        self.shared.put("quotes", pick, revive=True)
                    for item_id in change.drop_items:
                        self.shared.drop("items", str(item_id), into=into)
                    for pick_id in change.drop_quotes:
                        self.shared.drop("quotes", str(pick_id))
            finally:
                self._local = False
            self._store_captured()

    # a live link (``trodden map --host/--join``): the same edits, over a socket

    def state(self) -> bytes:
        with self._mutex:
            return self.shared.doc.get_state()

    def missing(self, state: bytes) -> bytes:
        """Everything this copy has that one at ``state`` (a Yjs state vector) lacks."""
        with self._mutex:
            return self.shared.doc.get_update(state)

    def receive(self, update: bytes) -> bool:
        """Take an update from a live link: merged, and kept in the own file (read-only: in memory)."""
        with self._mutex:
            before = state_vector(self.shared.doc.get_state())
            frame = Frame(0, UPDATE, update)
            if not self._merge.take([frame], lambda item: None):
                return False
            after = state_vector(self.shared.doc.get_state())
            grown = [c for c, clock in after.items() if clock > before.get(c, 0)]
            if not grown:
                return False
            if self.own is not None and self.broken is None:
                client = grown[0] if len(grown) == 1 else 0
                try:
                    self.own.append(update, client, after[client] if client else 0)
                except WriteFailed as error:
                    self.broken = error
            self.version += 1
            return True

    def _store_captured(self) -> None:
        assert self.own is not None
        client = self.shared.doc.client_id
        end = state_vector(self.shared.doc.get_state()).get(client, 0) if self._captured else 0
        try:
            for update in self._captured:
                self.own.append(update, client, end)
        except WriteFailed as error:
            self.broken = error
            raise
        finally:
            if self._captured:
                self.version += 1
            sent = list(self._captured)
            self._captured.clear()
        for listener in self.listeners:
            for update in sent:
                listener(update)
        if self.own.frames_since_snapshot >= COMPACT_EVERY:
            try:
                self._compact()
            except WriteFailed:
                pass  # the edits are in the file as appended; compaction waits for the next time

    def put_item(self, item: MapItem) -> MapItem:
        self.apply(Change(items=(item,), revive=(item.id,)))
        return item

    def delete_item(self, item_id: int) -> None:
        self.apply(Change(drop_items=(item_id,)))

    def put_quote(self, pick: QuotePick) -> QuotePick:
        self.apply(Change(quotes=(pick,)))
        return pick

    def delete_quote(self, pick_id: int) -> None:
        self.apply(Change(drop_quotes=(pick_id,)))

    def set_override(self, phases: list[Phase], override: CurveOverride | None, phase: str) -> None:
        """Set (or with None, clear) the override of ``phase`` (one record per phase)."""
        if not any(p.id == phase for p in phases):
            raise ValueError(f"no phase {phase!r}")
        if override is None:
            self.write(drops={"overrides": [phase]})
        else:
            self.write(puts={"overrides": [override.model_copy(update={"phase": phase})]})

    def write(self, puts: dict[str, list] | None = None, drops: dict[str, list[str]] | None = None) -> None:
        """Store records of any collection in one edit (one fsync): ``puts`` by collection name
        (a removed record put again comes back), ``drops`` by collection name and key. The way
        in for a new collection (``shared_doc.COLLECTIONS``). Raises like ``apply``."""
        with self._mutex:
            if self.own is None:
                raise ReadOnly(f"{self.folder} is open read-only")
            if self.broken is not None:
                raise self.broken
            self._captured.clear()
            self._local = True
            try:
                with self.shared.doc.transaction():
                    for name, records in (puts or {}).items():
                        for record in records:
                            self.shared.put(name, record, revive=True)
                    for name, keys in (drops or {}).items():
                        for key in keys:
                            self.shared.drop(name, str(key))
            finally:
                self._local = False
            self._store_captured()


def read_map(study_path: Path) -> JourneyMap:
    """The stored map, read without writing anything."""
    with MapSession(study_path, writable=False) as session:
        return session.load()


def read_study_map(store: StudyStore) -> JourneyMap | None:
    """The study's map, or None before the workshop starts one; damaged edits are skipped and
    reported to ``store.damage``. Here, not in ``interchange``, so a report builds no interchange models."""
    if not has_map(store.path):
        return None
    with MapSession(store.path, writable=False) as session:
        store.saw_damage(session.damage)
        return session.load()


def write_hypothesis(study_path: Path, phases: list[Phase], specs: list[dict]) -> JourneyMap:
    """Store hypothesis items (``{"phase": N, "title": ..., "kind": ..., "backstage": ...}``).

    Used by the sample study: the hypothesis journey a team drafts before interviewing.
    """
    ordered = sorted(phases, key=lambda p: p.order)
    with MapSession(study_path, writable=True, who="sample") as session:
        journey = session.load()
        items: list[MapItem] = []
        first = max((i.id for i in journey.items), default=0) + 1  # a fresh study: ids 1, 2... as before
        for spec in specs:
            phase = ordered[int(spec["phase"]) - 1].id
            kind = ItemKind(spec.get("kind", "touchpoint"))
            order = 1 + sum(1 for i in [*journey.items, *items] if i.phase == phase and i.kind is kind)
            items.append(
                MapItem(
                    id=first + len(items),
                    kind=kind,
                    phase=phase,
                    order=order,
                    title=spec["title"],
                    backstage=BackstageKind(spec["backstage"]) if spec.get("backstage") else None,
                )
            )
        session.apply(Change(items=tuple(items)))
        return session.load()
