"""A small form for what redaction looks for: the participant's real name and the study's terms."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from trodden.tui.actions import Action, register
from trodden.tui.base import LiteralInput, literal
from trodden.tui.i18n import _

ACTIONS = register(
    "redaction",
    "Personal details to redact",
    [
        Action("redaction.save", "ctrl+s", "save", "Save", "Save the name and the terms", priority=True),
        Action("redaction.cancel", "escape", "cancel", "Cancel", "Close without saving"),
    ],
)


@dataclass(frozen=True)
class RedactionSettings:
    real_name: str
    terms: list[str]


def split_terms(text: str) -> list[str]:
    """``"Malin, Kjell,  ICA Maxi"`` → ``["Malin", "Kjell", "ICA Maxi"]`` (blanks and repeats dropped)."""
    seen: dict[str, None] = {}
    for term in text.split(","):
        term = " ".join(term.split())
        if term and term.casefold() not in {t.casefold() for t in seen}:
            seen[term] = None
    return list(seen)


class RedactionScreen(ModalScreen[RedactionSettings | None]):
    """Returns the new settings, or ``None`` when cancelled."""

    BINDINGS = ACTIONS
    CSS_PATH = "clean.tcss"

    def __init__(self, participant: str, real_name: str, terms: list[str], *, blink: bool = True) -> None:
        super().__init__()
        self.participant = participant
        self.real_name = real_name
        self.terms = terms
        self.blink = blink

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                literal(
                    _("Real name of {participant} (kept private, never exported)").format(participant=self.participant)
                )
            )
            name = LiteralInput(self.real_name, id="real-name", placeholder=_("e.g. Anna Svensson"))
            name.cursor_blink = self.blink
            yield name
            yield Static(_("Other words to redact in every interview, separated by commas (staff, places)"))
            terms = LiteralInput(", ".join(self.terms), id="terms", placeholder=_("e.g. Malin, Danderyds sjukhus"))
            terms.cursor_blink = self.blink
            yield terms
            yield Static(_("[dim]enter or ctrl+s saves · tab moves · esc cancels[/]"))

    def on_mount(self) -> None:
        self.query_one("#real-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        name = " ".join(self.query_one("#real-name", Input).value.split())
        self.dismiss(RedactionSettings(name, split_terms(self.query_one("#terms", Input).value)))

    def action_cancel(self) -> None:
        self.dismiss(None)
