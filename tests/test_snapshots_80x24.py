"""Every screen on the smallest terminal trodden promises (80x24), and the guide editor large too.

The other snapshot files show each screen at a roomy size; these guard what a note-taker on a
laptop split screen sees. Each reuses its screen's own test data, so a change to a screen shows
up here and there alike.
"""

from __future__ import annotations

from guide_study import make_study as make_guide_study
from test_capture_snapshots import _app as capture_app
from test_clean_screen import loaded as clean_loaded
from test_clean_screen import make_app as clean_app
from test_clean_screen import settle as clean_settle
from test_guide_snapshots import loaded as guide_loaded
from test_guide_snapshots import mid_interview
from test_map_snapshots import make_app as map_app
from test_map_snapshots import settle as map_settle
from test_study_screen import _loaded as overview_loaded
from waiting import wait_until

from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.guide.editor import GuideEditor

SMALL = (80, 24)


def _overview_app(tmp_path):
    from conftest import build_study

    store = build_study(tmp_path / "study")
    return TroddenApp(StudyStore.open(store.path))


def test_overview_80x24(tmp_path, snap_compare):
    app = _overview_app(tmp_path)

    async def run_before(pilot) -> None:
        await overview_loaded(app, pilot)

    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)


def test_capture_80x24(tmp_path, snap_compare):
    assert snap_compare(capture_app(tmp_path), terminal_size=SMALL)


def test_capture_help_80x24(tmp_path, snap_compare):
    assert snap_compare(capture_app(tmp_path), terminal_size=SMALL, press=["f1"])


def test_guide_view_80x24(tmp_path, snap_compare):
    assert snap_compare(mid_interview(tmp_path), terminal_size=SMALL, run_before=guide_loaded)


def _guide_editor(tmp_path) -> TroddenApp:
    store, _ = make_guide_study(tmp_path / "s")
    return TroddenApp(StudyStore.open(store.path), start=GuideEditor)


async def _editor_shown(pilot) -> None:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, GuideEditor), "the guide editor")
    await pilot.pause()


def test_guide_editor_80x24(tmp_path, snap_compare):
    assert snap_compare(_guide_editor(tmp_path), terminal_size=SMALL, run_before=_editor_shown)


def test_guide_editor_large(tmp_path, snap_compare):
    assert snap_compare(_guide_editor(tmp_path), terminal_size=(140, 44), run_before=_editor_shown)


def test_clean_80x24(tmp_path, snap_compare):
    app, _, _ = clean_app(tmp_path)

    async def run_before(pilot) -> None:
        await clean_loaded(pilot)
        await clean_settle(pilot)

    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)


def test_map_board_80x24(tmp_path, snap_compare):
    assert snap_compare(map_app(tmp_path), terminal_size=SMALL, run_before=map_settle)


def test_map_evidence_80x24(tmp_path, snap_compare):
    async def run_before(pilot) -> None:
        await map_settle(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(map_app(tmp_path), terminal_size=SMALL, run_before=run_before)
