"""The overview as home: `trodden open DIR` / `trodden DIR`, starting interviews, live marks, the tags screen."""

from __future__ import annotations

import asyncio
import html
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import CLOCK, build_study
from test_study_screen import _loaded
from waiting import wait_until

from trodden.models.domain import InterviewStatus
from trodden.models.notes.syntax import parse
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.cli import main as cli_main
from trodden.tui.settings.person import PersonDialog
from trodden.tui.tags.screen import TagsScreen


@pytest.mark.parametrize("argv", [["open"], []])
def test_open_and_a_bare_folder_open_the_overview(tmp_path: Path, monkeypatch, argv: list[str]) -> None:
    store = build_study(tmp_path / "study")
    opened: list[tuple] = []
    monkeypatch.setattr("trodden.tui.app.run_app", lambda path, start=None: opened.append((path, start)) or 0)
    monkeypatch.setattr("trodden.tui.cli.common.on_a_terminal", lambda: True)
    assert cli_main.main([*argv, str(store.path)]) == 0
    assert opened == [(store.path, None)]  # no start screen: the app opens on the overview


def _screen_text(app: TroddenApp) -> str:
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")


def test_n_starts_a_new_participants_interview_in_capture(tmp_path: Path) -> None:
    from trodden.tui.capture.screen import CaptureScreen

    store = build_study(tmp_path / "study")

    async def run() -> str:
        app = TroddenApp(StudyStore.open(store.path))
        async with app.run_test(size=(120, 30)) as pilot:
            await _loaded(app, pilot)
            await pilot.press("n")
            await pilot.pause()
            await pilot.press("enter")  # "+ a new participant…" is first
            await pilot.pause()
            await pilot.press(*"P7", "enter")
            await wait_until(pilot, lambda: isinstance(app.screen, PersonDialog), "who is P7?")
            await pilot.press("escape")  # skipped: the interview starts all the same
            await wait_until(pilot, lambda: isinstance(app.screen, CaptureScreen), "capture to open")
            await pilot.press(*"första anteckningen", "enter")
            await wait_until(pilot, lambda: "saved" in _screen_text(app), "the note to be saved")
            await pilot.press("ctrl+q")
            return "ok"

    assert asyncio.run(run()) == "ok"
    reopened = StudyStore.open(store.path)
    interview = reopened.find_interview("P7")
    assert interview.status is InterviewStatus.LIVE and "P7" in [p.code for p in reopened.participants]
    with reopened.open_interview(interview.id, writable=False) as session:
        assert [note.text for note in session.notes()] == ["första anteckningen"]


def test_n_on_a_participant_interviewed_before_starts_another_interview(tmp_path: Path) -> None:
    from trodden.tui.capture.screen import CaptureScreen

    store = build_study(tmp_path / "study")
    before = store.find_interview("P1").id

    async def run() -> None:
        app = TroddenApp(StudyStore.open(store.path))
        async with app.run_test(size=(120, 30)) as pilot:
            await _loaded(app, pilot)
            await pilot.press("n")
            await pilot.pause()
            await pilot.press("down", "enter")  # P1, below "+ a new participant…"
            await wait_until(pilot, lambda: isinstance(app.screen, PersonDialog), "P1 has no customer type")
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, CaptureScreen), "capture to open")
            await pilot.press("ctrl+q")

    asyncio.run(run())
    interviews = [i for i in StudyStore.open(store.path).interviews()[0] if i.participant == "P1"]
    assert len(interviews) == 2 and interviews[-1].id != before and interviews[-1].status is InterviewStatus.LIVE


def test_the_overview_marks_an_interview_captured_right_now(tmp_path: Path) -> None:
    store = build_study(tmp_path / "study")
    live = store.new_interview("P3", start=CLOCK + timedelta(days=2))

    async def run() -> str:
        app = TroddenApp(StudyStore.open(store.path))
        async with app.run_test(size=(140, 30)) as pilot:
            await _loaded(app, pilot)
            return _screen_text(app)

    with store.open_interview(live.id) as session:  # the note-taker's lock, as another process holds it
        session.add_note(parse("hej"), raw="hej")
        shown = asyncio.run(run())
    line = next(line for line in shown.splitlines() if live.id in line)
    assert "● now" in line
    assert all("● now" not in line for line in shown.splitlines() if "-P1" in line)


def _tags_app(store: StudyStore) -> TroddenApp:
    return TroddenApp(StudyStore.open(store.path), start=lambda s: TagsScreen(s))


async def _counted(pilot) -> TagsScreen:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, TagsScreen), "the tags screen")
    screen = pilot.app.screen
    await wait_until(pilot, lambda: bool(screen.rows), "the tags counted")
    await pilot.pause()
    return screen


