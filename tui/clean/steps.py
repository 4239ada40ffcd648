"""Steps on the list of notes: join neighbours, delete or restore, undo, and finding what to check."""

from __future__ import annotations

from trodden.models.notes import cleaning
from trodden.tui.i18n import _

from .notes_view import NotesView
from .view import CleanView


class NoteSteps(CleanView):
    """j joins, d deletes (softly), ctrl+z undoes, x shows deleted notes, n finds the next to check."""

    def action_delete(self) -> None:
        note = self.selected_note()
        if note is None:
            return
        row = self.query_one(NotesView).cursor_row
        label = _("restore") if note.deleted else _("delete")
        self._with_note(label, lambda n: cleaning.set_deleted(n, not n.deleted))
        if not self.show_deleted and self.rows:
            self.query_one(NotesView).move_cursor(row=min(row, len(self.rows) - 1))
            self._show_selected()

    def action_merge(self) -> None:
        note = self.selected_note()
        if note is None or not self._writable():
            return
        if note.deleted:
            self._say(_("restore the note first (d)"), error=True)
            return
        following = self.state.neighbour_after(note.seq)
        if following is None:
            self._say(_("this is the last note: nothing to join onto it"), error=True)
            return
        merged, gone = cleaning.merge(note, following, self.clock())
        self._apply(_("join"), [merged, gone], select=note.seq)

    def action_undo(self) -> None:
        """Undo the last step; its write queues behind the step's own, so it can never overtake it."""
        if not self._writable():
            return
        change = self.state.undo()
        if change is None:
            self._say(_("nothing to undo"))
            return
        notes = list(change.after)
        session = self.session
        assert session is not None
        undone = _("undo {label}").format(label=change.label.removeprefix("undo "))  # the model says "undo ..."

        def job() -> str:
            session.save_notes(notes)
            return _("{label} (saved)").format(label=undone)

        self._submit(job)
        live = [note.seq for note in notes if not note.deleted]
        self._refresh([note.seq for note in notes], select=live[0] if live else None)
        self._say(undone)

    def action_toggle_deleted(self) -> None:
        self.show_deleted = not self.show_deleted
        self._rebuild()
        self._say(_("showing deleted notes") if self.show_deleted else _("deleted notes hidden"))

    def action_next_flag(self) -> None:
        if not self.rows:
            return
        start = self.query_one(NotesView).cursor_row
        for offset in range(1, len(self.rows) + 1):
            index = (start + offset) % len(self.rows)
            note = self.state.notes[self.rows[index]]
            if not note.deleted and (self.redactor.find(note.text) or self.quote_needs_check(note)):
                self.query_one(NotesView).move_cursor(row=index)
                return
        self._say(_("nothing left to check"))
