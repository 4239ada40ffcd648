"""The priority matrix drawn in the terminal: impact up, effort across, the areas' numbers in
their cells. The arrows move the selected area (each step saved and undoable like any edit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from trodden.models.change.priority import sorted_areas
from trodden.tui.base import literal
from trodden.tui.i18n import _
from trodden.tui.widgets.footer import FittingFooter

from .keys import MATRIX_ACTIONS
from .render import matrix_text

if TYPE_CHECKING:
    from .area_actions import AreaActions

MIDDLE = 3


class MatrixScreen(ModalScreen[None]):
    CONTEXT = "change.matrix"
    BINDINGS = MATRIX_ACTIONS
    CSS_PATH = "change.tcss"

    def __init__(self, owner: AreaActions) -> None:
        super().__init__()
        self.owner = owner
        area = owner.current_area()  # type: ignore[attr-defined]
        self.selected: int | None = area.id if area is not None else None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Priority matrix")
            yield Static("", id="matrix-title")
            yield Static("", id="matrix")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        numbered = list(enumerate(sorted_areas(self.owner.plan.areas), start=1))
        area = self.owner.plan.area(self.selected) if self.selected is not None else None
        number = next((n for n, a in numbered if area is not None and a.id == area.id), 0)
        title = f"{number}. {area.title}" if area is not None else "no area"
        self.query_one("#matrix-title", Static).update(literal(title, "bold", one_line=True))
        self.query_one("#matrix", Static).update(matrix_text(numbered, self.selected))

    def action_shift(self, impact_step: int, effort_step: int) -> None:
        area = self.owner.plan.area(self.selected) if self.selected is not None else None
        if area is None:
            return
        impact = min(5, max(1, (area.impact or MIDDLE - impact_step) + impact_step))
        effort = min(5, max(1, (area.effort or MIDDLE - effort_step) + effort_step))
        self.owner.shift_priority(area.id, impact, effort)
        self.redraw()

    def action_next_area(self, step: int) -> None:
        ordered = sorted_areas(self.owner.plan.areas)
        if not ordered:
            return
        at = next((i for i, a in enumerate(ordered) if a.id == self.selected), -1)
        self.selected = ordered[(at + step) % len(ordered)].id
        self.redraw()

    def action_close(self) -> None:
        if self.selected is not None:
            self.owner.focus_area(self.selected)  # type: ignore[attr-defined]
        self.dismiss(None)
