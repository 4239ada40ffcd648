"""The clean screen's notes view (Line API): rows put in, changed and taken out by key, only the
changed rows drawn again, the cursor kept, the header fixed, and a join then an undo on the screen
drawn and stored as they should be."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from trodden.tui.clean.notes_view import NotesView

try:
    from ._clean_study import stored_notes
    from .test_clean_screen import go_to, loaded, make_app, run_async, settle
except ImportError:
    from _clean_study import stored_notes
    from test_clean_screen import go_to, loaded, make_app, run_async, settle


class ViewApp(App):
    def __init__(self, rows: int = 5) -> None:
        super().__init__()
        self.count = rows
        self.chosen: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield NotesView(id="notes")

    def on_mount(self) -> None:
        view = self.query_one(NotesView)
        view.add_column("Note", width=20, key="note")
        view.add_column("Check", width=8, key="check")
        for number in range(1, self.count + 1):
            view.add_row(Text(f"note {number}"), Text(""), key=str(number))
        view.focus()

    def on_notes_view_row_selected(self, message: NotesView.RowSelected) -> None:
        self.chosen.append(message.row_key)


def drawn(view: NotesView) -> list[str]:
    """The view's lines as drawn now (header first), trailing blanks dropped."""
    lines = [strip.text.rstrip() for strip in view.render_lines(view.region.reset_offset)]
    return [line for line in lines if line]


@run_async
async def test_update_row_draws_that_row_again_and_keeps_the_others_lines():
    app = ViewApp()
    async with app.run_test(size=(40, 10)) as pilot:
        view = app.query_one(NotesView)
        await pilot.pause()
        before = drawn(view)
        assert before[0].split() == ["Note", "Check"]
        kept = {line for line in view._lines if line[0] != "3"}
        view.update_row("3", [Text("note 3 ✓ Åsa"), Text("verbatim")])
        await pilot.pause()
        after = drawn(view)
        assert "note 3 ✓ Åsa" in after[3] and "verbatim" in after[3]
        assert after[:3] + after[4:] == before[:3] + before[4:]
        assert kept <= set(view._lines)  # the other rows were not drawn again
        assert view.get_cell("3", "check") == Text("verbatim")


@run_async
async def test_arrange_inserts_and_removes_rows_and_keeps_the_cursor_in_range():
    app = ViewApp()
    async with app.run_test(size=(40, 10)) as pilot:
        view = app.query_one(NotesView)
        await pilot.pause()
        view.move_cursor(row=4)
        view.arrange(["1", "9", "2", "4"], {"9": [Text("note 9 inserted"), Text("")]})
        await pilot.pause()
        assert view.rows == ["1", "9", "2", "4"]
        assert [line.split()[:2] for line in drawn(view)[1:]] == [
            ["note", "1"],
            ["note", "9"],
            ["note", "2"],
            ["note", "4"],
        ]
        assert view.cursor_row == 3 and view.virtual_size.height == 5
        view.arrange(["1", "2", "4"], {})
        await pilot.pause()
        assert view.rows == ["1", "2", "4"] and view.get_row("2")[0] == Text("note 2")
        assert view.cursor_row == 2  # the rows under it went: the cursor stays on the last one
        assert "9" not in view._cells and all(line[0] != "9" for line in view._lines)


@run_async
async def test_keys_and_clicks_move_the_cursor_the_header_stays_and_enter_chooses():
    app = ViewApp(rows=30)
    async with app.run_test(size=(40, 10)) as pilot:
        view = app.query_one(NotesView)
        await pilot.pause()
        await pilot.press("end")
        assert view.cursor_row == 29
        lines = drawn(view)
        assert lines[0].split() == ["Note", "Check"] and lines[-1].split() == ["note", "30"]
        await pilot.press("home", "down", "down")
        assert view.cursor_row == 2 and drawn(view)[1].split() == ["note", "1"]
        await pilot.press("enter")
        await pilot.click(NotesView, offset=(3, 5))  # the fifth row: moves there, chooses nothing
        await pilot.pause()
        assert view.cursor_row == 4 and app.chosen == ["3"]
        await pilot.click(NotesView, offset=(3, 5))  # the same cell again: chooses it
        await pilot.pause()
        assert app.chosen == ["3", "5"]
        plain = view.render_line(2)
        await pilot.hover(NotesView, offset=(3, 2))  # the mouse over the second row marks it faintly
        await pilot.pause()
        assert view._hover == 1 and view.render_line(2).text == plain.text and view.render_line(2) != plain
        await pilot.press("up")  # until a key moves the cursor
        assert view._hover is None and view.render_line(2) == plain


@run_async
async def test_a_join_and_its_undo_are_drawn_and_stored(tmp_path):
    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await loaded(pilot)
        view = screen.query_one(NotesView)
        await go_to(pilot, screen, 3)
        before = drawn(view)
        await pilot.press("j")  # note 4 joins note 3
        await settle(pilot)
        assert view.rows == [str(seq) for seq in screen.rows] and "4" not in view.rows
        assert screen.selected_seq() == 3
        joined = drawn(view)
        assert len(joined) == len(before) - 1
        assert "grannen #word-of-mouth leveransen kom" in joined[3] and "edited" in joined[3]
        assert joined[4:] == before[5:]  # the rows below moved up a line, drawn as before
        notes = {note.seq: note for note in stored_notes(path, interview_id)[0]}
        assert notes[4].deleted and "leveransen" in notes[3].text

        await pilot.press("ctrl+z")
        await settle(pilot)
        assert drawn(view) == before and screen.selected_seq() == 3
        notes = {note.seq: note for note in stored_notes(path, interview_id)[0]}
        assert not notes[4].deleted and notes[3].text == "hittade butiken via grannen #word-of-mouth"


@run_async
async def test_enter_right_after_a_move_edits_the_note_the_cursor_is_on(tmp_path):
    """A key typed fast after ``down`` arrives before the move's redraw of the editor: the edit
    must still start from the new note's line (it saved the previous note's words into it)."""
    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await loaded(pilot)
        view = screen.query_one(NotesView)
        view.move_cursor(row=1)
        screen.action_edit()  # before the cursor's RowHighlighted is handled
        await pilot.press("end", "x", "enter")
        await settle(pilot)
        notes = {note.seq: note for note in stored_notes(path, interview_id)[0]}
        assert notes[2].text == "Jag älskar när det växer" and notes[2].channels == ["instagramx"]
        assert notes[1].text == "Intro: Anna Svensson, works at ICA Maxi"


@run_async
async def test_rows_coming_and_going_bring_and_drop_the_scrollbar_and_keep_the_scroll_in_range():
    """A row more or less lays nothing out; a scrollbar that comes or goes does (notes_view.py)."""
    app = ViewApp(rows=3)
    async with app.run_test(size=(40, 10)) as pilot:
        view = app.query_one(NotesView)
        await pilot.pause()
        assert not view.show_vertical_scrollbar
        many = [str(number) for number in range(1, 31)]
        view.arrange(many, {key: [Text(f"note {key}"), Text("")] for key in many[3:]})
        await pilot.pause()
        assert view.show_vertical_scrollbar and view.scrollable_content_region.width == 40 - 2
        await pilot.press("end")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y > 0 and drawn(view)[-1].split() == ["note", "30"]
        view.arrange(many[:20], {})
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y and drawn(view)[-1].split() == ["note", "20"]
        assert view.cursor_row == 19
        view.arrange(many[:2], {})
        await pilot.pause()
        assert not view.show_vertical_scrollbar and view.scroll_y == 0
        assert [line.split() for line in drawn(view)] == [["Note", "Check"], ["note", "1"], ["note", "2"]]
