"""Pilot tests of the problem-area screen, opened from the map with p: every test checks the
STORED plan (read back from disk), not only the screen."""

from __future__ import annotations

import asyncio
import functools

from textual.widgets import Input
from waiting import wait_until

try:
    from test_map_snapshots import make_app, settle
except ImportError:  # tests as a package
    from .test_map_snapshots import make_app, settle

from trodden.models.change.areas import AreaEvidence, MapSays
from trodden.models.change.plan import Idea, ProblemArea
from trodden.models.change.store import read_plan
from trodden.models.map.map_session import read_map
from trodden.tui.actions import REGISTRY
from trodden.tui.change.matrix import MatrixScreen
from trodden.tui.change.render import area_details, area_line, idea_line, matrix_text
from trodden.tui.change.screen import ChangeScreen
from trodden.tui.change.target import TargetScreen
from trodden.tui.widgets.dialogs import PromptScreen


def sync(test):
    @functools.wraps(test)
    def run(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run


async def opened(pilot, key: str = "p") -> ChangeScreen:
    await settle(pilot)
    await pilot.press(key)

    def ready() -> ChangeScreen | None:
        found = [s for s in pilot.app.screen_stack if isinstance(s, ChangeScreen) and s.ready]
        return found[0] if found else None

    screen = await wait_until(pilot, ready, "the problem-area screen to load")
    await pilot.pause()
    return screen


async def answer(pilot, key: str, text: str) -> None:
    """Press ``key``, type ``text`` into the prompt it opens, press enter."""
    await pilot.press(key)
    field = await wait_until(pilot, lambda: _prompt(pilot), f"the prompt of {key}")
    field.value = text  # typed text; the keys are the screen's, not the Input's
    await pilot.press("enter")
    await pilot.pause()


def _prompt(pilot) -> Input | None:
    screen = pilot.app.screen
    return screen.query_one("#prompt-input", Input) if isinstance(screen, PromptScreen) else None


@sync
async def test_an_area_from_a_moment_of_truth_with_write_up_priority_and_ideas(tmp_path):
    app = make_app(tmp_path)
    path = tmp_path / "s"
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("m")  # every moment of truth becomes a problem area
        await answer(pilot, "w", "Väntar på svar i en vecka")
        await answer(pilot, "p", "4 2")
        await answer(pilot, "a", "job: When my plant struggles, I want help")
        await answer(pilot, "a", "Call after a week")
        await pilot.press("tab")  # to the ideas: the second one is highlighted
        await answer(pilot, "o", "ab")
        await answer(pilot, "e", "fewer dead plants")
        await answer(pilot, "p", "9 2")  # refused: out of 1-5...
        assert "impact is 1 to 5, not 9" in str(screen.query_one("#change-status").render())
        await pilot.press("space", "space")  # idea -> trying -> decided: said, the refusal gone
        assert str(screen.query_one("#change-status").render()) == "The idea is now: decided"
        screen.flush_writes()
        plan = read_plan(path)
        (area,) = plan.areas
        assert (area.title, area.source.value, area.source_ref, area.phase) == (
            "The plant struggles in week one",
            "moment",
            "4",
            "ph3",
        )
        assert (area.experience, area.impact, area.effort) == ("Väntar på svar i en vecka", 4, 2)
        assert area.design_questions == ["How might we be there in week one?"]
        assert [(i.kind.value, i.text, i.owner, i.status.value, i.effect) for i in plan.ideas_of(area.id)] == [
            ("job_to_be_done", "When my plant struggles, I want help", "", "idea", ""),
            ("action", "Call after a week", "AB", "decided", "fewer dead plants"),
        ]
        assert len(read_map(path).items) == 5  # the map itself is untouched


@sync
async def test_a_thundercloud_area_the_matrix_and_undo(tmp_path):
    app = make_app(tmp_path)
    path = tmp_path / "s"
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("n")
        await pilot.pause()
        labels = [str(o.prompt) for o in pilot.app.screen.query_one("#pick-list").options]
        await pilot.press(*["down"] * labels.index("☁ thundercloud: Calls support about the invoice"), "enter")
        await pilot.pause()
        await pilot.press("x")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, MatrixScreen), "the matrix")
        await pilot.press("up", "up", "up", "left")  # an unset area starts in the middle: impact 5, effort 2
        await pilot.press("escape")
        await pilot.pause()
        screen.flush_writes()
        (area,) = read_plan(path).areas
        assert (area.source.value, area.items, area.impact, area.effort) == ("cloud", [1], 5, 2)
        await pilot.press("delete")
        screen.flush_writes()
        assert read_plan(path).areas == []
        await pilot.press("u")
        screen.flush_writes()
        assert read_plan(path).areas == [area]


