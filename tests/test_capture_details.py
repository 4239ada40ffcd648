"""Capture's details: pasted bullets, words after a quote, tab completion's space, the quiet
divider when the theme or phase changes, the interviewer's asked follow-ups, join then split.

Each test checks what is stored, exported or shown."""

from __future__ import annotations

from datetime import datetime, timedelta

from test_capture_support import START, FakeClock, capture_app, make_study, pilot_test, type_line, until
from textual import events

from trodden.exporters.interview_md import render_markdown
from trodden.exporters.interview_notes import build_interview_notes
from trodden.exporters.note_rows import note_rows
from trodden.models.domain import Note, Revision
from trodden.models.map.journey_map import JourneyMap
from trodden.models.notes import cleaning
from trodden.models.notes.syntax import parse
from trodden.models.notes.textimport import parse_notes_text
from trodden.models.storage.store import StudyStore
from trodden.tui.capture.notes_log import NotesLog


@pilot_test
async def test_a_pasted_list_keeps_its_bullets_out_of_the_feelings(tmp_path):
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        field = pilot.app.screen.input
        field.post_message(events.Paste("- leveransen kom sent\n- kartongen var blöt"))
        await pilot.pause()
        assert field.value == "leveransen kom sent kartongen var blöt"
        await type_line(pilot, field.value)
        await type_line(pilot, "- typed by hand is a thundercloud")
    notes = source.session.notes()
    assert [(n.text, n.valence) for n in notes] == [
        ("leveransen kom sent kartongen var blöt", None),
        ("typed by hand is a thundercloud", -1),
    ]
    source.close()


@pilot_test
async def test_pasted_bullets_are_clouds_when_the_study_says_so(tmp_path):
    store = make_study(tmp_path / "s")
    store.update(lambda data: setattr(data.study, "bullets_are_clouds", True))
    app, source = capture_app(StudyStore.open(tmp_path / "s"), FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        field = pilot.app.screen.input
        field.post_message(events.Paste("- leveransen kom sent"))
        await pilot.pause()
        assert field.value == "- leveransen kom sent"
    source.close()


def test_a_notes_file_reads_its_bullets_as_a_list(tmp_path):
    store = make_study(tmp_path / "s")
    text = "00:10 - leveransen kom sent\n00:20 - - kartongen var blöt\n00:30 -- ingen svarade"
    result = parse_notes_text(text, store.data)
    assert [(n.draft.text, n.draft.valence) for n in result.notes] == [
        ("leveransen kom sent", None),
        ("kartongen var blöt", -1),
        ("ingen svarade", -2),
    ]
    clouds = parse_notes_text(text, store.data, bullets_are_clouds=True)
    assert clouds.notes[0].draft.valence == -1


@pilot_test
async def test_words_after_a_quote_are_stored_and_exported_as_the_notes_own(tmp_path):
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, '"Det var jobbigt" sa hon @telefon')
        shown = "\n".join(pilot.app.screen.query_one(NotesLog).rendered_lines())
    note = source.session.notes()[0]
    interview = source.session.interview
    source.close()
    assert (note.text, note.remark, note.channels) == ("Det var jobbigt", "sa hon @telefon", ["telefon"])
    assert "Det var jobbigt — sa hon @telefon" in shown
    data = StudyStore.open(tmp_path / "s").data
    markdown = render_markdown(build_interview_notes(data, interview, [note]))
    assert "Det var jobbigt” sa hon @telefon" in markdown or "Det var jobbigt\u201d sa hon" in markdown, markdown
    row = note_rows(data, [interview], {interview.id: [note]}, JourneyMap())[0]
    assert (row.text, row.remark) == ("Det var jobbigt", "sa hon @telefon")


@pilot_test
async def test_tab_completion_does_not_double_the_space(tmp_path):
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = pilot.app.screen
        await until(pilot, lambda: screen._tokens_stamp is not None, "the study's words are read")
        screen.suggester.channels.update(["telefonsupport"])
        await pilot.press(*"hon ringde @tele")
        await pilot.press("tab")
        await pilot.press("space", *"igen")  # the space a typist adds by habit
        assert screen.input.value == "hon ringde @telefonsupport igen"
        await pilot.press("space", "space")  # further spaces are the typist's own
        assert screen.input.value == "hon ringde @telefonsupport igen  "
    source.close()


