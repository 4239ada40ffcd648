"""The board and the inbox redraw only the lines an edit changed: the screen must then be
exactly what drawing everything from scratch gives, after every kind of key."""

from __future__ import annotations

try:
    from map_kit import build_study
    from test_map_screen import app_for, loaded, sync
except ImportError:  # tests as a package
    from .map_kit import build_study
    from .test_map_screen import app_for, loaded, sync

NOTES = {
    "P1": [
        "1|--* calls support about the invoice @phone",
        '1|"Nobody could tell me why." @phone',
        "2|++* unpacks the box",
        "2|-* the pot cracked @delivery",
    ],
    "P2": ["1|-* called support about an invoice @phone", "2|+* waters the plant", "1|+* finds the shop @web"],
}


def screen_lines(app) -> list[list[tuple[str, str]]]:
    """What the screen shows now: each line's text with its styles."""
    strips = app.screen._compositor.render_strips()
    return [[(segment.text, str(segment.style)) for segment in strip] for strip in strips]


async def drawn_from_scratch(pilot, screen) -> list[list[tuple[str, str]]]:
    screen.board._strips.clear()
    screen.inbox_widget._cache.clear()
    screen.board.refresh()
    screen.inbox_widget.refresh()
    screen.query_one("#inbox-box").refresh()  # its border shows the inbox title
    await pilot.pause()
    return screen_lines(pilot.app)


@sync
async def test_every_edit_shows_what_a_full_redraw_shows(tmp_path):
    store = build_study(tmp_path / "s", ["Finding a plant", "Getting it home"], NOTES)
    app = app_for(store, hint_delay=3600)  # no similar-item hint turning up between the two pictures
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        steps = ["tab", "1", "1", "pagedown", "2", "tab", "shift+right", "space", "up", "g", "down", "shift+left"]
        steps += ["u", "U", "tab", "up", "2", "tab", "h"]
        for key in steps:
            await pilot.press(key)
            await pilot.pause()
            shown = screen_lines(app)
            assert shown == await drawn_from_scratch(pilot, screen), f"stale lines after {key!r}"
