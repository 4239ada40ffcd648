"""Render the README's screenshots from the sample study (a developer script, not a test).

    python docs/screenshots.py

writes docs/*.svg: the overview, the note-taker's capture screen, the interviewer's guide view,
the clean screen and the mapping board, on the sample study with a workshop half done.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from trodden.models.map.journey_map import BackstageKind, ItemKind, MapItem, Mark, QuotePick
from trodden.models.map.map_session import MapSession
from trodden.models.sample import write_sample
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp

DOCS = Path(__file__).resolve().parent

# A workshop's outcome on the sample: (phase, title, evidence as (participant, note number), ...)
TP = [
    (
        "ph1",
        "Hears about the shop from friends and neighbours",
        [("P1", 38), ("P2", 5), ("P3", 7), ("P5", 5)],
        None,
        [],
    ),
    ("ph1", "Follows the shop on Instagram", [("P1", 7), ("P2", 40)], None, []),
    (
        "ph1",
        "Swaps cuttings and tips with other plant lovers",
        [("P1", 39), ("P2", 4), ("P5", 4), ("P3", 6)],
        Mark.HEART,
        [],
    ),
    ("ph1", "Gets a regular-customer discount by e-mail", [("P2", 41)], None, []),
    (
        "ph2",
        "Tries to find out what a plant is called",
        [("P1", 10), ("P2", 11), ("P5", 7), ("P5", 8), ("P4", 7)],
        Mark.CLOUD,
        [],
    ),
    ("ph2", "Filters the webshop for an easy plant", [("P1", 12), ("P3", 9), ("P3", 10)], None, []),
    ("ph2", "Reads the care text on the product page", [("P2", 8), ("P2", 7)], None, []),
    ("ph2", "Gets a plant expert in the chat", [("P4", 13), ("P4", 14)], Mark.HEART, []),
    ("ph2", "Orders in the webshop", [("P1", 16), ("P3", 14), ("P4", 9), ("P5", 13), ("P4", 18)], None, []),
    ("ph2", "Cannot choose a delivery time at checkout", [("P3", 15), ("P5", 15), ("P5", 14)], None, []),
    (
        "ph3",
        "Waits at home all day for the delivery window",
        [("P1", 18), ("P1", 19), ("P3", 16), ("P3", 18), ("P4", 19), ("P5", 17), ("P2", 18)],
        Mark.CLOUD,
        [],
    ),
    (
        "ph3",
        "Unpacks the plant and finds the handwritten card",
        [("P1", 21), ("P1", 22), ("P2", 19), ("P3", 21), ("P4", 24), ("P5", 20), ("P5", 22)],
        Mark.HEART,
        [],
    ),
    (
        "ph3",
        "Wonders why there is so much plastic",
        [("P2", 20), ("P2", 21), ("P3", 23), ("P5", 23), ("P5", 24)],
        Mark.CLOUD,
        [],
    ),
    (
        "ph3",
        "Gets a plant that looks nothing like the photo",
        [("P2", 14), ("P2", 15), ("P3", 24), ("P3", 25)],
        Mark.CLOUD,
        [],
    ),
    ("ph3", "Reads a care card that says too little", [("P1", 23), ("P1", 24), ("P5", 25), ("P5", 26)], None, []),
    ("ph3", "Asks the chat bot for help", [("P1", 30), ("P4", 11), ("P4", 12)], None, []),
    (
        "ph3",
        "Writes to customer service when the plant struggles",
        [("P1", 32), ("P2", 28), ("P2", 29), ("P3", 30), ("P3", 31), ("P3", 32), ("P4", 33)],
        None,
        [],
    ),
    (
        "ph3",
        "Gets a personal answer from a plant person",
        [("P1", 33), ("P2", 31), ("P2", 32), ("P5", 31), ("P5", 32)],
        Mark.HEART,
        [],
    ),
    ("ph3", "Gets a check-in SMS a week after delivery", [], None, ["sms"]),
]
MOMENTS = [
    (
        "ph2",
        "Finding the right plant without knowing its name",
        [("P1", 8), ("P2", 10), ("P5", 6), ("P4", 6)],
        "How might we help customers find a plant from a photo or a situation, not from a name?",
    ),
    (
        "ph3",
        "The delivery day",
        [("P1", 18), ("P3", 16), ("P4", 19), ("P5", 17)],
        "How might we let customers choose when their plant arrives, so nobody waits by the door all day?",
    ),
    (
        "ph3",
        "The first week with the new plant",
        [("P1", 28), ("P1", 29), ("P5", 28), ("P5", 29), ("P3", 28), ("P4", 29)],
        "How might we help new owners through the first week, so a dropped leaf feels normal rather than like failure?",
    ),
]
BACKSTAGE = [
    (BackstageKind.PEOPLE, "Customer service are not plant experts themselves", [("P2", 33)]),
    (BackstageKind.PEOPLE, "One small team answers e-mail and Instagram in turns", [("P5", 33)]),
    (BackstageKind.POLICY, "Plants are never left with neighbours: straight to a pick-up point", [("P4", 21)]),
    (BackstageKind.POLICY, "Customer service only discusses an order with the buyer", [("P4", 34)]),
    (BackstageKind.POLICY, "A standard reply first; escalation only if the customer writes again", [("P3", 33)]),
    (BackstageKind.POLICY, "No replacement plants outside Sweden, refund only", [("P5", 36)]),
    (BackstageKind.SYSTEM, "The chat bot hands over to a person only weekdays 9-16", [("P1", 31)]),
    (BackstageKind.SYSTEM, "The delivery day is locked once the label is printed", [("P3", 19)]),
    (BackstageKind.SYSTEM, "The warehouse has three box sizes and fills the rest with chips", [("P2", 23)]),
    (BackstageKind.SYSTEM, "Care texts come unedited from the Dutch wholesaler", [("P2", 9)]),
]
QUOTES = [
    ("ph1", "P1", 5),
    ("ph1", "P3", 4),
    ("ph1", "P4", 2),
    ("ph2", "P2", 15),
    ("ph2", "P1", 10),
    ("ph2", "P4", 14),
    ("ph3", "P1", 19),
    ("ph3", "P1", 22),
    ("ph3", "P3", 32),
    ("ph3", "P5", 32),
]


def build_workshop_map(store: StudyStore) -> None:
    """Replace the sample's hypothesis map with the workshop outcome above."""
    ids = {interview.participant: interview.id for interview in store.interviews()[0]}

    def note(code: str, seq: int) -> str:
        return f"{ids[code]}/{seq}"

    for leftover in store.path.glob("map.*"):
        leftover.unlink()
    with MapSession(store.path, writable=True) as session:
        next_id = 1
        order: dict[str, int] = {}

        def put(**fields) -> None:
            nonlocal next_id
            phase = fields["phase"]
            order[phase] = order.get(phase, 0) + 1
            session.put_item(MapItem(id=next_id, order=order[phase], **fields))
            next_id += 1

        for phase, title, evidence, mark, channels in TP:
            put(phase=phase, title=title, evidence=[note(*e) for e in evidence], mark=mark, channels=channels)
        for phase, title, evidence, question in MOMENTS:
            put(
                kind=ItemKind.MOMENT,
                phase=phase,
                title=title,
                evidence=[note(*e) for e in evidence],
                design_question=question,
            )
        for kind, title, evidence in BACKSTAGE:
            put(
                kind=ItemKind.BACKSTAGE,
                phase="ph2" if evidence == [("P2", 9)] else "ph3",
                title=title,
                evidence=[note(*e) for e in evidence],
                backstage=kind,
            )
        for number, (phase, code, seq) in enumerate(QUOTES, start=1):
            session.put_quote(QuotePick(id=number, note=note(code, seq), phase=phase))


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
    """P6, twelve minutes into a conversation, on the guide's second theme."""
    from datetime import datetime, timedelta

    from trodden.models.notes.syntax import parse

    start = datetime.now() - timedelta(minutes=12)
    interview = store.new_interview("P6", start=start, interviewer="KL", note_taker="JB")
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
        build_workshop_map(store)
        p2 = store.find_interview("P2").id
        await shoot(store, "overview", (120, 24))
        await shoot(store, "clean", (120, 32), lambda s: CleanScreen(s, p2), ("down",) * 8)
        await shoot(store, "map", (140, 44), lambda s: MapScreen(s))
        p6 = live_interview(store)
        await shoot(store, "guide", (120, 32), lambda s: GuideScreen(s, p6))
        await shoot(store, "capture", (120, 20), lambda s: CaptureScreen(open_capture(s, interview=p6), blink=False))
    print(f"wrote {', '.join(sorted(p.name for p in DOCS.glob('*.svg')))} to {DOCS}")


if __name__ == "__main__":
    asyncio.run(main())
