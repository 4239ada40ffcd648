"""The inbox's keys: place a note, add it to an item, pick it as a quote, filter the inbox.

The inbox holds the tagged notes not yet on the map. While its cursor rests on a note, the
most similar item on the map is looked for off the UI thread and offered (``=`` adds the
note to it).
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import Input, Static

from trodden.models.domain import Kind, Note, Phase
from trodden.models.map.edit import EditError, add_evidence, move_item, pick_quote, place_note, title_for
from trodden.models.map.inbox_filter import PLAIN_SAID, InboxFilter, next_plain_mode, parse_filter
from trodden.models.map.journey_map import Change, ItemKind, JourneyMap, Lane
from trodden.models.map.similarity import similar_items
from trodden.models.names import visible
from trodden.tui.i18n import _
from trodden.tui.widgets.dialogs import PromptScreen

from .inbox import Inbox
from .writing import MapWriting


class InboxActions(MapWriting):
    """Placing, attaching, quoting and filtering (a mixin of ``MapScreen``)."""

    hint_delay: float
    _highlighted_note: str | None
    """seconds the inbox cursor rests before a similar item is looked for"""

    class Hint(Message):
        """The map's item most similar to ``note`` (found on a worker thread)."""

        def __init__(self, note: Note, item_id: int, title: str) -> None:
            super().__init__()
            self.note = note
            self.item_id = item_id
            self.title = title

    def on_inbox_highlighted(self, message: Inbox.Highlighted) -> None:
        note_id = message.note.id if message.note is not None else None
        if note_id != self._highlighted_note:  # a refresh on the same note keeps a remove armed
            self._armed_remove = None
        self._highlighted_note = note_id
        self._show_hint()

    def _show_hint(self) -> None:
        self._suggestion = None
        hint = self.query_one("#inbox-hint", Static)
        keys = Text(
            _("1-9 place in phase · enter place in its own phase · a add to the board's item · q quote"), style="dim"
        )
        if hint.content != keys:  # after a place the same line: not drawn again in the key's frame
            hint.update(keys, layout=False)
        if self._hint_timer is not None:
            self._hint_timer.stop()
        # wait until the cursor rests: typing through the inbox should not compute every step
        self._hint_timer = self.set_timer(max(self.hint_delay, 0.001), self._start_hint)

    def _start_hint(self) -> None:
        self._hint_timer = None
        note = self.inbox_widget.note
        if note is not None and self.loaded is not None:
            self.find_similar(note, self.journey)

    @work(thread=True, exclusive=True, group="hint", description="find similar items")
    def find_similar(self, note: Note, journey: JourneyMap) -> None:
        """Off the UI thread: the item this inbox note most likely belongs to."""
        assert self.loaded is not None
        matches = similar_items(note, journey, self.loaded.index, note.phase)[:1]
        if matches:
            self.post_message(self.Hint(note, matches[0][0].id, matches[0][0].title))

    def on_inbox_actions_hint(self, message: Hint) -> None:
        if message.note is not self.inbox_widget.note:
            return
        self._suggestion = message.item_id
        text = Text(_("similar item:") + " ", style="dim")
        text.append(visible(message.title), style="bold")
        text.append("  " + _("(= to add the note to it)"), style="dim")
        self.query_one("#inbox-hint", Static).update(text, layout=False)

    def action_place(self, number: int) -> None:
        phases = self.phases
        if not 1 <= number <= len(phases):
            self.status(
                _("There is no phase {number} (the map has {n})").format(number=number, n=len(phases)), "yellow"
            )
            return
        phase = phases[number - 1]
        if self.inbox_focused:
            self._place(self.inbox_widget.note, phase)
        else:
            item = self._need_item()
            if item is not None:
                self._edit(
                    lambda: move_item(self.journey, item.id, phase.id), _("Moved to {name}").format(name=phase.name)
                )
                self._focus_item(item.id)

    def _place(self, note: Note | None, phase: Phase) -> None:
        if note is None:
            self.status(_("The inbox is empty (or the filter hides everything)"), "yellow")
            return
        try:
            if Kind.QUOTE in note.kinds and not ({Kind.TOUCHPOINT, Kind.BACKSTAGE, Kind.MOMENT} & set(note.kinds)):
                change = pick_quote(self.journey, note, phase.id, self._new_id)
                self.commit(change, _("Quote picked for {name}").format(name=phase.name), placed={note.id})
                self.board.go_to(Lane.QUOTES, self.phases.index(phase), change.quotes[0].id)
                return
            change = place_note(self.journey, note, phase.id, self._new_id)
        except EditError as error:
            self._fail(error)
            return
        self.commit(change, _("Placed in {name}").format(name=phase.name), placed={note.id})
        self._focus_item(change.items[0].id)

    def action_attach(self) -> None:
        item = self.current_item()
        if item is None:
            self.status(_("Put the board's cursor on the item the note backs, then press a in the inbox"), "yellow")
            return
        self._attach_note(item.id)

    def action_attach_similar(self) -> None:
        if self._suggestion is None:
            self.status(_("No similar item suggested for this note"), "yellow")
            return
        self._attach_note(self._suggestion)

    def _attach_note(self, item_id: int) -> None:
        note = self.inbox_widget.note
        if note is None:
            self.status(_("Highlight a note in the inbox first"), "yellow")
            return
        try:
            change = add_evidence(self.journey, item_id, [note])
        except EditError as error:
            self._fail(error)
            return
        self.commit(change, _("Added as evidence"), placed={note.id})
        self._focus_item(item_id)

    def action_quote(self) -> None:
        note = self.inbox_widget.note
        if note is None:
            return
        phase = next((p for p in self.phases if p.id == note.phase), None) or self.current_phase()
        if phase is None:
            return
        try:
            change = pick_quote(self.journey, note, phase.id, self._new_id)
        except EditError as error:
            self._fail(error)
            return
        self.commit(change, _("Quote picked for {name}").format(name=phase.name), placed={note.id})

    def promote_note(self) -> None:
        """The inbox's highlighted note placed as a moment of truth (in its own phase), with a design question."""
        note = self.inbox_widget.note
        if note is None or self.readonly:
            return
        phase = next((p for p in self.phases if p.id == note.phase), None) or self.current_phase()
        if phase is None:
            self.status(_("Add a phase first (A)"), "yellow")
            return

        def done(answer: str | None) -> None:
            if answer is None:
                return
            try:
                placed = place_note(self.journey, note, phase.id, self._new_id, kind=ItemKind.MOMENT)
            except EditError as error:
                self._fail(error)
                return
            item = placed.items[0].model_copy(update={"design_question": answer.strip()})
            self.commit(
                Change(items=(item,)), _("Moment of truth in {phase}").format(phase=phase.name), placed={note.id}
            )
            self._focus_item(item.id)

        title = _("Moment of truth: {title}").format(title=title_for(note))
        self.ask(PromptScreen(title, _("How might we "), _("the design question it raises"), blink=self.blink), done)

    def action_column_filter(self) -> None:
        """The inbox notes of the board's current column: where they will land."""
        phase = self.current_phase()
        field = self.query_one("#inbox-filter", Input)
        if phase is None:
            return
        query = f"phase:{self.phases.index(phase) + 1}"
        field.value = "" if field.value == query else query
        field.set_class(bool(field.value), "shown")

    def action_plain_notes(self) -> None:
        """p: which notes without a marker the inbox shows (cleaned interviews', all, none)."""
        self.plain_notes = next_plain_mode(self.plain_notes)
        self.refresh_inbox()
        self.status(PLAIN_SAID[self.plain_notes])

    def action_filter(self) -> None:
        field = self.query_one("#inbox-filter", Input)
        field.add_class("shown")
        field.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "inbox-filter" or self.loaded is None:
            return
        self.filter = parse_filter(event.value, self.loaded.data, self.loaded.index.participants)
        self.refresh_inbox()
        if self.filter.problems:
            self.status("; ".join(self.filter.problems), "yellow")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "inbox-filter":
            event.stop()
            if not event.value.strip():
                event.input.remove_class("shown")
            self.inbox_widget.focus()

    def action_clear_filter(self) -> None:
        field = self.query_one("#inbox-filter", Input)
        if field.has_focus or not self.filter.empty:
            field.value = ""
            field.remove_class("shown")
            self.filter = InboxFilter()
            self.refresh_inbox()
            self.inbox_widget.focus()
        elif self.selected:
            self.selected.clear()
            self.refresh_board()
        elif len(self.app.screen_stack) > 2:  # opened from another screen: go back to it
            self.app.pop_screen()
