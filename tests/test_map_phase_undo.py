"""Phase edits on the board are undone and redone with the item edits, newest first (u, ctrl+z, U).

Each step checks the STORED phases and items: the study re-opened through the models after the
screen's writer has flushed.
"""

from __future__ import annotations

import pytest
from map_kit import build_study
from test_map_screen import NOTES, app_for, loaded, sync
from waiting import wait_until

from trodden.models.map.map_session import MapSession, read_map
from trodden.models.storage.store import StudyStore


@pytest.fixture
def store(tmp_path) -> StudyStore:
    return build_study(tmp_path / "s", ["Finding a plant", "Getting it home"], NOTES)


def stored_phases(store: StudyStore) -> list[str]:
    return [p.name for p in StudyStore.open(store.path).phases]


def said(screen) -> str:
    return str(screen.query_one("#map-status").render())


async def settled(pilot, screen, names: list[str], status: str = "") -> None:
    """The writer flushed, the phases are stored as ``names``, and the screen shows them (and ``status``)."""
    assert screen.flush_writes(timeout=10)
    assert stored_phases(screen.store) == names
    await wait_until(
        pilot,
        lambda: [p.name for p in screen.phases] == names and status in said(screen),
        f"{names} {status!r}, not {[p.name for p in screen.phases]} {said(screen)!r}",
    )


@sync
async def test_phase_and_item_edits_are_undone_newest_first_and_redone(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        start = ["Finding a plant", "Getting it home"]
        await pilot.press("R", "ctrl+u", *"Söka", "enter")  # rename phase 1
        await pilot.press("A", *"Få hem", "enter")  # add a phase after it
        await pilot.press("greater_than_sign")  # move phase 1 one column right
        await settled(pilot, screen, ["Få hem", "Söka", "Getting it home"])
        await pilot.press("tab", "3", "tab")  # an item edit between them: a note placed in phase 3
        assert screen.flush_writes(timeout=10)
        assert [i.phase for i in read_map(store.path).items] == ["ph2"]
        await pilot.press("left", "left", "left", "X", "X")  # remove the new (empty) phase, the first
        await settled(pilot, screen, ["Söka", "Getting it home"], "Phase removed")

        await pilot.press("u")
        await settled(pilot, screen, ["Få hem", "Söka", "Getting it home"], "Undone: removing the phase “Få hem”")
        assert screen.current_phase().name == "Få hem"  # the cursor is on the phase brought back
        await pilot.press("ctrl+z")  # the item edit, in its turn
        assert screen.flush_writes(timeout=10)
        assert read_map(store.path).items == []
        await pilot.press("u")
        await settled(pilot, screen, ["Söka", "Få hem", "Getting it home"], "Undone: moving the phase “Söka”")
        await pilot.press("u")
        await settled(pilot, screen, ["Söka", "Getting it home"], "Undone: adding the phase “Få hem”")
        await pilot.press("u")
        await settled(pilot, screen, start, "Undone: renaming the phase “Finding a plant” to “Söka”")
        await pilot.press("u")
        await settled(pilot, screen, start, "Nothing to undo")

        await pilot.press("U")
        await settled(pilot, screen, ["Söka", "Getting it home"], "Redone: renaming the phase")
        await pilot.press("U")
        await settled(pilot, screen, ["Söka", "Få hem", "Getting it home"], "Redone: adding the phase “Få hem”")
        await pilot.press("left", "R", "ctrl+u", *"Hitta", "enter")  # a fresh edit forgets what could be redone
        await settled(pilot, screen, ["Hitta", "Få hem", "Getting it home"], "Phase renamed")
        await pilot.press("U")
        await settled(pilot, screen, ["Hitta", "Få hem", "Getting it home"], "Nothing to redo")
        assert read_map(store.path).items == []


@sync
async def test_an_undo_after_another_researcher_removed_the_phase_says_so_and_changes_nothing(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("right", "R", "ctrl+u", *"Hem", "enter")  # rename phase 2
        await settled(pilot, screen, ["Finding a plant", "Hem"])
        with MapSession(store.path, writable=True, who="XY") as other:
            other.write(drops={"phases": ["ph2"]})  # meanwhile, another researcher removes it
        await pilot.press("u")
        await settled(
            pilot,
            screen,
            ["Finding a plant"],
            "Not undone: the phase “Hem” was removed meanwhile",
        )
        await pilot.press("u")  # the refused step is skipped: nothing older is left
        await settled(pilot, screen, ["Finding a plant"], "Nothing to undo")
        await pilot.press("U")
        await settled(pilot, screen, ["Finding a plant"], "Nothing to redo")


@sync
async def test_taking_the_other_side_of_a_phase_rename_is_undone_with_u(store):
    with MapSession(store.path, writable=True, who="AB") as ab, MapSession(store.path, writable=True, who="XY") as xy:
        ab.write(puts={"phases": [p.model_copy(update={"name": "Söker"}) for p in ab.records("phases")[:1]]})
        xy.write(puts={"phases": [p.model_copy(update={"name": "Letar"}) for p in xy.records("phases")[:1]]})
    app = app_for(store, who="CD")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        kept = screen.phases[0].name
        lost = ({"Söker", "Letar"} - {kept}).pop()
        await pilot.press("w")
        await wait_until(pilot, lambda: app.screen is not screen, "the what-changed panel")
        await pilot.press("enter")
        await settled(pilot, screen, [lost, "Getting it home"], "side taken")
        await pilot.press("u")
        await settled(pilot, screen, [kept, "Getting it home"], f"Undone: renaming the phase “{kept}” to “{lost}”")


@sync
async def test_two_reorders_at_once_are_one_line_in_the_panel_and_taking_it_is_undone_with_u(store):
    with MapSession(store.path, writable=True, who="AB") as ab, MapSession(store.path, writable=True, who="XY") as xy:
        for session, orders in ((ab, (9, 5)), (xy, (1, 3))):  # each renumbers both phases
            phases = session.records("phases")
            session.write(
                puts={"phases": [p.model_copy(update={"order": o}) for p, o in zip(phases, orders, strict=True)]}
            )
    app = app_for(store, who="CD")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        kept = [p.name for p in screen.phases]
        await pilot.press("w")
        await wait_until(pilot, lambda: app.screen is not screen, "the what-changed panel")
        options = app.screen.query_one("OptionList")
        assert options.option_count == 1
        in_order = ", ".join(f"“{name}”" for name in kept)  # as the map shows them
        assert f"2 phases ({in_order}): " in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settled(pilot, screen, kept[::-1], "The phases' order: ")  # both phases took the other order
        await pilot.press("u")
        await settled(pilot, screen, kept, "Undone: reordering the phases")


@sync
async def test_renaming_a_phase_to_its_own_name_changes_nothing_and_keeps_the_redo(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("A", *"Hem", "enter")
        await settled(pilot, screen, ["Finding a plant", "Hem", "Getting it home"], "Phase added")
        await pilot.press("u")
        await settled(pilot, screen, ["Finding a plant", "Getting it home"], "Undone")
        await pilot.press("R", "enter")  # the prompt holds the name as it is: enter keeps it
        await wait_until(pilot, lambda: app.screen is screen, "the prompt closed")
        await pilot.press("U")
        await settled(pilot, screen, ["Finding a plant", "Hem", "Getting it home"], "Redone: adding the phase “Hem”")
