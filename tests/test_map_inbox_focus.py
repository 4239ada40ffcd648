"""Keys act on the focused panel's note or item (m in the inbox promotes the inbox's note), and
notes without a marker reach the inbox through the plain-notes filter (on for cleaned interviews).

Each test checks the stored map or what the inbox lists."""

from __future__ import annotations

from test_map_screen import app_for, loaded, sync

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.domain import InterviewStatus
from trodden.models.map.evidence import inbox, load_study_map
from trodden.models.map.inbox_filter import next_plain_mode, plain_interviews
from trodden.models.map.journey_map import ItemKind, JourneyMap
from trodden.models.map.map_session import read_map

PHASES = ["Finding a plant", "Getting it home"]
NOTES = {
    "P1": ["1|-* calls support about the invoice @phone", "2|the box was wet on arrival", "2|*+ unpacks the box"],
    "P2": ["1|-* called support about an invoice @phone"],
}


@sync
async def test_m_in_the_inbox_promotes_the_inbox_note_not_the_board_item(tmp_path):
    store = build_study(tmp_path / "s", PHASES, NOTES)
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("tab", "1")  # P1's invoice call placed on the board as a touchpoint
        screen.flush_writes()
        board_item = read_map(store.path).items[0]
        screen.inbox_widget.focus()
        await pilot.pause()
        note = screen.inbox_widget.note
        assert note is not None and note.id not in board_item.evidence
        await pilot.press("m")
        await pilot.pause()
        for key in "fewer surprises":
            await pilot.press("space" if key == " " else key)
        await pilot.press("enter")
        await pilot.pause()
        screen.flush_writes()
        stored = read_map(store.path)
    untouched = next(i for i in stored.items if i.id == board_item.id)
    assert untouched.kind is ItemKind.TOUCHPOINT and not untouched.design_question
    moment = next(i for i in stored.items if note.id in i.evidence)
    assert moment.kind is ItemKind.MOMENT and moment.design_question == "How might we fewer surprises"
    assert moment.phase == (note.phase or "ph1")


@sync
async def test_an_item_key_in_the_inbox_leaves_the_board_item_alone(tmp_path):
    store = build_study(tmp_path / "s", PHASES, NOTES)
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("tab", "1")
        screen.inbox_widget.focus()
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        screen.flush_writes()
        assert read_map(store.path).items[0].mark is None
        assert "tab to the board" in str(screen.query_one("#map-status").render())


def test_plain_notes_reach_the_inbox_from_cleaned_interviews_by_default(tmp_path):
    cleaned = build_study(tmp_path / "c", PHASES, NOTES)
    live = build_study(tmp_path / "l", PHASES, NOTES, status=InterviewStatus.LIVE)
    for store, shown in ((cleaned, True), (live, False)):
        loaded_map = load_study_map(store, JourneyMap())
        plain = plain_interviews(loaded_map.interviews, "cleaned")
        texts = [n.text for n in inbox(loaded_map.index, JourneyMap(), plain)]
        assert ("the box was wet on arrival" in texts) is shown
        assert "unpacks the box" in texts
    assert [next_plain_mode(m) for m in ("cleaned", "all", "none")] == ["all", "none", "cleaned"]


@sync
async def test_shift_p_toggles_the_plain_notes_in_the_inbox(tmp_path):
    store = build_study(tmp_path / "s", PHASES, NOTES)
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)

        def texts() -> list[str]:
            return [n.text for n in screen.inbox_widget.notes]

        assert "the box was wet on arrival" in texts()  # cleaned: on by default
        await pilot.press("P")  # all interviews
        assert "the box was wet on arrival" in texts()
        await pilot.press("P")  # marked notes only
        assert "the box was wet on arrival" not in texts() and "unpacks the box" in texts()
        assert "marked notes only" in str(screen.query_one("#map-status").render())
        await pilot.press("P")
        assert "the box was wet on arrival" in texts()
