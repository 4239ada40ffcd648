"""A fast typist's burst: keys pressed right after Enter act on the note just sent, saved or not.

Each test holds the new note's save on the writer thread (a job that waits on an Event) while the
keys arrive, so the note is certainly not on disk yet when they are pressed; then lets it go and
reads back what was stored.
"""

from __future__ import annotations

import pytest
from test_capture_support import FakeClock, burst, capture_app, hold_saves, make_study, pilot_test, settle, type_line
from test_capture_support import stored_notes as stored

from trodden.models.domain import Kind
from trodden.tui.capture.notes_log import NotesLog

BURSTS = [
    (("f3",), lambda note: note.kinds == [Kind.TOUCHPOINT]),
    (("f2",), lambda note: note.kinds == [Kind.QUOTE]),
    (("f7", "f7"), lambda note: note.valence == 2),
    (("f8",), lambda note: note.valence == -1),
    (("ctrl+t",), lambda note: (note.theme, note.phase) == ("th3", "ph2")),
    (("up", "delete"), lambda note: note.deleted),
]


@pytest.mark.parametrize(("keys", "changed"), BURSTS, ids=["f3", "f2", "f7f7", "f8", "ctrl+t", "up-delete"])
@pilot_test
async def test_keys_right_after_enter_change_the_note_just_sent_while_it_is_being_saved(tmp_path, keys, changed):
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    interview_id = source.session.interview.id
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        await type_line(pilot, "the note before")
        await type_line(pilot, "/theme 3")
        await type_line(pilot, "/phase 2")
        release = hold_saves(source.session)
        screen.input.value = "kunden ringde supporten"
        await burst(pilot, "enter", *keys)  # one burst: the note is still on the writer thread
        assert screen.query_one(NotesLog).count == 1, "the new note must not be on screen before it is on disk"
        release.set()
        await settle(pilot)
    notes = stored(tmp_path / "s", interview_id)
    before, sent = notes[1], notes[2]
    assert sent.text == "kunden ringde supporten" and changed(sent)
    assert before.kinds == [] and before.valence is None and not before.deleted and before.theme is None
    source.close()


@pilot_test
async def test_f9_right_after_enter_edits_the_note_just_sent(tmp_path):
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    interview_id = source.session.interview.id
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        await type_line(pilot, "the note before")
        release = hold_saves(source.session)
        screen.input.value = "kunden ringde supporten"
        await burst(pilot, "enter", "f9")
        assert screen.input.value == "kunden ringde supporten"  # the note just sent, not the one before
        await pilot.press(*" @telefon", "enter")
        release.set()
        await settle(pilot)
    notes = stored(tmp_path / "s", interview_id)
    assert notes[1].text == "the note before" and len(notes[1].history) == 1
    assert notes[2].text == "kunden ringde supporten @telefon" and notes[2].channels == ["telefon"]
    assert [revision.raw for revision in notes[2].history] == [
        "kunden ringde supporten",
        "kunden ringde supporten @telefon",
    ]
    source.close()


@pilot_test
async def test_up_walks_from_the_notes_being_saved_into_the_log(tmp_path):
    """Two notes sent in one burst, both still saving: ↑ picks the second, ↑ again the first."""
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    interview_id = source.session.interview.id
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        await type_line(pilot, "saved already")
        release = hold_saves(source.session)
        await burst(pilot, *"first", "enter", *"second", "enter", "up", "up", "f4", "up", "f5")
        release.set()
        await settle(pilot)
        log = screen.query_one(NotesLog)
        assert [note.text for note in log.notes] == ["saved already", "first", "second"]
        assert log.selected_note is not None and log.selected_note.text == "saved already"
    notes = stored(tmp_path / "s", interview_id)
    assert [(n.text, n.kinds) for n in notes.values()] == [
        ("saved already", [Kind.BACKSTAGE]),
        ("first", [Kind.MOMENT]),
        ("second", []),
    ]
    source.close()
