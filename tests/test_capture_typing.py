"""Typing notes in the capture syntax: what is STORED (reopened from disk), and what is shown."""

from __future__ import annotations

from test_capture_support import FakeClock, capture_app, make_study, pilot_test, settle, type_line, until

from trodden.models.domain import Kind
from trodden.models.errors import WriteFailed
from trodden.models.storage.store import StudyStore
from trodden.tui.capture.notes_log import NotesLog


def stored(path, interview_id):
    with StudyStore.open(path).open_interview(interview_id, writable=False) as session:
        return session.notes(include_deleted=True), session.events(), session.interview


@pilot_test
async def test_notes_are_stored_with_kinds_feelings_channels_tags_theme_phase_and_time(tmp_path):
    store = make_study(tmp_path / "s")
    clock = FakeClock()
    app, source = capture_app(store, clock, interviewer="AB", note_taker="CD")
    interview_id = source.session.interview.id
    async with app.run_test(size=(120, 30)) as pilot:
        clock.advance(65)
        # typed key by key, like a note-taker
        await pilot.press(*"*- @telefon on hold for 40 minutes #kö")
        await pilot.press("enter")
        await settle(pilot)
        clock.advance(10)
        await type_line(pilot, "/theme 2")
        await type_line(pilot, "/phase sea")
        clock.advance(5)
        await type_line(pilot, '++"Det var helt fantastiskt" @butik')
        await type_line(pilot, "!%? who approves refunds #policy")
        await type_line(pilot, "\\* not a touchpoint")
        assert pilot.app.screen.query_one(NotesLog).count == 4
    notes, events, interview = stored(tmp_path / "s", interview_id)
    assert interview.interviewer == "AB" and interview.note_taker == "CD"
    assert [(e.kind, e.value, e.by) for e in events] == [("theme", "th2", "notes"), ("phase", "ph2", "notes")]
    first, quote, backstage, plain = notes
    assert first.kinds == [Kind.TOUCHPOINT] and first.valence == -1
    assert first.channels == ["telefon"] and first.tags == ["kö"]
    assert first.t == 65 and first.theme is None and first.phase is None
    assert first.raw == "*- @telefon on hold for 40 minutes #kö"
    assert quote.kinds == [Kind.QUOTE] and quote.valence == 2 and quote.text == "Det var helt fantastiskt"
    assert quote.channels == ["butik"] and quote.theme == "th2" and quote.phase == "ph2" and quote.t == 80
    assert backstage.kinds == [Kind.MOMENT, Kind.BACKSTAGE, Kind.QUESTION] and backstage.tags == ["policy"]
    assert plain.kinds == [] and plain.text == "* not a touchpoint"
    source.close()


@pilot_test
async def test_bad_input_is_stored_and_shown_literally_and_nothing_is_lost(tmp_path):
    store = make_study(tmp_path / "s")
    clock = FakeClock()
    app, source = capture_app(store, clock)
    interview_id = source.session.interview.id
    long_note = "å" * 5000 + "ø" * 5000
    async with app.run_test(size=(100, 30)) as pilot:
        screen = pilot.app.screen
        await type_line(pilot, "[red]x[/red] and [bold]fet[/]")
        await type_line(pilot, "escape \x1b[31mred\x1b[0m here")
        await type_line(pilot, "   ")
        await type_line(pilot, "")
        await type_line(pilot, long_note)
        await type_line(pilot, "emoji 🌱🏡 and æøå ÆØÅ äö")
        log = screen.query_one(NotesLog)
        assert log.count == 4
        shown = "\n".join(log.rendered_lines())
        assert "[red]x[/red] and [bold]fet[/]" in shown
        assert "\x1b" not in shown and "␛[31mred␛[0m" in shown
        assert "emoji 🌱🏡 and æøå ÆØÅ äö" in shown
        assert shown.count("å") == 5000 + 1 and shown.count("ø") == 5000 + 1
        assert log.virtual_size.height > 100  # the 10,000-character note wraps, nothing cut
    notes, _, _ = stored(tmp_path / "s", interview_id)
    assert [n.text for n in notes] == [
        "[red]x[/red] and [bold]fet[/]",
        "escape \x1b[31mred\x1b[0m here",
        long_note,
        "emoji 🌱🏡 and æøå ÆØÅ äö",
    ]
    source.close()


@pilot_test
async def test_unknown_commands_and_themes_keep_the_text(tmp_path):
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        await type_line(pilot, "/frobnicate now")
        assert screen.input.value == "/frobnicate now"
        assert "Unknown command /frobnicate" in str(screen.query_one("#capture-message").render())
        await type_line(pilot, "/theme 9")
        assert screen.input.value == "/theme 9"
        assert "1 Background, 2 Finding plants, 3 Delivery" in str(screen.query_one("#capture-message").render())
        assert screen.query_one(NotesLog).count == 0
        assert source.session.events() == []
    source.close()


@pilot_test
async def test_pause_resume_end_and_the_clock(tmp_path):
    store = make_study(tmp_path / "s")
    clock = FakeClock()
    app, source = capture_app(store, clock)
    interview_id = source.session.interview.id
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        clock.advance(30)
        await type_line(pilot, "/pause")
        clock.advance(600)
        screen.refresh_header()
        assert "00:30 paused" in screen.header().plain
        await type_line(pilot, "noted during the pause")
        await type_line(pilot, "/resume")
        clock.advance(15)
        await type_line(pilot, "after the pause")
        await type_line(pilot, "/end")
        assert "00:45 ended" in screen.header().plain
    notes, _, interview = stored(tmp_path / "s", interview_id)
    assert [n.t for n in notes] == [30, 45]
    assert interview.status == "done" and len(interview.pauses) == 1
    source.close()


