"""A failure's reason on a screen's status line is readable at 80 columns: the line wraps (to 3
rows) only while it says a failure, so a long study path does not push the reason off the row."""

from __future__ import annotations

import asyncio
import errno
import os
import re

from textual.geometry import Region
from textual.widgets import Static
from waiting import wait_until

try:
    from test_change_screen import answer, opened
    from test_map_snapshots import make_app, settle
except ImportError:  # tests as a package
    from .test_change_screen import answer, opened
    from .test_map_snapshots import make_app, settle

from trodden.models.errors import WriteFailed
from trodden.models.map.update_files import OwnFile
from trodden.tui.map.screen import MapScreen

LONG = "Kundresor 2026 · Växtbutiken"


def refuse(self, *_args) -> None:  # as a full disk does
    raise WriteFailed(self.path, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))


def shown(line: Static) -> str:
    """The words the line's visible rows show (rows joined: a word cut at a row's end is whole)."""
    rows = line.render_lines(Region(0, 0, *line.outer_size))
    return re.sub(r"\s+", " ", " ".join(row.text.strip() for row in rows))


def test_the_maps_status_line_shows_why_a_write_failed_at_80_columns(tmp_path, monkeypatch) -> None:
    async def run() -> tuple[int, str, int, str]:
        app = make_app(tmp_path / LONG)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, MapScreen)
            line = screen.query_one("#map-status", Static)
            monkeypatch.setattr(OwnFile, "append", refuse)
            await pilot.press("tab", "1")  # placed on screen, refused by the disk
            assert screen.flush_writes(timeout=10)
            await wait_until(pilot, lambda: "The map shows what is stored" in str(line.render()), "the reload")
            await pilot.pause()
            failed = (line.region.height, shown(line))
            monkeypatch.undo()
            await pilot.press("1")  # room again: placed, a message that is no failure: one row again
            await wait_until(pilot, lambda: "Placed in" in str(line.render()), "the next message")
            await pilot.pause()
            return (*failed, line.region.height, str(line.render()))

    rows, said, rows_after, after = asyncio.run(run())
    assert LONG in str(tmp_path / LONG) and len(str(tmp_path / LONG)) > 78
    assert rows > 1 and "No space left on device" in said and said.startswith("Not saved: could not save to")
    assert rows_after == 1 and after.startswith("Placed in Finding a plant")


def test_the_problem_area_status_line_shows_why_a_write_failed_at_80_columns(tmp_path, monkeypatch) -> None:
    async def run() -> tuple[int, str]:
        app = make_app(tmp_path / LONG)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await opened(pilot)
            line = screen.query_one("#change-status", Static)
            await pilot.press("m")  # every moment of truth becomes a problem area (stored)
            assert screen.flush_writes(10)
            assert line.region.height == 1
            monkeypatch.setattr(OwnFile, "append", refuse)
            await answer(pilot, "w", "Väntar en vecka")
            assert screen.flush_writes(10)
            await wait_until(pilot, lambda: "What you typed is back" in str(line.render()), "the failure said")
            monkeypatch.undo()
            await pilot.press("escape")  # the prompt asked again: the line is under it
            await pilot.pause()
            return line.region.height, shown(line)

    rows, said = asyncio.run(run())
    assert rows > 1 and "No space left on device" in said and said.startswith("Not saved: could not save to")


def test_settings_search_and_the_guide_show_why_too_at_80_columns(tmp_path, monkeypatch) -> None:
    """The other one-row lines that say a failure: settings (study.json refused), search (a study
    that cannot be read), the guide (a theme the disk refused; its line was 2 rows at most)."""
    from conftest import build_study
    from guide_study import Clock, make_study

    from trodden.models.errors import CorruptFile
    from trodden.models.storage.store import StudyStore
    from trodden.tui.app import TroddenApp
    from trodden.tui.guide.screen import GuideScreen
    from trodden.tui.search import screen as search
    from trodden.tui.settings.screen import SettingsScreen

    folder = tmp_path / LONG
    store = build_study(folder / "s")

    def full(self, change):
        raise WriteFailed(self.path / "study.json", OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))

    def unreadable(store):
        raise CorruptFile(store.path / "study.json", "cannot be read (Permission denied)")

    async def on(app: TroddenApp, kind: type, act, line_id: str, why: str) -> tuple[int, str]:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, kind), kind.__name__)
            await pilot.pause()
            line = app.screen.query_one(line_id, Static)
            await act(pilot, app.screen)
            await wait_until(pilot, lambda: why in str(line.render()), f"{why} on {line_id}")
            await pilot.pause()
            return line.region.height, shown(line)

    async def save(pilot, screen) -> None:
        monkeypatch.setattr(StudyStore, "update", full)
        await pilot.press("tab", *"Rätta först", "ctrl+s")

    async def nothing(pilot, screen) -> None:
        pass

    async def theme(pilot, screen) -> None:
        await wait_until(pilot, lambda: screen.progress is not None, "the guide opened")
        screen.link.record = lambda *_: refuse(type("File", (), {"path": guide.path / iid / "guide.journal.1"}))
        await pilot.press("n")

    def run(app, *args) -> tuple[int, str]:
        return asyncio.run(on(app, *args))

    said = run(TroddenApp(store, start=lambda s: SettingsScreen(s, blink=False)), SettingsScreen, save, "#settings-status", "Not saved")  # fmt: skip
    monkeypatch.undo()
    monkeypatch.setattr(search, "load_search", unreadable)
    found = run(TroddenApp(store, start=lambda s: search.SearchScreen(s)), search.SearchScreen, nothing, "#search-status", "cannot")  # fmt: skip
    monkeypatch.undo()
    guide, iid = make_study(tmp_path / "g")  # Swedish says more around the path: ~100 characters
    app = TroddenApp(StudyStore.open(guide.path), start=lambda s: GuideScreen(s, iid, clock=Clock(), poll_interval=0.02))  # fmt: skip
    guided = run(app, GuideScreen, theme, "#message", "Inte sparat")  # the guide's study is in Swedish
    for rows, words, why in (
        (*said, "No space left on device"),
        (*found, "cannot be read (Permission denied)"),
        (*guided, "Det finns inget utrymme kvar på enheten"),
    ):
        assert rows > 1 and why in words, words
