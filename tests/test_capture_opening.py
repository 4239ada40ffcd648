"""The capture screen is ready to type before the interview is open, and loses nothing."""

from __future__ import annotations

import threading

from test_capture_support import make_study, pilot_test, settle, until
from textual._xterm_parser import XTermParser

from trodden.models.errors import Locked
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.capture.opening import OpeningCaptureScreen
from trodden.tui.capture.screen import CaptureScreen
from trodden.tui.capture.session import open_capture


@pilot_test
async def test_lines_typed_while_the_interview_opens_are_saved_in_order(tmp_path):
    store = make_study(tmp_path / "s")
    opened = threading.Event()  # held back: a slow disk, a big study

    def open_source():
        opened.wait(timeout=10)
        return open_capture(StudyStore.open(store.path), participant="P9")

    app = TroddenApp(None, start=lambda _store: OpenCapture(open_source))
    async with app.run_test(size=(100, 24)) as pilot:
        opening = app.screen
        assert isinstance(opening, OpeningCaptureScreen)
        for line in ("*- @telefon on hold for ages", '"Det var krångligt"'):
            opening.query_one("CaptureInput").value = line
            await pilot.press("enter")
        await pilot.press(*"halfway")
        assert opening.queued == ["*- @telefon on hold for ages", '"Det var krångligt"']
        opened.set()
        await until(pilot, lambda: isinstance(app.screen, CaptureScreen), "the capture screen takes over")
        screen = app.screen
        assert isinstance(screen, CaptureScreen)
        await settle(pilot)
        assert screen.input.value == "halfway"  # still being typed: stays in the input
    app.capture_source.close()
    interview = StudyStore.open(store.path).find_interview("P9")
    with StudyStore.open(store.path).open_interview(interview.id, writable=False) as session:
        notes = session.notes()
    assert [(n.text, n.valence, n.channels) for n in notes] == [
        ("@telefon on hold for ages", -1, ["telefon"]),
        ("Det var krångligt", None, []),
        ("halfway", None, []),  # never sent: quitting keeps unsent words as a note
    ]


@pilot_test
async def test_lines_typed_ahead_in_the_terminals_line_mode_stay_separate_notes(tmp_path):
    """Typed before the app took the terminal, each Enter arrives as a newline byte."""
    typed_ahead = "*- @telefon on hold\nså krångligt\nhalf"
    keys = [event.key for event in XTermParser().feed(typed_ahead)]
    assert keys.count("ctrl+j") == 2 and "enter" not in keys  # what the terminal hands over
    store = make_study(tmp_path / "s")
    app = TroddenApp(
        None, start=lambda _store: OpenCapture(lambda: open_capture(StudyStore.open(store.path), participant="P9"))
    )
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press(*keys)
        await until(pilot, lambda: isinstance(app.screen, CaptureScreen), "the capture screen takes over")
        screen = app.screen
        assert isinstance(screen, CaptureScreen)
        await settle(pilot)
        assert screen.input.value == "half"
    app.capture_source.close()
    interview = StudyStore.open(store.path).find_interview("P9")
    with StudyStore.open(store.path).open_interview(interview.id, writable=False) as session:
        notes = session.notes()
    assert [(n.text, n.valence) for n in notes][:2] == [("@telefon on hold", -1), ("så krångligt", None)]


@pilot_test
async def test_an_interview_open_elsewhere_ends_with_the_lock_and_the_typed_text(tmp_path):
    store = make_study(tmp_path / "s")
    holder = open_capture(store, participant="P1")  # another note-taker has it open
    typed = threading.Event()

    def open_source():
        typed.wait(timeout=10)  # the note-taker has typed before the open fails
        return open_capture(store, participant="P1")

    try:
        app = TroddenApp(None, start=lambda _store: OpenCapture(open_source))
        async with app.run_test(size=(100, 24)) as pilot:
            app.screen.query_one("CaptureInput").value = "not lost"
            typed.set()
            await until(pilot, lambda: app.startup_error is not None, "the open fails")
        assert isinstance(app.startup_error, Locked)
        assert app.unsaved_lines == ["not lost"]
    finally:
        holder.close()


def OpenCapture(open_source):
    return OpeningCaptureScreen(open_source, "trodden · P9", blink=False)
