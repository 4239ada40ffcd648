"""Every screen keeps what it exists for on an 80x24 terminal: the guide view's theme name and
questions, the map's phase names while the lanes scroll, the clean table after a resize.

Checked on the painted screen (``export_screenshot``'s text), not on widget internals."""

from __future__ import annotations

import asyncio
import html
import re

from test_guide_snapshots import loaded as guide_loaded
from test_guide_snapshots import mid_interview
from test_map_snapshots import make_app as map_app
from test_map_snapshots import settle as map_settle

from trodden.tui.map.board import Board


def painted(app) -> list[str]:
    """The screen's rows as plain text."""
    svg = html.unescape(app.export_screenshot()).replace("\xa0", " ")
    rows: dict[float, list[str]] = {}
    for match in re.finditer(r'<text[^>]*y="([\d.]+)"[^>]*>([^<]*)<', svg):
        rows.setdefault(float(match.group(1)), []).append(match.group(2))
    return ["".join(rows[y]) for y in sorted(rows)]


def test_the_guide_view_at_80x24_shows_the_theme_name_and_its_clock_in_full(tmp_path):
    async def run() -> list[str]:
        app = mid_interview(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await guide_loaded(pilot)
            return painted(app)

    screen = "\n".join(asyncio.run(run()))
    assert "Hitta butiken" in screen and "06:30 on this theme" in screen
    assert "Hur hörde du talas om oss?" in screen  # the question on one line, not cut


def test_the_guide_view_wide_keeps_the_big_clock(tmp_path):
    async def run() -> tuple[bool, bool]:
        app = mid_interview(tmp_path)
        async with app.run_test(size=(160, 48)) as pilot:
            await guide_loaded(pilot)
            screen = app.screen
            return screen.query_one("#clock-box").display, screen.query_one("#clock-line").display

    assert asyncio.run(run()) == (True, False)


def test_the_board_phase_names_stay_while_the_lanes_scroll(tmp_path):
    async def run() -> tuple[list[str], list[str], int]:
        app = map_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await map_settle(pilot)
            before = painted(app)
            board = app.screen.query_one(Board)
            board.focus()
            for _ in range(6):
                await pilot.press("pagedown")
            await pilot.pause()
            return before, painted(app), board.scroll_offset.y

    before, after, scrolled = asyncio.run(run())
    assert scrolled > 0, "the board did not scroll: the test needs a taller board"
    header = next(row for row in before if "Finding a plant" in row)
    assert header in after, "\n".join(after)
    assert not any("Touchpoints" in row for row in after), "the first lane should have scrolled away"


def test_the_clean_table_lays_out_again_on_resize(tmp_path):
    from test_clean_screen import loaded as clean_loaded
    from test_clean_screen import make_app as clean_app
    from test_clean_screen import settle as clean_settle

    from trodden.tui.clean.notes_view import NotesView

    async def run() -> tuple[dict, dict, list[str]]:
        app, _, _ = clean_app(tmp_path)
        async with app.run_test(size=(160, 48)) as pilot:
            await clean_loaded(pilot)
            await clean_settle(pilot)
            table = app.screen.query_one(NotesView)
            wide = {column.key: column.width for column in table.columns}
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            await pilot.pause()
            narrow = {column.key: column.width for column in table.columns}
            return wide, narrow, painted(app)

    wide, narrow, rows = asyncio.run(run())
    assert narrow["note"] < wide["note"] and narrow["theme"] < wide["theme"]
    # the table fits the 80 columns: its right edge (the Check column) is on screen
    assert sum(narrow.values()) + 2 * len(narrow) <= 80
    assert any("Check" in row for row in rows), "\n".join(rows)
