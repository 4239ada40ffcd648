"""The phases every reader sees: the shared map's, or ``study.json``'s while no map exists.

``StudyStore.data``/``phases`` come from here (``models.storage`` asks at first use, and again on
``reload`` when a map file changed), so the overview, capture's ``/phase``, the guide, ``check``,
``stats`` and every export see the phases the workshop edits together. A screen holding a live
``MapSession`` hands it to the store (``StudyStore.follow_phases``) and nothing is read twice.
"""

from __future__ import annotations

from pathlib import Path

from trodden.models.domain import Phase
from trodden.models.errors import StoreError

from .map_session import MAP_FOLDER, MapSession
from .phase_doc import ordered
from .update_files import SUFFIX

Stamp = tuple[tuple[str, int, int], ...]


def map_stamp(study_path: Path) -> Stamp:
    """The map files' names, sizes and times: a change in any may have changed the phases."""
    out = []
    for path in sorted((Path(study_path) / MAP_FOLDER).glob(f"*{SUFFIX}")):
        try:
            stat = path.stat()
        except OSError:
            continue
        out.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(out)


def read_phases(study_path: Path, from_study_file: list[Phase], stamp: Stamp) -> list[Phase]:
    """The phases in order: the map's when one exists (read-only), else ``study.json``'s."""
    if stamp:
        try:
            with MapSession(Path(study_path), writable=False) as session:
                return session.phases()
        except StoreError:
            pass  # a map that cannot be read is named by the map's readers; the study's phases show
    return ordered(list(from_study_file))
