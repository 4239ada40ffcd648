"""Capture on a small terminal: the newest note stays in view when a status line appears, after a
resize, and when a long interview is reopened (checked on the painted screen)."""

from __future__ import annotations

from test_capture_support import START, FakeClock, capture_app, make_study, pilot_test, type_line

from trodden.models.domain import Note
from trodden.models.notes.syntax import parse
from trodden.models.storage.store import StudyStore
from trodden.tui.capture.notes_log import NotesLog


def shown(pilot) -> str:
    """The text of the notes log as painted (only the lines on screen)."""
    log = pilot.app.screen.query_one(NotesLog)
    return "\n".join(strip.text for strip in log.render_lines(log.scrollable_content_region.reset_offset))


def interview_with(folder, count: int) -> StudyStore:
    store = make_study(folder)
    interview = store.new_interview("P1", start=START)
    with store.open_interview(interview.id) as session:
        notes = [
            Note.from_draft(
                parse(f"note number {n}"), interview=interview.id, seq=n, t=float(n), wall=START, history=[]
            )
            for n in range(1, count + 1)
        ]
        session.save_notes(notes)  # one write: a long interview built in a moment
    return StudyStore.open(folder)


@pilot_test
async def test_the_newest_note_stays_in_view_when_a_status_line_appears(tmp_path):
    store = interview_with(tmp_path / "s", 40)
    app, source = capture_app(store, FakeClock(seconds=100))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "note number 40" in shown(pilot)
        await type_line(pilot, "note number 41")
        assert "note number 41" in shown(pilot)
        await type_line(pilot, "/pause")  # a status line appears above the input
        await pilot.pause()
        assert "note number 41" in shown(pilot), shown(pilot)
        await type_line(pilot, "/end")
        await pilot.pause()
        assert "note number 41" in shown(pilot), shown(pilot)
    source.close()


@pilot_test
async def test_the_newest_note_stays_in_view_after_a_resize(tmp_path):
    store = interview_with(tmp_path / "s", 40)
    app, source = capture_app(store, FakeClock(seconds=100))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for size in ((80, 24), (60, 16), (120, 40), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert "note number 40" in shown(pilot), (size, shown(pilot))
    source.close()


@pilot_test
async def test_a_reopened_long_interview_shows_its_newest_notes(tmp_path):
    store = interview_with(tmp_path / "s", 5000)
    app, source = capture_app(store, FakeClock(seconds=6000))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        painted = shown(pilot)
        assert "note number 5000" in painted and "note number 1\n" not in painted + "\n", painted
    source.close()
