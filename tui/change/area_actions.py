"""The keys that shape problem areas: make them (from moments of truth, thunderclouds, phases),
write them up, pick quotes, prioritise, order, remove, and start the target map."""

from __future__ import annotations

from rich.text import Text

from trodden.models.change.areas import areas_from_moments, moments_without_area, new_area
from trodden.models.change.edit import delete_area, toggle_quote, update_area
from trodden.models.change.priority import SortRule, move_area, save_order, set_priority, sorted_areas
from trodden.models.change.target import set_target_value, start_target
from trodden.models.domain import Kind
from trodden.models.map.journey_map import Mark
from trodden.models.names import visible
from trodden.models.notes.marks import CLOUD, KIND_SYMBOLS
from trodden.tui.i18n import N_, _, ngettext, number
from trodden.tui.widgets.dialogs import PickScreen

from .editing import PlanEditing
from .matrix import MatrixScreen
from .target import TargetScreen

SORTS = [SortRule.PRIORITY, SortRule.IMPACT, SortRule.EFFORT, SortRule.EVIDENCE]
SORT_WORDS = {
    SortRule.PRIORITY: N_("priority"),
    SortRule.IMPACT: N_("impact"),
    SortRule.EFFORT: N_("effort"),
    SortRule.EVIDENCE: N_("evidence"),
}
"""A sort rule as the status line says it."""


