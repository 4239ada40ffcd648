"""Every list of options survives page up/down before it is drawn.

Textual's ``OptionList`` raised ``KeyError`` (ending the app) on pagedown in a list not laid out yet:
the target map's list was 0 rows tall at 80x24 and a random-key run crashed there. A ``Select``'s
drop-down is such a list: 0 wide on a 20-column terminal, pagedown in the settings' scope ended the app
(``test_settings_screen`` drives that).
trodden's lists are ``SafeOptionList`` and its drop-downs ``SafeSelect``; this checks the widgets, and
that no screen makes a bare ``OptionList`` or ``Select``.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from textual.app import App

from trodden.tui.widgets.option_list import SafeOptionList

TUI = Path(__file__).resolve().parents[1] / "tui"


class _ZeroRows(App):
    CSS = "SafeOptionList { height: 0; }"

    def compose(self):
        yield SafeOptionList("first", "second", "third")


def test_pagedown_on_a_list_not_drawn_moves_on_instead_of_crashing():
    async def run() -> None:
        app = _ZeroRows()
        async with app.run_test(size=(40, 10)) as pilot:
            options = app.query_one(SafeOptionList)
            options.focus()
            options.highlighted = 0
            await pilot.press("pagedown")
            assert options.highlighted == 1
            await pilot.press("pageup")
            assert options.highlighted == 0

    asyncio.run(run())


def test_no_screen_makes_a_bare_option_list():
    bare = re.compile(r"(?<![\w.])(OptionList|Select)\(|class \w+\((OptionList|Select)\)")
    found = [
        f"{path.relative_to(TUI)}:{number}"
        for path in TUI.rglob("*.py")
        if path.name != "option_list.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if bare.search(line)
    ]
    assert found == []
