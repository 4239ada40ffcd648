"""The hypothesis on the map: removing one of its items asks "contradicted?" and keeps the answer;
``H`` shows what the interviews did to it. Checks the stored map and ``hypothesis.json``."""

from __future__ import annotations

import pytest
from test_map_screen import app_for, loaded, sync
from test_map_snapshots import make_app, settle
from waiting import wait_until

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.map.journey_map import Change, JourneyMap, MapItem
from trodden.models.map.kept_hypothesis import read_hypothesis, take_snapshot
from trodden.models.map.map_session import MapSession, read_map
from trodden.tui.widgets.dialogs import PickScreen, PromptScreen, TextPanel

NOTES = {"P1": ["1|--* calls support about the invoice @phone"], "P2": ["1|+* waters the plant"]}


@pytest.fixture
def store(tmp_path):
    store = build_study(tmp_path / "s", ["Finding a plant", "Getting it home"], NOTES)
    note = f"{store.interviews()[0][0].id}/1"
    drafted = [
        MapItem(id=1, phase="ph1", order=1, title="Calls support about the invoice"),
        MapItem(id=2, phase="ph1", order=2, title="Compares prices with other shops"),
    ]
    take_snapshot(store.path, journey=JourneyMap(items=drafted))  # as drafted before the interviews
    backed = drafted[0].model_copy(update={"evidence": [note]})
    with MapSession(store.path, writable=True) as session:
        session.apply(Change(items=(backed, drafted[1])))
    return store


async def remove_item_2(pilot):
    screen = await loaded(pilot)
    screen._focus_item(2)
    await pilot.press("delete", "delete")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickScreen), "the contradicted? question")
    return screen


@sync
async def test_contradicted_with_a_reason(store):
    async with app_for(store).run_test() as pilot:
        screen = await remove_item_2(pilot)
        await pilot.press("enter")  # yes, contradicted
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, PromptScreen), "the reason prompt")
        await pilot.press(*"för dyrt", "enter")
        await wait_until(pilot, lambda: pilot.app.screen is screen, "back on the board")
        screen.flush_writes()
    assert read_map(store.path).item(2) is None
    verdict = read_hypothesis(store.path).verdicts[2]
    assert verdict.contradicted and verdict.reason == "för dyrt"


@sync
async def test_just_removed_and_escape_keeps_it(store):
    async with app_for(store).run_test() as pilot:
        screen = await remove_item_2(pilot)
        await pilot.press("escape")  # keeps the item
        await wait_until(pilot, lambda: pilot.app.screen is screen, "back on the board")
        assert screen.journey.item(2) is not None
        await pilot.press("delete", "delete")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickScreen), "the question again")
        await pilot.press("down", "enter")  # no, just remove
        await wait_until(pilot, lambda: pilot.app.screen is screen, "back on the board")
        screen.flush_writes()
    assert read_map(store.path).item(2) is None
    assert read_hypothesis(store.path).verdicts[2].contradicted is False


@sync
async def test_an_item_not_in_the_hypothesis_is_removed_without_asking(store):
    async with app_for(store).run_test() as pilot:
        screen = await loaded(pilot)
        screen.commit(Change(items=(MapItem(id=3, phase="ph2", title="Drafted later"),)))
        screen._focus_item(3)
        await pilot.press("delete", "delete")
        await pilot.pause()
        assert pilot.app.screen is screen
        screen.flush_writes()
    assert read_map(store.path).item(3) is None and 3 not in read_hypothesis(store.path).verdicts


@sync
async def test_the_hypothesis_view(store):
    async with app_for(store).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("H")
        panel = await wait_until(
            pilot, lambda: pilot.app.screen if isinstance(pilot.app.screen, TextPanel) else None, "the view"
        )
        text = panel.body.plain
    assert "Confirmed (1)\n  Calls support about the invoice" in text
    assert "Still unbacked (1)\n  Compares prices with other shops" in text


def test_snapshot_of_the_hypothesis_view(snap_compare, tmp_path):
    app = make_app(tmp_path)
    drafted = [
        MapItem(id=2, phase="ph1", order=2, title="Asks a friend what the plant is called"),
        MapItem(id=5, phase="ph3", order=1, title="Customer service escalates only on a second e-mail"),
        MapItem(id=7, phase="ph2", order=1, title="Unpacks a perfect box"),
        MapItem(id=8, phase="ph2", order=2, title="Reads the care card (å ä ö)"),
    ]
    take_snapshot(app.store.path, journey=JourneyMap(items=drafted))
    kept = read_hypothesis(app.store.path)
    (app.store.path / "hypothesis.json").write_bytes(
        kept.model_copy(update={"taken": kept.taken.replace(2026, 3, 1, 9, 0)}).model_dump_json(indent=2).encode()
    )

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("H")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, TextPanel), "the hypothesis view")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 34), run_before=run_before)


@sync
async def test_another_researchers_edit_arriving_between_the_two_deletes_keeps_the_remove_armed(store):
    """The board looks for the others' edits every half second: redrawing the same cursor and inbox
    note must not disarm a remove the user has armed (it did, so the second delete did nothing)."""
    async with app_for(store).run_test() as pilot:
        screen = await loaded(pilot)
        screen.commit(Change(items=(MapItem(id=3, phase="ph2", title="Drafted later"),)))
        screen._focus_item(3)
        await pilot.press("delete")
        with MapSession(store.path, writable=True, who="XY") as other:  # someone else's edit comes in
            other.put_item(MapItem(id=4, phase="ph1", title="Placed by XY"))
        await wait_until(pilot, lambda: screen.journey.item(4) is not None, "XY's edit to arrive")
        await pilot.pause()
        await pilot.press("delete")
        screen.flush_writes()
    assert read_map(store.path).item(3) is None and read_map(store.path).item(4) is not None


@sync
async def test_h_on_a_damaged_snapshot_names_it_instead_of_saying_none_is_kept(store):
    """'No hypothesis kept yet ... keep them now with --snapshot' sent the group to a command that must refuse."""
    (store.path / "hypothesis.json").write_bytes(b"{damaged")
    async with app_for(store).run_test(size=(120, 30)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("H")
        await pilot.pause()
        said = str(screen.query_one("#map-status").render())
    assert "No hypothesis kept yet" not in said and "hypothesis.json" in said and "cannot be shown" in said
    assert (store.path / "hypothesis.json").read_bytes() == b"{damaged"
