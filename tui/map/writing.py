"""Writing the map: every edit shows at once and is stored a moment later, in order.

An edit is a pure ``Change`` (``models.map.edit``): the screen applies it to the map it
shows, records how to undo it (``models.map.history``), and hands the storage call to its
``Writer`` (``tui.writer``), so the board answers within milliseconds while every change is
on disk a moment later, oldest first. The title says "saving…" until the writer is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.message import Message

from trodden.models.map.edit import EditError
from trodden.models.map.journey_map import Change
from trodden.models.map.phase_history import PhaseStep
from trodden.models.storage.gc_policy import hold_collector
from trodden.tui.i18n import _
from trodden.tui.widgets.dialogs import typed_back
from trodden.tui.writer import WriteFailed

from .view import MapView


class MapWriting(MapView):
    """Commit, undo/redo and the writer thread (a mixin of ``MapScreen``)."""

    class Written(Message):
        """A map write finished on the writer thread (``error`` if it failed)."""

        def __init__(self, error: BaseException | None, retry: Callable[[str], None] | None = None) -> None:
            super().__init__()
            self.error = error
            self.retry = retry
            """asks again for the words the failed edit was made from (``MapView.answer_retry``)"""

    def commit(
        self,
        change: Change,
        message: str = "",
        *,
        inbox_changed: bool = False,
        placed: set[str] = frozenset(),
        record: bool = True,
    ) -> None:
        """Apply ``change`` on screen now and store it on the writer thread.

        ``record``: remember how to undo it (False when the change is itself an undo or redo).
        """
        if self.session is None or self.loaded is None:
            return
        if self.readonly:
            self.status(self.readonly or _("Read-only"), "yellow")
            return
        if not (change.items or change.quotes or change.drop_items or change.drop_quotes):
            return
        self._hold_collector_until_drawn()
        if record:
            self.history.record(self.journey, change)
        self.journey = change.applied_to(self.journey)
        self.store_later(self.session.apply, change, retry=self.answer_retry())
        if inbox_changed:
            self.refresh_inbox()  # redraws the board too
        else:
            if placed:
                self.inbox_widget.remove(set(placed))
            self.refresh_board(curve_later=True)
        if message:
            self.status_after_frame(message, "green")

    def _hold_collector_until_drawn(self) -> None:
        """No garbage collection between the edit and its frame (``gc_policy.hold_collector``): the
        collector runs after the frame instead, when a key no longer waits for it."""
        if self._collector_held is None:
            self._collector_held = hold_collector()
            self.board.call_after_refresh(self._release_collector)

    def _release_collector(self) -> None:
        if self._collector_held is not None:
            self._collector_held()
            self._collector_held = None

    def _edit(self, make: Callable[[], Change], message: str = "", *, inbox: bool = False) -> None:
        """Make a change from the map as it is now and commit it (an ``EditError`` is shown)."""
        try:
            change = make()
        except EditError as error:
            self._fail(error)
            return
        self.commit(change, message, inbox_changed=inbox)

    def action_undo(self) -> None:
        self._step_history(self.history.undo(self.journey), back=True)

    def action_redo(self) -> None:
        self._step_history(self.history.redo(self.journey), back=False)

    def _step_history(self, step: Change | PhaseStep | None, *, back: bool) -> None:
        """Take back (``back``) or do again the newest step, an item's change or a phase edit."""
        if step is None:
            self.status(_("Nothing to undo") if back else _("Nothing to redo"), "yellow")
            return
        if isinstance(step, PhaseStep):  # phases are stored on the writer thread (``phases``)
            self.carry_phases(step, back=back)  # type: ignore[attr-defined]
            return
        ids = [item.id for item in step.items]
        self.commit(step, _("Undone") if back else _("Redone"), inbox_changed=True, record=False)
        if ids and self.journey.item(ids[0]) is not None:
            self._focus_item(ids[0])

    def store_later(self, write: Callable[..., Any], *args: Any, retry: Callable[[str], None] | None = None) -> None:
        """Run a map write on the writer thread (in order); the title says "saving…" until it is on disk.
        ``retry``: asks again for the words the edit was made from, if the write fails."""
        self._unsaved += 1
        self._submitted += 1
        # "saving…" in the frame after the edit's: the key's frame draws only what the key changed
        self.board.call_after_refresh(self._show_saved)

        def job() -> Message:
            write(*args)
            return self.Written(None)

        # the edit shows first; the CRDT update and fsync follow the frame
        self.writer.after_frame(self.board, self.inbox_widget)
        self.writer.submit(job, on_error=lambda error: self.Written(error, retry))

    def on_map_writing_written(self, message: Written) -> None:
        self._unsaved = max(0, self._unsaved - 1)
        self._show_saved()
        if message.error is not None:
            self.status(_("Not saved: {error}. Reloading the map as stored.").format(error=message.error), "bold red")
            if message.retry is not None:
                shown = typed_back(message.error)
            else:
                shown = _("Not saved: {error}. The map shows what is stored.").format(error=message.error)
            self.after_reload = (shown, "bold red", message.retry)
            self.load()  # loading.MapLoading: the map as stored replaces what the screen shows

    def on_write_failed(self, message: WriteFailed) -> None:
        """Only if turning a write's error into ``Written`` failed itself: the same as a failed write."""
        self.on_map_writing_written(self.Written(message.error))

    def flush_writes(self, timeout: float | None = None) -> bool:
        """Wait until every change is on disk (tests, reload, quit). False if ``timeout`` ran out first."""
        return self.writer.wait_idle(timeout)

    def on_unmount(self) -> None:
        self._release_collector()
        self.writer.close()
        if self.session is not None:
            self.store.follow_phases(None)
            self.session.close()
