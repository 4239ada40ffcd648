"""Render the README's screenshots from the sample study (a developer script, not a test).

    python docs/screenshots.py

writes docs/*.svg: the overview, the note-taker's capture screen, the interviewer's guide view,
the clean screen and the mapping board, on the finished sample study (its workshop map included).
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from trodden.models.sample import write_sample
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp

DOCS = Path(__file__).resolve().parent


async def shoot(store: StudyStore, name: str, size: tuple[int, int], start=None, keys: tuple[str, ...] = ()) -> None:
    """Open a screen, let its workers load (screens that follow files keep a worker
    running, so wait by pauses, not for every worker), press ``keys``, save an SVG."""
    app = TroddenApp(StudyStore.open(store.path), start)
    async with app.run_test(size=size) as pilot:
        for _ in range(40):
            await pilot.pause(0.05)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        for _ in range(10):
            await pilot.pause(0.05)
        app.save_screenshot(str(DOCS / f"{name}.svg"))


def live_interview(store: StudyStore) -> str:
    """P13 (planned in the sample), twelve minutes into a conversation, on the guide's second theme."""
    from datetime import datetime, timedelta

    from trodden.models.notes.syntax import parse

    start = datetime.now() - timedelta(minutes=12)
    interview = store.new_interview("P13", start=start, interviewer="KL", note_taker="JB")
    lines = [
        (60, "th1", "lives in a small flat in Malmö, 6 plants, two of them from her mother"),
        (150, "th1", '"Växterna är det första jag ser när jag kommer hem." #home'),
        (290, "th1", "*+ @neighbour the neighbour gave her a monstera cutting"),
        (420, "th2", "*-- @webshop searched for 'plant for a dark hallway', got 200 results #light"),
        (520, "th2", '"Jag vet ju inte vad den heter, det är ju därför jag frågar!"'),
        (610, "th2", "? ask what she did after giving up the search"),
        (690, "th2", "%* @chat the chat bot answers only with links to the care guide"),
    ]
    with store.open_interview(interview.id) as session:
        for seconds, theme, line in lines:
            at = start + timedelta(seconds=seconds)
            if theme != (session.events()[-1].value if session.events() else None):
                session.record_event("theme", theme, at=at)
            session.add_note(parse(line), raw=line, theme=theme, t=seconds, wall=at)
    return interview.id


async def main() -> None:
    from trodden.tui.capture.screen import CaptureScreen
    from trodden.tui.capture.session import open_capture
    from trodden.tui.clean.screen import CleanScreen
    from trodden.tui.guide.screen import GuideScreen
    from trodden.tui.map.screen import MapScreen

    with tempfile.TemporaryDirectory() as scratch:
        store = write_sample(Path(scratch) / "study")
        p2 = store.find_interview("P02").id
        await shoot(store, "overview", (120, 24))
        await shoot(store, "clean", (120, 32), lambda s: CleanScreen(s, p2), ("down",) * 8)
        await shoot(store, "map", (140, 44), lambda s: MapScreen(s))
        p6 = live_interview(store)
        await shoot(store, "guide", (120, 32), lambda s: GuideScreen(s, p6))
        await shoot(store, "capture", (120, 20), lambda s: CaptureScreen(open_capture(s, interview=p6), blink=False))
    print(f"wrote {', '.join(sorted(p.name for p in DOCS.glob('*.svg')))} to {DOCS}")


if __name__ == "__main__":
    asyncio.run(main())
