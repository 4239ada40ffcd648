"""Editing the phases from the board: rename, add, remove, reorder (``study.json``).

A mixin of ``MapScreen``: phases live in ``study.json`` (``StudyStore.update``, a locked
read-modify-write), not in the map, so capture and guide see them too. The update runs on
the screen's writer thread, after the map writes before it, so two quick edits land in
the order they were made and ``flush_writes`` waits for them too.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message

from trodden.models.domain import Phase
from trodden.models.plurals import count
from trodden.models.storage.study_file import StudyFile, new_id
from trodden.tui.widgets.dialogs import PromptScreen

from .view import MapView


class PhaseEditing(MapView):
    """Phase actions for the map screen (uses its status, cursor, store and map)."""

    class PhasesStored(Message):
        """A phase edit is in the study file (``data`` as it is now), or failed (``error``)."""

        def __init__(self, data: StudyFile | None, said: str, error: Exception | None = None) -> None:
            super().__init__()
            self.data = data
            self.said = said
            """what the status line says once it is stored"""
            self.error = error

    def _update_phases(self, change: Callable[[StudyFile], None], message: str) -> None:
        if self.readonly:
            self.status("Read-only: this map is being edited elsewhere", "yellow")
            return

        def job() -> Message:
            return self.PhasesStored(self.store.update(change), message)

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

            def rename(data: StudyFile) -> None:
                for p in data.phases:
                    if p.id == phase.id:
                        p.name = name.strip()

            self._update_phases(rename, "Phase renamed")

        self.app.push_screen(
            PromptScreen(
                "Rename phase", phase.name, "name it after what the customer does and wants", blink=self.blink
            ),
            done,
        )

    def action_phase_add(self) -> None:
        after = self.current_phase()

        def done(name: str | None) -> None:
            if not name or not name.strip():
                return

            def add(data: StudyFile) -> None:
                ordered = sorted(data.phases, key=lambda p: p.order)
                position = next((i + 1 for i, p in enumerate(ordered) if after and p.id == after.id), len(ordered))
                ordered.insert(position, Phase(id=new_id("ph", [p.id for p in data.phases]), name=name.strip()))
                for order, p in enumerate(ordered, start=1):
                    p.order = order
                data.phases = ordered

            self._update_phases(add, "Phase added")

        self.app.push_screen(
            PromptScreen("New phase", "", "what the customer does and wants in it", blink=self.blink), done
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
                f"{phase.name} holds {count(used, 'item or quote')}: move them to another phase first", "yellow"
            )
            return
        if self._armed_remove != ("phase", phase.id):
            self._armed_remove = ("phase", phase.id)
            self.status(f"Press X again to remove the phase {phase.name}", "yellow")
            return
        self._armed_remove = None

        def remove(data: StudyFile) -> None:
            data.phases = [p for p in data.phases if p.id != phase.id]

        self._update_phases(remove, "Phase removed")

    def action_phase_move(self, step: int) -> None:
        phase = self.current_phase()
        if phase is None:
            return

        def move(data: StudyFile) -> None:
            ordered = sorted(data.phases, key=lambda p: p.order)
            index = next(i for i, p in enumerate(ordered) if p.id == phase.id)
            target = index + step
            if 0 <= target < len(ordered):
                ordered[index], ordered[target] = ordered[target], ordered[index]
            for order, p in enumerate(ordered, start=1):
                p.order = order
            data.phases = ordered

        self._update_phases(move, "Phase moved")
        self.board.move(phase=step)
