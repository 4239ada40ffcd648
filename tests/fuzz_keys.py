"""Random keys (and clicks, wheel turns, resizes) on every screen of the demo study: a crash finder run by hand.

    .venv/bin/python tests/fuzz_keys.py [--lang da] [--seeds 0 3] [--keys 200] [--mouse] [--resize] [--size 80x24]

Each screen is opened as a user opens it, then sent a seeded random mix of its registered keys, the
app's, navigation keys and typed text with markup and an escape character in it. ``--mouse`` mixes
in clicks and double clicks at random points of the screen and mouse-wheel turns; ``--resize``
now and then resizes the terminal to a random size from 40x12 to 200x60, often a very small one,
sometimes tinier (down to 10x3).
A crash prints the screen, the seed and the last actions, so it can be replayed with the same seed
(the actions are the same; timing may differ). ``test_every_key`` presses every key once in the
suite; this goes further. It found the target map's page-key crash and the second palette
(session 24).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import random
import sys
import tempfile
import traceback
from pathlib import Path

from test_every_key import ROUTES, open_screen  # each screen, and how a user opens it (tests/ is on the path)
from textual.errors import NoWidget
from textual.events import MouseScrollDown, MouseScrollUp
from waiting import wait_until

from trodden.models.sample import write_sample
from trodden.tui.actions import REGISTRY
from trodden.tui.app import TroddenApp

MOVES = ["enter", "tab", "shift+tab", "down", "up", "escape", "space", "backspace", "pagedown", "home", "end", "a", "1"]
TYPED = ["Å", "space", "left_square_bracket", "b", "right_square_bracket", "x", "escape", "ø"]
"""Typed as keys: ``Å [b]x`` with an escape character in it."""
SMALLEST, LARGEST = (40, 12), (200, 60)
"""The sizes ``--resize`` picks from; a quarter of its picks are within a few cells of the smallest,
and one in ten is smaller still (down to 10x3)."""


def parse_size(text: str) -> tuple[int, int]:
    """``80x24`` -> (80, 24), for ``--size``."""
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def random_size(rnd: random.Random) -> tuple[int, int]:
    """A terminal size to resize to: often a very small one, where layouts squeeze."""
    pick = rnd.random()
    if pick < 0.1:  # a split pane squeezed to almost nothing: 20x6 found the drop-downs' page-key crash
        return rnd.randint(10, SMALLEST[0]), rnd.randint(3, SMALLEST[1])
    if pick < 0.35:
        return rnd.randint(SMALLEST[0], SMALLEST[0] + 6), rnd.randint(SMALLEST[1], SMALLEST[1] + 3)
    return rnd.randint(SMALLEST[0], LARGEST[0]), rnd.randint(SMALLEST[1], LARGEST[1])


async def wheel(pilot, x: int, y: int, down: bool) -> None:
    """Turn the mouse wheel at a point, as the terminal driver reports it (Pilot has no wheel of its own)."""
    event = (MouseScrollDown if down else MouseScrollUp)(None, x, y, 0, 0, 0, False, False, False, x, y)
    pilot.app.post_message(event)
    await pilot.pause()


def widget_at(app, x: int, y: int):
    """The widget under a point and its region (a pair, true even when the widget itself is false:
    an empty notes log has no length), or None while the screen is not laid out yet (just pushed
    or resized)."""
    try:
        return app.get_widget_at(x, y)
    except NoWidget:
        return None


async def spot(pilot, rnd: random.Random) -> tuple[int, int]:
    """A random point of the screen, not on the footer's Quit (a click there would end the run early).

    Pilot's click looks the widget up itself and raises where the layout is not there yet, a false
    alarm no terminal gives: the point waits for the layout first.
    """
    while True:
        width, height = pilot.app.size
        x, y = rnd.randrange(width), rnd.randrange(height)
        widget, _region = await wait_until(
            pilot, functools.partial(widget_at, pilot.app, x, y), f"the layout under {x},{y}"
        )
        if "quit" not in str(getattr(widget, "action", "")):
            return x, y


async def act(pilot, rnd: random.Random, keys: list[str], mouse: bool, resize: bool) -> str:
    """Do one random action; return how it reads in the trail."""
    pick = rnd.random()
    x, y = await spot(pilot, rnd)
    if resize and pick < 0.04:
        size = random_size(rnd)
        await pilot.resize_terminal(*size)
        return f"resize {size[0]}x{size[1]}"
    if mouse and pick < 0.19:
        await pilot.click(offset=(x, y))
        return f"click {x},{y}"
    if mouse and pick < 0.24:
        await pilot.click(offset=(x, y), times=2)
        return f"double-click {x},{y}"
    if mouse and pick < 0.34:
        down = rnd.random() < 0.7
        await wheel(pilot, x, y, down)
        return f"wheel {'down' if down else 'up'} {x},{y}"
    pick = rnd.random()
    if pick < 0.1:
        await pilot.press(*TYPED)
        return "typed"
    key = rnd.choice(MOVES) if pick < 0.3 else rnd.choice(keys)
    await pilot.press(key)
    return key


async def fuzz(folder: Path, context: str, lang: str, seed: int, count: int, options: argparse.Namespace) -> bool:
    rnd = random.Random(seed)
    app = TroddenApp(write_sample(folder, lang), ui_lang=lang)
    trail: list[str] = []
    try:
        async with app.run_test(size=options.size) as pilot:
            await open_screen(pilot, ROUTES[context], context)
            keys = [
                a.key.split(",")[0].strip() for c in (context, "app") for a in REGISTRY[c] if "quit" not in a.action
            ]
            for _ in range(count):
                trail.append(await act(pilot, rnd, keys, options.mouse, options.resize))
                if not app.is_running:  # a click on the footer's quit: the run ends here, cleanly
                    trail.append("(quit)")
                    break
    except Exception as error:  # the point: any crash, reported with how to get there
        print(f"FAIL {context} {lang} seed {seed}: {type(error).__name__}: {error}\n  last actions: {trail[-12:]}")
        traceback.print_exc(limit=-4)
        return False
    print(
        f"ok   {context} {lang} seed {seed} ({len(trail)} actions{', quit by a click' if trail[-1:] == ['(quit)'] else ''})"
    )
    return True


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=["en", "sv", "da"])
    parser.add_argument("--seeds", type=int, nargs=2, default=[0, 1], metavar=("FIRST", "END"))
    parser.add_argument("--keys", type=int, default=200, help="actions per screen and seed")
    parser.add_argument("--screens", nargs="*", default=list(ROUTES), choices=list(ROUTES))
    parser.add_argument("--mouse", action="store_true", help="mix in clicks, double clicks and wheel turns")
    parser.add_argument("--resize", action="store_true", help="now and then resize the terminal")
    parser.add_argument("--size", type=parse_size, default=(80, 24), metavar="WxH", help="starting size")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for seed in range(*args.seeds):
            for context in args.screens:
                folder = Path(scratch) / f"{context}-{seed}"
                results.append(await fuzz(folder, context, args.lang, seed, args.keys, args))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
