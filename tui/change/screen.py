"""The problem-area screen: from the map to change (the method's steps 9 and 10).

Opened from the map (``p``) over the map's own session, so the plan is saved with the map's
durability and lock (``models.change.store``). The areas are a virtualised list on the left, the
selected area's write-up, evidence and what the map says on the right, its ideas below; the
priority matrix opens with ``x``. The jobs live in mixins: ``editing.PlanEditing`` (commit,
undo, the writer), ``area_actions.AreaActions``, ``idea_actions.IdeaActions``.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from trodden.models.change.areas import AreaEvidence, area_evidence, map_says
from trodden.models.change.plan import ChangePlan, PlanChange, ProblemArea
from trodden.models.change.priority import SortRule, sorted_areas
from trodden.models.change.store import PlanStore
from trodden.models.domain import Phase
from trodden.models.errors import StoreError
from trodden.models.map.curve import emotion_curve, staff_curve
from trodden.models.map.evidence import StudyMapData
from trodden.models.map.journey_map import JourneyMap
from trodden.models.map.map_session import MapSession
from trodden.models.undo import UndoRedo
from trodden.tui.base import literal
from trodden.tui.i18n import _, ngettext
from trodden.tui.widgets.dialogs import RetryingPrompts
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.widgets.option_list import SafeOptionList
from trodden.tui.widgets.status_line import show_status
from trodden.tui.writer import Writer

from .area_actions import AreaActions
from .idea_actions import IdeaActions
from .keys import ACTIONS, HELP_INTRO
from .render import area_details, area_line, idea_line


class ChangeScreen(AreaActions, IdeaActions):
    CONTEXT = "change"
    BINDINGS = ACTIONS
    HELP_INTRO = HELP_INTRO
    CSS_PATH = "change.tcss"

    class Loaded(Message):
        def __init__(self, plan: ChangePlan | None, error: Exception | None = None) -> None:
            super().__init__()
            self.plan = plan
            self.error = error

    def __init__(
        self,
        title: str,
        session: MapSession | None,
        loaded: StudyMapData,
        journey: JourneyMap,
        *,
        readonly: bool = False,
        then: str = "",
        selected: tuple[int, ...] = (),
        reopen: Callable[[Callable[[MapSession | None], None]], None] | None = None,
    ) -> None:
        super().__init__()
        self.reopen = reopen
        """asks the map for a fresh session when a write failed in the shared one (``ChangeLink``)"""
        self.title_text = title
        self.plans = PlanStore(session) if session is not None else None
        self.loaded = loaded
        self.journey = journey
        self.readonly = readonly or session is None
        self.then = then
        """an action to run once the plan is loaded (the map's ``T``: start the target map)"""
        self.selected = selected
        """items selected on the board (space): they can become one problem area"""
        self.plan = ChangePlan()
        self.ready = False
        self.rule = SortRule.ORDER
        self.history: UndoRedo[PlanChange] = UndoRedo()
        self.writer = Writer(self, "change")
        self.prompts = RetryingPrompts()
        self._unsaved = 0
        phases = loaded.data.phases
        self.curve = emotion_curve(phases, loaded.index, journey)
        self.staff = staff_curve(phases, loaded.index, journey) if loaded.index.staff else []
        self._evidence: dict[int, AreaEvidence] = {}

    def compose(self) -> ComposeResult:
        with Horizontal(id="change-top"):
            title = _("trodden · problem areas · {study}").format(study=self.title_text)
            yield Static(literal(title, one_line=True), id="change-title")
            yield Static("", id="change-saved")
        with Horizontal(id="change-body"):
            with Vertical(id="areas-box") as box:
                box.border_title = _("Problem areas")
                yield SafeOptionList(id="areas")
            with Vertical(id="detail-box"):
                with VerticalScroll(id="detail-scroll") as scroll:
                    scroll.can_focus = False
                    yield Static("", id="detail")
                with Vertical(id="ideas-box") as ideas:
                    ideas.border_title = _("Ideas and actions")
                    yield SafeOptionList(id="ideas")
        yield Static(_("Loading the problem areas…"), id="change-status")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.areas_list.focus()
        self.load_plan()

    # ------------------------------------------------------------------ loading
    @work(thread=True, exclusive=True, group="plan", description="load the problem areas")
    def load_plan(self) -> None:
        if self.plans is None:
            self.post_message(self.Loaded(ChangePlan()))
            return
        try:
            self.post_message(self.Loaded(self.plans.load()))
        except StoreError as error:
            self.post_message(self.Loaded(None, error))

    def reload_plan(self) -> None:
        self.load_plan()

    def on_change_screen_loaded(self, message: Loaded) -> None:
        if message.plan is None:
            self.readonly = True
            unread = _("The problem areas cannot be read: {error}. Nothing was changed.").format(error=message.error)
            self.status(unread, "bold red")
            return
        self.plan = message.plan
        self.ready = True
        self.refresh_views()
        count = len(self.plan.areas)
        counted = ngettext("{n} problem area", "{n} problem areas", count).format(n=count)
        if self.after_reload is not None:  # a failed write's reason outranks the counts; its words come back
            said, retry = self.after_reload
            self.after_reload = None
            self.status(said, "bold red")
            if retry is not None:
                retry(said)
        else:
            self.status(counted + (" · " + _("read-only") if self.readonly else ""))
        if self.then:
            action, self.then = self.then, ""
            getattr(self, f"action_{action}")()

    # ------------------------------------------------------------------ state
    @property
    def areas_list(self) -> OptionList:
        return self.query_one("#areas", OptionList)

    @property
    def ideas_list(self) -> OptionList:
        return self.query_one("#ideas", OptionList)

    @property
    def phases(self) -> list[Phase]:
        return sorted(self.loaded.data.phases, key=lambda p: p.order)

    def ordered(self) -> list[ProblemArea]:
        return sorted_areas(self.plan.areas)

    def current_area(self) -> ProblemArea | None:
        at = self.areas_list.highlighted
        ordered = self.ordered()
        return ordered[at] if at is not None and 0 <= at < len(ordered) else None

    def need_area(self) -> ProblemArea | None:
        area = self.current_area()
        if area is None:
            self.status(_("No problem area yet: m makes one of every moment of truth, n a new one"), "yellow")
        return area

    def evidence_of(self, area: ProblemArea) -> AreaEvidence:
        return area_evidence(area, self.loaded.index, self.journey)

    def phase_name(self, phase_id: str | None) -> str:
        return next((p.name for p in self.phases if p.id == phase_id), "")

    def focus_area(self, area_id: int) -> None:
        at = next((i for i, area in enumerate(self.ordered()) if area.id == area_id), None)
        if at is not None:
            self.areas_list.highlighted = at

    # ------------------------------------------------------------------ drawing
    def refresh_views(self) -> None:
        """Redraw the list (keeping the highlight), the selected area and its ideas."""
        self.query_one("#change-saved", Static).update(_("saving…") if self._unsaved else "")
        areas = self.areas_list
        keep = areas.highlighted
        ordered = self.ordered()
        areas.clear_options()
        areas.add_options(
            [
                Option(area_line(n, area, self.evidence_of(area), len(self.plan.ideas_of(area.id))), id=str(area.id))
                for n, area in enumerate(ordered, 1)
            ]
        )
        if ordered:
            areas.highlighted = min(keep or 0, len(ordered) - 1)
        self.refresh_detail()

    def refresh_detail(self) -> None:
        area = self.current_area()
        detail = self.query_one("#detail", Static)
        ideas = self.ideas_list
        keep = ideas.highlighted
        ideas.clear_options()
        if area is None:
            detail.update(literal(_("No problem areas yet. Press m to make one of every moment of truth on the map.")))
            return
        evidence = self.evidence_of(area)
        says = map_says(area, evidence, self.journey, self.curve, self.staff)
        notes = self.loaded.index.notes
        quotes = [(self.loaded.index.participant(notes[q]), notes[q].text) for q in area.quotes if q in notes]
        detail.update(area_details(area, evidence, says, self.phase_name(area.phase), quotes))
        listed = self.plan.ideas_of(area.id)
        ideas.add_options([Option(idea_line(idea), id=str(idea.id)) for idea in listed])
        if listed:
            ideas.highlighted = min(keep or 0, len(listed) - 1)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "areas":
            self.refresh_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "ideas":
            self.action_edit_idea()
        else:
            self.ideas_list.focus()

    def status(self, message: str, style: str = "") -> None:
        show_status(self.query_one("#change-status", Static), message, style, one_line=True)

    def action_switch(self) -> None:
        (self.ideas_list if self.areas_list.has_focus else self.areas_list).focus()

    def action_back(self) -> None:
        self.flush_writes(10)
        self.dismiss(None)
