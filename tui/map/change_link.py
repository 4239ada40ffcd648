"""From the map to change: the problem-area screen (``p``) and the target map (``T``) open over
the map's own session, after the map's pending writes are on disk (one writer at a time)."""

from __future__ import annotations

from collections.abc import Callable

from trodden.models.map.map_session import MapSession
from trodden.tui.i18n import _

from .writing import MapWriting


class ChangeLink(MapWriting):
    """Opens ``tui.change`` (a mixin of ``MapScreen``)."""

    def reopen_session(self, then: Callable[[MapSession | None], None]) -> None:
        """A fresh session for a screen over the map whose write failed in the shared one (a failed
        session refuses every later write, even once the disk has room): the map is loaded again,
        which closes the failed session and opens another (``open_map``), and ``then`` gets it
        (None: it could not be opened)."""
        self.reopened.append(then)
        self.load()

    def action_problem_areas(self, then: str = "") -> None:
        if self.loaded is None:
            self.status(_("The map is still loading"), "yellow")
            return
        from trodden.tui.change.screen import ChangeScreen

        self.flush_writes()
        screen = ChangeScreen(
            self.store.study.name,
            self.session,
            self.loaded,
            self.journey,
            readonly=bool(self.readonly),
            then=then,
            selected=tuple(sorted(self.selected)),
            reopen=self.reopen_session,
        )
        screen.blink = self.blink
        self.app.push_screen(screen)

    def action_target_map(self) -> None:
        self.action_problem_areas("start_target")
