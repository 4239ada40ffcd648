"""The journey's phases in the shared map document: names, order, add, rename, remove, reorder.

Phases are records of the ``phases`` collection (``shared_doc``), keyed by their id, like
items: two researchers adding, renaming or reordering phases at once both keep their work.
The order is each phase's ``order`` number (gaps allowed): a phase added or moved takes a
number between its new neighbours, so an edit writes the phases it moved and no others, and
two moves of different phases both stay. Readers get the phases in order, numbered 1..n
(``ordered``), so ``study.json``, the exports and the JSON interchange look as they always did.

Migration: a document without any phase record (a new study, a map from before) takes the
phases of ``study.json`` (``conversion``), written deterministically by a Yjs client named
after their content, so every process converting the same phases writes the same bytes and
two conversions of different ``study.json`` versions both stay (never a clash of clocks).
``study.json``'s phases are kept as they were and no longer read once a map exists.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

from pycrdt import Doc

from trodden.models.domain import Phase
from trodden.models.errors import StoreError
from trodden.models.storage.atomic import atomic_write, make_dir
from trodden.models.storage.study_file import read_study_file

from .shared_doc import SharedDoc, new_id
from .update_files import SUFFIX, edit_frame, header_frame, state_vector

MIGRATED_PHASES = "migrated-phases"

STEP = 1024
"""the gap between phases when they are numbered afresh: room for ten insertions between two"""
CLIENT_BASE = 1 << 40
"""phase conversions' Yjs clients: this plus the CRC-32 of the phases (researchers' are random)"""


def ordered(records: list[Phase]) -> list[Phase]:
    """The phases in order, numbered 1..n (ties, from concurrent adds, go by id: the same everywhere)."""
    ranked = sorted(records, key=lambda p: (p.order, p.id))
    return [p.model_copy(update={"order": n}) for n, p in enumerate(ranked, start=1)]


def live(shared: SharedDoc) -> list[Phase]:
    """The document's phases in order. A phase removed while someone else put an item or a quote
    in it (neither saw the other) stays while it holds them, so nothing goes out of sight."""
    used = {f.get("phase") for name in ("items", "quotes") for _, f in shared.raw(name) if not f.get("_gone")}
    records = [
        Phase.model_validate(shared.clean(fields))
        for key, fields in shared.raw("phases")
        if (not fields.get("_gone") or key in used) and "id" in fields and "name" in fields
    ]
    return ordered(records)


def _ranked(records: list[Phase]) -> list[Phase]:
    return sorted(records, key=lambda p: (p.order, p.id))


def _placed(ranked: list[Phase], moving: Phase, position: int) -> list[Phase]:
    """The records to write to put ``moving`` at ``position`` of ``ranked`` (which lacks it)."""
    before = ranked[position - 1].order if position > 0 else None
    after = ranked[position].order if position < len(ranked) else None
    if before is None and after is None:
        return [moving.model_copy(update={"order": STEP})]
    if before is None:
        return [moving.model_copy(update={"order": after - STEP})]
    if after is None:
        return [moving.model_copy(update={"order": before + STEP})]
    if after - before >= 2:
        return [moving.model_copy(update={"order": (before + after) // 2})]
    again = [*ranked[:position], moving, *ranked[position:]]  # no room: number them all afresh
    return [p.model_copy(update={"order": n * STEP}) for n, p in enumerate(again, start=1)]


def added(records: list[Phase], name: str, after: str | None) -> tuple[Phase, list[Phase]]:
    """A new phase named ``name`` right after the phase ``after`` (None: last), and what to write."""
    ranked = _ranked(records)
    position = next((i + 1 for i, p in enumerate(ranked) if p.id == after), len(ranked))
    phase = Phase(id=f"ph{new_id()}", name=name.strip())
    writes = _placed(ranked, phase, position)
    return next(p for p in writes if p.id == phase.id), writes


def renamed(records: list[Phase], phase_id: str, name: str) -> list[Phase]:
    return [p.model_copy(update={"name": name.strip()}) for p in records if p.id == phase_id]


def moved(records: list[Phase], phase_id: str, step: int) -> list[Phase]:
    """What to write to move a phase ``step`` places (nothing at either end)."""
    ranked = _ranked(records)
    index = next((i for i, p in enumerate(ranked) if p.id == phase_id), None)
    if index is None or not 0 <= index + step < len(ranked):
        return []
    moving = ranked.pop(index)
    return _placed(ranked, moving, index + step)


def conversion(phases: list[Phase]) -> bytes:
    """``study.json``'s phases as one Yjs update (b"" for none): the same bytes for the same phases."""
    if not phases:
        return b""
    canonical = json.dumps([p.model_dump(mode="json") for p in phases], sort_keys=True, ensure_ascii=False)
    shared = SharedDoc(Doc(client_id=CLIENT_BASE + zlib.crc32(canonical.encode())), who="", stamp=False)
    with shared.doc.transaction():
        for n, phase in enumerate(sorted(phases, key=lambda p: (p.order, p.id)), start=1):
            shared.put("phases", phase.model_copy(update={"order": n * STEP}))  # room to insert
    return shared.doc.get_update()


def keep_conversion(folder: Path, update: bytes) -> None:
    """Keep a conversion in ``map/migrated-phases.updates`` (written once, atomically: any other
    process converting the same phases would write the same bytes). A read-only folder: in memory only."""
    target = Path(folder) / f"{MIGRATED_PHASES}{SUFFIX}"
    if target.exists():
        return
    doc = Doc()
    doc.apply_update(update)
    ((client, end),) = state_vector(doc.get_state()).items()
    try:
        make_dir(folder)
        atomic_write(
            target, header_frame(MIGRATED_PHASES, generation=MIGRATED_PHASES) + edit_frame(update, client, end)
        )
    except StoreError:
        pass


def convert(shared: SharedDoc, study_path: Path, keep_in: Path | None) -> None:
    """A document without phases takes ``study.json``'s (kept in ``keep_in``'s file if given)."""
    if shared.raw("phases"):
        return
    try:
        update = conversion(read_study_file(Path(study_path)).phases)
    except StoreError:
        return  # no study file here (a bare map folder): no phases to convert
    if update:
        shared.doc.apply_update(update)
        if keep_in is not None:
            keep_conversion(keep_in, update)
