"""What the guide may do when ``trodden serve`` shows it in a browser: the guide view of one interview.

A browser tab on a tablet in a meeting room is not the researcher's own terminal. The app
served to it opens on one interview's guide view and stays there: no study overview, no
capture, clean or map, no guide editor unless ``--allow-edit-guide``, never the editor's
file import (it reads a path on the server), never a screenshot or anything else that
writes a file at a chosen path. Every action (a key, a palette entry, a ``@click`` in
text) goes through ``check_action``, and every screen through ``push_screen``; the app and
the guide screens ask this policy in both places, so one list decides. The lists allow
(rather than refuse) by name: an action added to Textual or to the app later is refused
in a served tab until it is named here or in the registry.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.command import CommandPalette
from textual.screen import Screen

APP_ACTIONS = frozenset(
    {
        "show_help",  # F1: lists keys, reads nothing
        "quit",  # ends this tab's process; the study is saved as always
        "help_quit",  # ctrl+c: only says how to quit
        "command_palette",  # offers only what check_action allows
        "change_theme",
        "focus_next",
        "focus_previous",
        "bell",
    }
)
"""App-level actions a served tab may run; everything else (screenshot, push/switch screen,
switch mode, simulate key, suspend, notify, class changes...) is refused."""

SCREEN_BASICS = frozenset({"copy_text", "focus", "blur", "maximize", "minimize"})
"""Textual's own screen actions a served tab may run (not ``dismiss``: it would leave the guide view)."""

GUIDE_REFUSED = frozenset({"back"})
"""Guide view actions never served: ``back`` would leave the one screen the tab has."""

EDITOR_REFUSED = frozenset({"import_file"})
"""Guide editor actions never served: import reads a file on the server."""


def _registered(context: str) -> frozenset[str]:
    """The screen actions the registry (tui/actions.py) lists for ``context``, by method name."""
    from trodden.tui.actions import actions_for

    return frozenset(
        action.action.partition("(")[0] for action in actions_for(context) if not action.action.startswith("app.")
    )


@dataclass(frozen=True)
class Served:
    """The restrictions of a served tab; ``allow_edit_guide`` opens the guide editor from the guide view."""

    allow_edit_guide: bool = False

    def allows_app_action(self, name: str) -> bool:
        return name in APP_ACTIONS

    def allows_guide_action(self, name: str) -> bool:
        """The guide's registered keys and Textual's harmless screen actions; nothing else by name."""
        if name == "edit_guide":
            return self.allow_edit_guide
        return name in (_registered("guide") - GUIDE_REFUSED) | SCREEN_BASICS

    def allows_editor_action(self, name: str) -> bool:
        return name in (_registered("guide_editor") - EDITOR_REFUSED) | SCREEN_BASICS

    def allows_screen(self, screen: Screen | str) -> bool:
        """The guide view, its editor if allowed, help and the command palette; nothing named or else."""
        if isinstance(screen, str):
            return False  # an installed screen by name: trodden installs none, so none is served
        from trodden.tui.widgets.help import HelpScreen

        from .editor import GuideEditor
        from .view import GuideView

        if isinstance(screen, GuideEditor):
            return self.allow_edit_guide
        return isinstance(screen, GuideView | HelpScreen | CommandPalette)

    def allows_first_screen(self, screen: Screen) -> bool:
        from .view import GuideView

        return isinstance(screen, GuideView)


def served_of(screen: Screen) -> Served | None:
    """The policy of the app showing ``screen``, None when it is not served."""
    served = getattr(screen.app, "served", None)
    return served if isinstance(served, Served) else None
