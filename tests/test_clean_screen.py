"""The clean screen driven by keys; every check reads the notes back from disk."""

from __future__ import annotations

import asyncio
import functools
from datetime import datetime

from textual.widgets import Input
from waiting import wait_until

from trodden.models.domain import InterviewStatus, Kind
from trodden.models.notes.cleaning import line_of
from trodden.tui.app import TroddenApp
from trodden.tui.clean.notes_view import NotesView
from trodden.tui.clean.screen import CleanScreen

try:
    from ._clean_study import build_study, stored_notes
except ImportError:
    from _clean_study import build_study, stored_notes

CLOCK = datetime(2026, 3, 5, 12, 0)


def run_async(test):
    """Run an async Pilot test on a fresh event loop (the suite has no asyncio plugin)."""

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper


def make_app(tmp_path):
    store, interview_id = build_study(tmp_path / "study")
    app = TroddenApp(store, start=lambda s: CleanScreen(s, interview_id, clock=lambda: CLOCK, blink=False))
    return app, tmp_path / "study", interview_id


async def loaded(pilot) -> CleanScreen:
    async def clean_screen_with_rows() -> CleanScreen | None:
        await pilot.pause()  # at least one pass, loaded or not: the snapshot counts on it
        screen = pilot.app.screen
        return screen if isinstance(screen, CleanScreen) and screen.rows else None

    return await wait_until(pilot, clean_screen_with_rows, "the clean screen to load its notes")


async def settle(pilot) -> None:
    """Wait for the load worker and every queued write, then for the messages they posted."""
    await pilot.app.workers.wait_for_complete()
    for screen in pilot.app.screen_stack:
        if isinstance(screen, CleanScreen):
            assert screen.writer.wait_idle(10), "the clean screen's writes never finished"
    await pilot.pause()


async def go_to(pilot, screen: CleanScreen, seq: int) -> None:
    screen.query_one(NotesView).move_cursor(row=screen.rows.index(seq))
    await pilot.pause()


@run_async
async def test_kinds_feeling_verbatim_and_undo_are_stored(tmp_path):
    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await loaded(pilot)
        await go_to(pilot, screen, 3)
        await pilot.press("quotation_mark", "plus", "exclamation_mark")
        await go_to(pilot, screen, 2)
        await pilot.press("v")
        await settle(pilot)
        notes, _ = stored_notes(path, interview_id)
        by_seq = {note.seq: note for note in notes}
        assert by_seq[3].kinds == [Kind.QUOTE, Kind.TOUCHPOINT, Kind.MOMENT]
        assert by_seq[3].valence == 1
        assert by_seq[3].raw == "* hittade butiken via grannen #word-of-mouth"
        assert by_seq[2].checked

        await pilot.press("ctrl+z", "ctrl+z")  # verbatim, then the moment
        await settle(pilot)
        by_seq = {note.seq: note for note in stored_notes(path, interview_id)[0]}
        assert not by_seq[2].checked
        assert by_seq[3].kinds == [Kind.QUOTE, Kind.TOUCHPOINT]


@run_async
async def test_edit_merge_split_delete_and_undo(tmp_path):
    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await loaded(pilot)
        await go_to(pilot, screen, 7)
        await pilot.press("enter")
        editor = screen.query_one("#editor", Input)
        assert editor.has_focus
        editor.value = "% lagret byter affärssystem @intern"
        await pilot.press("enter")
        await settle(pilot)
        edited = {n.seq: n for n in stored_notes(path, interview_id)[0]}[7]
        assert edited.text == "lagret byter affärssystem @intern"
        assert edited.channels == ["intern"]
        assert [r.raw for r in edited.history] == ["% lagret byter system", "% lagret byter affärssystem @intern"]

        await go_to(pilot, screen, 3)
        await pilot.press("j")  # join note 4 onto 3
        await settle(pilot)
        notes = {n.seq: n for n in stored_notes(path, interview_id)[0]}
        assert notes[3].text == "hittade butiken via grannen #word-of-mouth leveransen kom aldrig @web"
        assert notes[4].deleted and notes[3].valence == -2

        await pilot.press("s")
        assert editor.has_focus
        editor.cursor_position = editor.value.index("leveransen")
        await pilot.press("enter")
        await settle(pilot)
        notes = {n.seq: n for n in stored_notes(path, interview_id)[0]}
        assert notes[3].text == "hittade butiken via grannen #word-of-mouth"
        assert notes[8].text == "leveransen kom aldrig @web" and notes[8].channels == ["web"]
        assert screen.selected_seq() == 8
        assert editor.value == line_of(notes[8])  # the editor follows the selection after a split

        await pilot.press("d")
        await settle(pilot)
        assert {n.seq: n for n in stored_notes(path, interview_id)[0]}[8].deleted
        assert 8 not in screen.rows

        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")  # delete, split, join
        await settle(pilot)
        notes = {n.seq: n for n in stored_notes(path, interview_id)[0]}
        assert notes[3].text == "hittade butiken via grannen #word-of-mouth"
        assert not notes[4].deleted and notes[8].deleted
        assert notes[7].text == "lagret byter affärssystem @intern"  # older step kept


