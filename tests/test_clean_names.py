"""Likely names in the clean screen: highlighted, confirmed with a, dismissed with o (issue 12)."""

from __future__ import annotations

import asyncio
import functools
from datetime import datetime

from textual.widgets import Static
from waiting import wait_until

from trodden.models.notes.redaction import LIKELY_NAME
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.clean.notes_view import NotesView
from trodden.tui.clean.rows import LIKELY_NAME_STYLE
from trodden.tui.clean.screen import CleanScreen

try:
    from ._clean_study import LINES, THEMES, build_study
except ImportError:
    from _clean_study import LINES, THEMES, build_study

NAMES_LINES = [*LINES, (300, "pratade med Erik Johansson om Rose Garden-serien")]


def run_async(test):
    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper


async def _opened(tmp_path):
    store, interview_id = build_study(tmp_path / "study", lines=NAMES_LINES, themes=[*THEMES, "th2"])
    app = TroddenApp(
        store, start=lambda s: CleanScreen(s, interview_id, clock=lambda: datetime(2026, 3, 5), blink=False)
    )
    return app, tmp_path / "study"


async def _on_names_note(pilot) -> CleanScreen:
    async def ready():
        await pilot.pause()
        screen = pilot.app.screen
        return screen if isinstance(screen, CleanScreen) and screen.rows else None

    screen = await wait_until(pilot, ready, "the clean screen to load its notes")
    screen.query_one(NotesView).move_cursor(row=screen.rows.index(len(NAMES_LINES)))
    await pilot.pause()
    return screen


async def _settled(pilot, screen: CleanScreen) -> None:
    assert screen.writer.wait_idle(10)
    await pilot.pause()
    await pilot.pause()


def _likely(screen: CleanScreen) -> list[str]:
    note = screen.selected_note()
    return [note.text[s.start : s.end] for s in screen.redactor.find(note.text) if s.kind == LIKELY_NAME]


@run_async
async def test_likely_names_are_highlighted_and_named_in_the_detail(tmp_path):
    app, _ = await _opened(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await _on_names_note(pilot)
        assert _likely(screen) == ["Erik Johansson", "Rose Garden"]
        detail = screen.query_one("#detail", Static).render()
        assert "likely name: Erik Johansson" in str(detail)
        row = screen.query_one(NotesView).get_row(str(len(NAMES_LINES)))
        styled = [str(span.style) for span in row[2].spans]
        assert LIKELY_NAME_STYLE in styled


@run_async
async def test_a_confirms_a_name_and_o_says_not_a_name(tmp_path):
    app, path = await _opened(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await _on_names_note(pilot)
        await pilot.press("a")
        await _settled(pilot, screen)
        assert "Erik Johansson" in StudyStore.open(path).data.redaction_terms
        assert _likely(screen) == ["Rose Garden"]  # Erik Johansson is a term now, no longer a likely name
        await pilot.press("o")
        await _settled(pilot, screen)
        assert _likely(screen) == []
        assert "not a name" in str(screen.query_one("#message", Static).render())
    data = StudyStore.open(path).data
    assert data.not_names == ["Rose Garden"]
    assert StudyStore.open(path).data.redaction_terms == ["ICA Maxi", "Erik Johansson"]


@run_async
async def test_the_name_keys_are_in_help_and_the_palette(tmp_path):
    app, _ = await _opened(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await _on_names_note(pilot)
        from trodden.tui.actions import REGISTRY

        ours = {a.description for a in REGISTRY["clean"] if a.id in ("clean.name", "clean.not_name")}
        assert len(ours) == 2
        assert ours <= {command.title for command in app.get_system_commands(screen)}
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        shown = " ".join(str(widget.render()) for widget in app.screen.query(Static))
        assert "not a name" in shown.lower()