@pilot_test
async def test_channel_and_tag_completion_from_the_study(tmp_path):
    store = make_study(tmp_path / "s")
    other = store.new_interview("P9")
    from trodden.models.notes.syntax import parse

    with store.open_interview(other.id) as session:
        session.add_note(parse("* called @telefonsupport about #förpackning"))
    app, source = capture_app(store, FakeClock())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        # the study's words are read shortly after opening
        await until(pilot, lambda: "telefonsupport" in screen.suggester.channels, "the study's words are read")
        await pilot.press(*"hon ringde @tele")
        await pilot.press("tab")
        assert screen.input.value == "hon ringde @telefonsupport "
        await pilot.press(*"om #förp")
        await pilot.press("tab")
        await pilot.press("enter")
        await settle(pilot)
    notes, _, _ = stored(tmp_path / "s", source.session.interview.id)
    assert notes[0].channels == ["telefonsupport"] and notes[0].tags == ["förpackning"]
    source.close()


@pilot_test
async def test_a_full_disk_keeps_the_note_in_the_input_with_a_clear_message(tmp_path):
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    interview_id = source.session.interview.id
    db = source.session.db
    real_write = db.write

    def full_disk(ops):
        raise WriteFailed(db.folder / "notes.journal.1", OSError(28, "No space left on device"))

    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        await type_line(pilot, "saved before the disk filled")
        db.write = full_disk
        await type_line(pilot, "*- @telefon this one cannot be saved")
        assert screen.input.value == ""  # never put back where the next line is being typed
        message = str(screen.query_one("#capture-message").render())
        assert "NOT SAVED" in message and "No space left on device" in message
        assert "1 line waiting: “*- @telefon this one cannot be saved”" in message
        assert "✗ not saved" in screen.header().plain
        assert [note.text for note in screen.query_one(NotesLog).notes] == ["saved before the disk filled"]
        db.write = real_write  # space freed: Enter again saves it
        await pilot.press("enter")
        await settle(pilot)
        assert screen.input.value == "" and "✓ saved" in screen.header().plain
    notes, _, _ = stored(tmp_path / "s", interview_id)
    assert [note.text for note in notes] == ["saved before the disk filled", "@telefon this one cannot be saved"]


@pilot_test
async def test_the_header_says_saved_once_every_save_is_answered_even_if_the_writer_is_still_busy(tmp_path):
    """Under load the writer thread can be paused between posting a note's reply and going idle.
    The header once asked the thread whether it was busy, and then stayed at "… saving"."""
    import threading

    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    on_disk, release = threading.Event(), threading.Event()
    add_note = source.session.add_note

    def held_add_note(*args, **kwargs):
        on_disk.wait(timeout=10)
        return add_note(*args, **kwargs)

    source.session.add_note = held_add_note
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        screen.input.value = "a note"
        await pilot.press("enter")
        screen.writer.submit(lambda: release.wait(timeout=10) and None)  # holds the thread after the note
        on_disk.set()
        await until(pilot, lambda: screen.query_one(NotesLog).count == 1, "the note is shown")
        assert screen.writer.busy and not screen.saving
        assert "✓ saved" in screen.header().plain
        release.set()
        screen.writer.wait_idle(timeout=10)
    source.close()


@pilot_test
async def test_a_note_typed_before_its_theme_change_is_on_disk_still_carries_it(tmp_path):
    """A fast typist: /theme and the next note are both submitted before the disk has
    acknowledged the theme change (held back here), and the note must carry the new theme."""
    import threading

    store = make_study(tmp_path / "s")
    clock = FakeClock()
    app, source = capture_app(store, clock)
    interview_id = source.session.interview.id
    release = threading.Event()
    record_event = source.session.record_event

    def slow_record_event(*args, **kwargs):
        release.wait(timeout=10)
        return record_event(*args, **kwargs)

    source.session.record_event = slow_record_event
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        for line in ("/theme 2", "/phase 2", "kunden ringde om leveransen"):
            screen.input.value = line
            await pilot.press("enter")  # no settling in between: the events are still unsaved
        assert (screen.current("theme"), screen.current("phase")) == ("th2", "ph2")  # shown before it is saved
        release.set()
        await settle(pilot)
    notes, events, _ = stored(tmp_path / "s", interview_id)
    assert [(e.kind, e.value) for e in events] == [("theme", "th2"), ("phase", "ph2")]
    assert [(n.text, n.theme, n.phase) for n in notes] == [("kunden ringde om leveransen", "th2", "ph2")]
    source.close()


@pilot_test
async def test_completion_forgets_a_tag_renamed_by_another_process(tmp_path):
    """Capture read the other interviews' tags once: a rename in ``trodden tags`` was suggested until restart."""
    from trodden.models.notes.syntax import parse
    from trodden.models.retag import retag
    from trodden.models.storage.store import StudyStore

    store = make_study(tmp_path / "s")
    other = store.new_interview("P9")
    with store.open_interview(other.id) as session:
        session.add_note(parse("* called @telefonsupport about #förpackning"))
    app, source = capture_app(store, FakeClock())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = pilot.app.screen
        await until(pilot, lambda: "förpackning" in screen.suggester.tags, "the study's words are read")
        seen = screen._tokens_stamp
        screen.load_tokens()  # nothing changed: not read again
        await pilot.pause()
        assert screen._tokens_stamp is seen
        retag(StudyStore.open(tmp_path / "s"), "tag", ["förpackning"], "packaging")  # another process
        screen.load_tokens()  # what the 5-second look does
        await until(pilot, lambda: "förpackning" not in screen.suggester.tags, "the rename to be seen")
        await pilot.press(*"om #pack", "tab")
        assert screen.input.value == "om #packaging "
    source.close()
