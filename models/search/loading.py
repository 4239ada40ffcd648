"""One study's search index, read from disk (off the UI thread: it reads every interview).

Reading and indexing 20,000 notes takes seconds, so the last study's index is kept for the
process and used again while no file it was read from changed (their sizes and times, a few
hundred ``stat`` calls): ctrl+f a second time, or after visiting a note, opens at once. Any
write, by this process or another, changes a file's stamp and the index is read again.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from trodden.models.map.evidence import StudyMapData, load_study_map
from trodden.models.map.map_session import MAP_FOLDER
from trodden.models.storage.gc_policy import freeze_loaded_objects, paused_gc
from trodden.models.storage.layout import INTERVIEW_FILE, INTERVIEWS_DIR, NOTES_DB, STUDY_FILE

from .index import SearchIndex

if TYPE_CHECKING:
    from trodden.models.storage.store import StudyStore

_cache: dict[Path, tuple[tuple, SearchIndex, StudyMapData]] = {}
_lock = threading.Lock()


def index_of(store: StudyStore, loaded: StudyMapData) -> SearchIndex:
    """The index of ``loaded``'s notes, stemmed in the study's language."""
    return SearchIndex.build(
        loaded.index.notes.values(),
        loaded.interviews,
        language=store.study.language,
        participants=store.participants,
        guide=store.guide,
        phases=store.phases,
        journey=loaded.journey,
    )


def files_stamp(path: Path) -> tuple:
    """Name, size and change time of every file the index is read from (lock files aside)."""
    stamps = []
    folders = [(path, (STUDY_FILE,)), (path / MAP_FOLDER, ("",))]  # every researcher's map file
    folders += [(p, (INTERVIEW_FILE, NOTES_DB)) for p in _interviews(path)]
    for folder, names in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith((".lock", ".presence")) or not entry.name.startswith(names):
                continue
            try:
                info = entry.stat()
            except OSError:
                continue
            stamps.append((str(folder), entry.name, info.st_size, info.st_mtime_ns))
    return tuple(sorted(stamps))


def _interviews(path: Path) -> list[Path]:
    try:
        return [Path(entry.path) for entry in os.scandir(path / INTERVIEWS_DIR) if entry.is_dir()]
    except OSError:
        return []


def load_search(store: StudyStore) -> tuple[SearchIndex, StudyMapData]:
    """Every readable note of the study, indexed; ``StudyMapData.problems`` names what was not."""
    key = Path(store.path).resolve()
    stamp = files_stamp(key)
    with _lock:
        found = _cache.get(key)
    if found is not None and found[0] == stamp:
        return found[1], found[2]
    with paused_gc():  # a million objects built: no collector passes over them meanwhile
        loaded = load_study_map(store, without_damaged_map=True)
        index = index_of(store, loaded)
        freeze_loaded_objects()  # kept for the process (the screen's next ctrl+f): out of later scans
    with _lock:
        _cache.clear()  # one study at a time: the one being worked on
        _cache[key] = (stamp, index, loaded)
    return index, loaded
