"""The hypothesis journey, kept: ``hypothesis.json``, the map's unbacked items as they were
before the interviews, and what the group said when it removed one ("contradicted, because...").

Kept apart from the map's own storage (plain JSON of ``MapItem`` models, read through
``read_map``), so it survives any change to how the map is stored. Taken once, when the
study's first interview starts (``keep_before_first_interview``), or by hand
(``trodden map DIR --snapshot hypothesis``). Never overwritten silently: a second snapshot
needs ``replace``. One writer at a time (``hypothesis.lock``), read-modify-write, atomic replace.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from trodden.models.defaults import new_dict, new_list, now
from trodden.models.domain import Model
from trodden.models.errors import StoreError
from trodden.models.i18n import _, ngettext
from trodden.models.storage.atomic import atomic_write, drop_stale_temp_files
from trodden.models.storage.layout import HYPOTHESIS_FILE
from trodden.models.storage.lockfile import FileLock
from trodden.models.storage.model_json import json_bytes, read_model_file

from .journey_map import JourneyMap, MapItem
from .map_session import read_map

if TYPE_CHECKING:
    from trodden.models.storage.store import StudyStore

HYPOTHESIS_FORMAT = 1
LOCK = "hypothesis.lock"


class Verdict(Model):
    """The group's answer when it removed a hypothesis item from the board."""

    contradicted: bool
    reason: str = ""
    at: datetime = Field(default_factory=now)


class KeptHypothesis(Model):
    """The hypothesis journey as it was, and the group's verdicts on removed items (by item id)."""

    format: int = HYPOTHESIS_FORMAT
    taken: datetime = Field(default_factory=now)
    how: Literal["first-interview", "by-hand"] = "first-interview"
    items: list[MapItem] = Field(default_factory=new_list)
    verdicts: dict[int, Verdict] = Field(default_factory=new_dict)

    def has(self, item_id: int) -> bool:
        return any(item.id == item_id for item in self.items)


class HypothesisExists(StoreError):
    """A snapshot is already kept: replacing it must be asked for."""


def hypothesis_items(journey: JourneyMap) -> list[MapItem]:
    """The map's hypothesis: its items without evidence, in map order."""
    return sorted((item for item in journey.items if item.is_hypothesis), key=lambda i: (i.phase or "", i.order, i.id))


def read_hypothesis(study_path: Path) -> KeptHypothesis | None:
    """The kept hypothesis, or None if none was taken; ``CorruptFile`` names a bad file."""
    return read_model_file(Path(study_path) / HYPOTHESIS_FILE, KeptHypothesis, HYPOTHESIS_FORMAT)


def hypothesis_stamp(study_path: Path) -> tuple[int, int] | None:
    """(size, mtime in ns) of ``hypothesis.json``, None without one: cheap enough for a follower
    to look at on every tick and reread the file only when this changes (writes replace it whole)."""
    try:
        stat = (Path(study_path) / HYPOTHESIS_FILE).stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _write(study_path: Path, kept: KeptHypothesis) -> None:
    atomic_write(Path(study_path) / HYPOTHESIS_FILE, json_bytes(kept))


def take_snapshot(
    study_path: Path,
    *,
    replace: bool = False,
    how: str = "by-hand",
    journey: JourneyMap | None = None,
    taken: datetime | None = None,
) -> KeptHypothesis:
    """Keep the map's hypothesis items now. Raises ``HypothesisExists`` if one is kept and not ``replace``,
    ``StoreError`` if the map has no hypothesis items.

    Replacing keeps the verdicts of items still in the new snapshot.
    """
    study_path = Path(study_path)
    with FileLock(study_path / LOCK, wait=5.0):
        drop_stale_temp_files(study_path, "hypothesis")
        old = read_hypothesis(study_path)
        if old is not None and not replace:
            raise HypothesisExists(
                ngettext(
                    "a hypothesis snapshot is already kept ({taken}, {n} item); replace it with --replace",
                    "a hypothesis snapshot is already kept ({taken}, {n} items); replace it with --replace",
                    len(old.items),
                ).format(taken=f"{old.taken:%Y-%m-%d %H:%M}", n=len(old.items))
            )
        items = hypothesis_items(journey if journey is not None else read_map(study_path))
        if not items:  # kept empty, it would stop the first interview keeping the hypothesis drafted later
            raise StoreError(
                _("nothing to keep: the map has no items without evidence; draft the hypothesis on the map first")
            )
        ids = {item.id for item in items}
        verdicts = {key: value for key, value in (old.verdicts if old else {}).items() if key in ids}
        kept = KeptHypothesis(how=how, items=items, verdicts=verdicts, taken=taken or datetime.now())  # type: ignore[arg-type]
        _write(study_path, kept)
    return kept


def write_kept(study_path: Path, kept: KeptHypothesis) -> None:
    """Store ``kept`` as the study's hypothesis as it stands (the sample's drafted journey), under the lock."""
    study_path = Path(study_path)
    with FileLock(study_path / LOCK, wait=5.0):
        drop_stale_temp_files(study_path, "hypothesis")
        _write(study_path, kept)


def keep_before_first_interview(store: StudyStore) -> KeptHypothesis | None:
    """The study's first interview is about to start: keep the map's hypothesis, once.

    Nothing is written if an interview exists already, a snapshot is kept, or the map has no
    hypothesis items. A damaged map or snapshot is not this step's to report (the map and the
    report name it) and is left as it is: the interview still starts.
    """
    if store.interview_ids():
        return None
    try:
        if read_hypothesis(store.path) is not None:
            return None
        journey = read_map(store.path)
    except StoreError:
        return None
    if not hypothesis_items(journey):
        return None
    try:
        return take_snapshot(store.path, how="first-interview", journey=journey)
    except StoreError:  # the guide and capture started together: the other one kept it (or holds its lock)
        return None


def record_verdict(study_path: Path, item_id: int, verdict: Verdict | None) -> KeptHypothesis:
    """Keep (or with None, forget) the group's answer on removing hypothesis item ``item_id``."""
    study_path = Path(study_path)
    with FileLock(study_path / LOCK, wait=5.0):
        drop_stale_temp_files(study_path, "hypothesis")
        kept = read_hypothesis(study_path)
        if kept is None or not kept.has(item_id):
            raise StoreError(_("item {item} is not in the kept hypothesis").format(item=item_id))
        verdicts = dict(kept.verdicts)
        if verdict is None:
            verdicts.pop(item_id, None)
        else:
            verdicts[item_id] = verdict
        kept = kept.model_copy(update={"verdicts": verdicts})
        _write(study_path, kept)
    return kept