@run_async
async def test_escape_cancels_an_edit_without_saving(tmp_path):
    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("e")
        screen.query_one("#editor", Input).value = "something else"
        await pilot.press("escape")
        await settle(pilot)
        assert screen.query_one(NotesView).has_focus
        assert {n.seq: n for n in stored_notes(path, interview_id)[0]}[1].text.startswith("Intro")


@run_async
async def test_theme_and_phase_pickers(tmp_path):
    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await loaded(pilot)
        await go_to(pilot, screen, 1)
        await pilot.press("t", "down", "down", "enter")  # (none), Inspiration, Köpet
        await pilot.press("p", "down", "down", "enter")  # (none), Inspiration, Köpa
        await settle(pilot)
        first = {n.seq: n for n in stored_notes(path, interview_id)[0]}[1]
        assert (first.theme, first.phase) == ("th2", "ph2")
        await pilot.press("t", "home", "enter")
        await settle(pilot)
        assert {n.seq: n for n in stored_notes(path, interview_id)[0]}[1].theme is None


@run_async
async def test_mark_cleaned_and_export_from_the_screen(tmp_path):
    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert stored_notes(path, interview_id)[1].status is InterviewStatus.CLEANED
        await pilot.press("ctrl+e")
        await settle(pilot)
    exported = path / "exports" / f"{interview_id}-notes.md"
    text = exported.read_text(encoding="utf-8")
    assert "Anna" not in text and "070" not in text and "[e-mail" in text.replace("\\", "")


@run_async
async def test_every_clean_action_is_in_the_palette_and_help(tmp_path):
    from trodden.tui.actions import REGISTRY

    app, _, _ = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await loaded(pilot)
        titles = {command.title for command in app.get_system_commands(screen)}
        assert {action.description for action in REGISTRY["clean"]} <= titles
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"


def test_snapshot_of_the_clean_screen(snap_compare, tmp_path):
    app, _, _ = make_app(tmp_path)

    async def run_before(pilot) -> None:
        await loaded(pilot)
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 30), run_before=run_before)


@run_async
async def test_open_from_the_study_overview_and_come_back_cleaned(tmp_path):
    from trodden.tui.study.screen import StudyScreen

    store, interview_id = build_study(tmp_path / "study")
    app = TroddenApp(store)
    async with app.run_test(size=(120, 35)) as pilot:
        await wait_until(
            pilot, lambda: isinstance(app.screen, StudyScreen) and app.screen.rows, "the interviews listed"
        )
        await pilot.press("e")
        screen = await loaded(pilot)
        assert screen.interview_id == interview_id
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("escape")
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, StudyScreen) and app.screen.rows[0].interview.status is InterviewStatus.CLEANED
            ),
            "the overview to show the interview cleaned",
        )
        assert isinstance(app.screen, StudyScreen)
        assert app.screen.rows[0].interview.status is InterviewStatus.CLEANED
    assert stored_notes(tmp_path / "study", interview_id)[1].status is InterviewStatus.CLEANED


@run_async
async def test_read_only_when_another_writer_holds_the_interview(tmp_path):
    app, path, interview_id = make_app(tmp_path)
    holder = app.store.open_interview(interview_id)  # e.g. the capture screen still open
    try:
        async with app.run_test(size=(120, 35)) as pilot:
            screen = await loaded(pilot)
            assert not screen.session.writable
            await pilot.press("quotation_mark", "j", "c")
            await settle(pilot)
            assert "read-only" in str(screen.query_one("#message").render())
    finally:
        holder.close()
    notes, interview = stored_notes(path, interview_id)
    assert notes[0].kinds == [] and not notes[1].deleted and interview.status is InterviewStatus.DONE


