"""The notes table redraws only what a key changed: ``FittingTable.update_row`` repaints one row,
``arrange`` drops and inserts rows in place, and what is drawn is the new content (Textual is
pinned; these reach into DataTable's caches, so they are checked against what it renders)."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from trodden.tui.widgets.table import FittingTable

try:
    from .test_clean_screen import run_async
except ImportError:
    from test_clean_screen import run_async


class TableApp(App):
    def compose(self) -> ComposeResult:
        yield FittingTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(FittingTable)
        table.add_column("Note", width=20, key="note")
        table.add_column("Check", width=8, key="check")
        for number in range(1, 6):
            table.add_row(Text(f"note {number}"), Text(""), key=str(number))


def drawn(table: FittingTable) -> list[str]:
    """The table's lines as drawn now (header first)."""
    return [strip.text.rstrip() for strip in table.render_lines(table.region.reset_offset)][: table.row_count + 1]


@run_async
async def test_update_row_repaints_that_row_and_keeps_the_others_cached():
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(FittingTable)
        await pilot.pause()
        before = drawn(table)
        held = table._cell_render_cache.keys()  # Textual's LRUCache: keys(), no iteration
        cached = {key for key in held if key[0].value != "3"}
        table.update_row("3", [Text("note 3 ✓ Åsa"), Text("verbatim")])
        await pilot.pause()
        after = drawn(table)
        assert "note 3 ✓ Åsa" in after[3] and "verbatim" in after[3]
        assert after[:3] + after[4:] == before[:3] + before[4:]
        assert cached <= set(table._cell_render_cache.keys())  # the other rows were not drawn again
        assert table.get_cell("3", "check") == Text("verbatim")


@run_async
async def test_arrange_drops_and_inserts_rows_in_place_and_keeps_the_cursor_in_range():
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(FittingTable)
        await pilot.pause()
        table.move_cursor(row=4)
        table.arrange(["1", "9", "2", "4"], {"9": [Text("note 9 inserted"), Text("")]})
        await pilot.pause()
        assert [row.key.value for row in table.ordered_rows] == ["1", "9", "2", "4"]
        assert [line.split()[:2] for line in drawn(table)[1:]] == [
            ["note", "1"],
            ["note", "9"],
            ["note", "2"],
            ["note", "4"],
        ]
        assert table.cursor_row == 3
        table.arrange(["1", "2", "4"], {})
        await pilot.pause()
        assert [row.key.value for row in table.ordered_rows] == ["1", "2", "4"]
        assert table.get_row_at(1)[0] == Text("note 2")
