"""The study's settings screen (``s`` on the overview): what ``trodden new`` set, changed later.

The fields are checked by the same rule as ``trodden study DIR set`` (``models.settings``) and saved
together with ctrl+s on the screen's writer, through the locked read-modify-write of the study file,
so a capture or map open elsewhere keeps its own changes. Participants are saved one at a time from
their dialog (``person.py``). A bad value is named, and nothing typed is lost.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from trodden.models.domain import JourneyState, Role, Scope
from trodden.models.participants import put_participant
from trodden.models.settings import LANGUAGES, SettingError, apply_setting, current_value
from trodden.models.storage.store import StudyStore
from trodden.models.storage.study_file import StudyFile
from trodden.tui.base import LiteralInput, TroddenScreen, literal
from trodden.tui.i18n import N_, _
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.widgets.option_list import SafeSelect
from trodden.tui.widgets.status_line import show_status
from trodden.tui.widgets.table import FittingTable
from trodden.tui.words import ENDONYMS, word
from trodden.tui.writer import Writer

from .keys import ACTIONS, HELP_INTRO
from .person import PersonAnswer, PersonDialog

TEXT_FIELDS = {
    "name": N_("Name"),
    "purpose": N_("Purpose"),
    "author": N_("Author"),
    "redaction-terms": N_("Redaction terms"),
}
CHOICES = {
    "scope": (N_("Scope"), [(N_("whole journey"), Scope.WHOLE.value), (N_("episode"), Scope.EPISODE.value)]),
    "state": (
        N_("State"),
        [
            (N_("not chosen"), "none"),
            (N_("current state"), JourneyState.CURRENT.value),
            (N_("target state"), JourneyState.TARGET.value),
        ],
    ),
    "language": (N_("Language"), [(ENDONYMS.get(code, code), code) for code in LANGUAGES]),
    "bullets-are-clouds": (
        N_("Pasted '- '"),
        [(N_("a list bullet (dropped)"), "no"), (N_("a thundercloud"), "yes")],
    ),
}
"""The choices' labels are marked here and translated when the screen is drawn (``_choices``)."""


def _label(key: str) -> str:
    """A setting's label in the interface's language."""
    return _(TEXT_FIELDS[key]) if key in TEXT_FIELDS else _(CHOICES[key][0])


def _choices(key: str) -> tuple[str, list[tuple[str, str]]]:
    """A choice field's label and options in the interface's language (a language is shown in its own
    name, ``words.ENDONYMS``, and stored as its code)."""
    label, options = CHOICES[key]
    if key == "language":
        return _(label), options
    return _(label), [(_(shown), value) for shown, value in options]


ORDER = ["name", "purpose", "author", "scope", "state", "language", "bullets-are-clouds", "redaction-terms"]