@sync
async def test_starting_the_target_map_from_the_map(tmp_path):
    app = make_app(tmp_path)
    path = tmp_path / "s"
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot, "T")  # the map's T opens the area screen and starts the target map
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, TargetScreen), "the target map")
        screen.flush_writes()
        plan = read_plan(path)
        assert [(i.title, i.fate.value) for i in plan.target_items] == [
            ("Calls support about the invoice", "keep"),
            ("Asks a friend what the plant is called", "keep"),
            ("Unpacks a perfect box", "keep"),
            ("The plant struggles in week one", "keep"),
        ]
        assert [p.phase for p in plan.target_curve] == ["ph1", "ph2", "ph3"]
        await answer(pilot, "c", "one number, answered at once")  # the first item changes
        await pilot.press("down", "x")  # the second is removed
        await pilot.press("escape", "m", "T")  # an area for the moment, then the target map again
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, TargetScreen), "the target map again")
        await pilot.press("down", "down", "down")  # the moment's own item, in phase 3
        await answer(pilot, "n", "Gets a call in week one")
        await answer(pilot, "v", "1.5 someone calls in week one")
        screen.flush_writes()
        plan = read_plan(path)
        (area,) = plan.areas
        assert [(i.title, i.fate.value, i.change, i.areas) for i in plan.target_items if i.fate.value != "keep"] == [
            ("Calls support about the invoice", "change", "one number, answered at once", []),
            ("Asks a friend what the plant is called", "remove", "", []),
            ("Gets a call in week one", "new", "", [area.id]),
        ]
        assert (plan.target_point("ph3").value, plan.target_point("ph3").reason) == (1.5, "someone calls in week one")
        await pilot.press("escape")
        # every action is in the palette and F1, and each has its method
        titles = {command.title for command in pilot.app.get_system_commands(screen)}
        assert {action.description for action in REGISTRY["change"]} <= titles
        for action in [*REGISTRY["change"], *REGISTRY["change.matrix"]]:
            name = action.action.split("(")[0]
            assert hasattr(ChangeScreen if action.id.count(".") == 1 else MatrixScreen, f"action_{name}"), action.id
        await pilot.press("f1")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "HelpScreen"


@sync
async def test_words_typed_for_an_edit_the_disk_refused_are_asked_for_again(tmp_path, monkeypatch):
    import errno
    import os

    from trodden.models.errors import WriteFailed
    from trodden.models.map.update_files import OwnFile

    def refuse(self, update, client, end) -> None:  # as a full disk does: the session is broken after it
        raise WriteFailed(self.path, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("m")  # every moment of truth becomes a problem area (stored)
        assert screen.flush_writes(10)
        monkeypatch.setattr(OwnFile, "append", refuse)
        await answer(pilot, "w", "Väntar [b]en vecka[/b]")
        assert screen.flush_writes(10)
        field = await wait_until(pilot, lambda: _prompt(pilot), "the write-up asked again")
        assert field.value == "Väntar [b]en vecka[/b]"  # what was typed, not lost
        said = str(screen.query_one("#change-status").render())
        assert (
            said.startswith("Not saved: could not save to")
            and "No space left on device. What you typed is back" in said
        )
        assert read_plan(tmp_path / "s").areas[0].experience == ""
        assert screen.plan.areas[0].experience == ""  # the screen shows what is stored, not the failed edit
        monkeypatch.undo()  # room again: enter stores it, in a fresh session (the failed one refuses all)
        await pilot.press("enter")
        assert screen.flush_writes(10)
        assert read_plan(tmp_path / "s").areas[0].experience == "Väntar [b]en vecka[/b]"
        assert screen.plans.session is screen_map(pilot).session  # the map and the plan share it again


def screen_map(pilot):
    from trodden.tui.map.screen import MapScreen

    return next(s for s in pilot.app.screen_stack if isinstance(s, MapScreen))


def test_user_text_is_shown_as_text_never_markup():
    hostile = "[bold red]x[/] \x1b[31m [@click=app.quit]q[/]"
    area = ProblemArea(id=1, title=hostile, experience=hostile, design_questions=[hostile], impact=3, effort=1)
    idea = Idea(id=1, area=1, text=hostile, owner="[b]", effect=hostile)
    evidence = AreaEvidence((), (), 3, (), ())
    says = MapSays(None, (hostile,), 0, 3, None, 0)
    for text in (
        area_line(1, area, evidence),
        area_details(area, evidence, says, hostile, [("P1", hostile)]),
        idea_line(idea),
        matrix_text([(1, area)], 1),
    ):
        assert "\x1b" not in text.plain
        if "[bold red]" in text.plain:
            assert "␛[31m" in text.plain
