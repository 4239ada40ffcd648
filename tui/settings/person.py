"""The participant dialog: code, customer or staff, and the customer type or team, suggested from the study.

Suggestions are the study's earlier values (``known_types``), case-insensitive, so one customer
type is not typed two ways; the role decides which list (customer types or teams) is offered.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, Static

from trodden.models.domain import Participant, Role
from trodden.models.errors import StoreError
from trodden.models.names import clean_participant_code
from trodden.models.participants import known_types
from trodden.tui.base import LiteralInput, literal
from trodden.tui.i18n import _
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.widgets.option_list import SafeSelect
from trodden.tui.words import word

from .keys import PERSON_ACTIONS


@dataclass(frozen=True)
class PersonAnswer:
    code: str
    role: Role
    text: str
    new: bool


def type_suggester(participants: list[Participant], role: Role) -> SuggestFromList:
    """The study's earlier customer types (or teams), offered as the user types, any case."""
    return SuggestFromList(known_types(participants, staff=role is Role.STAFF), case_sensitive=False)


def code_problem(code: str, participants: list[Participant]) -> str:
    """Why ``code`` cannot be a new participant's ("" if it can)."""
    if not code:
        return _("Give the participant a code, such as P7")
    try:
        cleaned = clean_participant_code(code)
    except StoreError as error:
        return str(error)
    if cleaned != code:
        return _("Use letters, digits, - and _ in a code (like P7), e.g. {code}").format(code=cleaned)
    taken = next((p.code for p in participants if p.code.casefold() == code.casefold()), None)
    return _("{code} is already a participant").format(code=taken) if taken else ""


def type_label(role: Role) -> str:
    return _("Team") if role is Role.STAFF else _("Customer type")


def type_placeholder(role: Role) -> str:
    return _("warehouse") if role is Role.STAFF else _("first-time buyer")


class PersonDialog(ModalScreen[PersonAnswer | None]):
    """Add or change one participant; ctrl+s (or enter in the type field) answers, escape cancels."""

    CONTEXT = "settings.person"
    BINDINGS = PERSON_ACTIONS
    CSS_PATH = "settings.tcss"

    def __init__(self, participants: list[Participant], person: Participant | None = None, *, blink: bool = True):
        super().__init__()
        self.participants = participants
        self.person = person
        self.blink = blink

    def compose(self) -> ComposeResult:
        person = self.person
        role = person.role if person else Role.CUSTOMER
        with Vertical(id="person-box") as box:
            title = _("Participant {code}").format(code=person.code) if person else _("New participant")
            box.border_title = literal(title, one_line=True)
            yield Static(_("Code"), classes="label")
            code = LiteralInput(person.code if person else "", placeholder="P7", id="person-code", compact=True)
            code.disabled = person is not None  # interviews are filed under it
            yield code
            yield Static(_("Role"), classes="label")
            yield SafeSelect(
                [(word(Role.CUSTOMER), Role.CUSTOMER), (word(Role.STAFF), Role.STAFF)],
                value=role,
                allow_blank=False,
                id="person-role",
                compact=True,
            )
            yield Static(type_label(role), classes="label", id="person-type-label")
            field = LiteralInput(
                person.kind_text if person else "",
                placeholder=type_placeholder(Role.CUSTOMER),
                suggester=type_suggester(self.participants, role),
                id="person-type",
                compact=True,
            )
            yield field
            yield Static("", id="person-error", classes="error")
        yield FittingFooter()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = self.blink
        self.query_one("#person-type" if self.person else "#person-code", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        role = event.value if isinstance(event.value, Role) else Role.CUSTOMER
        field = self.query_one("#person-type", Input)
        field.suggester = type_suggester(self.participants, role)
        field.placeholder = type_placeholder(role)
        if self.person is not None:  # switching back and forth shows what each role had
            field.value = self.person.team if role is Role.STAFF else self.person.segment
        self.query_one("#person-type-label", Static).update(type_label(role))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        code = self.query_one("#person-code", Input).value.strip()
        problem = "" if self.person else code_problem(code, self.participants)
        if problem:
            self.query_one("#person-error", Static).update(literal(problem))
            return
        role = self.query_one("#person-role", Select).value
        text = self.query_one("#person-type", Input).value
        self.dismiss(PersonAnswer(code, role if isinstance(role, Role) else Role.CUSTOMER, text, self.person is None))

    def action_cancel(self) -> None:
        self.dismiss(None)
