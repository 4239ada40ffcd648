"""The map's checks panel (c) lists the quotes the interviews' transcripts do not confirm, like
``trodden check``; enter on one shows the quote and its history."""

from __future__ import annotations

from pathlib import Path

from rendering import plain
from textual.widgets import OptionList
from transcript_kit import teams_vtt
from waiting import wait_until

from trodden.models.transcript.reading import parse_transcript
from trodden.tui.app import TroddenApp
from trodden.tui.map.screen import MapScreen
from trodden.tui.widgets.dialogs import PickScreen, TextPanel

try:
    from ._clean_study import START, build_study
    from .test_clean_screen import CLOCK, run_async
except ImportError:
    from _clean_study import START, build_study
    from test_clean_screen import CLOCK, run_async


@run_async
async def test_the_checks_panel_lists_a_quote_the_transcript_does_not_confirm(tmp_path):
    store, interview_id = build_study(tmp_path / "study")
    with store.open_interview(interview_id, writable=False) as session:
        notes = session.notes()
    said = {2: "Jag älskar, öh, när allting växer."}  # the quote typed as "Jag älskar när det växer"
    vtt = teams_vtt(notes, START, offset=30.0, lag=15.0, said=said, participant="Anna Svensson")
    store.save_transcript(interview_id, parse_transcript(vtt.encode(), Path("möte.vtt"), now=CLOCK))
    app = TroddenApp(store, start=lambda s: MapScreen(s, blink=False))
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MapScreen) and app.screen.loaded, "the map")
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, PickScreen), "the checks (run on a worker)")
        options = app.screen.query_one(OptionList)
        lines = [plain(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        (differs,) = [n for n, line in enumerate(lines) if line.split()[1] == "quote-differs"]
        assert "Jag älskar när det växer" in lines[differs]
        await pilot.press(*["down"] * differs, "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TextPanel), "the quote's panel")
