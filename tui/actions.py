"""One registry of every action: its key, footer label and help text.

Each screen module declares its actions here once; from that single list come the
screen's key bindings (with ids, so keys can be remapped), the footer, the command
palette entries and the help screen. Nothing else defines a key.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual.binding import Binding
from textual.keys import format_key

from .i18n import action_text


@dataclass(frozen=True)
class Action:
    id: str
    """Stable id, ``context.name``: used for key remapping and in tests."""
    key: str
    """Textual key spec; several keys separated by commas."""
    action: str
    """The Textual action string run on the screen (``toggle_kind('quote')``)."""
    description: str
    """Short footer label."""
    help: str = ""
    """One line for the help screen and the command palette."""
    show: bool = True
    """Shown in the footer (the rest are in help and the palette)."""
    priority: bool = False
    """Checked before the focused widget (needed for keys an Input would eat)."""
    palette: bool = True
    """Offered in the command palette."""
    short: str = ""
    """Shorter footer label for narrow terminals (the description if empty)."""
    panel: str = ""
    """The id of the panel whose keys it is (``board``, ``inbox-box``): the footer shows it only while
    that panel (or a widget in it) has the focus (``TroddenScreen.footer_panels``). Several ids, separated
    by spaces: shown for any of them. Empty: the screen's key, always shown."""

    @property
    def short_label(self) -> str:
        return self.short or self.description

    @property
    def key_display(self) -> str:
        return ", ".join(_pretty(key) for key in self.key.split(","))


def palette_words(action: Action) -> tuple[str, str]:
    """The command palette's title and help line for ``action`` (``Filter``, ``Filter the inbox…  [/]``),
    in the interface's language. Textual reads both as markup, where the key ``/`` shown as ``[/]``
    would close a tag that is not open (the palette crashed) and ``[T]`` would vanish as a style:
    every bracket is escaped, so they show as written."""
    title = action_text(action.description)
    help_line = f"{action_text(action.help or action.description)}  [{action.key_display}]"
    return as_markup(title), as_markup(help_line)


def as_markup(text: str) -> str:
    """``text`` as Textual markup that shows exactly ``text``: a backslash before every ``[``.
    (``textual.markup.escape`` leaves ``[T]`` and ``[1-9]`` alone, which Textual still reads as tags.)"""
    return text.replace("[", "\\[")


def _pretty(key: str) -> str:
    """A key as people read it: ``quotation_mark`` -> ``"``, ``ctrl+up`` -> ``ctrl+↑``."""
    *modifiers, name = key.strip().split("+")
    shown = {"enter": "enter", "escape": "esc", "space": "space"}.get(name) or format_key(name)
    return "+".join([*modifiers, shown])


REGISTRY: dict[str, list[Action]] = {}
CONTEXT_TITLES: dict[str, str] = {}


def register(context: str, title: str, actions: list[Action]) -> list[Binding]:
    """Record a screen's actions and return the bindings for its ``BINDINGS``."""
    REGISTRY[context] = list(actions)
    CONTEXT_TITLES[context] = title
    return bindings(context)


def bindings(context: str) -> list[Binding]:
    return [
        Binding(
            action.key,
            action.action,
            action.description,
            show=action.show,
            priority=action.priority,
            id=action.id,
            tooltip=action.help,
        )
        for action in REGISTRY.get(context, [])
    ]


def in_panel(panel: str, ids: set[str], actions: list[Action]) -> list[Action]:
    """``actions`` with those named in ``ids`` given to ``panel`` (``Action.panel``)."""
    return [replace(action, panel=panel) if action.id in ids else action for action in actions]


def action_by_id(action_id: str) -> Action | None:
    for actions in REGISTRY.values():
        for action in actions:
            if action.id == action_id:
                return action
    return None


def actions_for(*contexts: str) -> list[Action]:
    return [action for context in contexts for action in REGISTRY.get(context, [])]


GLOBAL = register(
    "app",
    "Everywhere",
    [
        Action("app.help", "f1", "app.show_help", "Help", "Show every key and the capture syntax", priority=True),
        Action(
            "app.palette",
            "ctrl+p",
            "app.command_palette",
            "Commands",
            "Search every action by name",
            show=False,
            palette=False,
        ),
        Action(
            "app.search",
            "ctrl+f",
            "app.search",
            "Search",
            "Find any note of the study by words, tag, channel, person, theme or phase",
            show=False,  # F1 and the palette on every screen; the footer's room is the screen's own keys
            priority=True,
        ),
        Action("app.quit", "ctrl+q", "app.quit", "Quit", "Save everything and quit", priority=True),
    ],
)
