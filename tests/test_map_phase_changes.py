"""The "what changed" panel lists a phase two researchers renamed at once, and enter takes the
other side (issue 18). The two renames are made by two sessions beforehand, so nothing is timed."""

from __future__ import annotations

import pytest
from map_kit import build_study
from test_map_screen import NOTES, app_for, loaded, sync
from waiting import wait_until

from trodden.models.map import phase_doc
from trodden.models.map.map_session import MapSession
from trodden.models.storage.store import StudyStore


@pytest.fixture
def store(tmp_path) -> StudyStore:
    return build_study(tmp_path / "s", ["Finding a plant", "Getting it home"], NOTES)


@sync
async def test_what_changed_lists_two_renames_of_one_phase_and_enter_takes_the_other_side(store):
    with MapSession(store.path, writable=True, who="AB") as ab, MapSession(store.path, writable=True, who="XY") as xy:
        ab.write(puts={"phases": phase_doc.renamed(ab.records("phases"), "ph1", "Söker en växt")})
        xy.write(puts={"phases": phase_doc.renamed(xy.records("phases"), "ph1", "Letar på nätet")})
        ab.refresh()
        (conflict,) = ab.conflicts()  # neither saw the other's rename
    app = app_for(store, who="CD")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("w")
        await wait_until(pilot, lambda: app.screen is not screen, "the what-changed panel")
        line = str(app.screen.query_one("OptionList").get_option_at_index(0).prompt)
        assert f"Phase {conflict.kept.value}: " in line and "at the same time" in line
        await pilot.press("enter")
        assert screen.flush_writes(timeout=10)
        assert StudyStore.open(store.path).phases[0].name == conflict.lost.value
        assert screen.session.conflicts() == []
        await wait_until(pilot, lambda: screen.phases[0].name == conflict.lost.value, "the name taken on screen")
