"""ctrl+z and ctrl+y in capture: take back (or do again) any change to a note.

A retag, a feeling, an edit, a deletion, a theme and phase given to a note: each went on the undo
stack (``models/undo.py``) when its key was pressed, and its job filled in the note before and
after. Undoing queues a job behind it on the same writer, so ctrl+z right after F3 takes back that
F3 even if it is still being saved. The job changes only what the step changed
(``models/notes/steps.py``); words come back as a new revision, so the history loses nothing.
"""

from __future__ import annotations

from trodden.models.notes.steps import carried_back
from trodden.tui.i18n import _

from .marks import clock
from .messages import NoteSaved, StepFailed, StepSkipped, failure_text
from .sending import SendingNotes


class UndoingChanges(SendingNotes):
    """Undo and redo of note changes (see the module's docstring)."""

    def action_undo(self) -> None:
        self._carry(back=True)

    def action_redo(self) -> None:
        self._carry(back=False)

    def _carry(self, *, back: bool) -> None:
        if self.read_only:
            self.say(_("Read-only: notes cannot be changed here."), error=True)
            return
        if self.editing is not None:
            self.say(
                _("Finish the edit first (enter saves, esc cancels), then undo.")
                if back
                else _("Finish the edit first (enter saves, esc cancels), then redo."),
                error=True,
            )
            return
        if self.refuse_cleaned():
            return
        step = self.history.undo() if back else self.history.redo()
        if step is None:
            self.say(_("Nothing to undo.") if back else _("Nothing to redo."))
            return
        at, session = self.clock(), self.session
        done = _("Undone: {step}, note {time}.") if back else _("Redone: {step}, note {time}.")

        def job() -> NoteSaved | StepSkipped:
            if not step.done or step.before is None or step.after is None:
                skipped = (
                    _("Nothing to undo: the {step} was not saved.")
                    if back
                    else _("Nothing to redo: the {step} was not saved.")
                )
                return StepSkipped(skipped.format(step=step.label))
            before, after = (step.before, step.after) if back else (step.after, step.before)
            current = session.note(before.seq) or before
            note = carried_back(current, before, after, at)
            session.save_notes([note])
            return NoteSaved(note, said=done.format(step=step.label, time=clock(note.t)))

        self.save(job, on_error=lambda error: StepFailed(failure_text(error), step, back))

    def on_step_failed(self, message: StepFailed) -> None:
        """The undo (or redo) was not saved: the step can still be undone (or redone) later."""
        self.history.put_back(message.undo_step, undoable=message.back)
        self.show_failure(message.error)
        self.answered()

    def on_step_skipped(self, message: StepSkipped) -> None:
        self.say(message.said)
        self.answered()
