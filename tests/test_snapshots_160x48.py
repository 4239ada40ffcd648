"""Every screen on a large terminal (160x48), the counterpart of ``test_snapshots_80x24.py``.

Together the two sets show what changes with the size (the guide's big clock, the clean table's
columns, the footer's labels) and guard both ends."""

from __future__ import annotations

from test_capture_snapshots import _app as capture_app
from test_clean_screen import loaded as clean_loaded
from test_clean_screen import make_app as clean_app
from test_clean_screen import settle as clean_settle
from test_guide_snapshots import loaded as guide_loaded
from test_guide_snapshots import mid_interview
from test_map_snapshots import make_app as map_app
from test_map_snapshots import settle as map_settle
from test_snapshots_80x24 import _editor_shown, _guide_editor, _overview_app
from test_study_screen import _loaded as overview_loaded

LARGE = (160, 48)


def test_overview_160x48(tmp_path, snap_compare):
    app = _overview_app(tmp_path)

    async def run_before(pilot) -> None:
        await overview_loaded(app, pilot)

    assert snap_compare(app, terminal_size=LARGE, run_before=run_before)


def test_capture_160x48(tmp_path, snap_compare):
    assert snap_compare(capture_app(tmp_path), terminal_size=LARGE)


def test_capture_help_160x48(tmp_path, snap_compare):
    assert snap_compare(capture_app(tmp_path), terminal_size=LARGE, press=["f1"])


def test_guide_view_160x48(tmp_path, snap_compare):
    assert snap_compare(mid_interview(tmp_path), terminal_size=LARGE, run_before=guide_loaded)


def test_guide_editor_160x48(tmp_path, snap_compare):
    assert snap_compare(_guide_editor(tmp_path), terminal_size=LARGE, run_before=_editor_shown)


def test_clean_160x48(tmp_path, snap_compare):
    app, _, _ = clean_app(tmp_path)

    async def run_before(pilot) -> None:
        await clean_loaded(pilot)
        await clean_settle(pilot)

    assert snap_compare(app, terminal_size=LARGE, run_before=run_before)


def test_map_board_160x48(tmp_path, snap_compare):
    assert snap_compare(map_app(tmp_path), terminal_size=LARGE, run_before=map_settle)


def test_map_evidence_160x48(tmp_path, snap_compare):
    async def run_before(pilot) -> None:
        await map_settle(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(map_app(tmp_path), terminal_size=LARGE, run_before=run_before)
