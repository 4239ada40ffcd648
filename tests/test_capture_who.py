"""Capture's start asks who a customer with no type is (the capture command without --segment/--staff)."""

from __future__ import annotations

import json

from test_capture_support import FakeClock, make_study, pilot_test, settle, type_line
from waiting import wait_until

from trodden.models.domain import Participant, Role
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.capture.screen import CaptureScreen
from trodden.tui.capture.session import open_capture
from trodden.tui.settings.person import PersonDialog


def _study(tmp_path) -> StudyStore:
    store = make_study(tmp_path / "s")
    store.update(
        lambda data: data.participants.extend(
            [Participant(code="P1", segment="växtälskare"), Participant(code="S1", role=Role.STAFF)]
        )
    )
    return store


def _people(store: StudyStore) -> dict[str, dict]:
    data = json.loads((store.path / "study.json").read_text(encoding="utf-8"))
    return {person["code"]: person for person in data["participants"]}


def _app(store: StudyStore, participant: str):
    source = open_capture(store, participant=participant, clock=FakeClock())
    return TroddenApp(store, start=lambda _s: CaptureScreen(source, blink=False, ask_who=True)), source


def _notes(store: StudyStore, code: str) -> list[str]:
    with store.open_interview(store.find_interview(code).id, writable=False) as session:
        return [note.text for note in session.notes()]


@pilot_test
async def test_a_new_participant_is_asked_and_the_answer_stored(tmp_path) -> None:
    store = _study(tmp_path)
    app, source = _app(store, "P9")
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, PersonDialog), "who is P9?")
            await pilot.press(*"VÄXT", "right", "enter")  # the study's spelling, suggested in any case
            screen = await wait_until(pilot, lambda: isinstance(app.screen, CaptureScreen) and app.screen, "capture")
            await wait_until(pilot, lambda: _people(store)["P9"]["segment"] == "växtälskare", "the stored type")
            said = lambda: "P9: växtälskare" in str(screen.query_one("#capture-message").render())  # noqa: E731
            await wait_until(pilot, said, "the answer confirmed")
            await type_line(pilot, "första anteckningen")
    finally:
        source.close()
    assert _people(store)["P9"]["role"] == "customer"
    assert _notes(store, "P9") == ["första anteckningen"]


@pilot_test
async def test_escape_skips_and_the_note_taker_types_on(tmp_path) -> None:
    store = _study(tmp_path)
    app, source = _app(store, "P9")
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, PersonDialog), "who is P9?")
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, CaptureScreen), "capture")
            await pilot.press(*"hej", "enter")  # the focus is back in the note input
            await settle(pilot)
    finally:
        source.close()
    assert _people(store)["P9"]["segment"] == "" and _notes(store, "P9") == ["hej"]


@pilot_test
async def test_typed_customers_staff_and_resumed_interviews_are_not_asked(tmp_path) -> None:
    store = _study(tmp_path)
    for code in ("P1", "S1", "P9", "P9"):  # P9 twice: the second time the interview has a note
        app, source = _app(store, code)
        try:
            async with app.run_test(size=(100, 30)) as pilot:
                await wait_until(pilot, lambda: isinstance(pilot.app.screen, CaptureScreen | PersonDialog), "capture")
                await pilot.pause()
                if code == "P9" and not _notes(store, "P9"):
                    assert isinstance(app.screen, PersonDialog)
                    await pilot.press("escape")
                    await type_line(pilot, "en anteckning")
                    continue
                assert isinstance(app.screen, CaptureScreen), code
        finally:
            source.close()
    assert _people(store)["P9"]["segment"] == ""
