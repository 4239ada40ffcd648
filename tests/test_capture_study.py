"""Opening capture from the study overview, and the command palette lists capture's actions."""

from __future__ import annotations

from test_capture_support import FakeClock, capture_app, make_study, pilot_test, settle, type_line, until

from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.capture.screen import CaptureScreen
from trodden.tui.capture.session import open_capture


@pilot_test
async def test_capture_from_the_study_overview_and_back(tmp_path):
    folder = tmp_path / "s"
    store = make_study(folder)
    interview = store.new_interview("P2")
    app = TroddenApp(StudyStore.open(folder))
    async with app.run_test(size=(120, 30)) as pilot:
        await until(pilot, lambda: pilot.app.screen.rows, "the overview lists the interviews")
        await pilot.press("c")
        assert isinstance(pilot.app.screen, CaptureScreen)
        await type_line(pilot, "* from the overview")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, CaptureScreen)
    # the screen closed its session: it can be opened for writing again, the note is there
    source = open_capture(StudyStore.open(folder), interview=interview.id)
    assert [note.text for note in source.session.notes()] == ["from the overview"]
    source.close()


@pilot_test
async def test_capture_opens_read_only_from_the_overview_when_locked(tmp_path):
    folder = tmp_path / "s"
    store = make_study(folder)
    holder = open_capture(store, participant="P2", clock=FakeClock())
    try:
        app = TroddenApp(StudyStore.open(folder))
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: pilot.app.screen.rows, "the overview lists the interviews")
            await pilot.press("c")
            screen = pilot.app.screen
            assert isinstance(screen, CaptureScreen) and screen.read_only
    finally:
        holder.close()


@pilot_test
async def test_palette_offers_every_capture_action(tmp_path):
    store = make_study(tmp_path / "s")
    app, _source = capture_app(store, FakeClock())
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        titles = [command.title for command in pilot.app.get_system_commands(pilot.app.screen)]
        for title in ("❝Quote", "♥Heart", "Edit", "Delete", "Undo", "Re-theme", "Quit", "Help"):
            assert title in titles
