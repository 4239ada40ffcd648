"""The trodden Textual app: one study, a stack of screens, one action registry."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen

from trodden.models.names import visible
from trodden.tui.widgets.help import HelpScreen

from .actions import GLOBAL, actions_for
from .base import TroddenScreen

if TYPE_CHECKING:
    from trodden.models.storage.store import StudyStore

ScreenFactory = Callable[["StudyStore | None"], Screen]


class TroddenApp(App[int]):
    """Holds the open study; screens do their own I/O in workers."""

    CSS_PATH = "trodden.tcss"
    TITLE = "trodden"
    BINDINGS = GLOBAL
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, store: StudyStore | None, start: ScreenFactory | None = None) -> None:
        """``store`` may be None while a first screen opens it in a worker (capture)."""
        super().__init__()
        self.store = store
        self._start = start
        self.sub_title = visible(store.study.name, one_line=True) if store is not None else ""
        self.startup_error: Exception | None = None
        self.unsaved_lines: list[str] = []

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every toast (``widget.notify`` comes here too) shows its words as text: messages name
        files, participants and themes, so markup is never read and controls are made visible."""
        super().notify(
            visible(message), title=visible(title, one_line=True), severity=severity, timeout=timeout, markup=False
        )

    def on_mount(self) -> None:
        if self._start is not None:
            self.push_screen(self._start(self.store))
        else:
            from trodden.tui.study.screen import StudyScreen

            self.push_screen(StudyScreen(self.store))

    def action_show_help(self) -> None:
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        context = getattr(screen, "CONTEXT", "app")
        self.push_screen(HelpScreen(context, getattr(screen, "HELP_INTRO", "")))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The registry's actions for this screen, then the app's, in the palette."""
        context = screen.CONTEXT if isinstance(screen, TroddenScreen) else "app"
        seen = set()
        for action in actions_for(context, "app"):
            if not action.palette or action.id in seen:
                continue
            seen.add(action.id)
            target = screen if not action.action.startswith("app.") else self
            name = action.action.removeprefix("app.")
            yield SystemCommand(
                action.description,
                f"{action.help or action.description}  [{action.key_display}]",
                lambda target=target, name=name: self.call_later(target.run_action, name),
            )
        yield SystemCommand("Change theme", "Change the colour theme", self.action_change_theme)


def run_app(path: Path, start: ScreenFactory | None = None) -> int:
    """Open the study at ``path`` (errors surface before the screen takes over)."""
    from trodden.models.storage.store import StudyStore

    store = StudyStore.open(path)
    app = TroddenApp(store, start)
    result = app.run()
    return result or 0