@run_async
async def test_set_real_name_and_terms_from_the_screen(tmp_path):
    from trodden.models.storage.store import StudyStore

    app, path, _ = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await loaded(pilot)
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#real-name", Input).value = "Anna  Ek"
        app.screen.query_one("#terms", Input).value = "ICA Maxi, Malin,, malin , Täby"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.redactor.redact("Anna Ek, Malin och Täby") == "[name], [redacted] och [redacted]"
    data = StudyStore.open(path).data
    assert data.participant("P1").real_name == "Anna Ek"
    assert data.redaction_terms == ["ICA Maxi", "Malin", "Täby"]


@run_async
async def test_an_undo_pressed_at_once_never_overtakes_its_step(tmp_path):
    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await loaded(pilot)
        await go_to(pilot, screen, 3)
        before = {n.seq: n for n in stored_notes(path, interview_id)[0]}[3]
        await pilot.press("exclamation_mark", "ctrl+z", "plus", "plus", "ctrl+z", "j", "ctrl+z")
        await settle(pilot)
        by_seq = {n.seq: n for n in stored_notes(path, interview_id)[0]}
        assert by_seq[3].kinds == before.kinds
        assert by_seq[3].valence == 1  # two hearts, one undone
        assert by_seq[3].text == before.text and not by_seq[4].deleted
        assert screen.state.notes[3] == by_seq[3]


@run_async
async def test_a_failed_write_says_not_saved_and_shows_what_is_on_disk(tmp_path):
    from trodden.models.errors import StoreError

    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await loaded(pilot)
        await go_to(pilot, screen, 3)

        def full_disk(notes) -> None:
            raise StoreError("the disk is full")

        screen.session.save_notes = full_disk
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert str(screen.query_one("#message").render()) == "NOT saved: the disk is full"
        on_disk = {n.seq: n for n in stored_notes(path, interview_id)[0]}[3]
        assert Kind.MOMENT not in on_disk.kinds
        assert screen.state.notes[3] == on_disk


@run_async
async def test_a_damaged_journal_opens_read_only_with_the_other_notes(tmp_path):
    """A complete bad journal line: the screen names it, shows every other note, and writes nothing."""
    from conftest import snapshot_files

    from trodden.models.storage.store import StudyStore

    app, path, interview_id = make_app(tmp_path)
    with StudyStore.open(path).open_interview(interview_id, writable=False) as reader:
        count = len(reader.notes(include_deleted=True))
    folder = path / "interviews" / interview_id
    journal = folder / "notes.journal.9"
    journal.write_bytes(b'{"t":"notes","id":99,"doc":{"text":"half\xc3\n')  # complete line, not a record
    before = snapshot_files(path)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await loaded(pilot)
        await settle(pilot)
        message = str(screen.query_one("#message").render())
        assert "read-only" in message and "notes.journal.9" in message and "line 1" in message
        assert len(screen.rows) == count
        await pilot.press("asterisk")  # a change is refused, not written around the damage
        await settle(pilot)
    assert snapshot_files(path) == before


@run_async
async def test_an_edit_the_disk_refused_is_given_back_to_the_editor(tmp_path):
    from trodden.models.errors import StoreError

    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await loaded(pilot)
        await go_to(pilot, screen, 3)
        saved = screen.session.save_notes

        def full_disk(notes) -> None:
            raise StoreError("the disk is full")

        screen.session.save_notes = full_disk
        await pilot.press("e", "end", *" och sen blev det bättre", "enter")
        await settle(pilot)
        typed = line_of({n.seq: n for n in stored_notes(path, interview_id)[0]}[3]) + " och sen blev det bättre"
        editor = screen.query_one("#editor", Input)
        assert "NOT saved: the disk is full. Your edit is back" in str(screen.query_one("#message").render())
        assert editor.value == typed and editor.has_focus and screen.selected_seq() == 3  # the words, not lost
        screen.session.save_notes = saved  # room on the disk again: enter saves them
        await pilot.press("enter")
        await settle(pilot)
        assert line_of({n.seq: n for n in stored_notes(path, interview_id)[0]}[3]) == typed


@run_async
async def test_a_short_terminal_keeps_notes_in_the_list(tmp_path):
    """At 50x14 the detail's 6 to 8 rows left the notes list only its header: a shorter detail there."""
    app, _, _ = make_app(tmp_path)
    async with app.run_test(size=(50, 14)) as pilot:
        screen = await loaded(pilot)
        await pilot.pause()
        notes = screen.query_one("#notes", NotesView)
        assert len(screen.rows) >= 2 and notes.scrollable_content_region.height >= 3  # header and 2 notes
        await pilot.resize_terminal(80, 24)
        assert screen.query_one("#detail").outer_size.height >= 6  # a tall terminal keeps the roomy detail
