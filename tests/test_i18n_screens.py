"""Every screen drawn in Swedish and in Danish shows no English: no translated msgid's words are on
screen (the study's own words are Swedish here, so any English found is the interface's).

One app per language visits the overview, capture, the guide view and editor, clean with its
pickers, the map with its evidence, panels and prompts, the problem areas with their matrix and
target map, the search, tags and settings, F1 on each and the command palette.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from i18n_kit import english_on_screen
from rendering import plain
from waiting import wait_until

from trodden.models.domain import Guide, GuideQuestion, GuideTheme, Participant, Phase, Role, Study
from trodden.models.notes.syntax import parse
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp

START = datetime(2026, 3, 2, 10, 0)
LINES = [
    '"Jag vill bara att mina växter ska må bra" @butik',
    "*- @telefon i kö i 40 minuter #kundtjänst",
    "++ hittade skötselråden på @webbshop #skötsel",
    "% lagret skickade fel kruka #förpackning",
    "! växten dog inom en vecka @grannen",
    "? fråga om påminnelsen för vattning",
]


def swedish_study(path: Path) -> StudyStore:
    """Every user word Swedish: whatever English shows is the interface's."""
    store = StudyStore.create(
        path,
        Study(name="Ett grönt hem", purpose="förstå kunderna", language="sv", created=date(2026, 3, 1)),
        [Phase(id="ph1", name="Drömma", order=1), Phase(id="ph2", name="Köpa", order=2)],
        Guide(themes=[GuideTheme(id="th1", title="Hemma", questions=[GuideQuestion(id="q1", text="Berätta")])]),
        [Participant(code="P1", segment="förstagångsköpare"), Participant(code="P2", role=Role.STAFF, team="lager")],
        [],
    )
    for code, day in (("P1", 0), ("P2", 1)):
        interview = store.new_interview(code, start=START + timedelta(days=day), interviewer="AB", note_taker="CD")
        with store.open_interview(interview.id) as session:
            for index, line in enumerate(LINES):
                session.add_note(parse(line), raw=line, theme="th1", phase="ph1", wall=START + timedelta(minutes=index))
            if code == "P1":  # P1's interview is over (on the map); P2's is live (capture pauses it)
                session.end(START + timedelta(minutes=30))
    return store


