"""ctrl+z and ctrl+y in capture: any change to a note is taken back and done again, in order."""

from __future__ import annotations

from test_capture_support import FakeClock, burst, capture_app, hold_saves, make_study, pilot_test, settle, type_line
from test_capture_support import stored_notes as stored

from trodden.models.domain import Kind
from trodden.tui.capture.notes_log import NotesLog


def state(note):
    return (note.text, note.kinds, note.valence, note.theme, note.phase, note.deleted)


@pilot_test
async def test_every_kind_of_change_is_undone_newest_first_and_redone(tmp_path):
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    interview_id = source.session.interview.id
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        await type_line(pilot, "/theme 2")
        await type_line(pilot, "kön var lång")
        await type_line(pilot, "/theme 3")
        await pilot.press("f3", "f8", "ctrl+t", "f9")  # touchpoint, cloud, theme 3, then edit
        screen.input.value = "*- kön var mycket lång #kö"
        await pilot.press("enter", "up", "delete")
        await settle(pilot)
        steps = [state(note) for note in [stored(tmp_path / "s", interview_id)[1]]]
        assert steps[-1] == ("kön var mycket lång #kö", [Kind.TOUCHPOINT], -1, "th3", None, True)
        expected = [
            ("kön var mycket lång #kö", [Kind.TOUCHPOINT], -1, "th3", None, False),  # undelete
            ("kön var lång", [Kind.TOUCHPOINT], -1, "th3", None, False),  # the edit
            ("kön var lång", [Kind.TOUCHPOINT], -1, "th2", None, False),  # the theme
            ("kön var lång", [Kind.TOUCHPOINT], None, "th2", None, False),  # the cloud
            ("kön var lång", [], None, "th2", None, False),  # the touchpoint
        ]
        for want in expected:
            await pilot.press("ctrl+z")
            await settle(pilot)
            assert state(stored(tmp_path / "s", interview_id)[1]) == want
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "Nothing to undo" in str(screen.query_one("#capture-message").render())
        for want in [*reversed(expected[:-1]), steps[-1]]:
            await pilot.press("ctrl+y")
            await settle(pilot)
            assert state(stored(tmp_path / "s", interview_id)[1]) == want
        assert screen.query_one(NotesLog).count == 0  # the redone deletion hides it again
    note = stored(tmp_path / "s", interview_id)[1]
    assert note.history[0].raw == "kön var lång"  # every line it had is kept
    assert "kön var lång" in [r.raw for r in note.history][2:]  # the undone edit came back as a revision
    source.close()


@pilot_test
async def test_ctrl_z_in_the_same_burst_takes_back_the_key_before_it(tmp_path):
    """Enter, F3, ctrl+z while the note is still being saved: the touchpoint is taken back."""
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    interview_id = source.session.interview.id
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        await type_line(pilot, "the note before")
        await pilot.press("f2")  # a quote on it: an older change that must stay
        await settle(pilot)
        release = hold_saves(source.session)
        screen.input.value = "ny anteckning"
        await burst(pilot, "enter", "f3", "f7", "ctrl+z")
        release.set()
        await settle(pilot)
    notes = stored(tmp_path / "s", interview_id)
    assert notes[1].kinds == [Kind.QUOTE]
    assert notes[2].kinds == [Kind.TOUCHPOINT] and notes[2].valence is None
    source.close()


@pilot_test
async def test_a_fresh_change_forgets_what_could_be_redone(tmp_path):
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    interview_id = source.session.interview.id
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        await type_line(pilot, "a note")
        await pilot.press("f3", "ctrl+z", "f4", "ctrl+y")
        await settle(pilot)
        assert "Nothing to redo" in str(screen.query_one("#capture-message").render())
    assert stored(tmp_path / "s", interview_id)[1].kinds == [Kind.MOMENT]
    source.close()
