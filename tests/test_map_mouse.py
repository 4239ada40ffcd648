"""The mouse on the map: a click puts the board's cursor (or the inbox's) where it lands, as the
arrow keys would; a double click on an item opens its evidence, as enter does. And a short
terminal keeps rows of the board in sight.

Clicks go through Pilot at offsets worked out from the board's own layout (its column width and
the line each lane's rows are drawn on), so the tests say which cell was meant."""

from __future__ import annotations

import pytest
from test_map_screen import app_for, loaded, sync
from waiting import wait_until

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.map.journey_map import Lane
from trodden.tui.map.board import Board
from trodden.tui.map.board_text import LABEL_WIDTH
from trodden.tui.map.evidence import ItemScreen
from trodden.tui.map.inbox import Inbox


@pytest.fixture
def store(tmp_path):
    notes = {"P1": ["1|* asks a friend", "1|* reads the care text", "2|+* unpacks the box"], "P2": ["2|* waters it"]}
    return build_study(tmp_path / "s", ["Finding a plant", "Getting it home"], notes)


def cell(board: Board, lane: Lane, phase: int, row: int = 0) -> tuple[int, int]:
    """Pilot's offset (from the board's border) of a point inside a cell."""
    y = board._cursor_y[(board.lanes.index(lane), row)] - board.scroll_offset.y
    return 1 + LABEL_WIDTH + phase * board._column + 2, 1 + y


async def placed(pilot, screen) -> None:
    """Three inbox notes placed: two touchpoints in phase 1, one in phase 2; the inbox focused."""
    await pilot.press("tab", "1", "1", "2")
    await wait_until(pilot, lambda: len(screen.journey.items) == 3, "three items on the board")
    await pilot.pause()


@sync
async def test_a_click_on_an_item_puts_the_cursor_there(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await placed(pilot, screen)
        board = screen.board
        shared = []
        share = screen.session.share_cursor
        screen.session.share_cursor = lambda where: (shared.append(where), share(where))
        in_phase_2 = board.model.cell(Lane.TOUCHPOINTS, 1)[0]
        await pilot.press("tab", "left", "tab")  # the board's cursor off it, the inbox focused
        assert screen.inbox_widget.has_focus and board.entry() != in_phase_2
        await pilot.click(Board, offset=cell(board, Lane.TOUCHPOINTS, 1))
        await pilot.pause()
        assert board.has_focus
        assert (board.lane, board.cursor.phase, board.cursor.row) == (Lane.TOUCHPOINTS, 1, 0)
        assert board.entry() == in_phase_2
        title = screen.current_item().title
        assert title in str(screen.query_one("#map-status").render())  # the status follows, as for keys
        assert screen.flush_writes(timeout=10)
        assert shared and (shared[-1].phase, shared[-1].item) == ("ph2", in_phase_2.ref)  # and the others
        # phase 1's second row, then its lane's label (the row, in the cursor's phase)
        await pilot.click(Board, offset=cell(board, Lane.TOUCHPOINTS, 0, row=1))
        assert (board.cursor.phase, board.cursor.row) == (0, 1)
        assert board.entry() == board.model.cell(Lane.TOUCHPOINTS, 0)[1]
        y = cell(board, Lane.TOUCHPOINTS, 1, row=0)[1]
        await pilot.click(Board, offset=(3, y))
        assert (board.lane, board.cursor.phase, board.cursor.row) == (Lane.TOUCHPOINTS, 0, 0)


@sync
async def test_a_click_on_an_empty_cell_or_a_phase_name(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await placed(pilot, screen)
        board = screen.board
        assert not board.model.cell(Lane.MOMENTS, 1)
        await pilot.click(Board, offset=cell(board, Lane.MOMENTS, 1))
        assert (board.lane, board.cursor.phase) == (Lane.MOMENTS, 1) and board.entry() is None
        await pilot.click(Board, offset=cell(board, Lane.TOUCHPOINTS, 0, row=1))
        # below phase 2's only touchpoint: the cell's last entry, as right from row 2 would
        await pilot.click(Board, offset=cell(board, Lane.TOUCHPOINTS, 1, row=1))
        assert (board.lane, board.cursor.phase, board.cursor.row) == (Lane.TOUCHPOINTS, 1, 0)
        # a phase's name: that phase, in the same lane and row
        await pilot.click(Board, offset=(1 + LABEL_WIDTH + 2, 1))
        assert (board.lane, board.cursor.phase, board.cursor.row) == (Lane.TOUCHPOINTS, 0, 0)
        # a lane's divider and the space right of the last phase are no cell
        divider = board._cursor_y[(board.lanes.index(Lane.TOUCHPOINTS), 1)] + 1
        await pilot.click(Board, offset=(1 + LABEL_WIDTH + board._column + 2, 1 + divider))
        right = 1 + LABEL_WIDTH + 2 * board._column + 1
        if right < board.size.width - 2:
            await pilot.click(Board, offset=(right, cell(board, Lane.MOMENTS, 0)[1]))
        assert (board.lane, board.cursor.phase, board.cursor.row) == (Lane.TOUCHPOINTS, 0, 0)


@sync
async def test_a_double_click_on_an_item_opens_its_evidence(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await placed(pilot, screen)
        await pilot.click(Board, offset=cell(screen.board, Lane.MOMENTS, 0))  # an empty cell: nothing opens
        await pilot.click(Board, offset=cell(screen.board, Lane.MOMENTS, 0), times=2)
        await pilot.pause()
        assert app.screen is screen
        await pilot.click(Board, offset=cell(screen.board, Lane.TOUCHPOINTS, 1), times=2)
        await wait_until(pilot, lambda: isinstance(app.screen, ItemScreen), "the item's evidence")


@sync
async def test_a_click_in_the_inbox_highlights_that_note(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        inbox = screen.inbox_widget
        assert screen.board.has_focus and inbox.cursor == 0 and len(inbox.notes) >= 3
        await pilot.click(Inbox, offset=(4, 2))  # the third note (the inbox's box draws the border)
        await pilot.pause()
        assert inbox.has_focus and inbox.note == inbox.notes[2]
        await pilot.click(Inbox, offset=(4, len(inbox.notes) + 3))  # below the last note: stays
        assert inbox.note == inbox.notes[2]


@sync
async def test_a_short_terminal_keeps_rows_of_the_board(store):
    """At 40x12 the borders, the legend and the inbox's hint left the board only its phase names."""
    app = app_for(store)
    async with app.run_test(size=(40, 12)) as pilot:
        screen = await loaded(pilot)
        await placed(pilot, screen)
        board = screen.board
        board.focus()
        await pilot.pause()
        # the phase names, their rule and at least two lanes' rows (a sideways scrollbar under them)
        assert board.scrollable_content_region.height >= 4
        assert screen.inbox_widget.scrollable_content_region.height >= 1
        lines = [board.render_line(y).text for y in range(4)]
        assert lines[2].startswith("Touchpoints") and lines[3].strip()
        await pilot.press("down", "down")
        await pilot.pause()
        row = board._cursor_y[(board.cursor.lane, board.cursor.row)] - board.scroll_offset.y
        assert 2 <= row < board.scrollable_content_region.height  # on screen, not under the phase names
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert board.styles.border_bottom[0] == "round"  # 80x24 keeps the whole border (snapshots unchanged)
