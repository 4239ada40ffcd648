"""The report study with a change plan: problem areas from its moment of truth and a thundercloud,
prioritised, with ideas, and a target map (for the report and export tests)."""

from __future__ import annotations

from pathlib import Path

try:
    from report_study import make_study
except ImportError:  # tests as a package
    from .report_study import make_study

from trodden.models.change.areas import areas_from_moments, new_area
from trodden.models.change.edit import add_idea, toggle_quote, update_area, update_idea
from trodden.models.change.plan import Fate, IdeaKind, IdeaStatus
from trodden.models.change.priority import set_priority
from trodden.models.change.store import edit_plan
from trodden.models.change.target import new_target_item, set_fate, set_target_value, start_target
from trodden.models.map.curve import emotion_curve
from trodden.models.map.evidence import load_study_map
from trodden.models.storage.store import StudyStore

EXPERIENCE = "Malin waits for a plant that arrives wilted, and nobody calls"
"""Holds the study's redaction term (Malin): redacted in every export unless --include-private."""


def make_change_study(path: Path, *, language: str = "en", target: bool = True) -> StudyStore:
    store = make_study(path, language=language)
    data = load_study_map(store)
    journey = data.journey

    def step(make):
        return edit_plan(store.path, make)

    step(lambda plan, s: areas_from_moments(plan, journey, s.next_id))  # area one: "The plant arrives"
    plan = step(lambda plan, s: new_area(plan, journey, s.next_id, item=journey.item(3)))  # area two: the address cloud
    one, two = (area.id for area in plan.areas)  # ids in the order the areas were made
    step(lambda plan, s: update_area(plan, one, experience=EXPERIENCE, design_questions=["Hur kan vi ringa först?"]))
    step(lambda plan, s: toggle_quote(plan, one, "2026-03-02-P1/4"))
    step(lambda plan, s: set_priority(plan, one, impact=5, effort=2))
    step(lambda plan, s: set_priority(plan, two, impact=3, effort=4))
    step(
        lambda plan, s: add_idea(
            plan,
            one,
            "Call the customer the day after delivery",
            s.next_id,
            owner="ab",
            effect="fewer wilted-plant complaints",
        )
    )
    step(
        lambda plan, s: add_idea(
            plan, one, "When my plant arrives, I want to know it will live", s.next_id, kind=IdeaKind.JOB
        )
    )
    plan = step(lambda plan, s: add_idea(plan, two, "Accept å ä ö in the address form", s.next_id, owner="cd"))
    idea = plan.ideas_of(two)[0]
    step(lambda plan, s: update_idea(plan, idea.id, status=IdeaStatus.DONE, outcome="no more rejected addresses"))
    if target:
        curve = emotion_curve(data.data.phases, data.index, journey)
        plan = step(lambda plan, s: start_target(plan, data.data.phases, journey, curve, s.next_id))
        address = next(i for i in plan.target_items if i.source == 3)
        step(lambda plan, s: set_fate(plan, address.id, Fate.CHANGE, "one address field, any letters", areas=[two]))
        step(lambda plan, s: new_target_item(plan, "ph3", "Gets a call the day after", s.next_id, areas=[one]))
        step(lambda plan, s: set_target_value(plan, "ph3", 1.0, "the call turns worry into care", s.next_id))
    return store