class SettingsScreen(TroddenScreen):
    CONTEXT = "settings"
    BINDINGS = ACTIONS
    HELP_INTRO = HELP_INTRO
    CSS_PATH = "settings.tcss"

    class Saved(Message):
        """A write finished on the writer thread (``error`` if it failed)."""

        def __init__(self, data: StudyFile | None, done: str, error: Exception | None = None) -> None:
            super().__init__()
            self.data = data
            self.done = done
            self.error = error

    def __init__(self, store: StudyStore, *, blink: bool = True) -> None:
        super().__init__()
        self.store = store
        self.blink = blink
        self.writer = Writer(self, "settings")
        self._leaving = False
        self._submitted: dict[str, str] = {}
        """the settings of the save under way, as typed"""

    def compose(self) -> ComposeResult:
        data = self.store.data
        yield Static(literal(self._title(), one_line=True), classes="screen-title", id="title")
        with Vertical(id="settings-form"):
            for key in ORDER:
                with Horizontal(classes="setting"):
                    if key in TEXT_FIELDS:
                        yield Static(_(TEXT_FIELDS[key]), classes="label")
                        field = LiteralInput(current_value(data, key), id=f"set-{key}", compact=True)
                        field.cursor_blink = self.blink
                        yield field
                    else:
                        label, options = _choices(key)
                        yield Static(label, classes="label")
                        value = current_value(data, key)
                        yield SafeSelect(options, value=value, allow_blank=False, id=f"set-{key}", compact=True)
        hint = _("Redaction terms: words always hidden in exports, separated by commas")
        yield Static(literal(" " + hint), classes="muted")
        table = FittingTable(id="participants", cursor_type="row", zebra_stripes=True)
        table.border_title = _("Participants (ctrl+n adds, enter or ctrl+e edits)")
        yield table
        yield Static("", id="settings-status")
        yield FittingFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Code"), _("Role"), _("Customer type / team"))
        self._fill_participants()
        self.query_one("#set-name", Input).focus()

    def _fill_participants(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for person in self.store.participants:
            table.add_row(
                literal(person.code, one_line=True),
                word(person.role),
                literal(person.kind_text or "–", one_line=True),
                key=person.code,
            )
        table.border_title = _("Participants: {n} (ctrl+n adds, enter or ctrl+e edits)").format(
            n=len(self.store.participants)
        )

    def _title(self) -> str:
        return _("trodden · settings · {study}").format(study=self.store.study.name)

    def status(self, message: str, style: str = "") -> None:
        show_status(self.query_one("#settings-status", Static), message, style)

    # ------------------------------------------------------------------ fields
    def typed(self) -> dict[str, str]:
        """Every setting as on screen now."""
        values = {}
        for key in ORDER:
            widget = self.query_one(f"#set-{key}")
            values[key] = widget.value if isinstance(widget, Input) else str(widget.value)  # type: ignore[attr-defined]
        return values

    def changed(self) -> dict[str, str]:
        return {key: value for key, value in self.typed().items() if value != current_value(self.store.data, key)}

    def action_save(self) -> None:
        changes = self.changed()
        if not changes:
            self.status(_("Nothing to save: the settings are as stored"), "dim")
            return
        try:  # checked here first, so a bad value is named at once and the rest is not half-saved
            trial = self.store.data.model_copy(deep=True)
            for key, value in changes.items():
                apply_setting(trial, key, value)
        except SettingError as error:
            self.status(str(error), "bold red")
            return

        def change(data: StudyFile) -> None:
            for key, value in changes.items():
                apply_setting(data, key, value)

        done = _("Saved: {fields}").format(fields=", ".join(_label(key).lower() for key in changes))
        self._submitted = changes
        self.status(_("Saving…"), "dim")
        self.writer.submit(lambda: self.Saved(self.store.update(change), done), on_error=self._not_saved)

    def _not_saved(self, error: Exception) -> Message:
        return self.Saved(None, "", error)

    def on_settings_screen_saved(self, message: Saved) -> None:
        if message.error is not None:
            self._leaving = False
            text = _("Not saved: {error}. What you typed is still here; ctrl+s tries again.").format(
                error=message.error
            )
            self.status(text, "bold red")
            return
        self.query_one("#title", Static).update(literal(self._title(), one_line=True))
        for key, value in self._submitted.items():  # as stored ("a,b " is kept as "a, b"), unless typed over since
            widget = self.query_one(f"#set-{key}")
            if isinstance(widget, Input) and widget.value == value:
                widget.value = current_value(self.store.data, key)
        self._submitted = {}
        self._fill_participants()
        self.status(message.done, "green")
        if self._leaving:
            self.dismiss(True)

    # ------------------------------------------------------------ participants
    def _highlighted_code(self) -> str | None:
        table = self.query_one(DataTable)
        people = self.store.participants
        if not people or not 0 <= table.cursor_row < len(people):
            return None
        return people[table.cursor_row].code

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_participant()

    def action_add_participant(self) -> None:
        self.app.push_screen(PersonDialog(self.store.participants, blink=self.blink), self._person_answered)

    def action_edit_participant(self) -> None:
        code = self._highlighted_code()
        person = self.store.data.participant(code) if code else None
        if person is None:
            self.status(_("No participant highlighted: ctrl+n adds one"), "yellow")
            return
        self.app.push_screen(PersonDialog(self.store.participants, person, blink=self.blink), self._person_answered)

    def _person_answered(self, answer: PersonAnswer | None) -> None:
        if answer is None:
            return

        def change(data: StudyFile) -> None:
            put_participant(data.participants, answer.code, answer.role, answer.text, new=answer.new)

        kind = word(Role.STAFF if answer.role is Role.STAFF else Role.CUSTOMER)
        if answer.text.strip():
            kind += f", {answer.text.strip()}"
        done = (_("Added {code}: {kind}") if answer.new else _("Changed {code}: {kind}")).format(
            code=answer.code, kind=kind
        )
        self.writer.submit(lambda: self.Saved(self.store.update(change), done), on_error=self._not_saved)

    # -------------------------------------------------------------------- leave
    def action_back(self) -> None:
        if self.changed() and not self._leaving:
            self._leaving = True
            self.status(_("Unsaved changes: ctrl+s saves and goes back, escape again leaves them unsaved"), "yellow")
            return
        self.dismiss(False)

    def on_unmount(self) -> None:
        self.writer.close()
