"""The keys for the ideas under a problem area: add, edit, kind, status, owner, effect, what happened."""

from __future__ import annotations

from trodden.models.change.edit import add_idea, cycle_kind, cycle_status, delete_idea, update_idea
from trodden.models.change.plan import Idea, IdeaKind
from trodden.tui.i18n import _

from .editing import PlanEditing
from .render import KIND_LABEL, status_word

PREFIX = {
    "prototype": IdeaKind.PROTOTYPE,
    "job": IdeaKind.JOB,
    "narrative": IdeaKind.NARRATIVE,
    "action": IdeaKind.ACTION,
}


def parse_idea(text: str) -> tuple[IdeaKind, str]:
    """``job: When I ...`` -> (job to be done, ``When I ...``); no known prefix: an action."""
    head, colon, rest = text.partition(":")
    kind = PREFIX.get(head.strip().casefold())
    if colon and kind is not None:
        return kind, rest.strip()
    return IdeaKind.ACTION, text.strip()


class IdeaActions(PlanEditing):
    """What the keys do to the ideas of the selected area (a mixin of ``ChangeScreen``)."""

    def current_idea(self) -> Idea | None:
        area = self.current_area()  # type: ignore[attr-defined]
        if area is None:
            return None
        ideas = self.plan.ideas_of(area.id)
        at = self.ideas_list.highlighted  # type: ignore[attr-defined]
        return ideas[at] if at is not None and 0 <= at < len(ideas) else None

    def need_idea(self) -> Idea | None:
        idea = self.current_idea()
        if idea is None:
            self.status(_("No idea here yet: a adds one"), "yellow")
        return idea

    def action_add_idea(self) -> None:
        area = self.need_area()  # type: ignore[attr-defined]
        if area is None:
            return
        hint = _("prototype: / job: When I ..., I want to ..., so I can ... / narrative: / action: (the default)")

        def save(text: str) -> None:
            kind, words = parse_idea(text)
            if self.edit(lambda: add_idea(self.plan, area.id, words, self.new_id, kind=kind), _("Idea added")):  # type: ignore[attr-defined]
                self.ideas_list.highlighted = len(self.plan.ideas_of(area.id)) - 1  # type: ignore[attr-defined]

        self.ask(_("New idea"), "", hint, save)  # type: ignore[attr-defined]

    def _ask_field(self, field: str, title: str, hint: str) -> None:
        idea = self.need_idea()
        if idea is None:
            return

        def save(text: str) -> None:
            self.edit(lambda: update_idea(self.plan, idea.id, **{field: text.strip()}), _("Saved"))

        self.ask(title, getattr(idea, field), hint, save)  # type: ignore[attr-defined]

    def action_edit_idea(self) -> None:
        self._ask_field("text", _("The idea"), "")

    def action_idea_owner(self) -> None:
        self._ask_field("owner", _("Owner"), _("initials, e.g. AB"))

    def action_idea_effect(self) -> None:
        self._ask_field("effect", _("Expected effect"), _("e.g. fewer calls about the invoice"))

    def action_idea_outcome(self) -> None:
        self._ask_field("outcome", _("What happened"), _("what the team saw once it was tried"))

    def action_idea_kind(self) -> None:
        idea = self.need_idea()
        if idea is not None and self.commit(cycle_kind(self.plan, idea.id)):
            now = self.plan.idea(idea.id)
            if now is not None:  # said, so an older message (a refusal) does not stay on the line
                self.status(_("Kind: {kind}").format(kind=_(KIND_LABEL[now.kind.value])), "green")

    def action_idea_status(self) -> None:
        idea = self.need_idea()
        if idea is not None and self.commit(cycle_status(self.plan, idea.id)):
            now = self.plan.idea(idea.id)
            if now is not None:
                self.status(_("The idea is now: {status}").format(status=status_word(now.status)), "green")

    def action_remove(self) -> None:
        if self.ideas_list.has_focus:  # type: ignore[attr-defined]
            idea = self.need_idea()
            if idea is not None:
                self.commit(delete_idea(self.plan, idea.id), _("Idea removed; u brings it back"))
            return
        self.remove_area()  # type: ignore[attr-defined]
