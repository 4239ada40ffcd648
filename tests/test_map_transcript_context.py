"""The map's evidence view shows where each note sits in its interview's transcript."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from report_study import make_study
from transcript_kit import teams_vtt
from waiting import wait_until

from trodden.models.interchange import read_map
from trodden.models.map.evidence import load_study_map
from trodden.models.transcript.reading import parse_transcript
from trodden.tui.app import TroddenApp
from trodden.tui.map.evidence import ItemScreen
from trodden.tui.map.transcript_context import TranscriptContext


@pytest.mark.parametrize(
    ("ui_lang", "words"),
    [
        ("en", ("participant", "interviewer", "in the transcript")),
        ("sv", ("deltagare", "intervjuare", "i transkriptet")),
    ],
)
def test_the_highlighted_note_shows_the_lines_said_around_it(tmp_path: Path, ui_lang: str, words) -> None:
    store = make_study(tmp_path / "study")
    interview = store.find_interview("P1")
    with store.open_interview(interview.id, writable=False) as session:
        notes = session.notes()
    said = {1: "Jag hittade butiken genom en väns trädgård, faktiskt."}
    store.save_transcript(
        interview.id, parse_transcript(teams_vtt(notes, interview.start, said=said).encode(), Path("t.vtt"))
    )
    index = load_study_map(store).index
    item = next(item for item in read_map(store).items if item.id == 1)  # P1/1 and P2/1 back it
    app = TroddenApp(store, start=lambda s: ItemScreen(item, index, "Dreaming of green", store=s), ui_lang=ui_lang)

    async def run() -> tuple[str, bool]:
        async with app.run_test(size=(120, 40)) as pilot:
            context = await wait_until(
                pilot,
                lambda: (w := app.screen.query_one(TranscriptContext)).display and w,
                "the transcript context of the first note",
            )
            shown = str(context.render())
            await pilot.press("down")  # P2's note: no transcript
            await wait_until(pilot, lambda: not context.display, "the context to hide for P2")
            return shown, context.display

    shown, displayed = asyncio.run(run())
    participant, interviewer, heading = words
    assert shown.startswith(heading + " (")
    assert f"{participant}: " + said[1] in shown
    assert f"{interviewer}: Och hur var det sen?" in shown
    assert not displayed
