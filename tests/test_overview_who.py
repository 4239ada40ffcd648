"""Starting an interview from the overview asks who a new or untyped customer is (study.json read back)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from conftest import build_study
from test_study_screen import _loaded
from waiting import wait_until

from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.capture.screen import CaptureScreen
from trodden.tui.settings.person import PersonDialog


def _people(store: StudyStore) -> dict[str, dict]:
    data = json.loads((store.path / "study.json").read_text(encoding="utf-8"))
    return {person["code"]: person for person in data["participants"]}


def _start(store: StudyStore, *keys: str, asked: bool = True) -> None:
    """``n``, then ``keys`` (pick or name the participant), then the dialog's keys after the ``|``."""
    pick = keys[: keys.index("|")] if "|" in keys else keys
    answer = keys[keys.index("|") + 1 :] if "|" in keys else ()

    async def run() -> None:
        app = TroddenApp(StudyStore.open(store.path))
        async with app.run_test(size=(120, 30)) as pilot:
            await _loaded(app, pilot)
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*pick)
            if asked:
                await wait_until(pilot, lambda: isinstance(app.screen, PersonDialog), "who they are")
                await pilot.press(*answer)
            await wait_until(pilot, lambda: isinstance(app.screen, CaptureScreen), "capture to open")
            await pilot.press("ctrl+q")

    asyncio.run(run())


def test_a_new_participant_gets_a_suggested_customer_type(tmp_path: Path) -> None:
    store = build_study(tmp_path / "study")  # P2 is a "first-time buyer"
    _start(store, "enter", *"P7", "enter", "|", *"FIRST", "right", "enter")
    person = _people(store)["P7"]
    assert (person["role"], person["segment"]) == ("customer", "first-time buyer")
    assert StudyStore.open(store.path).find_interview("P7").participant == "P7"


def test_a_new_participant_can_be_staff_with_a_team(tmp_path: Path) -> None:
    store = build_study(tmp_path / "study")
    _start(store, "enter", *"S1", "enter", "|", "shift+tab", "enter", "down", "enter", "tab", *"kundtjänst", "ctrl+s")
    person = _people(store)["S1"]
    assert (person["role"], person["team"], person["segment"]) == ("staff", "kundtjänst", "")


def test_a_customer_without_a_type_is_asked_and_keeps_the_rest(tmp_path: Path) -> None:
    store = build_study(tmp_path / "study")  # P1: Anna Svensson, no customer type
    _start(store, "down", "enter", "|", *"växtälskare", "enter")
    person = _people(store)["P1"]
    assert (person["segment"], person["real_name"], person["role"]) == ("växtälskare", "Anna Svensson", "customer")


def test_escape_skips_the_question_and_still_starts(tmp_path: Path) -> None:
    store = build_study(tmp_path / "study")
    before = _people(store)["P1"]
    _start(store, "down", "enter", "|", "escape")
    assert _people(store)["P1"] == before
    _start(store, "enter", *"P8", "enter", "|", "escape")
    assert _people(store)["P8"]["segment"] == "" and StudyStore.open(store.path).find_interview("P8")


def test_a_customer_with_a_type_is_not_asked(tmp_path: Path) -> None:
    store = build_study(tmp_path / "study")
    _start(store, "down", "down", "enter", asked=False)  # P2, a first-time buyer
    assert _people(store)["P2"]["segment"] == "first-time buyer"


def test_still_to_interview_are_those_with_no_interview_at_all() -> None:
    from datetime import date

    from trodden.models.domain import Interview, InterviewStatus, Participant, Role
    from trodden.models.participants import still_to_interview

    people = [
        Participant(code="S9", role=Role.STAFF, team="lager"),
        Participant(code="P10", segment="växtälskare"),
        Participant(code="P2"),
        Participant(code="P1", segment="first-time buyer"),
        Participant(code="P3"),
    ]
    held = [
        Interview(id="2026-03-02-P1", participant="P1", date=date(2026, 3, 2)),
        Interview(id="2026-03-09-P3", participant="p3", date=date(2026, 3, 9), status=InterviewStatus.PLANNED),
    ]
    rows = still_to_interview(people, held)  # P3's planned interview is a row of its own already
    assert [(row.code, row.kind_text) for row in rows] == [("P2", ""), ("P10", "växtälskare"), ("S9", "lager")]


def test_the_overview_lists_who_is_left_and_c_starts_their_interview(tmp_path: Path) -> None:
    from trodden.models.domain import Participant
    from trodden.tui.study.screen import StudyScreen

    store = build_study(tmp_path / "study")
    store.update(lambda data: data.participants.append(Participant(code="P3", segment="plant lover")))
    shown: list[str] = []

    async def run() -> None:
        app = TroddenApp(StudyStore.open(store.path))
        async with app.run_test(size=(120, 30)) as pilot:
            await _loaded(app, pilot)
            screen = app.screen
            assert isinstance(screen, StudyScreen)
            table = screen.query_one("#interviews")
            await wait_until(pilot, lambda: table.row_count == len(screen.rows) + 1, "P3's row")
            shown.extend(str(cell) for cell in table.get_row("to-interview:P3"))
            await pilot.press(*["down"] * len(screen.rows))  # past the interviews, to P3
            await pilot.press("c")  # P3 has a type: capture opens without asking
            await wait_until(pilot, lambda: isinstance(app.screen, CaptureScreen), "capture to open")
            await pilot.press("ctrl+q")

    asyncio.run(run())
    assert shown[0:2] == ["P3", "plant lover"] and shown[3] == "planned"
    assert StudyStore.open(store.path).find_interview("P3").participant == "P3"
