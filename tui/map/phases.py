"""Editing the phases from the board: rename, add, remove, reorder (in the shared map).

A mixin of ``MapScreen``: phases are records of the shared map document
(``models.map.phase_doc``), so two researchers editing phases at once both keep their work,
and capture, the guide and the exports see them through the store. The edit runs on the
screen's writer thread, after the map writes before it, so two quick edits land in the order
they were made and ``flush_writes`` waits for them too.

Each edit goes on the screen's one undo stack as the key is pressed (``models.map.history``), with
the item edits; its job fills the step in, and ``u``/``U`` undo or redo it on the writer thread
against the phases as stored then (``models.map.phase_history``), or say why they cannot.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from textual.message import Message

from trodden.models.domain import Phase
from trodden.models.map import phase_doc
from trodden.models.map.phase_history import PhaseStep, Refused, carried, described, refused, takes_away
from trodden.models.storage.study_file import StudyFile
from trodden.tui.i18n import _
from trodden.tui.widgets.dialogs import PromptScreen, typed_back

from .view import MapView


class PhaseEditing(MapView):
    """Phase actions for the map screen (uses its status, cursor, store and map)."""

    class PhasesStored(Message):
        """A phase edit is in the map (``data``: the study as it is now), or failed (``error``)."""

        def __init__(
            self,
            data: StudyFile | None,
            said: str,
            error: Exception | None = None,
            *,
            step: PhaseStep | None = None,
            back: bool | None = None,
            refused: bool = False,
            retry: Callable[[str], None] | None = None,
        ) -> None:
            super().__init__()
            self.retry = retry
            """asks again for the name the failed edit was made from (``MapView.answer_retry``)"""
            self.data = data
            self.said = said
            """what the status line says once it is stored (or why an undo could not apply)"""
            self.error = error
            self.step = step
            """the undo step of the edit, or of the undo (``back``) or redo (False) that ran"""
            self.back = back
            self.refused = refused
            """the undo or redo could not apply to the phases as they are: nothing was written"""

    def _update_phases(
        self, change: Callable[[list[Phase]], tuple[list[Phase], list[str]]], message: str, subject: str | None = None
    ) -> None:
        """Store what ``change`` makes of the phases as stored (records to put, ids to drop), and
        put it on the undo stack now (``subject``: the phase acted on; the job fills the step in)."""
        session = self.session
        if self.readonly or session is None:
            self.status(_("Read-only: this map is being edited elsewhere"), "yellow")
            return
        step = PhaseStep(subject)
        self.history.record_phases(step)
        retry = self.answer_retry()

        def job() -> Message:
            records = session.records("phases")
            puts, drops = change(records)
            step.fill(records, puts, drops)
            if puts or drops:
                session.write(puts={"phases": puts}, drops={"phases": drops})
            self.store.reload()
            return self.PhasesStored(self.store.data, message, step=step)

        self.writer.submit(job, on_error=lambda error: self.PhasesStored(None, message, error, step=step, retry=retry))

    def carry_phases(self, step: PhaseStep, *, back: bool) -> None:
        """Undo (``back``) or redo a phase edit on the writer thread, behind the edits before it,
        against the phases and items as stored then; if it cannot apply, nothing is written."""
        session = self.session
        if self.readonly or session is None:
            self.status(_("Read-only: this map is being edited elsewhere"), "yellow")
            return

        def job() -> Message:
            session.refresh()  # the others' latest edits too: the undo works against the phases as they are
            used: Counter[str | None] = Counter()
            if takes_away(step, back=back):  # reading every item only when a phase is to go
                journey = session.load()
                used = Counter(i.phase for i in journey.items) + Counter(q.phase for q in journey.quotes)
            try:
                puts, drops = carried(step, back=back, phases=session.records("phases"), used=used)
            except Refused as reason:
                self.store.reload()  # the phases as they are now show, with why nothing changed
                return self.PhasesStored(
                    self.store.data, refused(reason, back=back), step=step, back=back, refused=True
                )
            if puts or drops:
                session.write(puts={"phases": puts}, drops={"phases": drops})
            self.store.reload()
            return self.PhasesStored(self.store.data, described(step, back=back), step=step, back=back)

        self.writer.submit(job, on_error=lambda error: self.PhasesStored(None, "", error, step=step, back=back))

    def on_phase_editing_phases_stored(self, message: PhasesStored) -> None:
        step = message.step
        if step is not None and message.back is not None and message.error is not None:
            self.history.put_back(step, undoable=message.back)  # not saved: it can be tried again
        elif step is not None and (message.error is not None or message.refused or not step.done):
            self.history.forget(step)  # it did not happen, changed nothing, or cannot apply now: u skips it
        if message.error is not None:
            broken = self.session is not None and self.session.broken is not None
            if message.retry is None:
                self._fail(message.error)
            else:  # the name typed is asked for again, never lost
                said = typed_back(message.error)
                self.status(said, "bold red")
                if broken:  # after the reload: the prompt over the map as it is then
                    self.after_reload = (said, "bold red", message.retry)
                else:
                    message.retry(said)
            if broken:
                self.load()  # type: ignore[attr-defined]  # a failed session refuses every later write
            return
        if self.loaded is not None and message.data is not None:
            self.loaded.data = message.data
        self.refresh_inbox()
        self.status(message.said, "yellow" if message.refused else "green")
        if message.back is not None and not message.refused:
            self._show_phase(step)

    def _show_phase(self, step: PhaseStep | None) -> None:
        """The cursor goes to the phase an undo or redo changed, if it is on the board."""
        edit = step.main() if step is not None else None
        ids = [p.id for p in self.phases]
        if edit is not None and edit.id in ids:
            self.board.go_to(self.board.lane, ids.index(edit.id))  # not as a key: the status line stays

    def action_phase_rename(self) -> None:
        phase = self.current_phase()
        if phase is None:
            return

        def done(name: str | None) -> None:
            if not name or not name.strip() or name.strip() == phase.name:
                return  # unchanged: nothing stored, and nothing to undo (the redoable is kept)

            def rename(records: list[Phase]) -> tuple[list[Phase], list[str]]:
                return phase_doc.renamed(records, phase.id, name), []

            self._update_phases(rename, _("Phase renamed"), phase.id)

        self.ask(
            PromptScreen(
                _("Rename phase"), phase.name, _("name it after what the customer does and wants"), blink=self.blink
            ),
            done,
        )

    def action_phase_add(self) -> None:
        after = self.current_phase()

        def done(name: str | None) -> None:
            if not name or not name.strip():
                return

            def add(records: list[Phase]) -> tuple[list[Phase], list[str]]:
                return phase_doc.added(records, name, after.id if after else None)[1], []

            self._update_phases(add, _("Phase added"))

        self.ask(PromptScreen(_("New phase"), "", _("what the customer does and wants in it"), blink=self.blink), done)

    def action_phase_remove(self) -> None:
        phase = self.current_phase()
        if phase is None:
            return
        used = sum(1 for i in self.journey.items if i.phase == phase.id) + sum(
            1 for q in self.journey.quotes if q.phase == phase.id
        )
        if used:
            self.status(
                _("{name} holds {used} items or quotes: move them to another phase first").format(
                    name=phase.name, used=used
                ),
                "yellow",
            )
            return
        if self._armed_remove != ("phase", phase.id):
            self._armed_remove = ("phase", phase.id)
            self.status(_("Press X again to remove the phase {name}").format(name=phase.name), "yellow")
            return
        self._armed_remove = None

        def remove(records: list[Phase]) -> tuple[list[Phase], list[str]]:
            return [], [phase.id]

        self._update_phases(remove, _("Phase removed"), phase.id)

    def action_phase_move(self, step: int) -> None:
        phase = self.current_phase()
        if phase is None or not 0 <= self.phases.index(phase) + step < len(self.phases):
            return  # at either end: nothing to move, nothing to undo

        def move(records: list[Phase]) -> tuple[list[Phase], list[str]]:
            return phase_doc.moved(records, phase.id, step), []

        self._update_phases(move, _("Phase moved"), phase.id)
        self.board.move(phase=step)
