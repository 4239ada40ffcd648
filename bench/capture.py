"""Capture speed, against the baselines the issue names. Prints figures and ratios.

1. Enter to durable-and-on-screen, median, with 5,000 notes in the interview, against the
   store's raw durable write (``DurableDB.put`` of a note-sized document). Target: <= 2x.
   Measured from the Enter key reaching the (headless) app to the saved note being in
   the notes log (the next frame draws it). References: a bare Textual app with the same
   list that does nothing on Enter (Textual's own floor), that writes on the UI thread, and
   that writes in a thread worker.
2. ``trodden capture`` ready to type (process start to the capture screen's first frame
   painted with the input focused: ``OpeningCaptureScreen``, which keeps everything typed
   while the interview opens behind it) against a bare Textual app (Header,
   Input, Footer), both in fresh processes in the same run, on a study with 50
   interviews. Target: <= 1.3x.

Run: ``python bench/capture.py`` (about a minute).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from trodden.models.domain import Guide, GuideTheme, Note, Phase, Revision, Study, note_id
from trodden.models.notes.syntax import parse
from trodden.models.storage.durable import DurableDB
from trodden.models.storage.journal import Put
from trodden.models.storage.store import StudyStore

NOTES = 5000
ENTERS = 200
INTERVIEWS = 50
STARTS = 7
START = datetime(2026, 3, 2, 10, 0, 0)


def make_study(path: Path) -> StudyStore:
    return StudyStore.create(
        path,
        Study(name="Creating a thriving home"),
        phases=[Phase(id=f"ph{i}", name=f"Phase {i}", order=i) for i in range(1, 5)],
        guide=Guide(themes=[GuideTheme(id=f"th{i}", title=f"Theme {i}") for i in range(1, 6)]),
    )


def fill(store: StudyStore, code: str, count: int) -> str:
    interview = store.new_interview(code, start=START)
    with store.open_interview(interview.id) as session:
        batch = [
            (parse(f"*- @telefon note number {n} about #kö and waiting"), START + timedelta(seconds=n))
            for n in range(count)
        ]
        notes = [  # one batch write: much faster to set up than add_note one by one
            Note(
                id=note_id(interview.id, n + 1),
                interview=interview.id,
                seq=n + 1,
                t=float(n),
                wall=wall,
                text=draft.text,
                kinds=list(draft.kinds),
                valence=draft.valence,
                channels=list(draft.channels),
                tags=list(draft.tags),
                history=[Revision(at=wall, raw=draft.text)],
            )
            for n, (draft, wall) in enumerate(batch)
        ]
        session.save_notes(notes)
    return interview.id


# ------------------------------------------------------------- 1. Enter to durable
def raw_put_median(folder: Path) -> float:
    db = DurableDB(folder, "raw", writable=True).open()
    doc = {"text": "*- @telefon note number 1 about #kö and waiting", "kinds": ["touchpoint"], "valence": -1}
    db.write([Put("notes", n, dict(doc)) for n in range(NOTES)])
    times = []
    for n in range(ENTERS):
        started = time.perf_counter()
        db.put("notes", NOTES + n + 1, dict(doc, seq=NOTES + n + 1))
        times.append(time.perf_counter() - started)
    db.close()
    return statistics.median(times)


async def type_enters(pilot, field, shown: list[float]) -> None:
    """ENTERS notes typed into ``field``, each sent with Enter and waited for in ``shown``."""
    for n in range(ENTERS):
        field.value = f"*- @telefon typed note {n} #kö"
        await pilot.pause(0.03)  # typed, then Enter: the last keystroke's frame is done
        before = len(shown)
        await pilot.press("enter")
        for _ in range(1000):
            if len(shown) > before:
                break
            await pilot.pause(0.001)
        await pilot.pause(0.03)  # a note-taker's next Enter is seconds away: let the frame paint


async def enter_median(store: StudyStore) -> tuple[float, float]:
    from trodden.tui.app import TroddenApp
    from trodden.tui.capture.notes_log import NotesLog
    from trodden.tui.capture.screen import CaptureScreen
    from trodden.tui.capture.session import open_capture

    pressed: list[float] = []
    shown: list[float] = []
    original_upsert = NotesLog.upsert
    original_event = TroddenApp.on_event

    async def timed_event(self, event):
        if getattr(event, "key", None) == "enter":
            pressed.append(time.perf_counter())  # the key reaches the app
        await original_event(self, event)

    def timed_upsert(self, note):
        original_upsert(self, note)
        shown.append(time.perf_counter())

    NotesLog.upsert = timed_upsert
    TroddenApp.on_event = timed_event
    try:
        source = open_capture(store, participant="P1")
        app = TroddenApp(store, start=lambda _store: CaptureScreen(source, blink=False))
        async with app.run_test(size=(120, 40)) as pilot:
            screen = pilot.app.screen
            assert len(screen.query_one(NotesLog)) == NOTES
            await type_enters(pilot, screen.input, shown)
            await pilot.pause()
            open_started = time.perf_counter()
            screen.query_one(NotesLog).set_notes(source.session.notes())
            relayout = time.perf_counter() - open_started
    finally:
        NotesLog.upsert = original_upsert
        TroddenApp.on_event = original_event
    durations = [end - start for start, end in zip(pressed, shown, strict=False)]
    return statistics.median(durations), relayout


BARE_MODES = {
    "nothing": "Enter -> its Input.Submitted handler, nothing else done",
    "ui-thread": "Enter -> put on the UI thread -> OptionList (not allowed here: fsync would freeze typing)",
    "worker": "Enter -> put in a thread worker -> OptionList",
}


async def bare_enter_median(folder: Path, mode: str) -> float:
    """References: a bare Textual app that does only ``mode`` (see BARE_MODES) per Enter."""
    from textual import on, work
    from textual.app import App
    from textual.message import Message
    from textual.widgets import Input, OptionList

    pressed: list[float] = []
    shown: list[float] = []
    db = DurableDB(folder, f"bare-{mode}", writable=True).open()
    db.write([Put("notes", n, {"text": "x"}) for n in range(NOTES)])

    class Done(Message):
        pass

    class Bare(App):
        AUTO_FOCUS = "Input"

        def compose(self):
            yield OptionList(*[f"note {n}" for n in range(NOTES)])
            yield Input()

        async def on_event(self, event):
            if getattr(event, "key", None) == "enter" and not event.is_forwarded:
                pressed.append(time.perf_counter())
            await super().on_event(event)

        def on_input_submitted(self, event: Input.Submitted) -> None:
            event.input.value = ""
            if mode == "nothing":
                shown.append(time.perf_counter())
            elif mode == "ui-thread":
                db.put("notes", len(shown) + NOTES + 1, {"text": event.value})
                self.shown_note(Done())
            else:
                self.save(event.value)

        @work(thread=True)
        def save(self, value: str) -> None:
            db.put("notes", len(shown) + NOTES + 1, {"text": value})
            self.post_message(Done())

        @on(Done)
        def shown_note(self, _message: Done) -> None:
            self.query_one(OptionList).add_option(f"note {len(shown)}")
            shown.append(time.perf_counter())

    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await type_enters(pilot, app.query_one(Input), shown)
    db.close()
    return statistics.median(end - start for start, end in zip(pressed, shown, strict=False))


# ---------------------------------------------------------- 2. ready to type
BARE = """
import sys, time
from textual.app import App
from textual.widgets import Footer, Header, Input

