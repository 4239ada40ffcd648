"""The clean screen: walk an interview's notes right after it and make them fit to share.

Fix words, kinds, feelings, channels, tags, theme and phase; merge, split, delete; check
quotes verbatim; see personal details highlighted; undo any step; mark the interview
cleaned and export it for the group. Every step is stored at once (one write per step,
in order, on a background thread); the words as typed stay in each note's history.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from trodden.models.domain import InterviewStatus, Kind, Note
from trodden.models.errors import Locked, StoreError
from trodden.models.notes import cleaning
from trodden.models.notes.cleaning import CleanError, CleanState, line_of
from trodden.models.notes.redaction import Redactor
from trodden.models.storage.session import InterviewSession
from trodden.models.storage.store import StudyStore
from trodden.tui.actions import Action, register
from trodden.tui.base import TroddenScreen, literal
from trodden.tui.cli.export_interview import write_group_exports
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.widgets.table import FittingTable

from .pick import NONE, PickScreen
from .rows import cells, detail
from .terms import RedactionScreen, RedactionSettings
from .writer import Job, SerialWriter

ACTIONS = register(
    "clean",
    "Cleaning notes",
    [
        Action(
            "clean.edit", "enter,e", "edit", "Edit", "Edit the note's line (capture syntax); enter saves, esc cancels"
        ),
        Action(
            "clean.quote",
            "quotation_mark",
            "toggle_kind('quote')",
            "Quote",
            'Mark or unmark as a quote (")',
            show=False,
        ),
        Action(
            "clean.touchpoint",
            "asterisk",
            "toggle_kind('touchpoint')",
            "Touchpoint",
            "Touchpoint on/off (*)",
            show=False,
        ),
        Action(
            "clean.moment",
            "exclamation_mark",
            "toggle_kind('moment')",
            "Moment",
            "Moment of truth on/off (!)",
            show=False,
        ),
        Action(
            "clean.backstage",
            "percent_sign",
            "toggle_kind('backstage')",
            "Backstage",
            "Backstage on/off (%)",
            show=False,
        ),
        Action(
            "clean.question",
            "question_mark",
            "toggle_kind('question')",
            "Follow-up",
            "Follow-up question on/off (?)",
            show=False,
        ),
        Action("clean.heart", "plus", "valence(1)", "Heart", "One step towards a heart (+)", show=False),
        Action("clean.cloud", "minus", "valence(-1)", "Cloud", "One step towards a thundercloud (-)", show=False),
        Action("clean.neutral", "0", "clear_valence", "No feeling", "Clear the feeling (0)", show=False),
        Action(
            "clean.verbatim",
            "v",
            "verbatim",
            "Verbatim",
            "Mark a quote's words as checked verbatim (again to unmark)",
        ),
        Action("clean.theme", "t", "pick_theme", "Theme", "Move the note to another guide theme"),
        Action("clean.phase", "p", "pick_phase", "Phase", "Place the note in another journey phase"),
        Action("clean.merge", "j", "merge", "Join", "Join the next note onto this one (merge neighbours)"),
        Action(
            "clean.split", "s", "split", "Split", "Split the note: put the cursor where the second note starts, enter"
        ),
        Action(
            "clean.delete", "d,delete", "delete", "Delete", "Delete the note (soft: again, or undo, brings it back)"
        ),
        Action("clean.undo", "ctrl+z", "undo", "Undo", "Undo the last change", priority=True),
        Action("clean.deleted", "x", "toggle_deleted", "Show deleted", "Show or hide deleted notes", show=False),
        Action(
            "clean.next_flag",
            "n",
            "next_flag",
            "Next to check",
            "Jump to the next personal detail or unchecked quote",
            show=False,
        ),
        Action(
            "clean.redaction",
            "r",
            "redaction",
            "Redact…",
            "Set the participant's real name and the study's extra words to redact",
        ),
        Action("clean.cleaned", "c", "mark_cleaned", "Cleaned", "Mark the interview cleaned (again: back to done)"),
        Action(
            "clean.export",
            "ctrl+e",
            "export",
            "Export",
            "Write the notes for the group (Word and Markdown, redacted) to exports/",
        ),
        Action("clean.back", "escape", "back", "Back", "Leave the editor, or the screen"),
    ],
)

HELP_INTRO = """[b]Cleaning an interview's notes[/b]
Walk every note: fix typos and shorthand in its line ([b]enter[/b]), using the capture syntax:
[b]"[/b] quote  [b]+[/b]/[b]++[/b] heart  [b]-[/b]/[b]--[/b] thundercloud  [b]*[/b] touchpoint  [b]![/b] moment  [b]%[/b] backstage  [b]?[/b] follow-up  [b]@channel[/b]  [b]#tag[/b]
Quotes must stay verbatim: [b]✎ changed[/b] means the words differ from what was typed live; check them and press [b]v[/b].
[on rgb(255,170,120)] Highlighted [/] words are personal details (the participant's name, phone numbers, e-mails,
the study's redaction terms); exports replace them with markers like \\[name] unless asked otherwise.
Every change is saved at once and the words as typed stay in the note's history."""


class CleanScreen(TroddenScreen):
    CONTEXT = "clean"
    BINDINGS = ACTIONS
    HELP_INTRO = HELP_INTRO
    DEFAULT_CSS = """
    CleanScreen #detail { height: auto; max-height: 8; padding: 0 1; border-top: solid $panel; }
    CleanScreen #editor { margin: 0 0; }
    CleanScreen #message { height: 1; padding: 0 1; }
    """

    class Loaded(Message):
        def __init__(self, session: InterviewSession | None, notes: list[Note], problem: str | None) -> None:
            super().__init__()
            self.session = session
            self.notes = notes
            self.problem = problem

    class Saved(Message):
        def __init__(self, text: str, error: bool = False) -> None:
            super().__init__()
            self.text = text
            self.error = error

    def __init__(
        self,
        store: StudyStore,
        interview_id: str,
        *,
        clock: Callable[[], datetime] = datetime.now,
        blink: bool = True,
    ) -> None:
        super().__init__()
        self.store = store
        self.interview_id = interview_id
        self.clock = clock
        self.blink = blink
        self.session: InterviewSession | None = None
        self.state = CleanState.of([])
        self.redactor = Redactor.for_study(store.data)
        self.themes = {theme.id: theme.title for theme in store.guide.themes}
        self.phases = {phase.id: phase.name for phase in store.phases}
        self.show_deleted = False
        self.split_mode = False
        self.editing = False
        """True while the editor holds the user's unsaved words (never overwrite them)."""
        self.rows: list[int] = []
        self.writer = SerialWriter(self, lambda text, error: self.post_message(self.Saved(text, error)))
        self._closed = False
        self._cell_cache: dict[int, tuple[Note, list[Text]]] = {}

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Static("", classes="screen-title", id="title")
        yield FittingTable(id="notes", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail")
        editor = Input(placeholder="select a note; enter edits its line", id="editor", select_on_focus=False)
        editor.cursor_blink = self.blink
        yield editor
        yield Static("", id="message", classes="muted")
        yield FittingFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        width = max(self.app.size.width, 60)
        note_width = max(width - 48 - 12 - 2, 20)  # other columns, cell padding, scrollbar
        for label, size in (
            ("Time", 5),
            ("Marks", 5),
            ("Note", note_width),
            ("Theme", 16),
            ("Phase", 12),
            ("Check", 10),
        ):
            table.add_column(label, width=size, key=label.lower())
        self._update_title()
        self.load()

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        problem = None
        try:
            try:
                session = self.store.open_interview(self.interview_id, writable=True)
            except Locked as error:
                session = self.store.open_interview(self.interview_id, writable=False)
                problem = f"read-only: {error}"
        except StoreError as error:
            self.post_message(self.Loaded(None, [], str(error)))
            return
        if self._closed:  # the screen was left before the notes arrived
            session.close()
            return
        self.post_message(self.Loaded(session, session.notes(include_deleted=True), problem))

    def on_clean_screen_loaded(self, message: Loaded) -> None:
        if self._closed:
            if message.session is not None:
                message.session.close()
            return
        self.session = message.session
        self.state = CleanState.of(message.notes)
        self._update_title()
        self._rebuild()
        if message.problem:
            self._say(message.problem, error=True)
        else:
            count = sum(1 for note in self.state.ordered() if self.redactor.find(note.text))
            self._say(f"{len(self.state.ordered())} notes · {count} with personal details highlighted")
        self.query_one(DataTable).focus()

    def on_unmount(self) -> None:
        self._closed = True
        self._close_session()

    def _close_session(self) -> None:
        session, self.session = self.session, None
        if session is not None:
            self.writer.finish(session.close)

    # ------------------------------------------------------------- rendering
    def _update_title(self) -> None:
        interview = self.session.interview if self.session else None
        text = Text(" Clean · ")
        if interview is None:
            text.append(literal(self.interview_id))
        else:
            text.append(literal(f"{interview.participant} · {interview.id} · "))
            style = "bold green" if interview.status is InterviewStatus.CLEANED else "yellow"
            text.append(interview.status.value, style=style)
            if self.session and not self.session.writable:
                text.append(" · read-only", style="bold red")
        self.query_one("#title", Static).update(text)

    def _visible(self) -> list[Note]:
        return self.state.ordered(include_deleted=self.show_deleted)

    def _rebuild(self, select: int | None = None) -> None:
        table = self.query_one(DataTable)
        current = select if select is not None else self.selected_seq()
        notes = self._visible()
        table.clear()
        self.rows = [note.seq for note in notes]
        for note in notes:
            table.add_row(*self._cells(note), key=str(note.seq))
        if current in self.rows:
            table.move_cursor(row=self.rows.index(current))
        self._show_selected()

    def _cells(self, note: Note) -> list[Text]:
        """A note's cells, computed once per version of the note (rebuilds stay fast)."""
        cached = self._cell_cache.get(note.seq)
        if cached is None or cached[0] != note:
            cached = (note, cells(note, self.redactor, self.themes, self.phases))
            self._cell_cache[note.seq] = cached
        return cached[1]

    def _refresh(self, seqs: list[int], select: int | None = None) -> None:
        """Update changed rows in place, drop removed ones; rebuild only when rows appear."""
        table = self.query_one(DataTable)
        wanted = [note.seq for note in self._visible()]
        if wanted != self.rows:
            gone = set(self.rows) - set(wanted)
            if [seq for seq in self.rows if seq not in gone] != wanted:
                self._rebuild(select)
                return
            for seq in gone:
                table.remove_row(str(seq))
            self.rows = wanted
        keys = ("time", "marks", "note", "theme", "phase", "check")
        for seq in seqs:
            if seq in self.rows:
                for key, value in zip(keys, self._cells(self.state.notes[seq]), strict=True):
                    table.update_cell(str(seq), key, value)
        if select is not None and select in self.rows:
            table.move_cursor(row=self.rows.index(select))
        self._show_selected()

    def _show_selected(self) -> None:
        note = self.selected_note()
        self.query_one("#detail", Static).update(detail(note, self.redactor, self.themes, self.phases))
        editor = self.query_one("#editor", Input)
        if not self.editing:
            editor.value = line_of(note) if note else ""

    def _say(self, text: str, *, error: bool = False) -> None:
        widget = self.query_one("#message", Static)
        widget.update(Text(text, style="bold red" if error else ""))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_selected()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row (the table takes the key before the screen): edit the note."""
        self.action_edit()

    # ----------------------------------------------------------- selection
    def selected_seq(self) -> int | None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def selected_note(self) -> Note | None:
        seq = self.selected_seq()
        return self.state.notes.get(seq) if seq is not None else None

    # --------------------------------------------------------------- writing
    def _writable(self) -> bool:
        if self.session is None:
            self._say("the notes are not loaded", error=True)
            return False
        if not self.session.writable:
            self._say("read-only: another trodden is writing this interview", error=True)
            return False
        return True

    def _apply(self, label: str, after: list[Note], select: int | None = None) -> None:
        """Record a step (for undo), show it, and store it in the background."""
        change = self.state.apply(label, after)
        session = self.session
        notes = list(change.after)

        def job() -> str:
            session.save_notes(notes)
            return f"saved: {label}"

        self._submit(job)
        self._refresh([note.seq for note in notes], select)

    def _submit(self, job: Job) -> None:
        self.writer.submit(job)

    def on_clean_screen_saved(self, message: Saved) -> None:
        self._say(message.text, error=message.error)
        if message.error and self.session is not None:
            # Show what is really on disk; the undo history no longer matches it.
            self.state = CleanState.of(self.session.notes(include_deleted=True))
            self._rebuild()
        self._update_title()

    def _with_note(self, label: str, change: Callable[[Note], Note | list[Note]]) -> None:
        note = self.selected_note()
        if note is None or not self._writable():
            return
        try:
            result = change(note)
        except CleanError as error:
            self._say(str(error), error=True)
            return
        notes = result if isinstance(result, list) else [result]
        self._apply(label, notes, select=note.seq)

    # ---------------------------------------------------------------- actions
    def action_toggle_kind(self, kind: str) -> None:
        self._with_note(f"{kind} on/off", lambda note: cleaning.toggle_kind(note, Kind(kind), self.clock()))

    def action_valence(self, step: int) -> None:
        self._with_note("feeling", lambda note: cleaning.nudge_valence(note, step, self.clock()))

    def action_clear_valence(self) -> None:
        self._with_note("feeling cleared", lambda note: cleaning.set_valence(note, None, self.clock()))

    def action_verbatim(self) -> None:
        self._with_note("verbatim check", lambda note: cleaning.set_checked(note, not note.checked))

    def action_delete(self) -> None:
        note = self.selected_note()
        if note is None:
            return
        row = self.query_one(DataTable).cursor_row
        label = "restore" if note.deleted else "delete"
        self._with_note(label, lambda n: cleaning.set_deleted(n, not n.deleted))
        if not self.show_deleted and self.rows:
            self.query_one(DataTable).move_cursor(row=min(row, len(self.rows) - 1))
            self._show_selected()

    def action_merge(self) -> None:
        note = self.selected_note()
        if note is None or not self._writable():
            return
        if note.deleted:
            self._say("restore the note first (d)", error=True)
            return
        following = self.state.neighbour_after(note.seq)
        if following is None:
            self._say("this is the last note: nothing to join onto it", error=True)
            return
        merged, gone = cleaning.merge(note, following, self.clock())
        self._apply("join", [merged, gone], select=note.seq)

    def action_edit(self) -> None:
        if self.selected_note() is None or not self._writable():
            return
        self.split_mode = False
        self.editing = True
        editor = self.query_one("#editor", Input)
        editor.focus()
        editor.cursor_position = len(editor.value)
        self._say("editing: enter saves · esc cancels")

    def action_split(self) -> None:
        note = self.selected_note()
        if note is None or not self._writable():
            return
        editor = self.query_one("#editor", Input)
        editor.value = line_of(note)
        self.split_mode = True
        self.editing = True
        editor.focus()
        start = editor.value.find(note.text)
        editor.cursor_position = max(start, 0) + len(note.text) // 2
        self._say("split: move the cursor to where the second note starts, then enter · esc cancels")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        note = self.selected_note()
        if note is None or not self._writable():
            return
        editor = event.input
        if self.split_mode:
            self.split_mode = False
            self.editing = False
            line = line_of(note)
            if editor.value != line:
                self._say("split needs the line unchanged: esc, then edit and split separately", error=True)
                return
            start = max(line.find(note.text), 0)
            position = min(max(editor.cursor_position - start, 0), len(note.text))
            try:
                first, second = cleaning.split(note, position, self.state.next_seq(), self.clock())
            except CleanError as error:
                self._say(str(error), error=True)
                return
            self.query_one(DataTable).focus()
            self._apply("split", [first, second], select=second.seq)
            return
        try:
            updated = cleaning.edit(note, editor.value, self.clock())
        except CleanError as error:
            self._say(str(error), error=True)
            return
        self.editing = False
        self.query_one(DataTable).focus()
        self._apply("edit", [updated], select=note.seq)

    def action_undo(self) -> None:
        if not self._writable():
            return
        change = self.state.undo()
        if change is None:
            self._say("nothing to undo")
            return
        notes = list(change.after)
        session = self.session

        def job() -> str:
            session.save_notes(notes)
            return f"{change.label} (saved)"

        self._submit(job)
        live = [note.seq for note in notes if not note.deleted]
        self._refresh([note.seq for note in notes], select=live[0] if live else None)
        self._say(change.label)

    def action_toggle_deleted(self) -> None:
        self.show_deleted = not self.show_deleted
        self._rebuild()
        self._say("showing deleted notes" if self.show_deleted else "deleted notes hidden")

    def action_next_flag(self) -> None:
        if not self.rows:
            return
        start = self.query_one(DataTable).cursor_row
        for offset in range(1, len(self.rows) + 1):
            index = (start + offset) % len(self.rows)
            note = self.state.notes[self.rows[index]]
            if self.redactor.find(note.text) or (note.has(Kind.QUOTE) and not note.checked):
                self.query_one(DataTable).move_cursor(row=index)
                return
        self._say("nothing left to check")

    def action_pick_theme(self) -> None:
        note = self.selected_note()
        if note is None or not self._writable():
            return
        choices = [(theme.id, theme.title) for theme in self.store.guide.themes]

        def chosen(key: str | None) -> None:
            if key is not None:
                self._with_note("theme", lambda n: cleaning.set_theme(n, None if key == NONE else key))

        self.app.push_screen(PickScreen("Guide theme of this note", choices, note.theme, "(no theme)"), chosen)

    def action_pick_phase(self) -> None:
        note = self.selected_note()
        if note is None or not self._writable():
            return
        choices = [(phase.id, phase.name) for phase in self.store.phases]

        def chosen(key: str | None) -> None:
            if key is not None:
                self._with_note("phase", lambda n: cleaning.set_phase(n, None if key == NONE else key))

        self.app.push_screen(PickScreen("Journey phase of this note", choices, note.phase, "(no phase)"), chosen)

    def action_redaction(self) -> None:
        interview = self.session.interview if self.session else None
        if interview is None:
            return
        participant = self.store.data.participant(interview.participant)
        screen = RedactionScreen(
            interview.participant,
            (participant.real_name or "") if participant else "",
            list(self.store.data.redaction_terms),
            blink=self.blink,
        )

        def chosen(settings: RedactionSettings | None) -> None:
            if settings is not None:
                self.save_redaction(interview.participant, settings)

        self.app.push_screen(screen, chosen)

    @work(thread=True, group="study")
    def save_redaction(self, code: str, settings: RedactionSettings) -> None:
        """Store the name and terms in the study (locked read-modify-write), then re-highlight."""

        def change(data) -> None:
            data.redaction_terms = settings.terms
            for participant in data.participants:
                if participant.code == code:
                    participant.real_name = settings.real_name or None

        try:
            self.store.update(change)
        except StoreError as error:
            self.post_message(self.Saved(f"NOT saved: {error}", error=True))
            return
        self.post_message(self.RedactionChanged())

    class RedactionChanged(Message):
        pass

    def on_clean_screen_redaction_changed(self, message: RedactionChanged) -> None:
        self.redactor = Redactor.for_study(self.store.data)
        self._cell_cache.clear()
        self._rebuild()
        count = sum(1 for note in self.state.ordered() if self.redactor.find(note.text))
        self._say(f"redaction saved · {count} notes with personal details highlighted")

    def action_mark_cleaned(self) -> None:
        if not self._writable():
            return
        session = self.session
        cleaned = session.interview.status is InterviewStatus.CLEANED
        status = InterviewStatus.DONE if cleaned else InterviewStatus.CLEANED
        session.interview = session.interview.model_copy(update={"status": status})

        def job() -> str:
            session.set_status(status)
            return f"interview marked {status.value}"

        self._submit(job)
        self._update_title()
        if status is InterviewStatus.CLEANED:
            unchecked = [
                n for n in self.state.ordered() if n.has(Kind.QUOTE) and cleaning.quote_changed(n) and not n.checked
            ]
            if unchecked:
                self.notify(
                    f"{len(unchecked)} changed quote(s) not checked verbatim; the export lists them as open points"
                )

    def action_export(self) -> None:
        if self.session is None:
            return
        session = self.session
        store = self.store
        folder = store.path / "exports"

        def job() -> str:
            docx, _ = write_group_exports(store, session.interview, session.notes(), folder)
            return f"exported (redacted) to {docx} and .md"

        self._submit(job)
        self._say("exporting…")

    def action_back(self) -> None:
        editor = self.query_one("#editor", Input)
        if editor.has_focus:
            self.split_mode = False
            self.editing = False
            note = self.selected_note()
            editor.value = line_of(note) if note else ""
            self.query_one(DataTable).focus()
            self._say("edit cancelled")
            return
        if len(self.app.screen_stack) > 2:
            self.dismiss()
        else:
            self.app.exit()
