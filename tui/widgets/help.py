"""F1: every key of the current screen and of the app, and the screen's own notes."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from trodden.models.notes.marks import LEGEND
from trodden.tui.actions import CONTEXT_TITLES, actions_for
from trodden.tui.i18n import N_, _, action_text


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", N_("Close"), id="help.close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 110; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    HelpScreen .help-title { text-style: bold; color: $accent; margin: 1 0 0 0; }
    """

    def __init__(self, context: str, intro: str = "", allowed: Callable[[str, str], bool] | None = None) -> None:
        """``allowed(context, action name)`` says whether a key works here now; help lists only those
        (a guide view served in a browser has no way back and maybe no editor)."""
        super().__init__()
        self.context = context
        self.intro = intro
        self.allowed = allowed

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            if self.intro:
                yield Static(Text.from_markup(self.intro), classes="help-intro")
            for context in (self.context, "app"):
                if context == "app" and self.context == "app" and context != self.context:
                    continue
                yield Static(_(CONTEXT_TITLES.get(context, context)), classes="help-title")
                yield Static(self._table(context))
                if self.context == "app":
                    break
            yield Static(_("Symbols"), classes="help-title")
            yield Static(self._legend())
            yield Static("[dim]" + _("esc closes this help · ctrl+p searches every action by name") + "[/]")

    @staticmethod
    def _legend() -> Table:  # the meanings are marked for translation in LEGEND_WORDS below
        """The one vocabulary of symbols (``models/notes/marks.py``): the same on every screen."""
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for symbols, meaning in LEGEND:
            table.add_row(symbols, _(meaning))
        return table

    def _table(self, context: str) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for action in actions_for(context):
            name = action.action.split("(", 1)[0]
            if self.allowed is not None and not self.allowed(context, name):
                continue
            table.add_row(action.key_display, action_text(action.help or action.description))
        return table


LEGEND_WORDS = (
    *(N_("quote"), N_("touchpoint"), N_("moment of truth"), N_("backstage"), N_("follow-up question")),
    N_("heart: positive feeling (+1, +2)"),
    N_("thundercloud: negative feeling (-1, -2)"),
    N_("feeling of an item's notes: +1 or more, above 0"),
    N_("neutral (0)"),
    N_("below 0, -1 or less"),
    N_("no feeling noted"),
    N_("customers backing an item, of all interviewed"),
    N_("hypothesis: no note backs it yet"),
)
"""The words of ``models/notes/marks.LEGEND`` (its ``KIND_NAMES`` first: capture's kind keys say them too),
so ``pybabel extract`` finds them and F1 and capture show them in the interface's language."""
