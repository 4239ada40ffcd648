"""Snapshots of the problem-area screen, its priority matrix and the target map, at 80x24 and a large size."""

from __future__ import annotations

from textual.widgets import Input
from waiting import wait_until

try:
    from test_map_snapshots import make_app, settle
except ImportError:  # tests as a package
    from .test_map_snapshots import make_app, settle

from trodden.models.change.areas import areas_from_moments, new_area
from trodden.models.change.edit import add_idea, toggle_quote, update_area, update_idea
from trodden.models.change.plan import IdeaKind, IdeaStatus
from trodden.models.change.priority import set_priority
from trodden.models.change.store import edit_plan, read_plan
from trodden.models.map.map_session import read_map
from trodden.tui.change.matrix import MatrixScreen
from trodden.tui.change.screen import ChangeScreen
from trodden.tui.change.target import TargetScreen
from trodden.tui.widgets.dialogs import PromptScreen

SMALL, LARGE = (80, 24), (130, 40)


def planned_app(tmp_path):
    app = make_app(tmp_path)
    path = tmp_path / "s"
    journey = read_map(path)
    quote = journey.item(4).evidence[0]

    def step(make):
        edit_plan(path, make)

    step(lambda plan, s: areas_from_moments(plan, journey, s.next_id))
    step(lambda plan, s: new_area(plan, journey, s.next_id, item=journey.item(1)))
    step(lambda plan, s: new_area(plan, journey, s.next_id, title="Nobody tells me what the plant needs (å ä ö)"))
    one, two, _ = (area.id for area in read_plan(path).areas)  # ids sort in the order the areas were made
    step(lambda plan, s: update_area(plan, one, experience="Bladen gulnar och ingen svarar på mejlet på en vecka."))
    step(lambda plan, s: toggle_quote(plan, one, quote))
    step(lambda plan, s: set_priority(plan, one, impact=5, effort=2))
    step(lambda plan, s: set_priority(plan, two, impact=3, effort=4))
    step(
        lambda plan, s: add_idea(
            plan, one, "Call every new customer after a week", s.next_id, owner="ab", effect="fewer dead plants"
        )
    )
    step(
        lambda plan, s: add_idea(
            plan, one, "When my plant struggles, I want a person to look at it", s.next_id, kind=IdeaKind.JOB
        )
    )
    first_idea = read_plan(path).ideas[0].id
    step(lambda plan, s: update_idea(plan, first_idea, status=IdeaStatus.TRYING))
    return app


async def opened(pilot) -> None:
    await settle(pilot)
    await pilot.press("p")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChangeScreen) and pilot.app.screen.ready, "areas")
    await pilot.pause()


async def matrix(pilot) -> None:
    await opened(pilot)
    await pilot.press("x")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, MatrixScreen), "the matrix")
    await pilot.pause()


def test_problem_areas_80x24(snap_compare, tmp_path):
    assert snap_compare(planned_app(tmp_path), terminal_size=SMALL, run_before=opened)


def test_problem_areas_large(snap_compare, tmp_path):
    assert snap_compare(planned_app(tmp_path), terminal_size=LARGE, run_before=opened)


def test_priority_matrix_80x24(snap_compare, tmp_path):
    assert snap_compare(planned_app(tmp_path), terminal_size=SMALL, run_before=matrix)


def test_priority_matrix_large(snap_compare, tmp_path):
    assert snap_compare(planned_app(tmp_path), terminal_size=LARGE, run_before=matrix)


async def target(pilot) -> None:
    await opened(pilot)
    await pilot.press("T")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, TargetScreen), "the target map")
    await pilot.press("c")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, PromptScreen), "the prompt")
    pilot.app.screen.query_one(Input).value = "one number, answered at once"
    await pilot.press("enter", "down", "x", "down", "down")
    await pilot.pause()


def test_target_map_80x24(snap_compare, tmp_path):
    assert snap_compare(planned_app(tmp_path), terminal_size=SMALL, run_before=target)


def test_target_map_large(snap_compare, tmp_path):
    assert snap_compare(planned_app(tmp_path), terminal_size=LARGE, run_before=target)
