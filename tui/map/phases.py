"""Editing the phases from the board: rename, add, remove, reorder (in the shared map).

A mixin of ``MapScreen``: phases are records of the shared map document
(``models.map.phase_doc``), so two researchers editing phases at once both keep their work,
and capture, the guide and the exports see them through the store. The edit runs on the
screen's writer thread, after the map writes before it, so two quick edits land in the order
they were made and ``flush_writes`` waits for them too.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message

from trodden.models.domain import Phase
from trodden.models.map import phase_doc
from trodden.models.storage.study_file import StudyFile
from trodden.tui.i18n import _
from trodden.tui.widgets.dialogs import PromptScreen

from .view import MapView


class PhaseEditing(MapView):
    """Phase actions for the map screen (uses its status, cursor, store and map)."""

    class PhasesStored(Message):
        """A phase edit is in the map (``data``: the study as it is now), or failed (``error``)."""

        def __init__(self, data: StudyFile | None, said: str, error: Exception | None = None) -> None:
            super().__init__()
            self.data = data
            self.said = said
            """what the status line says once it is stored"""
            self.error = error

    def _update_phases(self, change: Callable[[list[Phase]], tuple[list[Phase], list[str]]], message: str) -> None:
        """Store what ``change`` makes of the phases as stored (records to put, ids to drop)."""
        session = self.session
        if self.readonly or session is None:
            self.status(_("Read-only: this map is being edited elsewhere"), "yellow")
            return

        def job() -> Message:
            puts, drops = change(session.records("phases"))
            if puts or drops:
                session.write(puts={"phases": puts}, drops={"phases": drops})
            self.store.reload()
            return self.PhasesStored(self.store.data, message)

        self.writer.submit(job, on_error=lambda error: self.PhasesStored(None, message, error))

    def on_phase_editing_phases_stored(self, message: PhasesStored) -> None:
        if message.error is not None:
            self._fail(message.error)
            return
        if self.loaded is not None and message.data is not None:
            self.loaded.data = message.data
        self.refresh_inbox()
        self.status(message.said, "green")

    def action_phase_rename(self) -> None:
        phase = self.current_phase()
        if phase is None:
            return

        def done(name: str | None) -> None:
            if not name or not name.strip():
                return

            def rename(records: list[Phase]) -> tuple[list[Phase], list[str]]:
                return phase_doc.renamed(records, phase.id, name), []

            self._update_phases(rename, _("Phase renamed"))

        self.app.push_screen(
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

        self.app.push_screen(
            PromptScreen(_("New phase"), "", _("what the customer does and wants in it"), blink=self.blink), done
        )

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

        self._update_phases(remove, _("Phase removed"))

    def action_phase_move(self, step: int) -> None:
        phase = self.current_phase()
        if phase is None:
            return

        def move(records: list[Phase]) -> tuple[list[Phase], list[str]]:
            return phase_doc.moved(records, phase.id, step), []

        self._update_phases(move, _("Phase moved"))
        self.board.move(phase=step)
