"""Editing a note's line in the editor below the table, and splitting a note in two there.

Both use the one editor: ``editing`` is set while it holds the user's unsaved words, so a
redraw never overwrites them; ``split_mode`` makes enter split at the cursor instead of saving.
"""

from __future__ import annotations

from textual.widgets import Input

from trodden.models.notes import cleaning
from trodden.models.notes.cleaning import CleanError, line_of
from trodden.tui.i18n import _

from .notes_view import NotesView
from .view import CleanView


class LineEditing(CleanView):
    """enter/e edits the selected note's line; s splits it where the cursor is; esc cancels."""

    def on_notes_view_row_selected(self, event: NotesView.RowSelected) -> None:
        """Enter on a row (the table takes the key before the screen): edit the note."""
        self.action_edit()

    def action_edit(self) -> None:
        note = self.selected_note()
        if note is None or not self._writable():
            return
        self.edit_line(line_of(note))  # a key typed right after a move comes before the move's redraw
        self._say(_("editing: enter saves · esc cancels"))

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
        self._say(_("split: move the cursor to where the second note starts, then enter · esc cancels"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        note = self.selected_note()
        if note is None or not self._writable():
            return
        editor = event.input
        if self.split_mode:
            self._split_at_cursor(editor)
            return
        try:
            updated = cleaning.edit(note, editor.value, self.clock())
        except CleanError as error:
            self._say(str(error), error=True)
            return
        self.editing = False
        self.query_one(NotesView).focus()
        self._apply(_("edit"), [updated], select=note.seq, words=(note.seq, editor.value))

    def _split_at_cursor(self, editor: Input) -> None:
        note = self.selected_note()
        assert note is not None
        self.split_mode = False
        self.editing = False
        line = line_of(note)
        if editor.value != line:
            self._say(_("split needs the line unchanged: esc, then edit and split separately"), error=True)
            return
        start = max(line.find(note.text), 0)
        position = min(max(editor.cursor_position - start, 0), len(note.text))
        try:
            first, second = cleaning.split(note, position, self.state.next_seq(), self.clock())
        except CleanError as error:
            self._say(str(error), error=True)
            return
        self.query_one(NotesView).focus()
        self._apply(_("split"), [first, second], select=second.seq)

    def _cancel_edit(self) -> bool:
        """Esc in the editor: put the note's stored line back. False if the editor was not in use."""
        editor = self.query_one("#editor", Input)
        if not editor.has_focus:
            return False
        self.split_mode = False
        self.editing = False
        note = self.selected_note()
        editor.value = line_of(note) if note else ""
        self.query_one(NotesView).focus()
        self._say(_("edit cancelled"))
        return True