@pilot_test
async def test_a_quiet_divider_marks_a_new_theme_or_phase_in_the_log(tmp_path):
    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "/theme 1")
        await type_line(pilot, "first words")
        await type_line(pilot, "more of the same")
        await type_line(pilot, "/theme 2")
        await type_line(pilot, "/phase Searching")
        await type_line(pilot, "searching now")
        lines = pilot.app.screen.query_one(NotesLog).rendered_lines()
    source.close()
    dividers = [line.strip() for line in lines if line.startswith("──")]
    assert dividers == ["── theme 2 Finding plants · phase Searching ──"], lines
    at = next(n for n, line in enumerate(lines) if line.startswith("──"))
    assert "searching now" in lines[at + 1]  # right above the first note of the new theme


@pilot_test
async def test_the_note_taker_sees_a_follow_up_marked_asked(tmp_path):
    folder = tmp_path / "s"
    store = make_study(folder)
    clock = FakeClock()
    app, source = capture_app(store, clock)
    interview_id = source.session.interview.id
    guide = StudyStore.open(folder).guide_events(interview_id, writable=True).open()  # the interviewer
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            log = pilot.app.screen.query_one(NotesLog)
            await type_line(pilot, "? ask about the watering app")
            assert "✓ asked" not in "\n".join(log.rendered_lines())
            note = source.session.notes()[0]
            guide.record("followup_asked", note.id, at=START + timedelta(seconds=30))
            await until(pilot, lambda: "✓ asked" in "\n".join(log.rendered_lines()), "the asked follow-up shown")
            guide.record("followup_reopened", note.id, at=START + timedelta(seconds=40))
            await until(pilot, lambda: "✓ asked" not in "\n".join(log.rendered_lines()), "reopened")
    finally:
        guide.close()
        source.close()


def _typed(seq: int, line: str, minute: int) -> Note:
    wall = datetime(2026, 3, 2, 10, minute)
    draft = parse(line)
    return Note.from_draft(
        draft, interview="i", seq=seq, t=60.0 * minute, wall=wall, history=[Revision(at=wall, raw=line)]
    )


def test_join_then_split_gives_the_second_part_its_own_words_as_typed():
    first, second = _typed(1, "hittade butiken", 1), _typed(2, '"det var enkelt"', 2)
    at = datetime(2026, 3, 3, 9, 0)
    joined, _gone = cleaning.merge(first, second, at)
    assert joined.raw == "hittade butiken"
    position = joined.text.index("det var enkelt")
    head, tail = cleaning.split(joined, position, 3, at)
    assert head.raw == "hittade butiken" and tail.raw == '"det var enkelt"'
    assert not cleaning.text_changed(tail) and not cleaning.quote_changed(tail)


def test_the_word_notes_set_a_quotes_remark_upright_outside_the_quote(tmp_path):
    import io

    from docx import Document

    from trodden.exporters.interview_docx import render_docx

    store = make_study(tmp_path / "s")
    interview = store.new_interview("P1", start=START)
    with store.open_interview(interview.id) as session:
        session.add_note(parse('"Det var jobbigt" sa hon'), raw='"Det var jobbigt" sa hon', wall=START)
        notes = session.notes()
    document = Document(io.BytesIO(render_docx(build_interview_notes(store.data, interview, notes))))
    runs = [
        run
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if "jobbigt" in run.text or "sa hon" in run.text
    ]
    assert "Det var jobbigt" in runs[-2].text and "sa hon" not in runs[-2].text
    assert runs[-1].text.strip() == "sa hon" and runs[-1].italic is False


@pilot_test
async def test_phase_takes_a_phase_the_workshop_added_on_the_shared_map_meanwhile(tmp_path):
    from trodden.models.map import phase_doc
    from trodden.models.map.map_session import MapSession

    store = make_study(tmp_path / "s")
    app, source = capture_app(store, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "before")
        with MapSession(store.path, writable=True, who="AB") as map_:
            phase, puts = phase_doc.added(map_.records("phases"), "Flyttar in", None)
            map_.write(puts={"phases": puts})
        await type_line(pilot, "/phase flyttar")
        await type_line(pilot, "after")
    source.close()
    assert [n.phase for n in source.session.notes()] == [None, phase.id]
