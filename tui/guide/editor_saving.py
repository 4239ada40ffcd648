"""The guide editor's saving: each change queued on the screen's ``Writer``, and ctrl+z / ctrl+y.

A change is a function of the guide as study.json holds it when the writer runs (under the study
lock), so another process's edits made meanwhile are kept; the undo step records the guide before
and after, and an undo reverts only what that step changed (models/guide/edits.py ``reverted``).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message

from trodden.models.domain import Guide
from trodden.models.guide import edits
from trodden.models.storage.store import StudyStore
from trodden.models.storage.study_file import StudyFile
from trodden.models.undo import Step, UndoRedo
from trodden.tui.i18n import _
from trodden.tui.widgets.dialogs import typed_back
from trodden.tui.writer import Writer

Typed = tuple[str, str | None, str, str]
"""A prompt's (mode, the theme or question it acts on, its label, the words typed)."""


class GuideSaved(Message):
    """A change (or its undo) is in study.json, or ``error`` says why not."""

    def __init__(
        self,
        guide: Guide | None,
        select: str | None,
        note: str,
        error: str | None,
        step: Step | None = None,
        carried: tuple[Step, bool] | None = None,
        typed: Typed | None = None,
    ) -> None:
        super().__init__()
        self.typed = typed
        """What was typed for this change, and at which prompt: a failed save gives it back."""
        self.carried = carried
        """An undo (True) or redo (False) of this step: if it failed, the step goes back."""
        self.guide = guide
        self.select = select
        self.note = note
        self.error = error
        self.step = step


class GuideSaving:
    """Saving and undo for ``GuideEditor`` (a mixin: Textual finds its ``action_*`` and ``on_*`` on the screen)."""

    store: StudyStore
    guide: Guide
    writer: Writer
    history: UndoRedo[Step[Guide]]
    _mode: tuple[str, str | None] | None
    _armed_delete: str | None

    _draw: Callable[..., None]
    _say: Callable[..., None]
    _ask: Callable[..., None]

    def _save(
        self, change: Callable[[Guide], tuple[Guide, str | None]], note: str = "", typed: Typed | None = None
    ) -> None:
        """``typed``: the prompt and words this change came from, given back if it is not saved."""
        note = note or _("Saved.")
        self._armed_delete = None
        step: Step[Guide] = Step(note.rstrip(".").lower())
        self.history.record(step)
        self._apply(change, note, step, typed=typed)

    def _apply(
        self,
        change: Callable[[Guide], tuple[Guide, str | None]],
        note: str,
        step: Step | None,
        carried: tuple[Step, bool] | None = None,
        typed: Typed | None = None,
    ) -> None:
        """Queue ``change`` for a fresh study.json under its lock (file I/O, off the UI thread)."""
        store = self.store

        def job() -> Message:
            chosen: list[str | None] = [None]

            def update(data: StudyFile) -> None:
                before = data.guide
                data.guide, chosen[0] = change(before)
                if step is not None:
                    step.filled(before, data.guide)

            result = store.update(update)
            return GuideSaved(result.guide, chosen[0], note, None, step)

        self.writer.submit(job, on_error=lambda error: GuideSaved(None, None, "", str(error), step, carried, typed))

    def on_guide_saved(self, message: GuideSaved) -> None:
        step = message.step
        if step is not None and (message.error is not None or not step.done):
            self.history.forget(step)  # it did not happen, or changed nothing: ctrl+z skips it
        if message.error is not None:
            if message.carried is not None:
                self.history.put_back(message.carried[0], undoable=message.carried[1])
            self._not_saved(message.error, message.typed)
            return
        assert message.guide is not None
        self.guide = message.guide
        self._draw(message.select)
        self._say(message.note)

    def _not_saved(self, error: str, typed: Typed | None) -> None:
        """Say why a change is not saved; words typed for it go back into their prompt (never lost)."""
        if typed is None:
            self._say(_("Not saved: {error}").format(error=error), error=True)
            return
        what, ident, label, words = typed
        if self._mode is None:  # no other prompt open meanwhile: the same prompt, with the words
            self._ask(what, ident, label, words)
            self._say(typed_back(error), error=True)
        else:
            said = _("Not saved: {error}. What you typed: {words}")
            self._say(said.format(error=error, words=words), error=True)

    def action_undo(self) -> None:
        self._carry(back=True)

    def action_redo(self) -> None:
        self._carry(back=False)

    def _carry(self, *, back: bool) -> None:
        """ctrl+z / ctrl+y: queued behind the change it takes back, so it never overtakes it."""
        if self._mode is not None:
            return
        step = self.history.undo() if back else self.history.redo()
        if step is None:
            self._say(_("Nothing to undo.") if back else _("Nothing to redo."))
            return
        self._armed_delete = None

        def change(guide: Guide) -> tuple[Guide, str | None]:
            if step.before is None or step.after is None:
                return guide, None
            then, now = (step.before, step.after) if back else (step.after, step.before)
            return edits.reverted(guide, then, now), None

        self._apply(
            change, (_("Undone: {step}.") if back else _("Redone: {step}.")).format(step=step.label), None, (step, back)
        )
