"""Every key of every screen, pressed once on the demo study: none of them crashes the app.

A key that raised (the command palette on the map, whose entries Textual read as markup, once did)
took the whole app down with the note-taker's screen. Each screen is opened as a user opens it from
the overview, then each of its registered keys and the app's is pressed in turn; a dialog a key
opens is closed with escape, and a key that leaves the screen is followed by the way back. Quitting
is the one key left out. Before the keys, the terminal is squeezed to 30x8 and clicked at a few
points, then grown back and clicked again (``tests/fuzz_keys.py --mouse --resize`` goes further).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from waiting import wait_until

from trodden.models.sample import write_sample
from trodden.tui.actions import REGISTRY
from trodden.tui.app import TroddenApp

ROUTES = {
    "study": [],
    "capture": ["c"],
    "guide": ["g"],
    "clean": ["e"],
    "map": ["m"],
    "change": ["m", "p"],
    "search": ["slash"],
    "tags": ["t"],
    "guide_editor": ["w"],
    "settings": ["s"],
}
"""Each screen's context, and the keys that open it from the overview."""


def overview_ready(app) -> bool:
    """The overview shows its interviews (its keys act on the highlighted one)."""
    return getattr(app.screen, "CONTEXT", None) == "study" and app.screen.query_one("#interviews").row_count > 0


async def open_screen(pilot, route: list[str], context: str, after: str = ""):
    await wait_until(pilot, lambda: overview_ready(pilot.app), "the overview")
    for key in route:
        await pilot.press(key)
    opened = lambda: getattr(pilot.app.screen, "CONTEXT", None) == context  # noqa: E731
    await wait_until(pilot, opened, f"the {context} screen (after {after or 'nothing'})")
    return pilot.app.screen


TINY = (30, 8)
CLICKS = [(0.5, 0.5), (0.9, 0.3), (0.2, 0.7)]
"""Where to click, as fractions of the terminal (never the footer's last row: its Quit would quit)."""


async def squeeze_and_click(pilot, screen, size: tuple[int, int]):
    """Resize to a tiny terminal and back, clicking at fixed points at each size; the screen survives."""
    for width, height in (TINY, size):
        await pilot.resize_terminal(width, height)
        for x, y in CLICKS:
            await pilot.click(offset=(min(int(x * width), width - 1), min(int(y * height), height - 2)))
            for _ in range(4):  # a click that opened a dialog: close it
                if pilot.app.screen is screen or screen not in pilot.app.screen_stack:
                    break
                await pilot.press("escape")
    assert pilot.app.is_running


async def press_every_key(folder: Path, context: str) -> list[str]:
    app = TroddenApp(write_sample(folder, "en"))
    pressed = []
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(pilot, ROUTES[context], context)
        await squeeze_and_click(pilot, screen, (80, 24))
        if screen not in app.screen_stack:  # a click went back (a row's own screen): come back
            screen = await open_screen(pilot, ROUTES[context], context, after="clicks")
        for action in [*REGISTRY[context], *REGISTRY["app"]]:
            key = action.key.split(",")[0].strip()
            if "quit" in action.action or key == "escape":
                continue
            await pilot.press(key)
            pressed.append(action.id)
            for _ in range(4):  # close what it opened (a dialog, help, the palette, a panel's prompt)
                if app.screen is screen or screen not in app.screen_stack:
                    break
                await pilot.press("escape")
            if screen not in app.screen_stack:  # it left the screen (back, a screen of its own): go back
                screen = await open_screen(pilot, ROUTES[context], context, after=pressed[-1])
        assert app.is_running
    return pressed


@pytest.mark.parametrize("context", list(ROUTES))
def test_no_key_crashes_the_app(tmp_path, context):
    pressed = asyncio.run(press_every_key(tmp_path / "demo", context))
    assert len(pressed) >= len(REGISTRY[context]) // 2, pressed  # the screen's own keys were pressed
