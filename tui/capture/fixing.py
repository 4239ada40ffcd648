"""Fixing notes on the fly, without leaving the input: F2-F8 retag, F9 edits, ↑/↓ select, delete, undo.

A note-taker notices a missed quote or a wrong feeling a few notes later, while the participant keeps
talking. Every key here acts on the selected note, else the last one, and saves straight away; while
a note is being edited (F9) the same keys change the line in the input instead.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.actions import SkipAction

from trodden.models.domain import Kind, Note
from trodden.models.notes.cleaning import draft_of
from trodden.models.notes.syntax import NoteDraft, parse, render
from trodden.models.storage.session import InterviewSession

from .marks import clock
from .messages import NoteSaved
from .status import SaveStatus


def next_valence(current: int | None, direction: int) -> int | None:
    """Heart key: none → ♥ → ♥♥ → none (a thundercloud becomes ♥). Cloud key alike."""
    if not current or (current > 0) != (direction > 0):
        return direction
    return None if abs(current) >= 2 else current + direction


class FixingNotes(SaveStatus):
    """The keys that change notes already saved (see the module's docstring)."""

    def _target(self) -> Note | None:
        view = self.log_view
        return view.selected_note or view.last_note

    def _writable_target(self) -> Note | None:
        if self.read_only:
            self.say("Read-only: notes cannot be changed here.", error=True)
            return None
        note = self._target()
        if note is None:
            self.say("No note yet.", error=True)
        return note

    def _change_draft(self, change: Callable[[NoteDraft], NoteDraft]) -> None:
        """Apply a kind/feeling change: to the line being edited, else to the target note."""
        if self.editing is not None:
            field = self.input
            parsed = parse(field.value)
            if isinstance(parsed, NoteDraft):
                field.value = render(change(parsed))
                field.cursor_position = len(field.value)
            return
        note = self._writable_target()
        if note is None:
            return
        seq, at = note.seq, self.clock()

        def revise(session: InterviewSession) -> Note:
            current = session.note(seq)
            return session.revise(seq, change(draft_of(current)), at=at)

        self.update_note(seq, revise)

    def action_toggle_kind(self, name: str) -> None:
        kind = Kind(name)
        self._change_draft(lambda draft: draft.with_kind(kind, kind not in draft.kinds))

    def action_feel(self, direction: int) -> None:
        self._change_draft(lambda draft: draft.with_valence(next_valence(draft.valence, direction)))

    def action_walk(self, step: int) -> None:
        if self.editing is not None:
            raise SkipAction()
        view = self.log_view
        if not len(view):
            return
        if view.selected is None:
            if step > 0:
                return
            view.select(len(view) - 1)
        else:
            target = view.selected + step
            view.select(None if target >= len(view) else max(target, 0))
        note = view.selected_note
        if note is not None:
            self.say(f"Note {clock(note.t)} selected: F2-F8 change it, F9 edits, delete deletes, esc goes back.")
        else:
            self.say()

    def action_edit(self) -> None:
        if self.editing is not None:
            return
        note = self._writable_target()
        if note is None:
            return
        field = self.input
        self._stash = field.value
        self.editing = note.seq
        self.log_view.select(self.log_view.selected if self.log_view.selected is not None else len(self.log_view) - 1)
        field.value = render(draft_of(note))
        field.cursor_position = len(field.value)
        self.say(f"Editing note {clock(note.t)}: enter saves, esc cancels.")

    def action_cancel(self) -> None:
        if self.editing is not None:
            self.editing = None
            self.input.value = self._stash
            self._stash = ""
            self.say("Edit cancelled.")
            return
        if self.log_view.selected is not None:
            self.log_view.select(None)
            self.say()
            return
        if not self.input.value and len(self.app.screen_stack) > 2:
            self.dismiss()  # opened from the study overview: back to it (unmount saves and closes)
            return
        raise SkipAction()

    def action_delete_note(self) -> None:
        view = self.log_view
        note = view.selected_note
        if note is None or self.editing is not None:
            raise SkipAction()
        if self.read_only:
            self.say("Read-only: notes cannot be changed here.", error=True)
            return
        seq = note.seq
        self.deleted.append(seq)
        self.say(f"Note {clock(note.t)} deleted; ctrl+z brings it back.")
        self.update_note(seq, lambda session: session.delete_note(seq))

    def action_undo(self) -> None:
        if not self.deleted:
            self.say("Nothing to undo.")
            return
        seq = self.deleted.pop()
        session = self.session
        self.save(lambda: NoteSaved(session.restore_note(seq), undo_of=seq))

    def action_retheme(self) -> None:
        note = self._writable_target()
        if note is None:
            return
        seq, theme, phase = note.seq, self.current("theme"), self.current("phase")
        self.say(f"Note {clock(note.t)} now has theme {self.theme_label()} and phase {self.phase_label()}.")
        self.update_note(seq, lambda session: session.update_note(seq, theme=theme, phase=phase))
