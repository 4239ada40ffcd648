"""Shared by the bench scripts: run a trodden command in this process, driven by Pilot, and
time keys to the *screen update*, not to Pilot's idle wait.

The command is started through the ``trodden`` console-script entry point (so no app
module is imported by name), with ``App.run`` replaced by a headless ``run_test``. Headless
Textual computes each frame but skips turning it into terminal bytes; ``ScreenProbe`` does
that step (as a real terminal run would), feeds the bytes to a pyte screen and notes when
its text first changes after a key.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from importlib.metadata import entry_points

import pyte
from _pty import Change, Check, expected
from textual.app import App
from textual.pilot import Pilot

Script = Callable[[App, Pilot, "ScreenProbe"], Awaitable[None]]


class ScreenProbe:
    """Keeps every frame the app produces as terminal output, timed; parses it (pyte) only afterwards."""

    def __init__(self, app: App, cols: int, rows: int) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.Stream(self.screen)
        self.last_frame = time.perf_counter()
        self.frames: list[tuple[float, str]] = []  # rendered, not yet parsed: parsing is not the app's time
        display = app._display  # Textual 8.2: where a frame becomes terminal output
        from textual._compositor import CompositorUpdate

        def probe(screen, renderable) -> None:
            display(screen, renderable)
            if isinstance(renderable, CompositorUpdate):
                output = renderable.render_segments(app.console)  # what a terminal run would write
                self.last_frame = time.perf_counter()
                self.frames.append((self.last_frame, output))

        app._display = probe  # type: ignore[method-assign]

    def catch_up(self, check: Check | None = None) -> float | None:
        """Parse the frames so far; the time of the first after which the screen passed ``check``."""
        changed = None
        for when, output in self.frames:
            self.stream.feed(output)
            if changed is None and check is not None and shows(check, self.screen.display):
                changed = when
        self.frames.clear()
        return changed

    def lines(self) -> list[str]:
        self.catch_up()
        return self.screen.display

    async def settle(self, quiet: float = 0.3) -> None:
        while time.perf_counter() - self.last_frame < quiet:
            await asyncio.sleep(0.02)

    async def wait_for(self, text: str, timeout: float = 120.0) -> None:
        deadline = time.perf_counter() + timeout
        while not any(text in line for line in self.lines()):
            if time.perf_counter() > deadline:
                raise TimeoutError(f"not shown: {text!r}\n" + "\n".join(self.lines()))
            await asyncio.sleep(0.01)

    async def round_trip(self, pilot: Pilot, key: str, change: Change | None = None) -> float:
        """Seconds from sending ``key`` to the first frame showing ``change`` (default: any text changed)."""
        await self.settle()
        check = expected(change, self.lines())
        sent = time.perf_counter()
        await pilot.press(key)  # returns after Pilot's idle wait: not part of the figure
        await self.settle()
        changed = self.catch_up(check)
        if changed is None:
            raise TimeoutError(f"{key!r} changed nothing on screen\n" + "\n".join(self.lines()))
        return changed - sent


def shows(check: Check, lines: list[str]) -> bool:
    return any(check in line for line in lines) if isinstance(check, str) else check(lines)


def run_command(args: list[str], script: Script, cols: int = 160, rows: int = 50) -> None:
    """``trodden ARGS`` in this process; ``script(app, pilot, probe)`` drives it, then it quits."""
    (main,) = entry_points(group="console_scripts", name="trodden")
    original = App.run

    def run_headless(app: App, *_args, **_kwargs):
        probe = ScreenProbe(app, cols, rows)

        async def drive() -> None:
            async with app.run_test(size=(cols, rows)) as pilot:
                await script(app, pilot, probe)
                await pilot.press("ctrl+q")

        asyncio.run(drive())
        return app.return_code

    from trodden.tui.cli import common

    App.run = run_headless  # type: ignore[method-assign]
    on_a_terminal = common.on_a_terminal
    common.on_a_terminal = lambda: True  # headless by design: the screen is the probe's, not a terminal's
    try:
        main.load()(args)
    finally:
        App.run = original  # type: ignore[method-assign]
        common.on_a_terminal = on_a_terminal
