"""Pilot tests of the map board: placing, merging, promoting, read-only following.

Each test checks the STORED map (read back from disk), not only the screen.
"""

from __future__ import annotations

import asyncio
import functools

import pytest
from waiting import wait_until

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.map.edit import reorder_item
from trodden.models.map.journey_map import Change, ItemKind, MapItem, Mark
from trodden.models.map.map_session import MapSession, read_map
from trodden.models.map.presence import Presence
from trodden.tui.app import TroddenApp
from trodden.tui.map.screen import MapScreen
from trodden.tui.widgets.dialogs import PickScreen

NOTES = {
    "P1": [
        "1|--* calls support about the invoice @phone",
        '1|"Nobody could tell me why." @phone',
        "2|++* unpacks the box",
    ],
    "P2": ["1|-* called support about an invoice @phone", "2|+* waters the plant"],
}


@pytest.fixture
def store(tmp_path):
    return build_study(tmp_path / "s", ["Finding a plant", "Getting it home"], NOTES)


def sync(test):
    """Run an async Pilot test on a fresh event loop (the suite has no asyncio plugin)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run


def app_for(store, **options) -> TroddenApp:
    return TroddenApp(store, start=lambda s: MapScreen(s, blink=False, **options))


async def loaded(pilot) -> MapScreen:
    def loaded_map() -> MapScreen | None:
        screen = pilot.app.screen
        return screen if isinstance(screen, MapScreen) and screen.loaded is not None else None

    screen = await wait_until(pilot, loaded_map, "the map screen to load")
    await pilot.pause()
    return screen


@sync
async def test_place_attach_and_quote(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        assert screen.inbox_widget.notes[0].text.startswith("calls support")
        await pilot.press("tab", "1")  # P1's invoice call -> phase 1
        await pilot.press("q")  # the next inbox note is P1's quote
        screen.flush_writes()
        stored = read_map(store.path)
        assert [(i.title, i.phase) for i in stored.items] == [("calls support about the invoice", "ph1")]
        assert len(stored.quotes) == 1 and stored.quotes[0].phase == "ph1"
        # the board's cursor sits on the new item: add P2's note to it with "a"
        note = screen.inbox_widget.notes[0]
        while not note.text.startswith("called support"):
            await pilot.press("down")
            note = screen.inbox_widget.note
        await pilot.press("a")
        screen.flush_writes()
        (item,) = read_map(store.path).items
        assert len(item.evidence) == 2
        assert screen.loaded.index.backing(item) == (2, 2)
        # the title says "saved" once the writer thread is done
        await wait_until(pilot, lambda: "saved" in str(screen.query_one("#map-saved").render()), "saved in the title")
        assert str(screen.query_one("#map-saved").render()) == "saved ✓"


@sync
async def test_merge_two_items(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("tab")
        first = screen.inbox_widget.note
        await pilot.press("1")  # first call -> item 1
        while not screen.inbox_widget.note.text.startswith("called support"):
            await pilot.press("down")
        await pilot.press("1")  # second call -> item 2, cursor on it
        await pilot.press("tab", "space", "up", "g")  # select item 2, move to item 1, merge
        screen.flush_writes()
        stored = read_map(store.path)
        assert len(stored.items) == 1
        (item,) = stored.items
        assert item.evidence[0] == first.id and len(item.evidence) == 2


@sync
async def test_promote_mark_and_hypothesis(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("tab", "1", "tab")  # place, back to the board (cursor on the item)
        await pilot.press("t")  # thundercloud
        await pilot.press("m")
        await pilot.press(*"help?")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*["pageup"] * 6, "n")  # back up to the touchpoints lane, write an item
        await pilot.press(*"Ask")
        await pilot.press("enter")
        await pilot.pause()
        screen.flush_writes()
        stored = read_map(store.path)
        moment = next(i for i in stored.items if i.kind is ItemKind.MOMENT)
        assert moment.design_question == "How might we help?"
        assert moment.mark is Mark.CLOUD and moment.evidence
        hypothesis = next(i for i in stored.items if i.title == "Ask")
        assert hypothesis.is_hypothesis


@sync
async def test_two_researchers_edit_at_once_and_see_each_other(store):
    """A screen and another researcher's session on one study: each sees the other's edit."""
    with MapSession(store.path, writable=True, who="XY") as other:
        app = app_for(store, follow_every=0.05, who="AB")
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await loaded(pilot)
            assert screen.readonly == ""
            other.apply(Change(items=(MapItem(id=1, phase="ph2", title="Hypothesis: asks a friend"),)))
            await wait_until(pilot, lambda: screen.journey.items, "the other's item on the board", step=0.02)
            # who changed it shows on the board (a light mark on its cell) and in its evidence view
            await wait_until(pilot, lambda: screen.board.others, "XY's mark on the item XY added", step=0.02)
            assert list(screen.board.others.values()) == [{1: "✎XY"}]
            screen.board.focus()
            await pilot.press("right", "enter")
            await wait_until(pilot, lambda: app.screen is not screen, "the item's evidence view")
            assert "last changed by XY" in str(app.screen.query_one("#item-summary").render())
            await pilot.press("escape", "left")
            await pilot.press("tab", "1")  # the screen places a note in phase 1 meanwhile
            assert screen.flush_writes(timeout=10)

            def both() -> bool:
                other.refresh()
                return len(other.load().items) == 2

            await wait_until(pilot, both, "the screen's item in the other's session", step=0.02)
            assert {i.title for i in screen.journey.items} == {i.title for i in other.load().items}
            assert other.stamps()["1"][0] == "XY"
            assert sorted(who for who, _ in other.stamps().values()) == ["AB", "XY"]
            # live cursors: the other's on its item shows as a mark on that cell, and ours reaches the other
            other.share_cursor(Presence("XY", "touchpoints", "ph2", 0, 1))

            def cursor_marks() -> list[str]:
                return [mark for marks in screen.board.others.values() for mark in marks.values() if mark == "XY"]

            await wait_until(pilot, cursor_marks, "the other's cursor on the board", step=0.02)
            (marks,) = screen.board.others.values()
            assert list(marks.values()) == ["XY"]  # the cursor's mark, over the lighter one of its change
            await pilot.press("tab", "right")
            await wait_until(pilot, lambda: [p.who for p in other.others()] == ["AB"], "our cursor in the other's")


@sync
async def test_a_watcher_changes_nothing(store):
    app = app_for(store, follow_every=0.05, watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        assert screen.readonly.startswith("Read-only")
        await pilot.press("tab", "1")
        assert screen.flush_writes(timeout=10)
        assert read_map(store.path).items == [] and not (store.path / "map").exists()


@sync
async def test_phases_edited_from_the_board(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("R", "ctrl+u", *"Växt", "enter")  # rename phase 1
        await pilot.press("A", *"Få", "enter")  # add a phase after it
        await pilot.press("greater_than_sign")  # move phase 1 one column right
        assert screen.flush_writes(timeout=10)
        await wait_until(pilot, lambda: len(screen.phases) == 3 and screen.phases[0].name == "Få", "the phase edits")
        names = [p.name for p in type(store).open(store.path).phases]
        assert names == ["Få", "Växt", "Getting it home"]
        assert [p.name for p in screen.phases] == names


@sync
async def test_open_from_the_overview_and_go_back(store):
    from trodden.tui.study.screen import StudyScreen

    app = TroddenApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, StudyScreen), "the study overview")
        await pilot.press("m")
        screen = await loaded(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        with MapSession(store.path, writable=True, who=screen.session.who) as again:  # its file was given back
            assert again.file.name == f"{screen.session.who}.updates"


@sync
async def test_take_a_note_off_an_item(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("tab", "1")  # place P1's invoice call
        while not screen.inbox_widget.note.text.startswith("called support"):
            await pilot.press("down")
        await pilot.press("a", "tab", "enter")  # add P2's, open the item
        await pilot.pause()
        await pilot.press("down", "x")
        await pilot.pause()
        screen.flush_writes()
        (item,) = read_map(store.path).items
        assert len(item.evidence) == 1
        assert any(n.text.startswith("called support") for n in screen.inbox_widget.notes)


@sync
async def test_a_corrupt_map_is_named_and_left_alone(store):
    (store.path / "map.json").write_text("{not json", encoding="utf-8")
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(
            pilot, lambda: "cannot be opened" in str(app.screen.query_one("#map-banner").render()), "the banner"
        )
        assert "map.json" in str(app.screen.query_one("#map-banner").render())
        await pilot.press("tab", "1")  # nothing to place into: no crash, nothing written
    assert (store.path / "map.json").read_text(encoding="utf-8") == "{not json"


@sync
async def test_checks_panel_jumps_to_the_hypothesis(store):
    from trodden.models.checks import run_checks
    from trodden.models.map.evidence import load_study_map

    with MapSession(store.path, writable=True) as session:
        session.apply(Change(items=(MapItem(id=7, phase="ph2", title="Hypothesis: asks a friend"),)))
    loaded_map = load_study_map(store)
    codes = [f.code for f in run_checks(loaded_map.data, loaded_map.interviews, loaded_map.index, loaded_map.journey)]
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, PickScreen), "the checks (run on a worker)")
        await pilot.press(*["down"] * codes.index("no-evidence"), "enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.current_item().id == 7
        assert screen.board.has_focus


@sync
async def test_undo_and_redo(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        first = screen.inbox_widget.note
        await pilot.press("tab", "1", "tab", "h")  # place, then mark it a heart
        await pilot.press("u")  # the heart goes
        screen.flush_writes()
        (item,) = read_map(store.path).items
        assert item.mark is None
        await pilot.press("ctrl+z")  # the placing goes (ctrl+z, as in clean and capture): the note is back
        screen.flush_writes()
        assert read_map(store.path).items == []
        assert first.id in {n.id for n in screen.inbox_widget.notes}
        await pilot.press("U")
        screen.flush_writes()
        assert [i.evidence for i in read_map(store.path).items] == [[first.id]]
        assert first.id not in {n.id for n in screen.inbox_widget.notes}


@sync
async def test_column_filter(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("right", "f")
        await pilot.pause()
        assert {n.phase for n in screen.inbox_widget.notes} == {"ph2"}
        await pilot.press("f")
        await pilot.pause()
        assert {n.phase for n in screen.inbox_widget.notes} == {"ph1", "ph2"}


@sync
async def test_a_write_that_fails_is_said_and_the_map_reloaded_as_stored(store, monkeypatch):
    from trodden.models.errors import StoreError

    def refuse(self, change) -> None:
        raise StoreError("the disk is full")

    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        said: list[str] = []
        status = screen.status
        monkeypatch.setattr(screen, "status", lambda message, style="": (said.append(message), status(message, style)))
        monkeypatch.setattr(MapSession, "apply", refuse)
        waiting = [note.id for note in screen.inbox_widget.notes]
        await pilot.press("tab", "1")  # placed on screen at once, refused by the writer thread
        assert screen.flush_writes(timeout=10)
        # the failure is reported, then the map is loaded again as stored
        await wait_until(pilot, lambda: not screen.journey.items and not screen.writer.busy, "the reload as stored")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Placed in Finding a plant" in said
        assert any(m.startswith("Not saved: the disk is full. Reloading") for m in said)
        assert screen.journey.items == [] and read_map(store.path).items == []
        assert [note.id for note in screen.inbox_widget.notes] == waiting  # the note is back where it was
        assert str(screen.query_one("#map-saved").render()) == "saved ✓"
        # the reload takes the note off the board: the line still says why, not the study's counts
        shown = str(screen.query_one("#map-status").render())
        assert shown == "Not saved: the disk is full. The map shows what is stored."


@sync
async def test_words_typed_for_an_edit_the_disk_refused_are_asked_for_again(store, monkeypatch):
    import errno

    from textual.widgets import Input

    from trodden.models.errors import WriteFailed
    from trodden.models.map.update_files import OwnFile
    from trodden.tui.widgets.dialogs import PromptScreen

    def refuse(self, *_args) -> None:  # as a full disk does: the session is broken after it
        raise WriteFailed(self.path, OSError(errno.ENOSPC, "No space left on device"))

    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("tab", "1", "tab")  # an item on the board, stored
        assert screen.flush_writes(timeout=10)
        await pilot.pause()
        title = screen.current_item().title
        monkeypatch.setattr(OwnFile, "append", refuse)
        await pilot.press("r", "ctrl+u", *"Leveransen [b]dröjde[/b]", "enter")
        assert screen.flush_writes(timeout=10)
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen), "the rename asked again")
        assert app.screen.query_one(Input).value == "Leveransen [b]dröjde[/b]"  # what was typed, not lost
        assert "No space left on device" in str(app.screen.query_one("#prompt-hint").render())  # and why
        said = str(screen.query_one("#map-status").render())
        assert said.startswith("Not saved: could not save to") and "What you typed is back in the prompt" in said
        assert read_map(store.path).items[0].title == title
        monkeypatch.undo()  # room on the disk again: enter stores it
        await pilot.press("enter")
        assert screen.flush_writes(timeout=10)
        assert read_map(store.path).items[0].title == "Leveransen [b]dröjde[/b]"
        # a phase name the disk refuses is asked for again too
        monkeypatch.setattr(OwnFile, "append", refuse)
        await pilot.press("R", "ctrl+u", *"Hämta växten", "enter")
        assert screen.flush_writes(timeout=10)
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen), "the phase name asked again")
        assert app.screen.query_one(Input).value == "Hämta växten"
        monkeypatch.undo()
        await pilot.press("enter")  # stored, in the session the reload opened
        assert screen.flush_writes(timeout=10)
        assert "Hämta växten" in [phase.name for phase in type(store).open(store.path).phases]


@sync
async def test_words_typed_are_shown_again_even_when_the_map_cannot_be_read_back(store, monkeypatch):
    from textual.widgets import Input

    from trodden.models.errors import StoreError
    from trodden.tui.map import loading
    from trodden.tui.widgets.dialogs import PromptScreen

    def refuse(*_args, **_kwargs) -> None:
        raise StoreError("the disk is full")

    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("tab", "1", "tab")
        assert screen.flush_writes(timeout=10)
        monkeypatch.setattr(MapSession, "apply", refuse)
        monkeypatch.setattr(loading, "open_map", refuse)  # the reload fails too
        await pilot.press("r", "ctrl+u", *"Leveransen dröjde", "enter")
        assert screen.flush_writes(timeout=10)
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen), "the rename asked again")
        assert app.screen.query_one(Input).value == "Leveransen dröjde"


@sync
async def test_phase_edits_are_stored_in_the_order_they_were_made(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        for name in ("One", "Two", "Three"):  # three renames in a row, faster than the disk
            await pilot.press("R", "ctrl+u", *name, "enter")
        assert screen.flush_writes(timeout=10)  # phase edits too: a reload (F5) reads them back
        assert type(store).open(store.path).phases[0].name == "Three"
        await wait_until(pilot, lambda: screen.phases[0].name == "Three", "the last rename on screen")
        assert screen.phases[0].name == "Three"


@sync
async def test_what_changed_lists_two_moves_at_once_and_enter_takes_the_other_side(store):
    item = MapItem(id=1, phase="ph1", title="Asks a friend")
    with MapSession(store.path, writable=True, who="AB") as ab, MapSession(store.path, writable=True, who="XY") as xy:
        ab.apply(Change(items=(item,)))
        xy.refresh()
        ab.apply(Change(items=(item.model_copy(update={"phase": "ph2"}),)))
        xy.apply(Change(items=(item.model_copy(update={"phase": None}),)))  # neither saw the other's move
    kept = read_map(store.path).items[0].phase
    app = app_for(store, who="CD")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        assert "w shows what changed" in str(screen.query_one("#map-status").render())
        await pilot.press("w")
        await wait_until(pilot, lambda: app.screen is not screen, "the what-changed panel")
        assert "at the same time" in str(app.screen.query_one("OptionList").get_option_at_index(0).prompt)
        await pilot.press("enter")
        assert screen.flush_writes(timeout=10)
        (stored,) = read_map(store.path).items
        assert stored.phase != kept and stored.phase in ("ph2", None)
        assert screen.session.conflicts() == []


@sync
async def test_two_boards_on_one_folder_each_see_the_others_edit(store):
    """Two Pilot apps (two researchers' screens) on one study folder."""
    first, second = app_for(store, follow_every=0.05, who="AB"), app_for(store, follow_every=0.05, who="CD")
    async with first.run_test(size=(120, 40)) as one, second.run_test(size=(120, 40)) as two:
        ab, cd = await loaded(one), await loaded(two)
        await one.press("tab", "1")  # AB places the first note in phase 1
        assert ab.flush_writes(timeout=10)
        await wait_until(two, lambda: len(cd.journey.items) + len(cd.journey.quotes) == 1, "AB's edit on CD's board")
        await two.press("tab", "down", "2")  # CD places another note in phase 2
        assert cd.flush_writes(timeout=10)
        await wait_until(one, lambda: len(ab.journey.items) + len(ab.journey.quotes) == 2, "CD's edit on AB's board")
        assert ab.journey.items == cd.journey.items and ab.journey.quotes == cd.journey.quotes


@sync
async def test_what_changed_lists_two_reorders_at_once(store):
    cell = [MapItem(id=n, phase="ph1", order=n, title=f"Idea {n}") for n in (1, 2, 3)]
    with MapSession(store.path, writable=True, who="AB") as ab, MapSession(store.path, writable=True, who="XY") as xy:
        ab.apply(Change(items=tuple(cell)))
        xy.refresh()
        ab.apply(reorder_item(ab.load(), 2, -1))
        xy.apply(reorder_item(xy.load(), 2, 1))  # neither saw the other's
    async with app_for(store, who="CD").run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("w")
        await wait_until(pilot, lambda: pilot.app.screen is not screen, "the what-changed panel")
        assert "reordered it at the same time" in str(
            pilot.app.screen.query_one("OptionList").get_option_at_index(0).prompt
        )
        await pilot.press("enter")
        assert screen.flush_writes(timeout=10)
        assert sorted(i.order for i in read_map(store.path).items) == [1, 2, 3] and screen.session.conflicts() == []
