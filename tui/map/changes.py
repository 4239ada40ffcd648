"""Working together: who last changed an item, and the "what changed" panel.

The merge settles edits made at the same time without asking (``models.map.conflicts``); this
panel lists them with who and when, and enter takes the side the merge dropped (an ordinary
edit, so it can be undone). The list is the same on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text

from trodden.models.map.conflicts import Conflict
from trodden.models.map.map_session import MapSession
from trodden.models.names import visible
from trodden.tui.widgets.dialogs import PickScreen

from .view import MapView


@dataclass(frozen=True)
class Shared:
    """What the others did, read with the map (on a worker or the writer thread)."""

    stamps: dict[str, tuple[str, str]] = field(default_factory=dict)
    """item id -> (who, when) of its last change"""
    conflicts: int = 0

    @classmethod
    def of(cls, session: MapSession | None) -> Shared:
        if session is None:
            return cls()
        return cls(session.stamps(), len(session.conflicts()))


class MapChanges(MapView):
    """Who changed what (a mixin of ``MapScreen``)."""

    def show_shared(self, shared: Shared | None) -> None:
        if shared is None:
            return
        before, self.shared_state = self.shared_state.conflicts, shared
        if shared.conflicts and shared.conflicts != before:
            self.status(
                f"{shared.conflicts} edits were made at the same time as another: w shows what changed", "yellow"
            )

    def action_changes(self) -> None:
        if self.session is None or self.loaded is None:
            return
        conflicts = self.session.conflicts()
        if not conflicts:
            self.status("Nothing was changed by two people at once", "green")
            return
        options = [(str(number), self._conflict_line(c)) for number, c in enumerate(conflicts)]
        intro = Text("Edits made at the same time, newest first. Enter takes the other side (ctrl+z undoes it).")

        def chosen(key: str | None) -> None:
            if key is not None:
                self._take_other_side(conflicts[int(key)])
            self.board.focus()

        self.app.push_screen(PickScreen("What changed", intro, options), chosen)

    def _conflict_line(self, conflict: Conflict) -> Text:
        line = Text(f"{conflict.lost.at[11:16]} ", style="dim")
        line.append(visible(conflict.describe(self.phase_name), one_line=True))
        return line

    def _take_other_side(self, conflict: Conflict) -> None:
        if self.session is None or self.readonly:
            self.status(self.readonly or "Read-only", "yellow")
            return
        change = self.session.revert(conflict)
        self.commit(change, f"{conflict.title}: {conflict.lost.by}'s side taken", inbox_changed=True)  # type: ignore[attr-defined]
