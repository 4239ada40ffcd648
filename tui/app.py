"""The trodden Textual app: one study, a stack of screens, one action registry."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen

from trodden.models.names import visible
from trodden.tui.widgets.help import HelpScreen
from trodden.tui.widgets.palette import Palette

from .actions import GLOBAL, actions_for, palette_words
from .base import TroddenScreen
from .i18n import _, choose

if TYPE_CHECKING:
    from textual.driver import Driver

    from trodden.models.storage.store import StudyStore
    from trodden.tui.guide.served import Served

ScreenFactory = Callable[["StudyStore | None"], Screen]


class TroddenApp(App[int]):
    """Holds the open study; screens do their own I/O in workers."""

    CSS_PATH = "trodden.tcss"
    TITLE = "trodden"
    BINDINGS = GLOBAL
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        store: StudyStore | None,
        start: ScreenFactory | None = None,
        *,
        served: Served | None = None,
        ui_lang: str | None = None,
        study_language: str | None = None,
    ) -> None:
        """``store`` may be None while a first screen opens it in a worker (capture).

        ``served``: shown in a browser by ``trodden serve``; the tab gets the guide view only.
        ``ui_lang``: the interface's language (``--ui-lang``); else ``TRODDEN_UI_LANG``, else the study's
        (``study_language`` while the store is still being opened).
        """
        super().__init__()
        self.ui_lang = choose(ui_lang, store.study.language if store is not None else study_language)
        self.store = store
        self._start = start
        self.served = served
        self.sub_title = visible(store.study.name, one_line=True) if store is not None else ""
        self.startup_error: Exception | None = None
        self.unsaved_lines: list[str] = []

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver; on a POSIX terminal one that writes a frame before the app works on
        (``frame_driver``: a key's change is not kept waiting by the work its frame put off)."""
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver" and driver.__module__ == "textual.drivers.linux_driver":
            from .frame_driver import FrameFirstDriver  # imports termios: POSIX only

            return FrameFirstDriver
        return driver

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
        files, participants and themes, so markup is never read and controls are made visible. A fixed
        message is translated here (one with names in it was translated where it was made)."""
        super().notify(
            visible(_(message)),
            title=visible(_(title), one_line=True),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def on_mount(self) -> None:
        if self.served is not None:
            first = self._start(self.store) if self._start is not None else None
            if first is None or not self.served.allows_first_screen(first):
                self.exit(2, return_code=2, message=_("trodden serve shows only the guide view of one interview"))
                return
            self.push_screen(first)
        elif self._start is not None:
            self.push_screen(self._start(self.store))
        else:
            from trodden.tui.study.screen import StudyScreen

            self.push_screen(StudyScreen(self.store))

    def action_show_help(self) -> None:
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        context = getattr(screen, "CONTEXT", "app")

        def allowed(where: str, action: str) -> bool:
            return (self if where == "app" else screen).check_action(action, ()) is not False

        intro = screen.help_intro() if isinstance(screen, TroddenScreen) else ""
        self.push_screen(HelpScreen(context, intro, allowed))

    def action_search(self, query: str = "") -> None:
        """ctrl+f on any screen: the study's search on top of it (focused again if already open)."""
        from trodden.tui.search.screen import SearchScreen

        if isinstance(self.screen, SearchScreen):
            self.screen.action_query()
            return
        if self.store is None:
            self.notify(_("No study is open yet."))
            return
        self.push_screen(SearchScreen(self.store, query))

    # ------------------------------------------------------------- served mode
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Every app-level action (key, palette, ``@click``) passes here; a served tab gets few."""
        if self.served is not None and not self.served.allows_app_action(action):
            return False
        return super().check_action(action, parameters)

    def push_screen(self, screen, *args, **kwargs):  # type: ignore[override]
        """A served tab shows only the screens its policy names (never the overview, capture, clean, map)."""
        if self.served is not None and not self.served.allows_screen(screen):
            raise PermissionError(f"not served: {type(screen).__name__}")
        return super().push_screen(screen, *args, **kwargs)

    def switch_screen(self, screen):  # type: ignore[override]
        if self.served is not None and not self.served.allows_screen(screen):
            raise PermissionError(f"not served: {type(screen).__name__}")
        return super().switch_screen(screen)

    def switch_mode(self, mode: str):  # type: ignore[override]
        if self.served is not None:
            raise PermissionError("not served: modes")
        return super().switch_mode(mode)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The registry's actions for this screen, then the app's, in the palette (those it may run)."""
        context = screen.CONTEXT if isinstance(screen, TroddenScreen) else "app"
        seen = set()
        for action in actions_for(context, "app"):
            if not action.palette or action.id in seen:
                continue
            seen.add(action.id)
            target = screen if not action.action.startswith("app.") else self
            name = action.action.removeprefix("app.")
            if target.check_action(name.partition("(")[0], ()) is False:
                continue
            title, help_line = palette_words(action)
            yield SystemCommand(
                title, help_line, lambda target=target, name=name: self.call_later(target.run_action, name)
            )
        yield SystemCommand(_("Change theme"), _("Change the colour theme"), self.action_change_theme)

    def action_command_palette(self) -> None:
        """Textual's palette, with its prompt in the interface's language."""
        # not CommandPalette.is_open, which looks at the top screen only: with search (ctrl+f) over an open
        # palette, a second one would be pushed under the same id (DuplicateIds ended the app)
        if self.use_command_palette and not any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            self.push_screen(Palette(placeholder=_("Search for commands…"), id="--command-palette"))


def run_app(
    path: Path, start: ScreenFactory | None = None, *, served: Served | None = None, ui_lang: str | None = None
) -> int:
    """Open the study at ``path`` (errors surface before the screen takes over)."""
    from trodden.models.storage.store import StudyStore

    store = StudyStore.open(path)
    app = TroddenApp(store, start, served=served, ui_lang=ui_lang)
    result = app.run() or 0
    return report_unsaved(app) or result


def report_unsaved(app: TroddenApp) -> int:
    """Print every line the app could not save (a disk still full at quit, an interview marked
    cleaned) to stderr, whichever screen it was typed on: the terminal is their last place. 1 if any."""
    for line in app.unsaved_lines:
        print(f"trodden: not saved: {visible(line)}", file=sys.stderr)
    return 1 if app.unsaved_lines else 0
