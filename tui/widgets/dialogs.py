"""Small shared dialogs (the map uses them today): a one-line prompt, a text panel, a pick list.

Their styles are in ``dialogs.tcss`` next to this file (``CSS_PATH``)."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import RenderableType
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from trodden.tui.actions import Action, register
from trodden.tui.base import LiteralInput, literal
from trodden.tui.i18n import _
from trodden.tui.widgets.option_list import SafeOptionList

from .footer import FittingFooter

PROMPT_ACTIONS = register(
    "map.prompt",
    "Map: prompt",
    [Action("map.prompt.cancel", "escape", "cancel", "Cancel", "Close without changing anything")],
)
PANEL_ACTIONS = register(
    "map.panel",
    "Map: panel",
    [Action("map.panel.close", "escape,q", "close", "Close", "Back to the board")],
)


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text. Enter answers, escape cancels (``None``)."""

    CONTEXT = "map.prompt"
    BINDINGS = PROMPT_ACTIONS
    CSS_PATH = "dialogs.tcss"

    def __init__(self, title: str, value: str = "", hint: str = "", *, blink: bool = True) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint
        self.blink = blink

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.title_text, "bold", one_line=True))
            field = LiteralInput(value=self.value, id="prompt-input", select_on_focus=False)
            field.cursor_blink = self.blink
            yield field
            yield Static(literal(self.hint or _("enter to save · esc to cancel")), id="prompt-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


def typed_back(error: object) -> str:
    """The message when a write failed and what was typed for it is in its prompt again."""
    return _("Not saved: {error}. What you typed is back in the prompt: enter saves it again.").format(error=error)


class RetryingPrompts:
    """A screen's prompts whose answers become stored edits: while an answer is being turned into
    an edit, ``retry`` can ask the same prompt again with the words typed, so a write the disk
    refuses gives them back instead of losing them (the map's and the problem areas' ``ask``)."""

    def __init__(self) -> None:
        self._answering: tuple[PromptScreen, Callable[[str | None], None], str] | None = None

    def ask(self, app: App, prompt: PromptScreen, done: Callable[[str | None], None]) -> None:
        """Show ``prompt``; ``done`` gets the answer (None: escape)."""

        def answered(answer: str | None) -> None:
            self._answering = (prompt, done, answer) if answer is not None else None
            try:
                done(answer)
            finally:
                self._answering = None

        app.push_screen(prompt, answered)

    def retry(self, app: App) -> Callable[[str], None] | None:
        """Asking the prompt being answered again, with its answer and a line saying why (None
        outside an answer)."""
        if self._answering is None:
            return None
        prompt, done, answer = self._answering
        return lambda why: self.ask(app, PromptScreen(prompt.title_text, answer, why, blink=prompt.blink), done)


class TextPanel(ModalScreen[None]):
    """A read-only panel (checks, stats, evidence): scrolls, closes with escape."""

    CONTEXT = "map.panel"
    BINDINGS = PANEL_ACTIONS
    CSS_PATH = "dialogs.tcss"

    def __init__(self, title: str, body: RenderableType) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = literal(self.title_text, one_line=True)
            with VerticalScroll():
                yield Static(self.body, id="panel-body")
        yield FittingFooter()

    def action_close(self) -> None:
        self.dismiss(None)


PICK_ACTIONS = register(
    "map.pick",
    "Map: choose",
    [
        Action("map.pick.choose", "enter", "choose", "Choose", "Act on the highlighted line", priority=True),
        Action("map.pick.close", "escape", "close", "Close", "Back to the board"),
    ],
)


class PickScreen(ModalScreen[str | None]):
    """Choose one line (duplicate suggestions, evidence notes); returns its id."""

    CONTEXT = "map.pick"
    BINDINGS = PICK_ACTIONS
    CSS_PATH = "dialogs.tcss"

    def __init__(self, title: str, intro: Text, options: list[tuple[str, RenderableType]]) -> None:
        super().__init__()
        self.title_text = title
        self.intro = intro
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = literal(self.title_text, one_line=True)
            yield Static(self.intro, id="pick-intro")
            yield SafeOptionList(*[Option(prompt, id=key) for key, prompt in self.options], id="pick-list")
        yield FittingFooter()

    def action_choose(self) -> None:
        options = self.query_one(OptionList)
        option = options.highlighted_option
        self.dismiss(option.id if option is not None else None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
