"""How the clean screen feels on a long interview: load, a toggle, a join, an undo.

Run: ``.venv/bin/python bench/clean_screen.py [--quick] [NOTES]`` (default 2000 notes; --quick: 200). Prints seconds per step,
Pilot's own key handling included (a single key press costs ~0.1 s there whatever the screen does).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from _pty import machine

from trodden.models.domain import Guide, GuideTheme, Participant, Study
from trodden.models.notes.syntax import parse
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.clean.screen import CleanScreen

START = datetime(2026, 3, 5, 10, 0)


def build(path: Path, count: int) -> tuple[StudyStore, str]:
    store = StudyStore.create(
        path,
        Study(name="Bench"),
        guide=Guide(themes=[GuideTheme(id="th1", title="Theme")]),
        participants=[Participant(code="P1", real_name="Anna Svensson")],
        redaction_terms=["ICA Maxi"],
    )
    interview = store.new_interview("P1", start=START)
    notes = []
    with store.open_interview(interview.id) as session:
        for i in range(count):
            line = f"note {i} med Anna och 070-123 45 67 #tag{i % 7} @web"
            notes.append(
                session.add_note(parse(line), raw=line, theme="th1", t=i * 5.0, wall=START + timedelta(seconds=i * 5))
            )
    return store, interview.id


async def run(count: int) -> None:
    store, interview_id = build(Path(tempfile.mkdtemp()) / "s", count)
    app = TroddenApp(store, start=lambda s: CleanScreen(s, interview_id, blink=False))
    opened = time.perf_counter()
    async with app.run_test(size=(120, 35)) as pilot:

        async def step(name: str, *keys: str) -> None:
            began = time.perf_counter()
            await pilot.press(*keys)
            await app.workers.wait_for_complete()
            await pilot.pause()
            print(f"{name:<8} {time.perf_counter() - began:6.3f} s")

        began = opened
        while not (isinstance(app.screen, CleanScreen) and app.screen.rows):
            await pilot.pause()
        print(f"{'load':<8} {time.perf_counter() - began:6.3f} s  ({count} notes)")
        await step("toggle", "quotation_mark")
        await step("join", "j")
        await step("split", "s", "enter")
        await step("undo", "ctrl+z")


if __name__ == "__main__":
    numbers = [arg for arg in sys.argv[1:] if arg != "--quick"]
    print(machine())
    asyncio.run(run(200 if "--quick" in sys.argv else int(numbers[0]) if numbers else 2000))
    print(machine("end"))