def _tags(store: StudyStore) -> set[str]:
    notes, _ = StudyStore.open(store.path).all_notes()
    return {tag for found in notes.values() for note in found for tag in note.tags}


def test_merge_on_the_tags_screen_reaches_the_notes_and_undo_puts_them_back(tmp_path: Path) -> None:
    store = build_study(tmp_path / "study")

    async def run() -> tuple[set[str], set[str]]:
        app = _tags_app(store)
        async with app.run_test(size=(120, 30)) as pilot:
            screen = await _counted(pilot)
            row = next(i for i, r in enumerate(screen.rows) if r.name == "förpackning")
            screen.query_one("#tags").move_cursor(row=row)
            await pilot.press("m", *"skötsel", "enter")
            await wait_until(pilot, lambda: "→ #skötsel" in _screen_text(app), "the merge to be done")
            merged = _tags(store)
            await pilot.press("ctrl+z")
            await wait_until(pilot, lambda: "undone" in _screen_text(app), "the undo")
            return merged, _tags(store)

    merged, undone = asyncio.run(run())
    assert "förpackning" not in merged and "skötsel" in merged
    assert "förpackning" in undone


def test_renaming_a_channel_on_the_tags_screen_reaches_the_map_and_the_exports(tmp_path: Path) -> None:
    from trodden.models.map.journey_map import MapItem
    from trodden.models.map.map_session import MapSession, read_map

    store = build_study(tmp_path / "study")
    with MapSession(store.path, writable=True) as session:
        session.put_item(MapItem(id=1, title="Shop", phase="ph1", channels=["butik", "grannen"]))

    async def run() -> None:
        app = _tags_app(store)
        async with app.run_test(size=(120, 30)) as pilot:
            screen = await _counted(pilot)
            row = next(i for i, r in enumerate(screen.rows) if r.name == "butik")
            screen.query_one("#tags").move_cursor(row=row)
            await pilot.press("r", "end", "ctrl+u", *"store", "enter")  # the prompt holds the old name
            await wait_until(pilot, lambda: "→ @store" in _screen_text(app), "the rename to be done")

    asyncio.run(run())
    assert read_map(store.path).items[0].channels == ["store", "grannen"]
    notes, _ = StudyStore.open(store.path).all_notes()
    channels = {channel for found in notes.values() for note in found for channel in note.channels}
    assert "store" in channels and "butik" not in channels


def test_tags_snapshot_80x24(tmp_path: Path, snap_compare) -> None:
    store = build_study(tmp_path / "study")
    assert snap_compare(_tags_app(store), terminal_size=(80, 24), run_before=_counted)


def test_tags_snapshot_160x48(tmp_path: Path, snap_compare) -> None:
    store = build_study(tmp_path / "study")
    assert snap_compare(_tags_app(store), terminal_size=(160, 48), run_before=_counted)


def test_undo_on_the_tags_screen_with_nothing_done_says_so(tmp_path: Path) -> None:
    """ctrl+z before any rename (or a second time after one undo) used to pop an empty history."""
    store = build_study(tmp_path / "study")

    async def run() -> tuple[bool, str]:
        app = _tags_app(store)
        async with app.run_test(size=(120, 30)) as pilot:
            await _counted(pilot)
            await pilot.press("ctrl+z")
            await wait_until(pilot, lambda: "Nothing to undo" in _screen_text(app), "the answer")
            await pilot.press("ctrl+z")
            await pilot.pause()
            return app.is_running, _screen_text(app)

    running, text = asyncio.run(run())
    assert running and "Nothing to undo" in text


def test_n_refuses_a_code_it_would_have_to_change_as_the_command_line_does(tmp_path: Path) -> None:
    """``../[b]x`` was quietly filed as participant ``b-x``; ``trodden capture`` refuses it, so does ``n``."""
    store = build_study(tmp_path / "study")
    before = sorted(p.code for p in store.participants)

    async def run() -> str:
        app = TroddenApp(StudyStore.open(store.path))
        async with app.run_test(size=(120, 30)) as pilot:
            await _loaded(app, pilot)
            await pilot.press("n")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press(*"../[b]x", "enter")
            said = lambda: " ".join(note.message for note in app._notifications)  # noqa: E731
            await wait_until(pilot, lambda: "is not a participant code" in said(), "the refusal")
            return type(app.screen).__name__

    assert asyncio.run(run()) == "StudyScreen"
    reopened = StudyStore.open(store.path)
    assert sorted(p.code for p in reopened.participants) == before
    assert "b-x" not in {i.participant for i in reopened.interviews()[0]}
