"""Random keys on every screen of the demo study: a crash finder to run by hand, not part of the suite.

    .venv/bin/python tests/fuzz_keys.py [--lang da] [--seeds 0 3] [--keys 200]

Each screen is opened as a user opens it, then sent a seeded random mix of its registered keys, the
app's, navigation keys and typed text with markup and an escape character in it. A crash prints the
screen, the seed and the last keys, so it can be replayed with the same seed (the keys are the same;
timing may differ). ``test_every_key`` presses every key once in the suite; this goes further. It found
the target map's page-key crash and the second palette (session 24).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import traceback
from pathlib import Path

from test_every_key import ROUTES, open_screen  # each screen, and how a user opens it (tests/ is on the path)

from trodden.models.sample import write_sample
from trodden.tui.actions import REGISTRY
from trodden.tui.app import TroddenApp

MOVES = ["enter", "tab", "shift+tab", "down", "up", "escape", "space", "backspace", "pagedown", "home", "end", "a", "1"]
TYPED = ["Å", "space", "left_square_bracket", "b", "right_square_bracket", "x", "escape", "ø"]
"""Typed as keys: ``Å [b]x`` with an escape character in it."""


async def fuzz(folder: Path, context: str, lang: str, seed: int, count: int) -> bool:
    rnd = random.Random(seed)
    app = TroddenApp(write_sample(folder, lang), ui_lang=lang)
    trail: list[str] = []
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_screen(pilot, ROUTES[context], context)
            keys = [
                a.key.split(",")[0].strip() for c in (context, "app") for a in REGISTRY[c] if "quit" not in a.action
            ]
            for _ in range(count):
                pick = rnd.random()
                if pick < 0.1:
                    trail.append("typed")
                    await pilot.press(*TYPED)
                    continue
                key = rnd.choice(MOVES) if pick < 0.3 else rnd.choice(keys)
                trail.append(key)
                await pilot.press(key)
    except Exception as error:  # the point: any crash, reported with how to get there
        print(f"FAIL {context} {lang} seed {seed}: {type(error).__name__}: {error}\n  last keys: {trail[-12:]}")
        traceback.print_exc(limit=-4)
        return False
    print(f"ok   {context} {lang} seed {seed}")
    return True


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=["en", "sv", "da"])
    parser.add_argument("--seeds", type=int, nargs=2, default=[0, 1], metavar=("FIRST", "END"))
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--screens", nargs="*", default=list(ROUTES), choices=list(ROUTES))
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for seed in range(*args.seeds):
            for context in args.screens:
                folder = Path(scratch) / f"{context}-{seed}"
                results.append(await fuzz(folder, context, args.lang, seed, args.keys))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
