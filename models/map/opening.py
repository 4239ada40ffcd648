"""Opening the map for the workshop: everyone edits at once; ``--read-only`` only watches.

Each screen opens its own session (its own ``map/<who>.updates``) and follows the others'
files. A screen falls back to read-only, saying why, only when its own file cannot be written
(a damaged own file, a read-only folder). This is plain storage logic, so it lives here
rather than in the screen, and it runs on a worker thread (it reads every interview's notes).
"""

from __future__ import annotations

from dataclasses import dataclass

from trodden.models.errors import StoreError
from trodden.models.storage.gc_policy import freeze_loaded_objects
from trodden.models.storage.store import StudyStore

from .evidence import StudyMapData, load_study_map
from .map_session import MapSession

WATCHING = "Read-only: you are watching this map (--read-only). Everyone's changes show as they make them."


@dataclass(frozen=True)
class OpenedMap:
    """What a (re)load gives the screen: the data, the session, and why it is read-only ("" if not)."""

    loaded: StudyMapData
    session: MapSession
    readonly: str


def open_map(
    store: StudyStore,
    session: MapSession | None = None,
    readonly: str = "",
    *,
    who: str | None = None,
    watch: bool = False,
) -> OpenedMap:
    """Re-read the study and the map, opening (or reusing) ``session``.

    No session yet (or one whose last write failed): open one for editing (``watch``: read-only),
    else read-only with the reason. Raises ``StoreError`` or a pydantic ``ValidationError`` when
    a file cannot be read (nothing is changed).
    """
    store.reload()
    if session is not None and session.broken is not None:
        session.close()
        session = None
    if session is None:
        if watch:
            session, readonly = MapSession(store.path, writable=False, who=who).open(), WATCHING
        else:
            try:
                session, readonly = MapSession(store.path, writable=True, who=who).open(), ""
            except StoreError as error:
                readonly = f"Read-only: the map cannot be opened for editing ({error})."
                session = MapSession(store.path, writable=False, who=who).open()
    else:
        session.refresh()
    store.follow_phases(session)  # the phases on screen, in capture's and the exports' store: the map's
    loaded = load_study_map(store, session.load())
    freeze_loaded_objects()
    return OpenedMap(loaded, session, readonly)
