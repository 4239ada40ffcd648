"""Working together: who last changed an item, and the "what changed" panel.

The merge settles edits made at the same time without asking (``models.map.conflicts``); this
panel lists them with who and when, and enter takes the side the merge dropped (an ordinary
edit, so it can be undone). The list is the same on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from rich.text import Text

from trodden.models.map.conflicts import Conflict
from trodden.models.map.journey_map import Lane
from trodden.models.map.map_session import MapSession
from trodden.models.map.presence import Presence
from trodden.models.names import visible
from trodden.tui.i18n import _, ngettext
from trodden.tui.widgets.dialogs import PickScreen

from .board_cells import CHANGED
from .view import MapView

ITEM_LANES = (Lane.TOUCHPOINTS, Lane.MOMENTS, Lane.BACKSTAGE)
RECENT = timedelta(minutes=10)
"""how long an item another researcher changed carries their mark on the board"""


def conflicts_text(n: int) -> str:
    """The status line's count of edits the merge settled (the ``w`` panel lists them)."""
    return ngettext(
        "{n} edit made at the same time as another: w shows what changed",
        "{n} edits made at the same time as another: w shows what changed",
        n,
    ).format(n=n)


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
    """Who changed what, and where the others are (a mixin of ``MapScreen``)."""

    _others: tuple[Presence, ...]
    stamps_at_load: dict[str, tuple[str, str]] = {}
    """who last changed each item when the map was (re)loaded: what changed before gets no mark"""

    def share_cursor(self) -> None:
        """Tell the others where this cursor is (on the writer thread: a small file)."""
        session, phase = self.session, self.current_phase()
        if session is None or self.readonly or phase is None:
            return
        entry = self.board.entry()
        item = entry.ref if entry is not None and entry.kind == "item" else None
        where = Presence(session.who, self.board.lane.value, phase.id, self.board.cursor.row, item)  # type: ignore[arg-type]

        def job() -> None:
            session.share_cursor(where)

        try:
            self.writer.after_frame(self.board)  # the cursor shows first
            self.writer.submit(job)
        except RuntimeError:
            pass  # closing

    def show_others(self) -> None:
        """A coloured mark with their initials on the cell each other researcher's cursor is on, and
        a lighter one (``✎AB``) on items another researcher changed since the map was loaded (10 min)."""
        board, marks = self.board, {}
        phase_ids = [p.id for p in self.phases]
        lanes = board.lanes
        for item_id, who in self.recently_changed().items():
            found = board.find(item_id, ITEM_LANES)
            if found is not None and board.model is not None:
                lane, phase = found
                row = next(i for i, e in enumerate(board.model.cell(lane, phase)) if e.ref == item_id)
                marks.setdefault((lanes.index(lane), row), {})[phase] = CHANGED + visible(who, one_line=True)[:3]
        for other in self._others:
            found = board.find(other.item, ITEM_LANES) if other.item else None
            if found is not None and board.model is not None:
                lane, phase = found
                row = next(i for i, e in enumerate(board.model.cell(lane, phase)) if e.ref == other.item)
            elif other.phase in phase_ids and other.lane in {lane.value for lane in lanes}:
                lane, phase, row = Lane(other.lane), phase_ids.index(other.phase), other.row
            else:
                continue
            marks.setdefault((lanes.index(lane), row), {})[phase] = visible(other.who, one_line=True)[:4]
        board.set_others(marks)

    def recently_changed(self) -> dict[int, str]:
        """Items another researcher changed since this map was loaded, in the last ``RECENT``: id -> who."""
        me = self.session.who if self.session is not None else None
        newer = (datetime.now(UTC) - RECENT).isoformat(timespec="seconds")
        return {
            int(key): who
            for key, (who, at) in self.shared_state.stamps.items()
            if key.isdigit() and who and who != me and at >= newer and self.stamps_at_load.get(key) != (who, at)
        }

    def show_shared(self, shared: Shared | None) -> None:
        if shared is None:
            return
        before, self.shared_state = self.shared_state.conflicts, shared
        if shared.conflicts and shared.conflicts != before:
            self.status(conflicts_text(shared.conflicts), "yellow")

    def action_changes(self) -> None:
        if self.session is None or self.loaded is None:
            return
        conflicts = self.session.conflicts()
        if not conflicts:
            self.status(_("Nothing was changed by two people at once"), "green")
            return
        options = [(str(number), self._conflict_line(c)) for number, c in enumerate(conflicts)]
        intro = Text(
            _("Edits made at the same time, newest first. Enter takes the other side (u or ctrl+z undoes it).")
        )

        def chosen(key: str | None) -> None:
            if key is not None:
                self._take_other_side(conflicts[int(key)])
            self.board.focus()

        self.app.push_screen(PickScreen(_("What changed"), intro, options), chosen)

    def _conflict_line(self, conflict: Conflict) -> Text:
        line = Text(f"{conflict.lost.at[11:16]} ", style="dim")
        line.append(visible(conflict.describe(self.phase_name), one_line=True))
        return line

    def _take_other_side(self, conflict: Conflict) -> None:
        if self.session is None or self.readonly:
            self.status(self.readonly or _("Read-only"), "yellow")
            return
        title = _("The phases' order") if conflict.together else conflict.title  # not every phase's name
        taken = _("{title}: {who}'s side taken").format(title=title, who=conflict.lost.by)
        taking = self.session.revert(conflict)
        if isinstance(taking, list):  # a phase's records: a phase edit, on the writer thread (``phases``)
            self._update_phases(lambda _records: (taking, []), taken, str(conflict.item) or None)  # type: ignore[attr-defined]
            return
        self.commit(taking, taken, inbox_changed=True)  # type: ignore[attr-defined]