class Bare(App):
    def compose(self):
        yield Header()
        yield Input(id="i")
        yield Footer()
    def on_mount(self):
        self.query_one(Input).focus()
        self.call_after_refresh(self.ready)
    def ready(self):
        print(time.time(), flush=True)
        self.exit()

Bare().run(headless=True)
"""

TRODDEN = """
import sys, time
from trodden.tui import capture_opening

original_mount = capture_opening.OpeningCaptureScreen.on_mount
def on_mount(self):
    original_mount(self)
    self.call_after_refresh(self.ready_for_bench)
def ready_for_bench(self):
    # the note-taker can type: the input is focused and everything typed is kept
    assert self.query_one(capture_opening.CaptureInput).has_focus
    print(time.time(), flush=True)
    self.app.exit()
capture_opening.OpeningCaptureScreen.on_mount = on_mount
capture_opening.OpeningCaptureScreen.ready_for_bench = ready_for_bench
from trodden.tui import app as app_module
original_run = app_module.TroddenApp.run
app_module.TroddenApp.run = lambda self, **kw: original_run(self, headless=True)

from trodden.tui.cli import main
sys.exit(main(["capture", sys.argv[1], "--participant", sys.argv[2]]))
"""


def ready_time(script: str, *args: str) -> float:
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True, env=dict(os.environ)
    )
    return float(result.stdout.strip().splitlines()[-1]) - started


def main() -> None:
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as scratch:
        scratch = Path(scratch)
        store = make_study(scratch / "study")
        fill(store, "P1", NOTES)

        raw = raw_put_median(scratch)
        enter, relayout = asyncio.run(enter_median(StudyStore.open(scratch / "study")))
        print(f"raw DurableDB.put, {NOTES} docs:                 median {raw * 1000:7.2f} ms")
        print(f"capture Enter -> durable + in the log, {NOTES} notes: median {enter * 1000:7.2f} ms")
        print(f"  ratio {enter / raw:.2f}x (target <= 2x)")
        print("references, a bare Textual app with the same 5,000-line list, Enter ->:")
        bare = {mode: asyncio.run(bare_enter_median(scratch, mode)) for mode in BARE_MODES}
        for mode, what in BARE_MODES.items():
            print(f"  {what}: median {bare[mode] * 1000:.2f} ms = {bare[mode] / raw:.2f}x the raw write")
        print(f"  capture / bare Textual with the write in a worker: {enter / bare['worker']:.2f}x")
        print(f"  (re-laying out all {NOTES + ENTERS} notes, e.g. on resize: {relayout * 1000:.0f} ms)")

        study50 = make_study(scratch / "study50")
        for n in range(INTERVIEWS):
            fill(study50, f"P{n + 1}", 60)
        bare, trodden = [], []
        for _ in range(STARTS):
            bare.append(ready_time(BARE))
            trodden.append(ready_time(TRODDEN, str(scratch / "study50"), "P1"))
        b, t = statistics.median(bare), statistics.median(trodden)
        print(f"bare Textual app (Header, Input, Footer) ready:   median {b * 1000:7.0f} ms")
        print(f"trodden capture ready to type, {INTERVIEWS} interviews: median {t * 1000:7.0f} ms")
        print(f"  ratio {t / b:.2f}x (target <= 1.3x)")


if __name__ == "__main__":
    main()
