"""Loading the map, and following the editor from a read-only screen.

Reading every interview's notes takes a while, so it runs on a worker thread and comes
back as a message; which session edits and which follows is decided in
``models.map.opening``. A read-only screen polls the map and the study every
``follow_every`` seconds so it shows the editor's changes (items, quotes, phases).
"""

from __future__ import annotations

from pydantic import ValidationError
from textual import work
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from trodden.models.errors import StoreError
from trodden.models.map.evidence import StudyMapData
from trodden.models.map.journey_map import JourneyMap
from trodden.models.map.kept_hypothesis import KeptHypothesis, read_hypothesis
from trodden.models.map.map_session import MapSession
from trodden.models.map.opening import open_map
from trodden.models.storage.study_file import StudyFile
from trodden.tui.base import literal

from .writing import MapWriting


class MapLoading(MapWriting):
    """Load, reload (F5) and follow (a mixin of ``MapScreen``)."""

    follow_every: float
    """seconds between looks at the editor's changes (0: never)"""
    _follow_timer: Timer | None

    class Loaded(Message):
        def __init__(
            self,
            loaded: StudyMapData,
            session: MapSession | None,
            readonly: str,
            kept: KeptHypothesis | None = None,
            kept_problem: str = "",
        ) -> None:
            super().__init__()
            self.loaded = loaded
            self.session = session
            self.readonly = readonly
            self.kept = kept
            self.kept_problem = kept_problem

    class Followed(Message):
        def __init__(self, journey: JourneyMap, data: StudyFile | None) -> None:
            super().__init__()
            self.journey = journey
            self.data = data

    class LoadFailed(Message):
        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    @work(thread=True, exclusive=True, group="load", description="load the map")
    def load(self) -> None:
        try:
            opened = open_map(self.store, self.session, self.readonly)
        except (StoreError, ValidationError) as error:
            self.post_message(self.LoadFailed(error))
            return
        kept, kept_problem = None, ""
        try:
            kept = read_hypothesis(self.store.path)
        except StoreError as error:  # the map still opens; the damaged snapshot is named (and by H)
            opened.loaded.problems.append(error)
            kept_problem = str(error)
        self.post_message(self.Loaded(opened.loaded, opened.session, opened.readonly, kept, kept_problem))

    def on_map_loading_load_failed(self, message: LoadFailed) -> None:
        """Nothing is changed on disk; the file is named so it can be repaired or restored."""
        banner = self.query_one("#map-banner", Static)
        banner.update(literal(f"The map cannot be opened: {message.error}"))
        banner.add_class("shown")
        self.status("Nothing was changed. Restore the file from a backup, or move it away to start a new map.", "red")

    def on_map_loading_loaded(self, message: Loaded) -> None:
        self.session = message.session
        self.readonly = message.readonly
        self.loaded = message.loaded
        self.journey = message.loaded.journey
        self.kept = message.kept
        self.kept_problem = message.kept_problem
        self._board_cache = {}
        banner = self.query_one("#map-banner", Static)
        banner.update(literal(self.readonly))
        banner.set_class(bool(self.readonly), "shown")
        self._show_saved()
        if self._follow_timer is not None:
            self._follow_timer.stop()
            self._follow_timer = None
        if self.readonly and self.follow_every:
            self._follow_timer = self.set_interval(self.follow_every, self.follow, name="follow")
        self.refresh_inbox()
        problems = "; ".join(str(p) for p in message.loaded.problems)
        index = message.loaded.index
        people = f"{len(index.participants)} customers" + (f", {len(index.staff)} staff" if index.staff else "")
        status = f"{len(index.notes)} notes from {len(message.loaded.interviews)} interviews, {people}"
        self.status(status + (f" · left out: {problems}" if problems else ""), "red" if problems else "")
        if self.focus_item is not None:
            self._focus_item(self.focus_item)
            self.focus_item = None

    @work(thread=True, exclusive=True, group="follow", description="follow the editor")
    def follow(self) -> None:
        """Read-only screens: pick up the editor's changes (map and phases)."""
        if self.session is None:
            return
        changed = self.session.refresh()
        data_changed = self.store.reload()
        if changed or data_changed:
            self.post_message(self.Followed(self.session.load(), self.store.data if data_changed else None))

    def on_map_loading_followed(self, message: Followed) -> None:
        if self.loaded is None:
            return
        self.journey = message.journey
        if message.data is not None:
            self.loaded.data = message.data
        self.refresh_inbox()

    def action_reload(self) -> None:
        self.flush_writes()
        self.status("Reloading…")
        self.load()
