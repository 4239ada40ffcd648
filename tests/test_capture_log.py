"""The notes log stays consistent and quick with thousands of notes (heights, order, selection)."""

from __future__ import annotations

from datetime import timedelta

from test_capture_support import START, pilot_test
from textual.app import App

from trodden.models.domain import Kind, Note
from trodden.tui.capture.notes_log import NotesLog


def note(seq: int, text: str = "", **fields) -> Note:
    return Note(
        id=f"i/{seq}",
        interview="i",
        seq=seq,
        t=seq * 3.0,
        wall=START + timedelta(seconds=seq * 3),
        text=text or f"note {seq} @telefon #kö",
        channels=["telefon"],
        tags=["kö"],
        **fields,
    )


class LogApp(App):
    def compose(self):
        yield NotesLog()


def check(log: NotesLog) -> None:
    """Prefix sums match the rendered lines, notes stay in seq order."""
    lines = log.rendered_lines()
    assert log.virtual_size.height == len(lines) == sum(log._heights)
    assert [n.seq for n in log.notes] == sorted(n.seq for n in log.notes)


@pilot_test
async def test_five_thousand_notes_then_append_replace_delete_and_restore():
    app = LogApp()
    async with app.run_test(size=(80, 20)) as pilot:
        log = app.query_one(NotesLog)
        notes = [note(seq) for seq in range(1, 5001)]
        notes[9] = note(10, "long " * 100, kinds=[Kind.QUOTE], valence=2)
        notes[10] = note(11, deleted=True)
        log.set_notes(notes)
        await pilot.pause()
        assert log.count == 4999 and log.scroll_y == log.max_scroll_y
        check(log)
        log.upsert(note(5001, "the newest, at the bottom"))
        await pilot.pause()
        assert log.scroll_y == log.max_scroll_y
        assert log.render_line(log.size.height - 1).text.startswith("250:03 the newest, at the bottom")
        log.upsert(note(10, "short now"))  # a wrapped note becomes one line
        log.upsert(note(11, "restored in its place"))  # an undo puts it back between 10 and 12
        log.select(10)
        assert log.selected_note.seq == 11
        log.upsert(note(3, deleted=True))  # a delete before the selection keeps it on the same note
        assert log.selected_note.seq == 11
        check(log)
        await pilot.resize_terminal(50, 20)
        await pilot.pause()
        check(log)
        assert log.rendered_lines()[8].startswith("00:30 short now")
