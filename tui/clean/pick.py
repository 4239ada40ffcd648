"""A small modal list to pick a guide theme or a journey phase for a note.

Named apart from the map's ``PickScreen`` (widgets/dialogs.py): styles select screens by class name.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from trodden.tui.actions import Action, register
from trodden.tui.base import literal
from trodden.tui.i18n import _
from trodden.tui.widgets.option_list import SafeOptionList

ACTIONS = register(
    "pick",
    "Picking a theme or phase",
    [Action("pick.cancel", "escape", "cancel", "Cancel", "Close the list without changing the note")],
)

NONE = "\x00none"
"""The option id meaning "no theme / no phase" (an id no theme or phase can have)."""


class NotePickScreen(ModalScreen[str | None]):
    """Returns the chosen id, ``NONE`` for "none", or ``None`` when cancelled."""

    BINDINGS = ACTIONS
    CSS_PATH = "clean.tcss"

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str | None, none_label: str) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current
        self.none_label = none_label

    def compose(self) -> ComposeResult:
        options = [Option(literal(self.none_label), id=NONE)]
        options += [
            Option(literal(f"{number}. {label}"), id=key) for number, (key, label) in enumerate(self.choices, 1)
        ]
        with Vertical():
            yield Static(literal(self.title_text), classes="section-title")
            yield SafeOptionList(*options, id="pick")
            yield Static(_("[dim]enter picks · esc cancels[/]"))

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        keys = [NONE] + [key for key, _ in self.choices]
        option_list.highlighted = keys.index(self.current) if self.current in keys else 0
        option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
