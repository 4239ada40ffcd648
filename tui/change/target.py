"""The target map beside the current one: every target item with its fate (kept, changed,
removed, new) and the problem area it answers, the two curves phase by phase, and the highlighted
item's phase with its current and target items side by side.

Edits go through the area screen (``owner.edit``), so they share its writer and its undo.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from trodden.models.change.plan import Fate, TargetItem
from trodden.models.change.priority import sorted_areas
from trodden.models.change.target import new_target_item, set_fate, set_target_value
from trodden.models.names import visible
from trodden.tui.i18n import N_, _, number
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.widgets.option_list import SafeOptionList

from .keys import TARGET_ACTIONS

if TYPE_CHECKING:
    from .area_actions import AreaActions

FATE_STYLE = {Fate.KEEP: "dim", Fate.CHANGE: "yellow", Fate.REMOVE: "red", Fate.NEW: "green"}
FATE_WORD = {Fate.KEEP: N_("keep"), Fate.CHANGE: N_("change"), Fate.REMOVE: N_("remove"), Fate.NEW: N_("new")}
"""A target item's fate as the list says it (the stored value is the English key)."""


def fate_word(fate: Fate) -> str:
    return _(FATE_WORD.get(fate, fate.value))


class TargetScreen(ModalScreen[None]):
    CONTEXT = "change.target"
    BINDINGS = TARGET_ACTIONS
    CSS_PATH = "change.tcss"

    def __init__(self, owner: AreaActions) -> None:
        super().__init__()
        self.owner = owner

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Target map")
            yield Static("", id="target-curve")
            yield SafeOptionList(id="target-items")
            yield Static("", id="target-side")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.redraw()
        self.query_one("#target-items", OptionList).focus()

    def ordered(self) -> list[TargetItem]:
        order = {phase.id: phase.order for phase in self.owner.phases}  # type: ignore[attr-defined]
        return sorted(self.owner.plan.target_items, key=lambda i: (order.get(i.phase or "", 99), i.order, i.id))

    def current(self) -> TargetItem | None:
        at = self.query_one("#target-items", OptionList).highlighted
        items = self.ordered()
        return items[at] if at is not None and 0 <= at < len(items) else None

    def redraw(self) -> None:
        owner = self.owner
        numbers = {area.id: n for n, area in enumerate(sorted_areas(owner.plan.areas), start=1)}
        curve = Text()
        shown = {point.key: point.shown for point in owner.curve}  # type: ignore[attr-defined]
        for phase in owner.phases:  # type: ignore[attr-defined]
            point = owner.plan.target_point(phase.id)
            now = shown.get(phase.id)
            curve.append(f"{visible(phase.name, one_line=True)}: ", style="bold")
            curve.append(number(now) if now is not None else "–")
            curve.append(" → ")
            curve.append(number(point.value) if point else "–", style="bold green")
            if point and point.reason:
                curve.append(f"  {visible(point.reason, one_line=True)}", style="dim")
            curve.append("\n")
        self.query_one("#target-curve", Static).update(curve)
        items = self.query_one("#target-items", OptionList)
        keep = items.highlighted
        items.clear_options()
        options = []
        width = max(len(fate_word(fate)) for fate in Fate)
        answers = _("answers {numbers}")
        for item in self.ordered():
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(f"[{fate_word(item.fate):<{width}}] ", style=FATE_STYLE[item.fate])
            line.append(f"{visible(owner.phase_name(item.phase), one_line=True)[:18]:<18} ", style="dim")  # type: ignore[attr-defined]
            line.append(visible(item.title, one_line=True), style="strike" if item.fate is Fate.REMOVE else "")
            if item.change:
                line.append(f" → {visible(item.change, one_line=True)}", style="yellow")
            answered = [str(numbers[a]) for a in item.areas if a in numbers]
            if answered:
                line.append("  " + answers.format(numbers=", ".join(answered)), style="cyan")
            options.append(Option(line, id=str(item.id)))
        items.add_options(options)
        if options:
            items.highlighted = min(keep or 0, len(options) - 1)
        self.redraw_side()

    def redraw_side(self) -> None:
        """The highlighted item's phase, current and target side by side."""
        item = self.current()
        side = self.query_one("#target-side", Static)
        if item is None:
            side.update("")
            return
        in_phase = [i for i in self.ordered() if i.phase == item.phase]
        table = Table(expand=True, box=box.SIMPLE_HEAD, padding=(0, 1))
        name = visible(self.owner.phase_name(item.phase), one_line=True)  # type: ignore[attr-defined]
        table.add_column(Text(_("Current · {phase}").format(phase=name), style="bold"), ratio=1)
        table.add_column(Text(_("Target · {phase}").format(phase=name), style="bold green"), ratio=1)
        current = [
            Text(visible(i.title, one_line=True), style="strike dim" if i.fate is Fate.REMOVE else "")
            for i in in_phase
            if i.fate is not Fate.NEW
        ]
        target = [
            Text(
                visible(i.title, one_line=True) + (f" → {visible(i.change, one_line=True)}" if i.change else ""),
                style=FATE_STYLE[i.fate] if i.fate is not Fate.KEEP else "",
            )
            for i in in_phase
            if i.fate is not Fate.REMOVE
        ]
        for left, right in itertools.zip_longest(current, target, fillvalue=Text("")):
            table.add_row(left, right)
        side.update(table)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.redraw_side()

    def _edit(self, make, message: str = "") -> None:
        self.owner.edit(make, message)
        self.redraw()

    def action_fate(self, fate: str) -> None:
        item = self.current()
        if item is not None:
            marked = _("Marked {fate}").format(fate=fate_word(Fate(fate)))
            self._edit(lambda: set_fate(self.owner.plan, item.id, Fate(fate), item.change), marked)

    def action_change_item(self) -> None:
        item = self.current()
        if item is None:
            return

        def save(text: str) -> None:
            marked = _("Marked {fate}").format(fate=fate_word(Fate.CHANGE))
            self._edit(lambda: set_fate(self.owner.plan, item.id, Fate.CHANGE, text.strip()), marked)

        self.owner.ask(_("How does it change?"), item.change, _("a few words, e.g. one address field"), save)

    def action_new_item(self) -> None:
        item = self.current()
        phase = item.phase if item is not None else None
        area = self.owner.current_area()  # type: ignore[attr-defined]
        areas = [area.id] if area is not None else []

        def save(title: str) -> None:
            self._edit(
                lambda: new_target_item(self.owner.plan, phase, title, self.owner.new_id, areas), _("New target item")
            )

        self.owner.ask(_("New target item"), "", _("what the customer meets in the target state"), save)

    def action_answers(self) -> None:
        item = self.current()
        area = self.owner.current_area()  # type: ignore[attr-defined]
        if item is None or area is None:
            return
        areas = [a for a in item.areas if a != area.id] if area.id in item.areas else [*item.areas, area.id]
        self._edit(lambda: set_fate(self.owner.plan, item.id, item.fate, item.change, areas), _("Saved"))

    def action_value(self) -> None:
        item = self.current()
        if item is None or item.phase is None:
            return
        phase = item.phase
        point = self.owner.plan.target_point(phase)

        def save(text: str) -> None:
            value, _space, reason = text.strip().partition(" ")
            try:
                number = float(value.replace("−", "-").replace(",", "."))
            except ValueError:
                self.owner.status(_("Start with a value from -2 to +2, then the reason"), "bold red")
                return
            self._edit(lambda: set_target_value(self.owner.plan, phase, number, reason.strip(), self.owner.new_id))

        now = f"{number(point.value)} {point.reason}".strip() if point else ""
        self.owner.ask(_("Target curve: value, then the reason"), now, _("-2 to +2, e.g. 1.5 fewer calls"), save)

    def action_undo(self) -> None:
        self.owner.action_undo()
        self.redraw()

    def action_redo(self) -> None:
        self.owner.action_redo()
        self.redraw()

    def action_close(self) -> None:
        self.dismiss(None)
