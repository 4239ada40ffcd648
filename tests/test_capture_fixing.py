"""Fixing notes on the fly: kind/feeling keys, walking with ↑/↓, edit, re-theme, delete and undo."""

from __future__ import annotations

from test_capture_support import FakeClock, capture_app, make_study, pilot_test, settle, type_line

from trodden.models.domain import Kind
from trodden.models.storage.store import StudyStore
from trodden.tui.capture.notes_log import NotesLog


def stored(path, interview_id):
    with StudyStore.open(path).open_interview(interview_id, writable=False) as session:
        return {note.seq: note for note in session.notes(include_deleted=True)}


@pilot_test
async def test_one_key_toggles_kinds_and_feelings_on_the_last_note(tmp_path):
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    interview_id = source.session.interview.id
    async with app.run_test(size=(120, 30)) as pilot:
        await type_line(pilot, "first note")
        await type_line(pilot, "the phone queue @telefon")
        for key in ("f2", "f3", "f4", "f5", "f6"):
            await pilot.press(key)
        await pilot.press("f7", "f7")  # ♥ then ♥♥
        await settle(pilot)
        assert pilot.app.screen.input.has_focus
        line = pilot.app.screen.query_one(NotesLog).rendered_lines()[-1]
        assert line.startswith("00:00 ♥♥❝◆★⚙? ")
    notes = stored(tmp_path / "s", interview_id)
    assert notes[1].kinds == [] and notes[1].valence is None
    last = notes[2]
    assert last.kinds == [Kind.QUOTE, Kind.TOUCHPOINT, Kind.MOMENT, Kind.BACKSTAGE, Kind.QUESTION]
    assert last.valence == 2 and last.channels == ["telefon"]
    assert last.raw == "the phone queue @telefon"

    app, source = capture_app(StudyStore.open(tmp_path / "s"), FakeClock())
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f2", "f7", "f8", "f8")  # quote off; ♥♥ -> none; ☁; ☁☁
        await settle(pilot)
    last = stored(tmp_path / "s", interview_id)[2]
    assert Kind.QUOTE not in last.kinds and last.valence == -2


@pilot_test
async def test_walk_up_to_an_earlier_note_retag_edit_and_retheme_it(tmp_path):
    store = make_study(tmp_path / "s")
    clock = FakeClock()
    app, source = capture_app(store, clock)
    interview_id = source.session.interview.id
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        await type_line(pilot, "one")
        await type_line(pilot, "two #typo")
        await type_line(pilot, "three")
        await pilot.press("up", "up")
        assert screen.query_one(NotesLog).selected_note.seq == 2
        await pilot.press("f3")  # touchpoint on the selected note, not the last
        await settle(pilot)
        await pilot.press("f9")
        assert screen.input.value == "* two #typo"
        screen.input.value = "*- two @telefon #fixed"
        await pilot.press("enter")
        await settle(pilot)
        assert screen.input.value == "" and screen.editing is None
        await type_line(pilot, "/theme 3")
        await pilot.press("up", "up")
        assert screen.current("theme") == "th3"
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert "now has theme 3 Delivery" in str(screen.query_one("#capture-message").render())
        await pilot.press("escape")
        assert screen.query_one(NotesLog).selected is None
    notes = stored(tmp_path / "s", interview_id)
    assert notes[3].kinds == [] and notes[1].kinds == []
    two = notes[2]
    assert two.kinds == [Kind.TOUCHPOINT] and two.valence == -1
    assert two.channels == ["telefon"] and two.tags == ["fixed"]
    assert [rev.raw for rev in two.history] == ["two #typo", "* two #typo", "-* two @telefon #fixed"]
    assert two.theme == "th3" and notes[3].theme is None


@pilot_test
async def test_edit_keeps_what_was_being_typed_and_escape_cancels(tmp_path):
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    interview_id = source.session.interview.id
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        await type_line(pilot, "a note")
        await pilot.press(*"half typed")
        await pilot.press("f9")
        assert screen.input.value == "a note"
        await pilot.press("f2")  # while editing, keys change the line being edited
        assert screen.input.value == '"a note"'
        await pilot.press("escape")
        assert screen.input.value == "half typed"
        await pilot.press("f9")
        screen.input.value = ""
        await pilot.press("enter")  # an empty edit is refused, nothing is lost
        assert screen.editing == 1
        await pilot.press("escape")
        assert screen.input.value == "half typed"
    assert stored(tmp_path / "s", interview_id)[1].text == "a note"


@pilot_test
async def test_delete_the_selected_note_and_undo(tmp_path):
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    interview_id = source.session.interview.id
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        log = screen.query_one(NotesLog)
        await type_line(pilot, "keep")
        await type_line(pilot, "remove me")
        await pilot.press(*"abc")
        await pilot.press("delete")  # nothing selected: delete edits the input as usual
        assert screen.input.value == "abc" and log.count == 2
        await pilot.press("up", "delete")
        await settle(pilot)
        assert log.count == 1
        assert stored(tmp_path / "s", interview_id)[2].deleted
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert log.count == 2 and [n.text for n in log.notes] == ["keep", "remove me"]
        assert screen.input.value == "abc"
    notes = stored(tmp_path / "s", interview_id)
    assert not notes[2].deleted and notes[2].text == "remove me"
