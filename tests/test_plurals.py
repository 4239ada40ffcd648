"""Counts read right in every language ("1 interview", not "1 interviews"), and dialogs keep
the screen behind them in view."""

from __future__ import annotations

import asyncio
import html
from pathlib import Path

import pytest
from test_checks_method import findings, make
from test_study_screen import _loaded

from trodden.models.checks import run_checks
from trodden.models.domain import Scope
from trodden.models.map.evidence import load_study_map
from trodden.models.map.journey_map import JourneyMap, MapItem, Mark
from trodden.models.plurals import LANGUAGES, count, noun, nouns
from trodden.models.sample import write_sample
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp


@pytest.mark.parametrize(
    ("n", "word", "lang", "shown"),
    [
        (1, "interview", "en", "1 interview"),
        (2, "interview", "en", "2 interviews"),
        (0, "interview", "en", "0 interviews"),
        (1, "thundercloud", "en", "1 thundercloud"),
        (1, "interview", "sv", "1 intervju"),
        (5, "interview", "sv", "5 intervjuer"),
        (2, "thundercloud", "sv", "2 åskmoln"),
        (1, "note", "da", "1 note"),
        (3, "note", "da", "3 noter"),
        (2, "customer", "da", "2 kunder"),
    ],
)
def test_count_takes_the_form_that_goes_with_the_number(n, word, lang, shown):
    assert count(n, word, lang) == shown


def test_every_noun_has_both_forms_in_every_language():
    for word in nouns():
        for lang in LANGUAGES:
            assert noun(1, word, lang) and noun(2, word, lang), (word, lang)
    assert count(20_000, "note", thousands=True) == "20,000 notes"


def test_one_thundercloud_on_the_map_is_singular_in_the_check(tmp_path):
    store = make(tmp_path)
    journey = JourneyMap(items=[MapItem(id=1, title="Lost parcel", mark=Mark.CLOUD)])
    loaded = load_study_map(store, journey)
    found = [f for f in run_checks(loaded.data, loaded.interviews, loaded.index, journey) if f.code == "clouds-count"]
    assert found and found[0].message.startswith("1 thundercloud on the map"), found


@pytest.mark.parametrize(("lang", "start"), [("en", "1 customer interview;"), ("sv", "1 kundintervju;")])
def test_one_customer_interview_is_singular(tmp_path, lang, start):
    one = {"P1": ("customer", "a")}
    found = findings(make(tmp_path, lang=lang, people=one, scope=Scope.EPISODE), code="interviews-few")
    assert found and found[0].message.startswith(start), found


def test_a_dialog_leaves_the_screen_behind_it_in_view(tmp_path: Path) -> None:
    store = write_sample(tmp_path / "study")

    async def run() -> tuple[str, str]:
        app = TroddenApp(StudyStore.open(store.path))
        async with app.run_test(size=(120, 30)) as pilot:
            await _loaded(app, pilot)
            before = app.export_screenshot()
            await pilot.press("f1")
            await pilot.pause()
            return before, app.export_screenshot()

    before, during = (html.unescape(s).replace("\xa0", " ") for s in asyncio.run(run()))
    assert "2026-10-05-P01" in before
    # the help box covers the middle; the overview's edge rows still show around it
    assert "Creating a thriving home" in during, "the overview vanished behind the help"


def test_the_overview_says_one_more_type_in_the_singular(tmp_path: Path) -> None:
    from trodden.models.participants import overview_line as overview_text

    store = write_sample(tmp_path / "study")  # four customer types: three shown, one more
    line = overview_text(store.participants, store.interviews()[0])
    assert "1 more type" in line and "1 more types" not in line
