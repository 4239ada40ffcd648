"""What a key's frame sends to the terminal: handed to the output thread at once, nothing drawn twice."""

from __future__ import annotations

import asyncio
import io
import os

from textual.app import App, ComposeResult
from textual.drivers._writer_thread import WriterThread
from textual.widgets import Static

from trodden.tui import frame_driver
from trodden.tui.app import TroddenApp
from trodden.tui.base import TroddenScreen
from trodden.tui.frame_driver import FrameFirstDriver, _HandedOff


def test_the_app_uses_the_frame_first_driver_on_a_posix_terminal() -> None:
    if os.name == "posix" and "TEXTUAL_DRIVER" not in os.environ:
        assert TroddenApp(None).get_driver_class() is FrameFirstDriver


def test_a_write_returns_once_the_output_thread_has_written_it(monkeypatch) -> None:
    monkeypatch.setattr(frame_driver, "HANDOFF_WAIT", 60.0)  # the bound never decides here
    out = io.StringIO()

    async def make() -> FrameFirstDriver:
        return FrameFirstDriver(App(), debug=False, mouse=False)  # a driver is made in a running loop

    driver = asyncio.run(make())
    driver._file = _HandedOff(out)
    driver._writer_thread = WriterThread(driver._file)
    driver._writer_thread.start()
    try:
        for number in range(50):
            driver.write(f"frame {number};")
            assert out.getvalue().endswith(f"frame {number};")  # written, not just queued
        assert not driver._file.busy
    finally:
        driver._writer_thread.stop()


class Panel(Static, can_focus=True):
    pass


class Two(TroddenScreen):
    def compose(self) -> ComposeResult:
        yield Panel("left", id="left")
        yield Panel("right", id="right")


class TwoApp(App):
    def on_mount(self) -> None:
        self.push_screen(Two())


def test_a_focus_change_leaves_no_region_to_draw_again_in_the_next_frame() -> None:
    async def run() -> None:
        app = TwoApp()
        async with app.run_test(size=(40, 10)) as pilot:
            await pilot.pause()
            for _ in range(3):
                await pilot.press("tab")
                await pilot.pause()
                screen = app.screen
                left, right = screen.query_one("#left"), screen.query_one("#right")
                assert screen.focused in (left, right)
                # both were refreshed whole by the focus change and drawn by the screen's repaint:
                # a later refresh of one line must not send them whole again
                assert not left._repaint_regions and not right._repaint_regions

    asyncio.run(run())
