"""Lines that could not be saved stay lines of their own; an interview marked cleaned takes no notes."""

from __future__ import annotations

import pytest
from test_capture_support import FakeClock, burst, capture_app, hold_saves, make_study, pilot_test, settle, type_line
from test_capture_support import stored_notes as stored

from trodden.models.domain import InterviewStatus
from trodden.models.errors import StoreError, WriteFailed
from trodden.models.storage.interviews import find_or_start
from trodden.models.storage.store import StudyStore
from trodden.tui.capture.notes_log import NotesLog


def fill_the_disk(db):
    """Every write fails as on a full disk until the returned function is called."""
    real_write = db.write

    def full_disk(ops):
        raise WriteFailed(db.folder / "notes.journal.1", OSError(28, "No space left on device"))

    db.write = full_disk

    def free() -> None:
        db.write = real_write

    return free


def message(screen) -> str:
    return str(screen.query_one("#capture-message").render())


@pilot_test
async def test_lines_typed_after_a_failed_one_are_kept_apart_and_sent_again_in_order(tmp_path):
    """Three notes sent in a burst on a full disk, and the note-taker already typing the next one."""
    store = make_study(tmp_path / "s")
    clock = FakeClock()
    app, source = capture_app(store, clock)
    interview_id = source.session.interview.id
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        await type_line(pilot, "saved first")
        free = fill_the_disk(source.session.db)
        release = hold_saves(source.session)
        for line in ["*- ett", "två @telefon", "! tre"]:
            clock.advance(10)
            screen.input.value = line
            await pilot.press("enter")
        await pilot.press(*"fyra halv")  # typing on while the three fail
        release.set()
        await settle(pilot)
        assert screen.input.value == "fyra halv"  # nothing run together with what is being typed
        assert "NOT SAVED" in message(screen) and "3 lines waiting (first: “*- ett”)" in message(screen)
        assert "✗ not saved" in screen.header().plain
        free()
        clock.advance(10)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.input.value == "" and "✓ saved" in screen.header().plain
        assert [n.text for n in screen.query_one(NotesLog).notes] == [
            "saved first",
            "ett",
            "två @telefon",
            "tre",
            "fyra halv",
        ]
    notes = list(stored(tmp_path / "s", interview_id).values())
    assert [(n.text, round(n.t)) for n in notes] == [
        ("saved first", 0),
        ("ett", 10),
        ("två @telefon", 20),
        ("tre", 30),
        ("fyra halv", 40),
    ]
    assert notes[1].valence == -1 and notes[2].channels == ["telefon"]  # each line parsed on its own
    source.close()


@pilot_test
async def test_a_later_line_is_not_stored_before_an_earlier_one_that_failed(tmp_path):
    """A nearly full disk refuses one append and takes the next: the next must wait its turn."""
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    interview_id = source.session.interview.id
    db = source.session.db
    real_write, refused = db.write, []

    def refuse_once(ops):
        if not refused:
            refused.append(ops)
            raise WriteFailed(db.folder / "notes.journal.1", OSError(28, "No space left on device"))
        return real_write(ops)

    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        release = hold_saves(source.session)
        db.write = refuse_once
        for line in ["ett", "två", "tre"]:
            screen.input.value = line
            await pilot.press("enter")
        release.set()
        await settle(pilot)
        assert stored(tmp_path / "s", interview_id) == {}  # "två" and "tre" wait behind "ett"
        assert "3 lines waiting (first: “ett”)" in message(screen) and "No space left" in message(screen)
        await pilot.press(*"fyra", "enter")
        await settle(pilot)
    assert [n.text for n in stored(tmp_path / "s", interview_id).values()] == ["ett", "två", "tre", "fyra"]
    source.close()


@pilot_test
async def test_quitting_with_lines_waiting_saves_them_in_order(tmp_path):
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    interview_id = source.session.interview.id
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        free = fill_the_disk(source.session.db)
        release = hold_saves(source.session)
        for line in ["ett", "två"]:
            screen.input.value = line
            await pilot.press("enter")
        await pilot.press(*"tre")
        release.set()
        await settle(pilot)
        assert screen.input.value == "tre" and "2 lines waiting" in message(screen)
        free()  # then ctrl+q: the waiting lines and the typed words are saved, in order
    source.close()
    assert [n.text for n in stored(tmp_path / "s", interview_id).values()] == ["ett", "två", "tre"]


def _cleaned(store, participant="P1"):
    interview = store.new_interview(participant)
    with store.open_interview(interview.id) as session:
        session.set_status(InterviewStatus.CLEANED)
    return interview


@pilot_test
async def test_a_cleaned_interview_takes_no_notes_until_reopened(tmp_path):
    store = make_study(tmp_path / "s")
    cleaned = _cleaned(store)
    app, source = capture_app(store, FakeClock(), participant=None, interview=cleaned.id)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        assert "marked cleaned" in message(screen) and "ctrl+o" in message(screen)
        assert "cleaned" in screen.header().plain
        await burst(pilot, *"sent du", "enter", *"och en till", "enter", "f3", "ctrl+z")
        await settle(pilot)
        assert screen.input.value == "" and "marked cleaned" in message(screen)
        assert "2 lines waiting (first: “sent du”)" in message(screen)
        assert stored(tmp_path / "s", cleaned.id) == {}
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert "reopened" in message(screen)
        await pilot.press("enter")
        await settle(pilot)
    notes = stored(tmp_path / "s", cleaned.id)
    assert [n.text for n in notes.values()] == ["sent du", "och en till"]
    assert StudyStore.open(tmp_path / "s").load_interview(cleaned.id).status is InterviewStatus.LIVE
    source.close()


def test_a_participant_whose_last_interview_is_cleaned_is_not_quietly_given_a_new_one(tmp_path):
    store = make_study(tmp_path / "s")
    cleaned = _cleaned(store)
    with pytest.raises(StoreError, match=f"interview {cleaned.id} is marked cleaned.*--new"):
        find_or_start(store, participant="P1")
    assert store.interview_ids() == [cleaned.id]
    started = find_or_start(store, participant="P1", new=True)
    assert started.id != cleaned.id and started.status is InterviewStatus.LIVE


def test_trodden_guide_says_so_for_a_cleaned_interview(tmp_path, capsys, monkeypatch):
    from trodden.tui.cli.main import main

    opened: list = []
    monkeypatch.setattr("trodden.tui.app.run_app", lambda *args, **kwargs: opened.append(args) or 0)
    monkeypatch.setattr("trodden.tui.cli.common.on_a_terminal", lambda: True)
    store = make_study(tmp_path / "s")
    cleaned = _cleaned(store)
    assert main(["guide", str(tmp_path / "s"), "--participant", "P1"]) == 1
    assert f"interview {cleaned.id} is marked cleaned" in capsys.readouterr().err
    assert StudyStore.open(tmp_path / "s").interview_ids() == [cleaned.id] and opened == []
