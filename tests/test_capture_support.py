"""Shared set-up for the capture tests: a small crafted study and a controllable clock."""

from __future__ import annotations

import asyncio
import functools
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

from textual.worker import WorkerCancelled
from waiting import wait_until

from trodden.models.domain import Guide, GuideTheme, Phase, Study
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.capture.screen import CaptureScreen
from trodden.tui.capture.session import open_capture

START = datetime(2026, 3, 2, 10, 0, 0)


def pilot_test(test):
    """Run an async Pilot test with asyncio (no async pytest plugin is installed)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        asyncio.run(test(*args, **kwargs))

    return run


class FakeClock:
    """Now is ``START + seconds``; tests move it forward by hand."""

    def __init__(self, seconds: float = 0.0) -> None:
        self.now = START + timedelta(seconds=seconds)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def make_study(path: Path) -> StudyStore:
    return StudyStore.create(
        path,
        Study(name="Skapa ett grönt hem", created=date(2026, 3, 1)),
        phases=[
            Phase(id="ph1", name="Dreaming", order=1),
            Phase(id="ph2", name="Searching", order=2),
            Phase(id="ph3", name="Buying", order=3),
        ],
        guide=Guide(
            themes=[
                GuideTheme(id="th1", title="Background"),
                GuideTheme(id="th2", title="Finding plants"),
                GuideTheme(id="th3", title="Delivery"),
            ]
        ),
    )


def capture_app(store: StudyStore, clock: FakeClock, *, participant: str = "P1", read_only: bool = False, **kw):
    """The app on a capture screen (cursor blink off), and its source to close later."""
    source = open_capture(store, participant=participant, clock=clock, read_only=read_only, **kw)
    app = TroddenApp(store, start=lambda _store: CaptureScreen(source, clock=clock, blink=False))
    return app, source


async def type_line(pilot, line: str) -> None:
    """Type a line into the focused input and press enter, then wait for the save."""
    screen = pilot.app.screen
    screen.input.value = line
    screen.input.cursor_position = len(line)
    await pilot.press("enter")
    await settle(pilot)


async def settle(pilot, timeout: float = 30.0) -> None:
    """Wait until the screen has handled the reply to every save it asked for (and repainted).

    The condition is the screen's own ``saving`` (replies not yet handled), not the writer thread
    being idle: a save can be done on disk while its reply is still on its way to the screen.
    """

    async def settled() -> bool:
        await pilot.app.workers.wait_for_complete()
        return not pilot.app.screen.saving

    await wait_until(pilot, settled, "the saves to settle", timeout=timeout)
    await pilot.pause()


async def until(pilot, condition, what: str, *, timeout: float = 30.0, poke=None) -> None:
    """Let the app run until ``condition()`` holds (``poke()`` first each turn, if given)."""

    async def holds() -> bool:
        if poke is not None:
            poke()
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:  # the app is closing (what some tests wait for): its workers stop
            pass
        return bool(condition())

    await wait_until(pilot, holds, what, timeout=timeout)


def stored_notes(path: Path, interview_id: str) -> dict:
    """The interview's notes as stored (deleted ones too), by seq, read back from disk."""
    with StudyStore.open(path).open_interview(interview_id, writable=False) as session:
        return {note.seq: note for note in session.notes(include_deleted=True)}


def hold_saves(session) -> threading.Event:
    """Make ``add_note`` wait on the writer thread until the returned event is set (a slow disk, on purpose)."""
    release = threading.Event()
    add_note = session.add_note

    def slow_add_note(*args, **kwargs):
        assert release.wait(timeout=10), "the test never released the save"
        return add_note(*args, **kwargs)

    session.add_note = slow_add_note
    return release


async def burst(pilot, *keys: str) -> None:
    """Send ``keys`` to the app in one go, as a terminal does for a fast typist (or tmux send-keys).

    ``pilot.press`` lets the app settle after every key, which hides races between keys; here they
    are all queued before the app handles the first. Characters are single-character keys.
    """
    import unicodedata

    from textual import events
    from textual.keys import _character_to_key

    app = pilot.app
    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        char = key if len(key) == 1 else {"enter": "\r", "tab": "\t"}.get(key)
        if char is None and len(key) > 1:
            try:
                char = unicodedata.lookup(key.upper())
            except KeyError:
                char = None
        event = events.Key(name, char)
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()
