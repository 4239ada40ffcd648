"""The interviewer's theme changes (their guide.* events) reach the capture header and later notes."""

from __future__ import annotations

from datetime import timedelta

from test_capture_support import START, FakeClock, capture_app, make_study, pilot_test, type_line, until

from trodden.models.storage.store import StudyStore


@pilot_test
async def test_theme_change_from_the_interviewer_reaches_the_header_and_every_later_note(tmp_path):
    folder = tmp_path / "s"
    store = make_study(folder)
    clock = FakeClock()
    app, source = capture_app(store, clock)
    interview_id = source.session.interview.id
    guide = StudyStore.open(folder).guide_events(interview_id, writable=True).open()  # the interviewer's process
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            screen = pilot.app.screen
            await type_line(pilot, "before any theme")
            clock.advance(60)
            guide.record("theme", "th3", at=START + timedelta(seconds=60))
            # followed by the screen's own timer (every 0.5 s)
            await until(pilot, lambda: "Theme 3 Delivery" in screen.header().plain, "the theme is followed")
            await type_line(pilot, "during delivery")
            clock.advance(5)
            await type_line(pilot, "/theme 1")  # the note-taker can correct it; newest wins
            await type_line(pilot, "back to background")
            assert "Theme 1 Background" in screen.header().plain
    finally:
        guide.close()
    notes = source.session.notes()
    assert [(n.text, n.theme) for n in notes] == [
        ("before any theme", None),
        ("during delivery", "th3"),
        ("back to background", "th1"),
    ]
