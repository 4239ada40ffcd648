"""Crash and resume: a killed writer loses nothing on screen; the clock and theme carry on; locks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from test_capture_support import START, FakeClock, capture_app, make_study, pilot_test, type_line, until

from trodden.models.errors import Locked
from trodden.models.storage.store import StudyStore
from trodden.tui.capture.notes_log import NotesLog
from trodden.tui.capture.session import open_capture
from trodden.tui.cli.main import main

WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import datetime, timedelta
    from trodden.models.storage.store import StudyStore
    from trodden.models.notes.syntax import parse
    start = datetime.fromisoformat(sys.argv[2])
    store = StudyStore.open(sys.argv[1])
    interview = store.new_interview("P1", start=start)
    session = store.open_interview(interview.id)
    session.record_event("theme", "th2", at=start + timedelta(seconds=5))
    for n in range(1, 31):
        session.add_note(parse(f"*- note {n} @telefon"), theme="th2", wall=start + timedelta(seconds=10 * n))
    print("written", flush=True)
    time.sleep(60)  # killed here: never closed, no snapshot
    """
)


@pilot_test
async def test_a_killed_writer_loses_nothing_and_the_interview_resumes(tmp_path):
    folder = tmp_path / "s"
    make_study(folder)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), START.isoformat()], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline().strip() == "written"
        with pytest.raises(Locked, match="already open for writing"):
            open_capture(StudyStore.open(folder), participant="P1", clock=FakeClock())
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()

    clock = FakeClock(seconds=400)
    app, source = capture_app(StudyStore.open(folder), clock)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        log = screen.query_one(NotesLog)
        assert [note.text for note in log.notes] == [f"note {n} @telefon" for n in range(1, 31)]
        assert "06:40" in screen.header().plain  # the clock goes on from the interview's start
        assert "Theme 2 Finding plants" in screen.header().plain
        await type_line(pilot, "after the crash")
    notes = source.session.notes()
    assert len(notes) == 31 and notes[-1].theme == "th2" and notes[-1].t == 400 and notes[-1].seq == 31


@pilot_test
async def test_notes_on_screen_survive_an_unclean_stop(tmp_path):
    """The session is never closed (as if the process died): reopening finds every note."""
    folder = tmp_path / "s"
    store = make_study(folder)
    app, source = capture_app(store, FakeClock())
    interview_id = source.session.interview.id
    screen_close = None
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        screen_close, screen.close_source = screen.close_source, lambda: None  # simulate a crash
        for n in range(5):
            await type_line(pilot, f"note {n} å")
        shown = [note.text for note in screen.query_one(NotesLog).notes]
    with StudyStore.open(folder).open_interview(interview_id, writable=False) as reader:
        assert [note.text for note in reader.notes()] == shown == [f"note {n} å" for n in range(5)]
    screen_close()


def test_cli_says_when_the_interview_is_locked(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("trodden.tui.cli.common.on_a_terminal", lambda: True)  # the lock is the point here
    folder = tmp_path / "s"
    store = make_study(folder)
    source = open_capture(store, participant="P1", clock=FakeClock())
    try:
        assert main(["capture", str(folder), "--participant", "P1"]) == 1
    finally:
        source.close()
    error = capsys.readouterr().err
    assert "already open for writing" in error and "--read-only" in error


@pilot_test
async def test_read_only_follows_the_writer(tmp_path):
    folder = tmp_path / "s"
    store = make_study(folder)
    writer = open_capture(store, participant="P1", clock=FakeClock())
    try:
        app, source = capture_app(StudyStore.open(folder), FakeClock(), read_only=True)
        async with app.run_test(size=(120, 30)) as pilot:
            screen = pilot.app.screen
            assert "read-only" in screen.header().plain and screen.input.disabled
            from trodden.models.notes.syntax import parse

            writer.session.add_note(parse("? written elsewhere"))
            log = screen.query_one(NotesLog)
            await until(pilot, lambda: log.count, "the writer's note is followed", poke=screen.follow)
            assert [note.text for note in log.notes] == ["written elsewhere"]
        source.close()
    finally:
        writer.close()


@pilot_test
async def test_quitting_keeps_words_typed_but_not_sent(tmp_path):
    folder = tmp_path / "s"
    store = make_study(folder)
    app, source = capture_app(store, FakeClock())
    async with app.run_test(size=(120, 30)) as pilot:
        await type_line(pilot, "sent")
        await pilot.press(*"half a sentence å")
        await pilot.press("ctrl+q")
    with StudyStore.open(folder).open_interview(source.session.interview.id, writable=False) as reader:
        assert [note.text for note in reader.notes()] == ["sent", "half a sentence å"]
