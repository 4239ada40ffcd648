"""Two screens in Swedish, as a Swedish note-taker sees them (the study overview and capture)."""

from __future__ import annotations

from test_capture_snapshots import _app as capture_app
from test_snapshots_80x24 import _overview_app
from test_study_screen import _loaded as overview_loaded


def test_overview_in_swedish(tmp_path, snap_compare, monkeypatch):
    monkeypatch.setenv("TRODDEN_UI_LANG", "sv")
    app = _overview_app(tmp_path)

    async def run_before(pilot) -> None:
        await overview_loaded(app, pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_capture_in_swedish(tmp_path, snap_compare, monkeypatch):
    monkeypatch.setenv("TRODDEN_UI_LANG", "sv")
    assert snap_compare(capture_app(tmp_path), terminal_size=(80, 24))
