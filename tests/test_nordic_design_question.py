"""The design question starts in the study's language, and never twice ("How might we Hur kan vi")."""

from __future__ import annotations

import asyncio

import pytest
from map_kit import build_study
from waiting import wait_until

from trodden.exporters.report_assemble import build_report
from trodden.exporters.report_md import render
from trodden.models.map.design_question import lead_in, tidy
from trodden.models.map.journey_map import ItemKind, MapItem
from trodden.models.map.map_session import MapSession, read_map
from trodden.tui.app import TroddenApp
from trodden.tui.map.screen import MapScreen

NOTES = {"P1": ["1|--* calls support about the invoice @phone"], "P2": ["1|-* called support @phone"]}


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("How might we Hur kan vi göra första veckan lugn?", "Hur kan vi göra första veckan lugn?"),
        ("  how might we  Hvordan kan vi hjælpe?", "Hvordan kan vi hjælpe?"),
        ("Hur kan vi ", ""),
        ("How might we ...?", ""),
        ("How might we help?", "How might we help?"),
        ("Hur kan vi hjälpa?", "Hur kan vi hjälpa?"),
    ],
)
def test_tidy_drops_a_doubled_or_lone_lead_in(typed, kept):
    assert tidy(typed) == kept


def test_lead_in_by_language():
    assert [lead_in(lang) for lang in ("en", "sv", "da", "de")] == [
        "How might we ",
        "Hur kan vi ",
        "Hvordan kan vi ",
        "How might we ",
    ]


@pytest.mark.parametrize(("language", "expected"), [("sv", "Hur kan vi hjälpa?")])
def test_the_map_prefills_the_question_in_the_studys_language(tmp_path, language, expected):
    store = build_study(tmp_path / "s", ["Hitta en växt"], NOTES, language=language)
    typed = expected.split(" vi ")[1]

    async def run() -> None:
        app = TroddenApp(store, start=lambda s: MapScreen(s, blink=False))
        async with app.run_test(size=(120, 40)) as pilot:

            def map_screen() -> MapScreen | None:
                screen = pilot.app.screen
                return screen if isinstance(screen, MapScreen) and screen.loaded is not None else None

            screen = await wait_until(pilot, map_screen, "the map screen to load")
            await pilot.pause()
            await pilot.press("tab", "1", "tab", "m", *typed, "enter")
            await pilot.pause()
            screen.flush_writes()

    asyncio.run(run())
    moment = next(item for item in read_map(store.path).items if item.kind is ItemKind.MOMENT)
    assert moment.design_question == expected


def test_report_never_prints_two_lead_ins(tmp_path):
    store = build_study(tmp_path / "s", ["Hitta en växt"], NOTES, language="sv")
    moment = MapItem(id=1, kind=ItemKind.MOMENT, phase="ph1", title="Växten kommer")
    with MapSession(store.path, writable=True) as session:  # as stored before the lead-in was tidied
        session.put_item(moment.model_copy(update={"design_question": "How might we Hur kan vi hjälpa?"}))
    report, _ = build_report(store)
    assert report.moments[0].design_question == "Hur kan vi hjälpa?"
    assert "Designfråga:** Hur kan vi hjälpa?" in render(report)
