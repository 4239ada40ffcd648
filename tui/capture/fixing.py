"""Fixing notes on the fly, without leaving the input: F2-F8 retag, F9 edits, ↑/↓ select, delete.

A note-taker notices a missed quote or a wrong feeling a few notes later, while the participant keeps
talking. Every key here acts on the selected note, else the note just sent (even if it is still being
saved: ``sent.py``), else the last one, and saves straight away; ctrl+z takes any of it back
(``undoing.py``). While a note is being edited (F9) the same keys change the line in the input instead.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.actions import SkipAction

from trodden.models.domain import Kind
from trodden.models.notes.cleaning import draft_of
from trodden.models.notes.marks import KIND_NAMES
from trodden.models.notes.syntax import NoteDraft, parse, render
from trodden.tui.i18n import N_, _

from .marks import clock
from .sending import SendingNotes
from .sent import Sent, Target

JUST_SENT = N_("the note just sent")


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def next_valence(current: int | None, direction: int) -> int | None:
    """Heart key: none → ♥ → ♥♥ → none (a thundercloud becomes ♥). Cloud key alike."""
    if not current or (current > 0) != (direction > 0):
        return direction
    return None if abs(current) >= 2 else current + direction


class FixingNotes(SendingNotes):
    """The keys that change notes already sent (see the module's docstring)."""

    def target(self) -> Target | None:
        """What a key pressed now acts on: decided now, whether or not its save has finished."""
        view = self.log_view
        if view.selected_note is not None:
            return view.selected_note.seq
        if self.picked is not None:
            return self.picked
        if self.unsaved:
            return self.unsaved[-1]
        last = view.last_note
        return last.seq if last is not None else None

    def named(self, target: Target) -> str:
        """How the message line names a note: its time, or "the note just sent"."""
        if isinstance(target, Sent):
            return _(JUST_SENT)
        note = self.session.note(target)
        return _("note {time}").format(time=clock(note.t) if note is not None else target)

    def _writable_target(self) -> Target | None:
        if self.read_only:
            self.say(_("Read-only: notes cannot be changed here."), error=True)
            return None
        if self.refuse_cleaned():
            return None
        target = self.target()
        if target is None:
            self.say(_("No note yet."), error=True)
        return target

    def _change_draft(self, change: Callable[[NoteDraft], NoteDraft], label: str) -> None:
        """Apply a kind/feeling change: to the line being edited, else to the target note."""
        if self.editing is not None:
            field = self.input
            parsed = parse(field.value)
            if isinstance(parsed, NoteDraft):
                field.value = render(change(parsed))
                field.cursor_position = len(field.value)
            return
        target = self._writable_target()
        if target is None:
            return
        at = self.clock()

        def revise(session, seq: int):
            return session.revise(seq, change(draft_of(session.note(seq))), at=at)

        self.change_note(target, revise, label)

    def action_toggle_kind(self, name: str) -> None:
        kind = Kind(name)
        self._change_draft(lambda draft: draft.with_kind(kind, kind not in draft.kinds), _(KIND_NAMES[kind]))

    def action_feel(self, direction: int) -> None:
        label = _("heart") if direction > 0 else _("thundercloud")
        self._change_draft(lambda draft: draft.with_valence(next_valence(draft.valence, direction)), label)

    def action_walk(self, step: int) -> None:
        """↑/↓ through the log, and past its end through the notes still being saved."""
        if self.editing is not None:
            raise SkipAction()
        view = self.log_view
        pending = list(self.unsaved)
        total = view.count + len(pending)
        if not total:
            return
        if view.selected is not None:
            position: int | None = view.selected
        elif self.picked is not None and self.picked in pending:
            position = view.count + pending.index(self.picked)
        else:
            position = None
        if position is None:
            if step > 0:
                return
            position = total - 1
        else:
            position += step
            position = None if position >= total else max(position, 0)
        if position is None:
            self.unpick()
            self.say()
            return
        self.picked = pending[position - view.count] if position >= view.count else None
        view.select(position if position < view.count else None)
        name = self.named(self.picked) if self.picked is not None else self.named(view.selected_note.seq)
        self.say(
            _("{note} selected: F2-F8 change it, F9 edits, delete deletes, esc goes back.").format(
                note=upper_first(name)
            )
        )

    def action_edit(self) -> None:
        if self.editing is not None:
            return
        target = self._writable_target()
        if target is None:
            return
        if isinstance(target, Sent):
            draft = target.draft
            self.picked = target
        else:
            note = self.session.note(target)
            if note is None:
                return
            draft = draft_of(note)
            view = self.log_view
            view.select(view.index_of(target))
        if draft is None:
            return
        field = self.input
        self._stash = field.value
        self.editing = target
        field.value = render(draft)
        field.cursor_position = len(field.value)
        self.say(_("Editing {note}: enter saves, esc cancels.").format(note=self.named(target)))

    def action_cancel(self) -> None:
        if self.editing is not None:
            self.editing = None
            self.input.value = self._stash
            self._stash = ""
            self.say(_("Edit cancelled."))
            return
        if self.log_view.selected is not None or self.picked is not None:
            self.unpick()
            self.say()
            return
        if not self.input.value and len(self.app.screen_stack) > 2:
            self.dismiss()  # opened from the study overview: back to it (unmount saves and closes)
            return
        raise SkipAction()

    def action_delete_note(self) -> None:
        note = self.log_view.selected_note
        target: Target | None = note.seq if note is not None else self.picked
        if target is None or self.editing is not None:
            raise SkipAction()
        if self.read_only:
            self.say(_("Read-only: notes cannot be changed here."), error=True)
            return
        if self.refuse_cleaned():
            return
        name = self.named(target)
        self.say(_("{note} deleted; ctrl+z brings it back.").format(note=upper_first(name)))
        self.change_note(target, lambda session, seq: session.delete_note(seq), _("deletion"))

    def action_retheme(self) -> None:
        target = self._writable_target()
        if target is None:
            return
        theme, phase = self.current("theme"), self.current("phase")
        name = self.named(target)
        said = _("{note} now has theme {theme} and phase {phase}.")
        self.say(said.format(note=upper_first(name), theme=self.theme_label(), phase=self.phase_label()))
        self.change_note(
            target, lambda session, seq: session.update_note(seq, theme=theme, phase=phase), _("theme and phase")
        )
