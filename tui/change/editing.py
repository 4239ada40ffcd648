"""Writing the plan: every edit shows at once and is stored a moment later, in order, with undo.

As on the map's board: an edit is a pure ``PlanChange`` (``models.change``); the screen applies it
to the plan it shows, records its inverse for undo (``models.undo.UndoRedo``) and hands the storage
call (``PlanStore.apply``) to its ``Writer``, so keys answer at once and every change is on disk a
moment later, oldest first.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message

from trodden.models.change.areas import PlanError
from trodden.models.change.plan import ChangePlan, PlanChange, inverse
from trodden.models.change.store import PlanStore
from trodden.models.map.map_session import MapSession
from trodden.models.undo import UndoRedo
from trodden.tui.base import TroddenScreen
from trodden.tui.i18n import _
from trodden.tui.widgets.dialogs import PromptScreen, RetryingPrompts, typed_back
from trodden.tui.writer import WriteFailed, Writer


class PlanEditing(TroddenScreen):
    """Commit, undo/redo and the writer (a mixin of ``ChangeScreen``)."""

    plan: ChangePlan
    plans: PlanStore | None
    readonly: bool
    writer: Writer
    history: UndoRedo[PlanChange]
    _unsaved: int

    blink: bool = True
    prompts: RetryingPrompts
    reopen: Callable[[Callable[[MapSession | None], None]], None] | None = None
    after_reload: tuple[str, Callable[[str], None] | None] | None = None
    """a failed write's reason, said once the plan is read again (not the counts), and its prompt again"""

    class Written(Message):
        def __init__(self, error: BaseException | None, retry: Callable[[str], None] | None = None) -> None:
            super().__init__()
            self.error = error
            self.retry = retry
            """asks again for the words the failed edit was made from (``RetryingPrompts.retry``)"""

    def ask(self, title: str, value: str, hint: str, then: Callable[[str], None]) -> None:
        """A one-line prompt; ``then`` gets the answer (escape: nothing happens). An edit made from
        the answer that the disk refuses asks again with the words typed: they are never lost."""
        prompt = PromptScreen(title, value, hint, blink=self.blink)
        self.prompts.ask(self.app, prompt, lambda answer: None if answer is None else then(answer))

    def status(self, message: str, style: str = "") -> None:
        raise NotImplementedError

    def refresh_views(self) -> None:
        raise NotImplementedError

    def reload_plan(self) -> None:
        raise NotImplementedError

    def commit(self, change: PlanChange, message: str = "", *, record: bool = True) -> bool:
        """Apply ``change`` on screen now and store it on the writer thread."""
        if self.plans is None:
            return False
        if self.readonly:
            self.status(_("Read-only: the map is being edited elsewhere"), "yellow")
            return False
        if not change:
            return False
        if record:
            self.history.record(inverse(self.plan, change))
        self.plan = change.applied_to(self.plan)
        self._unsaved += 1
        plans = self.plans

        def job() -> Message:
            plans.apply(change)
            return self.Written(None)

        retry = self.prompts.retry(self.app)
        self.writer.submit(job, on_error=lambda error: self.Written(error, retry))
        self.refresh_views()
        if message:
            self.status(message, "green")
        return True

    def edit(self, make: Callable[[], PlanChange], message: str = "") -> bool:
        """Make a change from the plan as it is now and commit it (a refusal is shown, nothing lost)."""
        try:
            change = make()
        except (PlanError, ValueError) as error:
            self.status(str(error), "bold red")
            return False
        return self.commit(change, message)

    def action_undo(self) -> None:
        step = self.history.undo(lambda change: inverse(self.plan, change))
        self._step(step, _("Undone"), _("Nothing to undo"))

    def action_redo(self) -> None:
        step = self.history.redo(lambda change: inverse(self.plan, change))
        self._step(step, _("Redone"), _("Nothing to redo"))

    def _step(self, change: PlanChange | None, done: str, empty: str) -> None:
        if change is None:
            self.status(empty, "yellow")
            return
        self.commit(change, done, record=False)

    def on_plan_editing_written(self, message: Written) -> None:
        self._unsaved = max(0, self._unsaved - 1)
        if message.error is not None:
            self.status(_("Not saved: {error}. Reloading the plan as stored.").format(error=message.error), "bold red")
            if message.retry is not None:
                said = typed_back(message.error)
            else:
                said = _("Not saved: {error}. The plan shows what is stored.").format(error=message.error)
            self.after_reload = (said, message.retry)
            session = self.plans.session if self.plans is not None else None
            if session is not None and session.broken is not None and self.reopen is not None:
                self.reopen(self._reopened)  # the failed session refuses every later write: a fresh one
            else:
                self.reload_plan()
        elif not self._unsaved:
            self.query_one("#change-saved").update(_("✓ saved"))  # type: ignore[attr-defined]

    def _reopened(self, session: MapSession | None) -> None:
        """The map opened a fresh session (None: it could not): the plan is read from it, as stored."""
        if not self.is_attached:
            return
        if session is None:
            self.readonly = True
        else:
            self.plans = PlanStore(session)
        self.reload_plan()

    def on_write_failed(self, message: WriteFailed) -> None:
        self.on_plan_editing_written(self.Written(message.error))

    def flush_writes(self, timeout: float | None = None) -> bool:
        """Wait until every change is on disk (tests, leaving the screen)."""
        return self.writer.wait_idle(timeout)

    def on_unmount(self) -> None:
        self.writer.close()
