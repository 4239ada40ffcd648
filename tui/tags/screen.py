"""The tags screen: every tag and channel with its notes and n of N customers; rename, merge, undo.

A rename or merge rewrites every note that carries the name (a new revision each) and the
map's hand-set channels, on the screen's writer (models/retag.py); an interview being
captured right now is skipped and named. ctrl+z puts back the last step. A write the disk
refuses (full) asks for the name again with what was typed (``RetryingPrompts``): enter, once
there is room, does what is left.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static

from trodden.models.map.evidence import load_study_map
from trodden.models.notes.retag import RetagError, TokenCount, clean_name, token_counts
from trodden.models.retag import Retagged, retag, undo
from trodden.models.storage.store import StudyStore
from trodden.tui.base import TroddenScreen, literal
from trodden.tui.i18n import N_, _, ngettext
from trodden.tui.widgets.dialogs import PickScreen, PromptScreen, RetryingPrompts, typed_back
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.widgets.table import FittingTable
from trodden.tui.writer import Writer

from .keys import ACTIONS

KIND_WORDS = {"tag": N_("tag"), "channel": N_("channel")}
"""How a row's kind is said (the stored kinds are English keys)."""

SIGNS = {"tag": "#", "channel": "@"}


class TagsScreen(TroddenScreen):
    CONTEXT = "tags"
    BINDINGS = ACTIONS
    CSS_PATH = "tags.tcss"

    class Counted(Message):
        def __init__(self, rows: list[TokenCount], problems: list[str]) -> None:
            super().__init__()
            self.rows = rows
            self.problems = problems
            """What the count left out (a damaged map file, an unreadable interview), named on screen."""

    class Done(Message):
        def __init__(
            self,
            text: str,
            done: Retagged | None = None,
            error: bool = False,
            retry: Callable[[str], None] | None = None,
        ) -> None:
            super().__init__()
            self.text = text
            self.done = done
            self.error = error
            self.retry = retry
            """asks again for the name the step was made from, if a write failed (``RetryingPrompts``)"""

    def __init__(self, store: StudyStore) -> None:
        super().__init__()
        self.store = store
        self.rows: list[TokenCount] = []
        self.history: list[Retagged] = []
        self.writer = Writer(self, "tags")
        self._first_count = True
        self.prompts = RetryingPrompts()
        self._again: tuple[str, str, str] | None = None
        """(kind, name, new name) of a step asked again after a failed write: not asked to confirm twice"""

    def compose(self) -> ComposeResult:
        title = _("Tags and channels · {study}").format(study=self.store.study.name)
        yield Static(literal(" " + title, one_line=True), classes="screen-title")
        yield FittingTable(id="tags", cursor_type="row", zebra_stripes=True)
        yield Static(_("Counting…"), id="tags-status", classes="muted")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(_("Name"), _("Kind"), _("Notes"), _("Customers"), _("Staff"))
        self.count()

    def on_unmount(self) -> None:
        self.writer.close()

    @work(thread=True, exclusive=True, group="count")
    def count(self) -> None:
        loaded = load_study_map(self.store, without_damaged_map=True)
        index = loaded.index
        notes = list(index.notes.values())
        rows = token_counts(notes, index.participant_of, set(index.staff), len(index.participants))
        self.post_message(self.Counted(rows, [str(problem) for problem in [*loaded.problems, *self.store.damage]]))

    def on_tags_screen_counted(self, message: Counted) -> None:
        table = self.query_one(DataTable)
        current = self.current()
        self.rows = message.rows
        table.clear()
        for row in self.rows:
            table.add_row(
                literal(SIGNS[row.kind] + row.name, one_line=True),
                _(KIND_WORDS.get(row.kind, row.kind)),
                str(row.notes),
                _("{n} of {total}").format(n=row.customers, total=row.of),
                str(row.staff) if row.staff else "",
            )
        tags = sum(1 for row in self.rows if row.kind == "tag")
        if message.problems:  # counted without it: the counts may be short, so it is said, always
            problems = "; ".join(dict.fromkeys(message.problems))
            self._status(_("left out: {problems}").format(problems=problems), error=True)
        elif self._first_count:  # after a rename, the status keeps saying what it did
            self._first_count = False
            channels = len(self.rows) - tags
            counted = ngettext("{n} tag", "{n} tags", tags).format(n=tags)
            counted += ", " + ngettext("{n} channel", "{n} channels", channels).format(n=channels)
            self._status(counted + " · " + _("r rename · m merge into another · enter: notes"))
        if current in self.rows:
            table.move_cursor(row=self.rows.index(current))
        table.focus()

    def current(self) -> TokenCount | None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        return self.rows[row] if self.rows and 0 <= row < len(self.rows) else None

    def _status(self, text: str, *, error: bool = False) -> None:
        self.query_one("#tags-status", Static).update(literal(text, "red" if error else ""))

    # ------------------------------------------------------------------ actions
    def action_rename(self) -> None:
        self._ask("rename")

    def action_merge(self) -> None:
        self._ask("merge")

    def _ask(self, how: str) -> None:
        row = self.current()
        if row is None:
            return
        name = SIGNS[row.kind] + row.name
        if how == "rename":
            hint = _("its new name, in every note")
            title = _("Rename {name}").format(name=name)
        else:
            hint = _("the {kind} {name} joins (its name); ctrl+z undoes").format(
                kind=_(KIND_WORDS.get(row.kind, row.kind)), name=name
            )
            title = _("Merge {name} into").format(name=name)
        prompt = PromptScreen(title, "" if how == "merge" else row.name, hint)
        self.prompts.ask(self.app, prompt, lambda answer: self._answered(row, how, answer))

    def _answered(self, row: TokenCount, how: str, answer: str | None) -> None:
        """A rename onto a name the study already has is a merge: asked first, not done silently."""
        again, self._again = self._again, None
        if not answer:
            return
        try:
            target = clean_name(answer)
        except RetagError as error:
            self._status(str(error), error=True)
            return
        retry = self.prompts.retry(self.app)
        taken = any(other.kind == row.kind and other.name == target for other in self.rows)
        if how != "rename" or not taken or target == row.name or again == (row.kind, row.name, target):
            self._retag(row, target, retry)
            return
        sign = SIGNS[row.kind]
        other = next(other for other in self.rows if other.kind == row.kind and other.name == target)
        exists = (
            _("{target} already exists (1 note): renaming {name} to it merges the two.")
            if other.notes == 1
            else _("{target} already exists ({n} notes): renaming {name} to it merges the two.")
        )
        intro = exists.format(target=sign + target, n=other.notes, name=sign + row.name)
        merge = _("Merge {name} into {target} (ctrl+z undoes)")
        options = [
            ("merge", literal(merge.format(name=sign + row.name, target=sign + target), one_line=True)),
            ("keep", literal(_("Keep both: choose another name"), one_line=True)),
        ]

        def chosen(answer: str | None) -> None:
            if answer == "merge":
                self._retag(row, target, retry)
            else:
                self._status(_("nothing renamed"))

        title = _("Merge into {target}?").format(target=sign + target)
        self.app.push_screen(PickScreen(title, literal(intro), options), chosen)

    def _retag(self, row: TokenCount, target: str, retry: Callable[[str], None] | None = None) -> None:
        """Rename on the writer; ``retry`` asks for the name again if the disk refuses a write."""
        store = self.store
        again = None
        if retry is not None:

            def again(why: str) -> None:
                self._again = (row.kind, row.name, target)  # confirmed already (or half done): no question
                retry(why)

        def job() -> Message:
            done = retag(store, row.kind, [row.name], target)
            return self.Done(done.summary(), done, retry=again)

        self._status(_("changing every note…"))
        self.writer.submit(job, lambda error: self.Done(str(error), error=True, retry=again))

    def action_undo(self) -> None:
        if not self.history:
            self._status(_("Nothing to undo here."))
            return
        done = self.history.pop()
        store = self.store

        def job() -> Message:
            kept = undo(store, done)
            text = _("undone: {what}").format(what=done.summary())
            if kept:
                text += " · " + _("kept: {names}").format(names="; ".join(kept))
            return self.Done(text)

        self.writer.submit(job, lambda error: self.Done(str(error), error=True))

    def on_tags_screen_done(self, message: Done) -> None:
        text = message.text
        if message.done is not None:
            self.history.append(message.done)
            if message.done.skipped:
                text += " · " + _("skipped: {names}").format(names="; ".join(message.done.skipped))
        self._status(text, error=message.error or bool(message.done and message.done.skipped))
        if message.retry is not None:  # a write failed: the name typed is asked for again, with why
            # the first refusal: the rest (often one per interview) are on the status line
            refused = message.done.refused[:1] if message.done is not None else [message.text]
            if refused:
                message.retry(typed_back(refused[0]))
        self.count()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row (the table takes the key first): its notes in the search."""
        event.stop()
        self.action_find()

    def action_find(self) -> None:
        row = self.current()
        if row is not None:
            self.app.action_search(SIGNS[row.kind] + row.name)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.dismiss()
        else:
            self.app.exit()
