"""The command palette shows every action's title and help line as written, in every language.

Textual reads a palette entry as markup. The key ``/`` shown after a help line as ``[/]`` closed a
tag that was not open, and the palette crashed the app the moment the map's entries were listed
(``MarkupError``); a key ``b`` would have turned the line bold and vanished. Pure: every registry,
no app.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content

from trodden import tui
from trodden.tui import i18n
from trodden.tui.actions import REGISTRY, as_markup, palette_words

SCREENS = [
    module.name
    for module in pkgutil.walk_packages(tui.__path__, "trodden.tui.")
    if not module.name.startswith("trodden.tui.cli") and not module.name.endswith("__main__")
]
"""Every module of the screens (not the command line, which runs when imported as ``__main__``): each
screen registers its actions when imported (``register(...)``)."""


@pytest.mark.parametrize("lang", ["en", "sv", "da"])
def test_every_palette_entry_reads_as_written(lang):
    for module in SCREENS:
        importlib.import_module(module)
    assert {"map", "clean", "capture", "change", "app"} <= set(REGISTRY)
    keys_that_look_like_markup = set()
    try:
        i18n.set_language(lang)
        for actions in REGISTRY.values():
            for action in actions:
                title, help_line = palette_words(action)
                assert Content.from_markup(title).plain == i18n.action_text(action.description)
                shown = f"{i18n.action_text(action.help or action.description)}  [{action.key_display}]"
                assert Content.from_markup(help_line).plain == shown, action.id
                if action.key_display in ("/", "b", "i", "u", "s", "r", "d"):
                    keys_that_look_like_markup.add(action.key_display)
    finally:
        i18n.set_language("en")
    assert "/" in keys_that_look_like_markup  # the map's filter: the key that crashed the palette


@given(st.text(alphabet=st.sampled_from("[]/\\\\ab T@=$#:1-9åø\\n"), max_size=30))
def test_any_text_as_markup_shows_as_written(text):
    assert Content.from_markup(as_markup(text)).plain == text


def test_textuals_palette_still_says_no_matches_where_ours_translates_it():
    """``Palette`` replaces Textual's ``_start_no_matches_countdown`` (pinned Textual); when Textual
    changes it, this fails and the copy is looked at again."""
    import inspect

    from textual.command import CommandPalette

    source = inspect.getsource(CommandPalette._start_no_matches_countdown)
    assert 'Text("No matches found", style="not bold")' in source
    assert "self._no_matches_timer = self.set_timer(" in source


def test_the_palette_says_no_matches_in_danish(tmp_path):
    import asyncio

    from conftest import build_study
    from textual.command import CommandList
    from waiting import wait_until

    from trodden.tui.app import TroddenApp

    async def run() -> None:
        app = TroddenApp(build_study(tmp_path / "s"), ui_lang="da")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+p")
            await wait_until(pilot, lambda: type(app.screen).__name__ == "Palette", "the palette")
            await pilot.press(*"qxqxq")

            def said() -> list[str]:
                options = app.screen.query_one(CommandList).options
                return [str(option.prompt.renderable) for option in options if option.disabled]

            assert await wait_until(pilot, said, "no matches", step=0.1) == ["Ingen resultater"]

    asyncio.run(run())


def test_ctrl_p_with_search_over_an_open_palette_opens_no_second_one(tmp_path):
    """ctrl+f (search, a key that works everywhere) over the palette, then ctrl+p: Textual's check
    looked at the top screen only, pushed a second palette under the same id, and ended the app
    (``DuplicateIds``), found by a random-key run."""
    import asyncio

    from conftest import build_study
    from waiting import wait_until

    from trodden.tui.app import TroddenApp

    async def run() -> None:
        app = TroddenApp(build_study(tmp_path / "s"))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+p")
            await wait_until(pilot, lambda: type(app.screen).__name__ == "Palette", "the palette")
            await pilot.press("ctrl+f")
            await wait_until(pilot, lambda: type(app.screen).__name__ == "SearchScreen", "search over it")
            await pilot.press("ctrl+p")
            await pilot.press("escape")
            await wait_until(pilot, lambda: type(app.screen).__name__ == "Palette", "back to the palette")
            assert [type(screen).__name__ for screen in app.screen_stack].count("Palette") == 1

    asyncio.run(run())
