"""Keys typed in a burst are applied in the order they were typed (textual#6605, ``LiteralInput._on_key``)."""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from trodden.tui.base import LiteralInput
from trodden.tui.capture.note_input import CaptureInput

BURST = [
    ("b", "b"),
    ("a", "a"),
    ("backspace", None),
    ("c", "c"),
    ("home", None),
    ("x", "x"),
    ("end", None),
    ("exclamation_mark", "!"),
]
"""ba, backspace, c, then x at the start and ! at the end: "xbc!" when every key runs in turn"""


class OneInput(App):
    def __init__(self, field: Input) -> None:
        super().__init__()
        self.field = field

    def compose(self) -> ComposeResult:
        yield self.field


async def typed_in_one_burst(field: Input) -> str:
    app = OneInput(field)
    async with app.run_test() as pilot:
        field.focus()
        await pilot.pause()
        for key, character in BURST:  # as keys read from the terminal in one go: nothing waits in between
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        return field.value


@pytest.mark.parametrize("make", [LiteralInput, lambda: CaptureInput(on_send=lambda line: None)])
def test_keys_in_a_burst_run_in_the_order_typed(make):
    """Every input of trodden (a ``LiteralInput``), the capture line included."""
    assert asyncio.run(typed_in_one_burst(make())) == "xbc!"


def test_textual_s_own_input_still_reorders_them():
    """The reason for the fix: when this fails, Textual has fixed it (textual#6605) and the
    override in ``LiteralInput._on_key`` can go."""
    assert asyncio.run(typed_in_one_burst(Input())) != "xbc!"
