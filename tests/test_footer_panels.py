"""The footer follows what the keys act on in clean and capture, as on the map and the guide.

Clean: the notes table's keys while it has the focus, the transcript panel's (a line as a quote)
while that has it. Capture keeps the focus in its input, so its footer follows the selected note
(↑: delete, back) and the edit (F9: no second edit) instead."""

from __future__ import annotations

from test_capture_support import FakeClock, capture_app, make_study, pilot_test, settle, type_line
from test_clean_transcript import aligned, make_app

from trodden.tui.clean.notes_view import NotesView
from trodden.tui.clean.transcript_panel import TranscriptPanel
from trodden.tui.widgets.footer import FittingFooter

try:
    from .test_clean_screen import run_async
except ImportError:
    from test_clean_screen import run_async


def labels(screen) -> set[str]:
    return {item.label for item in screen.query_one(FittingFooter).items()}


@run_async
async def test_the_clean_footer_shows_the_focused_panels_keys(tmp_path):
    app, _path, _interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await aligned(pilot)
        await pilot.press("T")
        await pilot.pause()
        table = labels(screen)
        assert {"Edit", "Join", "Delete"} <= table and "Line as quote" not in table
        screen.query_one(TranscriptPanel).focus()
        await pilot.pause()
        panel = labels(screen)
        assert "Line as quote" in panel and not {"Edit", "Join", "Delete"} & panel
        assert {"Undo", "Cleaned", "Back"} <= panel  # the screen's own keys stay
        screen.query_one(NotesView).focus()
        await pilot.pause()
        assert labels(screen) == table


@pilot_test
async def test_the_capture_footer_follows_the_selected_note_and_the_edit(tmp_path):
    store = make_study(tmp_path / "s")
    app, _source = capture_app(store, FakeClock())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        await type_line(pilot, "one")
        await type_line(pilot, "två å ä ö")
        await settle(pilot)
        typing = labels(screen)
        assert "Edit" in typing and not {"Delete", "Back"} & typing
        await pilot.press("up")
        await pilot.pause()
        selected = labels(screen)
        assert {"Edit", "Delete", "Back"} <= selected
        assert screen.input.has_focus  # the input keeps the focus; the footer follows the selection
        await pilot.press("f9")
        await pilot.pause()
        editing = labels(screen)
        assert "Back" in editing and not {"Edit", "Delete"} & editing
        await pilot.press("escape", "escape")  # cancel the edit, then leave the selection
        await pilot.pause()
        assert labels(screen) == typing