def painted(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def visit(pilot, seen: dict[str, str], name: str, ready) -> None:
    await wait_until(pilot, ready, name)
    await pilot.pause()
    seen[name] = painted(pilot.app)


def whole(widgets) -> str:
    """Every line of these widgets' content, scrolled out of view or not."""
    return "\n".join(plain(widget.render()) for widget in widgets)


async def with_help(pilot, seen: dict[str, str], name: str) -> None:
    """F1 on the current screen (all of it, not only what fits), its palette entries, then back."""
    app = pilot.app
    screen = app.screen
    seen[f"{name}: palette"] = "\n".join(f"{c.title}\n{c.help}" for c in app.get_system_commands(screen))
    await pilot.press("f1")
    await visit(pilot, seen, f"{name}: F1", lambda: type(app.screen).__name__ == "HelpScreen")
    seen[f"{name}: F1 (all)"] = whole(app.screen.query("Static"))
    await pilot.press("escape")
    await wait_until(pilot, lambda: app.screen is screen, "help closed")


async def opened_by(pilot, seen: dict[str, str], name: str, key: str) -> None:
    """A dialog or panel opened by ``key``, read, closed with escape."""
    app = pilot.app
    screen = app.screen
    await pilot.press(key)
    await visit(pilot, seen, name, lambda: app.screen is not screen)
    await pilot.press("escape")
    await wait_until(pilot, lambda: app.screen is screen, f"{name} closed")


@pytest.mark.parametrize("lang", ["sv", "da"])
def test_every_screen_speaks_the_interface_language(tmp_path, lang):
    asyncio.run(every_screen(tmp_path, lang))


async def every_screen(tmp_path: Path, lang: str) -> None:
    from trodden.tui.capture.screen import CaptureScreen
    from trodden.tui.capture.session import open_capture
    from trodden.tui.clean.screen import CleanScreen
    from trodden.tui.guide.editor import GuideEditor
    from trodden.tui.map.screen import MapScreen

    store = swedish_study(tmp_path / "s")
    first, second = (interview.id for interview in store.interviews()[0])
    app = TroddenApp(store, ui_lang=lang)
    seen: dict[str, str] = {}
    async with app.run_test(size=(110, 32), notifications=True) as pilot:
        await visit(pilot, seen, "overview", lambda: app.screen.query_one("#interviews").row_count == 2)
        await with_help(pilot, seen, "overview")
        await pilot.press("ctrl+p")
        await visit(pilot, seen, "palette", lambda: type(app.screen).__name__ == "Palette")
        await pilot.press("escape")
        home = app.screen
        for key, name, ready in (
            ("slash", "search", lambda: app.screen.index is not None),
            ("t", "tags", lambda: app.screen.rows),
            ("s", "settings", lambda: app.screen.query("#participants")),
        ):
            await pilot.press(key)
            await visit(pilot, seen, name, lambda ready=ready: app.screen is not home and ready())
            await with_help(pilot, seen, name)
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is home, f"{name} closed")
        await pilot.press("g")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "GuideScreen", "the guide view")
        await visit(pilot, seen, "guide view", lambda: app.screen.snapshot is not None)
        await with_help(pilot, seen, "guide view")
        app.pop_screen()

        source = open_capture(store, interview=second)
        try:
            app.push_screen(CaptureScreen(source, blink=False))
            await visit(pilot, seen, "capture", lambda: isinstance(app.screen, CaptureScreen))
            await with_help(pilot, seen, "capture")
            capture = app.screen
            capture.input.value = "/okänt"
            await pilot.press("enter")
            await visit(pilot, seen, "capture: unknown command", lambda: "/okänt" in painted(app))
            capture.input.value = "/paus"
            await pilot.press("enter")
            await visit(pilot, seen, "capture: paused", lambda: capture.session.interview.paused)
            app.pop_screen()
        finally:
            source.close()

        app.push_screen(GuideEditor(store))
        await visit(pilot, seen, "guide editor", lambda: isinstance(app.screen, GuideEditor))
        await with_help(pilot, seen, "guide editor")
        app.pop_screen()

        app.push_screen(CleanScreen(store, first, blink=False))
        await visit(pilot, seen, "clean", lambda: isinstance(app.screen, CleanScreen) and app.screen.rows)
        await with_help(pilot, seen, "clean")
        for key in ("t", "p", "r"):
            await opened_by(pilot, seen, f"clean: {key}", key)
        app.pop_screen()

        app.push_screen(MapScreen(store, blink=False, hint_delay=0))
        await visit(pilot, seen, "map", lambda: isinstance(app.screen, MapScreen) and app.screen.loaded is not None)
        board = app.screen
        await pilot.press("tab", "down", "1")  # the second inbox note (the first is a quote) placed: an item
        await wait_until(pilot, lambda: board.journey.items, "an item placed")
        await pilot.press("tab")
        board._focus_item(board.journey.items[0].id)
        await visit(pilot, seen, "map: item", lambda: True)
        await with_help(pilot, seen, "map")
        for key in ("enter", "r", "s", "v", "R"):
            await opened_by(pilot, seen, f"map: {key}", key)
        await pilot.press("c")  # the method checks: their findings are the models' sentences, read apart
        await wait_until(pilot, lambda: app.screen is not board, "the checks")
        checks = app.screen
        seen["map: checks"] = "\n".join(
            [checks.title_text, str(checks.query_one("#pick-intro").render())]
            + [plain(option.prompt).split(" ", 1)[0] for option in checks.query_one("OptionList").options]
        )
        await pilot.press("escape")
        await pilot.press("p")  # the problem areas: one made by title, its matrix, the target map
        await wait_until(pilot, lambda: type(app.screen).__name__ == "ChangeScreen" and app.screen.ready, "areas")
        change = app.screen
        await pilot.press("n")
        await visit(pilot, seen, "problem areas: n", lambda: type(app.screen).__name__ == "PickScreen")
        await pilot.press("enter")  # an area of its own, titled
        await wait_until(pilot, lambda: type(app.screen).__name__ == "PromptScreen", "the title prompt")
        await pilot.press(*"Leveransen", "enter")
        await visit(pilot, seen, "problem areas", lambda: change.plan.areas)
        await with_help(pilot, seen, "problem areas")
        for key in ("x", "T"):
            await opened_by(pilot, seen, f"problem areas: {key}", key)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is board, "back on the map")
        app.pop_screen()
        assert app.screen is home

    left = english_on_screen(lang, seen)
    assert left == [], "English on screen:\n" + "\n".join(left)