class AreaActions(PlanEditing):
    """What the keys do to the problem areas (a mixin of ``ChangeScreen``)."""

    selected: tuple[int, ...] = ()

    def new_id(self, collection: str) -> int:
        assert self.plans is not None
        return self.plans.next_id(collection)

    def action_from_moments(self) -> None:
        change = areas_from_moments(self.plan, self.journey, self.new_id)
        if not change:
            self.status(_("Every moment of truth already heads a problem area"), "yellow")
            return
        made = ngettext(
            "{n} problem area from the moments of truth",
            "{n} problem areas from the moments of truth",
            len(change.puts),
        )
        self.commit(change, made.format(n=len(change.puts)))

    def action_new_area(self) -> None:
        options: list[tuple[str, Text]] = [("title", Text("✎ " + _("A problem area of its own: type its title")))]
        chosen = [item for item in (self.journey.item(i) for i in self.selected) if item is not None]
        if chosen:
            cluster = ngettext(
                "the {n} item selected on the board (a cluster)",
                "the {n} items selected on the board (a cluster)",
                len(chosen),
            ).format(n=len(chosen))
            options.append(("cluster", Text("▦ " + cluster)))
        moment, cloud, in_phase = _("moment of truth: {title}"), _("thundercloud: {title}"), _("phase: {name}")
        for item in moments_without_area(self.plan, self.journey):
            options.append(
                (
                    f"item:{item.id}",
                    Text(f"{KIND_SYMBOLS[Kind.MOMENT]} " + moment.format(title=visible(item.title, one_line=True))),
                )
            )
        for item in self.journey.items:
            if item.mark is Mark.CLOUD:
                options.append(
                    (f"item:{item.id}", Text(f"{CLOUD} " + cloud.format(title=visible(item.title, one_line=True))))
                )
        for phase in self.phases:
            options.append((f"phase:{phase.id}", Text("▤ " + in_phase.format(name=visible(phase.name, one_line=True)))))
        intro = Text(_("Where does the new problem area come from?"))
        self.app.push_screen(PickScreen(_("New problem area"), intro, options), self._new_from)

    def _new_from(self, choice: str | None) -> None:
        if choice is None:
            return
        if choice == "title":
            self.ask(_("New problem area"), "", _("its title"), self._new_titled)
            return
        kind, _colon, ref = choice.partition(":")
        added = _("Problem area added")
        if kind == "cluster":
            chosen = [item for item in (self.journey.item(i) for i in self.selected) if item is not None]
            made = self.edit(lambda: new_area(self.plan, self.journey, self.new_id, items=chosen), added)
        elif kind == "item":
            item = self.journey.item(int(ref))
            made = self.edit(lambda: new_area(self.plan, self.journey, self.new_id, item=item), added)
        else:
            phase = next((p for p in self.phases if p.id == ref), None)
            made = self.edit(lambda: new_area(self.plan, self.journey, self.new_id, phase=phase), added)
        if made:
            self.focus_area(max(area.id for area in self.plan.areas))

    def _new_titled(self, title: str) -> None:
        if self.edit(lambda: new_area(self.plan, self.journey, self.new_id, title=title.strip()), _("Problem area added")):  # fmt: skip
            self.focus_area(max(area.id for area in self.plan.areas))

    def _set(self, message: str, **fields) -> None:
        area = self.current_area()
        if area is not None:
            self.edit(lambda: update_area(self.plan, area.id, **fields), message)

    def action_rename(self) -> None:
        area = self.need_area()
        if area is not None:
            self.ask(_("Rename the problem area"), area.title, "", lambda title: self._set(_("Renamed"), title=title))

    def action_write_up(self) -> None:
        area = self.need_area()
        if area is not None:
            hint = _("the customer's experience in a few sentences, from the customer's side")
            self.ask(
                _("Write-up"), area.experience, hint, lambda text: self._set(_("Written"), experience=text.strip())
            )

    def action_questions(self) -> None:
        area = self.need_area()
        if area is not None:
            hint = _("How might we ... ? (several: separate them with |)")

            def save(text: str) -> None:
                self._set(_("Design questions saved"), design_questions=text.split("|"))

            self.ask(_("Design questions"), " | ".join(area.design_questions), hint, save)

    def action_quotes(self) -> None:
        area = self.need_area()
        if area is None:
            return
        evidence = self.evidence_of(area)
        if not evidence.notes:
            self.status(_("No customer's note backs this area yet: link items or notes to it on the map"), "yellow")
            return
        index = self.loaded.index
        options = []
        for note in evidence.quotable:
            picked = "✓ " if note.id in area.quotes else "  "
            line = Text(picked, style="bold green")
            line.append(f"{visible(index.participant(note), one_line=True):<5}", style="bold")
            line.append(visible(note.text, one_line=True), style="italic" if Kind.QUOTE in note.kinds else "")
            options.append((note.id, line))
        intro = Text(_("Enter picks (or unpicks) a quote, shown verbatim in the report."))

        def picked(note_id: str | None) -> None:
            if note_id is not None:
                self.edit(lambda: toggle_quote(self.plan, area.id, note_id), _("Quotes saved"))

        self.app.push_screen(PickScreen(_("Quotes from the evidence"), intro, options), picked)

    def action_priority(self) -> None:
        area = self.need_area()
        if area is None:
            return
        now = f"{area.impact} {area.effort}" if area.impact and area.effort else ""

        def save(text: str) -> None:
            parts = text.replace(",", " ").split()
            if len(parts) != 2 or not all(p.isdigit() for p in parts):
                self.status(_("Type impact and effort, 1 to 5 each, e.g. 4 2"), "bold red")
                return
            impact, effort = (int(p) for p in parts)
            self.edit(lambda: set_priority(self.plan, area.id, impact=impact, effort=effort), _("Priority saved"))

        self.ask(_("Impact and effort (1-5 each)"), now, _("e.g. 4 2: impact 4, effort 2"), save)

    def action_matrix(self) -> None:
        if self.need_area() is not None:
            self.app.push_screen(MatrixScreen(self))

    def shift_priority(self, area_id: int, impact: int, effort: int) -> None:
        """The matrix's arrows: move an area one step (an unset area starts at the middle)."""
        self.edit(lambda: set_priority(self.plan, area_id, impact=impact, effort=effort))

    def action_sort(self) -> None:
        self.rule = SORTS[(SORTS.index(self.rule) + 1) % len(SORTS)] if self.rule in SORTS else SORTS[0]
        ordered = sorted_areas(self.plan.areas, self.rule, lambda area: self.evidence_of(area).n)
        self.commit(save_order(self.plan, ordered))
        rule = _(SORT_WORDS.get(self.rule, self.rule.value))
        self.status(_("Sorted by {rule}; this order is kept (shift+↑/↓ to adjust)").format(rule=rule), "green")

    def action_move(self, step: int) -> None:
        area = self.need_area()
        if area is not None and self.commit(move_area(self.plan, area.id, step)):
            self.focus_area(area.id)

    def remove_area(self) -> None:
        area = self.need_area()
        if area is not None:
            ideas = len(self.plan.ideas_of(area.id))
            removed = ngettext(
                "Area removed with {n} idea; u brings it back", "Area removed with {n} ideas; u brings it back", ideas
            ).format(n=ideas)
            self.edit(lambda: delete_area(self.plan, area.id), removed)

    def action_start_target(self) -> None:
        """Start the target map from the current one (once), then show it."""
        if not self.plan.has_target:
            change = start_target(self.plan, self.phases, self.journey, self.curve, self.new_id)
            if not self.commit(change):
                return
            kept = len(self.plan.target_items)
            started = ngettext(
                "Target map started from the current map: {n} item kept",
                "Target map started from the current map: {n} items kept",
                kept,
            ).format(n=kept)
            self.status(started, "green")
        self.app.push_screen(TargetScreen(self))

    def action_target_value(self) -> None:
        area = self.need_area()
        if area is None or not area.phase:
            self.status(_("Choose an area that belongs to a phase"), "yellow")
            return
        point = self.plan.target_point(area.phase)
        now = f"{number(point.value)} {point.reason}".strip() if point else ""

        def save(text: str) -> None:
            value, _space, reason = text.strip().partition(" ")
            try:
                number = float(value.replace("−", "-").replace(",", "."))
            except ValueError:
                self.status(_("Start with a value from -2 to +2, then the reason, e.g. 1.5 fewer calls"), "bold red")
                return
            phase = area.phase or ""
            self.edit(lambda: set_target_value(self.plan, phase, number, reason.strip(), self.new_id), _("Target set"))

        hint = _("-2 to +2, then the reason (e.g. 1.5 fewer calls about the invoice)")
        self.ask(_("Target curve in {phase}").format(phase=self.phase_name(area.phase)), now, hint, save)
