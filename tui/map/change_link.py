"""From the map to change: the problem-area screen (``p``) and the target map (``T``) open over
the map's own session, after the map's pending writes are on disk (one writer at a time)."""

from __future__ import annotations

from trodden.tui.i18n import _

from .writing import MapWriting


class ChangeLink(MapWriting):
    """Opens ``tui.change`` (a mixin of ``MapScreen``)."""

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
        )
        screen.blink = self.blink
        self.app.push_screen(screen)

    def action_target_map(self) -> None:
        self.action_problem_areas("start_target")
