"""Who is who: the app asks a researcher's initials once, the first time it opens the map (issue 18)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from conftest import build_study
from test_study_screen import _loaded
from waiting import wait_until

from trodden.models.map import researcher
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.map.screen import MapScreen
from trodden.tui.widgets.dialogs import PromptScreen


@pytest.fixture
def no_initials(tmp_path: Path, monkeypatch) -> Path:
    config = tmp_path / "config" / "researcher.json"
    monkeypatch.delenv(researcher.ENV)
    monkeypatch.setattr(researcher, "config_path", lambda: config)
    monkeypatch.setattr(researcher.getpass, "getuser", lambda: "kari")
    return config


def open_map(store: StudyStore, *keys: str) -> str | None:
    """The name the map's own update file takes once the map is open."""

    async def run() -> str | None:
        app = TroddenApp(StudyStore.open(store.path))
        async with app.run_test(size=(100, 30)) as pilot:
            await _loaded(app, pilot)
            await pilot.press("m")
            await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen), "the initials dialog")
            await pilot.press(*keys)
            await wait_until(pilot, lambda: isinstance(app.screen, MapScreen), "the map")
            screen = app.screen
            await wait_until(pilot, lambda: screen.session is not None, "the map to load")
            return screen.session.name

    return asyncio.run(run())


def test_the_first_map_asks_the_initials_and_keeps_them(tmp_path: Path, no_initials: Path) -> None:
    store = build_study(tmp_path / "study")
    named = open_map(store, *"x y", "enter", *"Åsa", "enter")  # a space cannot name a file: asked again
    assert named == "Åsa"
    assert json.loads(no_initials.read_text(encoding="utf-8")) == {"initials": "Åsa"}
    assert researcher.current() == "Åsa"  # the next map opens without asking


def test_escape_takes_the_login_name_as_initials(tmp_path: Path, no_initials: Path) -> None:
    store = build_study(tmp_path / "study")
    assert open_map(store, "escape") == "kari"
    assert researcher.remembered() == "kari"
