"""Converting a study's old single-editor map (``map.*``, a ``DurableDB``) into the shared document.

The conversion is **deterministic**: the old records are written in id order by a fixed
Yjs client (``MIGRATION_CLIENT``) with no timestamps, so every process that converts the same
old files produces the same bytes, the same Yjs ids. Converting twice, or two processes at
once, therefore adds nothing twice: Yjs sees the same edit again and ignores it. The result is
kept in ``map/migrated.updates`` (written once, atomically; a reader converts in memory only).
The old files are only ever read: they stay where they were, untouched.
"""

from __future__ import annotations

from pathlib import Path

from pycrdt import Doc
from pydantic import ValidationError

from trodden.models.errors import CorruptFile, StoreError
from trodden.models.i18n import _
from trodden.models.storage.atomic import atomic_write, make_dir
from trodden.models.storage.durable import DurableDB
from trodden.models.storage.model_json import first_problem

from .journey_map import CurveOverride, MapItem, QuotePick
from .shared_doc import SharedDoc
from .update_files import edit_frame, header_frame, state_vector

OLD_MAP_DB = "map"
MIGRATED = "migrated"
MIGRATION_CLIENT = 1
"""the Yjs client of the conversion; researchers' clients are random 53-bit numbers"""


def has_old_map(study_path: Path) -> bool:
    return any(Path(study_path).glob(f"{OLD_MAP_DB}.json")) or any(Path(study_path).glob(f"{OLD_MAP_DB}.journal.*"))


def conversion(study_path: Path) -> tuple[bytes, list[CorruptFile]]:
    """The old map as one Yjs update (b"" if there is none) and the old files' damage."""
    if not has_old_map(study_path):
        return b"", []
    with DurableDB(Path(study_path), OLD_MAP_DB, writable=False) as old:
        try:
            items = [MapItem.model_validate(doc) for _, doc in old.docs("items")]
            quotes = [QuotePick.model_validate(doc) for _, doc in old.docs("quotes")]
            overrides = [CurveOverride.model_validate(doc) for _, doc in old.docs("overrides")]
        except ValidationError as error:
            raise CorruptFile(
                old.snapshot_path,
                _("holds a map entry that is not valid: {problem}").format(problem=first_problem(error)),
            ) from None
        damage = old.damage
    shared = SharedDoc(Doc(client_id=MIGRATION_CLIENT), who="", stamp=False)
    with shared.doc.transaction():
        for item in sorted(items, key=lambda i: i.id):
            shared.put("items", item)
        for pick in sorted(quotes, key=lambda q: q.id):
            shared.put("quotes", pick)
        for override in sorted({o.phase: o for o in overrides}.values(), key=lambda o: o.phase):
            shared.put("overrides", override)
    return shared.doc.get_update(), damage


def _conversion_frame(update: bytes) -> bytes:
    doc = Doc()
    doc.apply_update(update)
    return edit_frame(update, MIGRATION_CLIENT, state_vector(doc.get_state()).get(MIGRATION_CLIENT, 0))


def migrated_file(folder: Path) -> Path:
    return Path(folder) / f"{MIGRATED}.updates"


def migrate(study_path: Path, folder: Path, *, write: bool) -> tuple[bytes, list[CorruptFile]]:
    """Convert once: returns the update to apply in memory (b"" when the file already holds it).

    ``write``: keep the conversion in ``map/migrated.updates`` (an atomic write of bytes any
    other converting process would write identically).
    """
    target = migrated_file(folder)
    if target.exists():
        return b"", []
    update, damage = conversion(study_path)
    if not update or not write:
        return update, damage
    try:
        make_dir(folder)
        if not target.exists():
            atomic_write(target, header_frame(MIGRATED, generation=MIGRATED) + _conversion_frame(update))
    except StoreError:
        return update, damage  # a read-only folder: the conversion still shows, in memory
    return b"", damage


def invalid_map_entry(path: Path, error: ValidationError) -> CorruptFile:
    """The error for a map entry that does not validate: the file, and the first thing wrong."""
    return CorruptFile(path, _("holds a map entry that is not valid: {problem}").format(problem=first_problem(error)))
