"""Opening the map for the workshop: one editor at a time, everyone else follows read-only.

The map's lock decides who edits. The first screen to open the map edits it; a second one
opens read-only and says why. A read-only screen that reloads takes over editing once the
editor has left. This is plain storage logic, so it lives here rather than in the screen,
and it runs on a worker thread (it reads every interview's notes).
"""

from __future__ import annotations

from dataclasses import dataclass

from trodden.models.errors import Locked, StoreError
from trodden.models.storage.gc_policy import freeze_loaded_objects
from trodden.models.storage.store import StudyStore

from .evidence import StudyMapData, load_study_map
from .map_session import MapSession

SOMEONE_ELSE_EDITS = (
    "Read-only: someone else is editing this map. You see their changes as they make them;"
    " press F5 to take over once they have closed it."
)


@dataclass(frozen=True)
class OpenedMap:
    """What a (re)load gives the screen: the data, the session, and why it is read-only ("" if not)."""

    loaded: StudyMapData
    session: MapSession
    readonly: str


def open_map(store: StudyStore, session: MapSession | None = None, readonly: str = "") -> OpenedMap:
    """Re-read the study and the map, opening (or reusing) ``session``.

    No session yet: open it for editing, else read-only with the reason. A read-only
    session tries to take over editing; a writable one is refreshed. Raises ``StoreError``
    or a pydantic ``ValidationError`` when a file cannot be read (nothing is changed).
    """
    store.reload()
    if session is None:
        try:
            session = MapSession(store.path, writable=True).open()
        except Locked:
            session = MapSession(store.path, writable=False).open()
            readonly = SOMEONE_ELSE_EDITS
        except StoreError as error:
            readonly = f"Read-only: the map cannot be opened for editing ({error})."
            session = MapSession(store.path, writable=False).open()
    elif not session.writable:
        try:  # the editor may have left: take over editing
            writable = MapSession(store.path, writable=True).open()
        except StoreError:
            session.refresh()
        else:
            session.close()
            session, readonly = writable, ""
    else:
        session.refresh()
    loaded = load_study_map(store, session.load())
    freeze_loaded_objects()
    return OpenedMap(loaded, session, readonly)
