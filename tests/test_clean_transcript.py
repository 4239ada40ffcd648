"""The clean screen with the recording's transcript: quote statuses, the words said with one key
(undoable), widening, checking by hand, the panel, a line made a quote, the offset nudged."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from transcript_kit import teams_vtt
from waiting import wait_until

from trodden.models.domain import Kind
from trodden.models.storage.store import StudyStore
from trodden.models.transcript.model import SpeakerRole
from trodden.models.transcript.reading import parse_transcript
from trodden.tui.app import TroddenApp
from trodden.tui.clean.notes_view import NotesView
from trodden.tui.clean.screen import CleanScreen
from trodden.tui.clean.transcript_panel import TranscriptPanel

try:
    from ._clean_study import START, build_study, stored_notes
    from .test_clean_screen import CLOCK, go_to, run_async, settle
except ImportError:
    from _clean_study import START, build_study, stored_notes
    from test_clean_screen import CLOCK, go_to, run_async, settle

SAID = {2: "Jag älskar, öh, när allting växer.", 3: "Jag hittade butiken via grannen faktiskt."}


def make_app(tmp_path: Path) -> tuple[TroddenApp, Path, str]:
    store, interview_id = build_study(tmp_path / "study")
    with store.open_interview(interview_id, writable=False) as session:
        notes = session.notes()
    vtt = teams_vtt(notes, START, offset=30.0, lag=15.0, said=SAID, participant="Anna Svensson")
    store.save_transcript(interview_id, parse_transcript(vtt.encode(), Path("möte.vtt"), now=CLOCK))
    app = TroddenApp(store, start=lambda s: CleanScreen(s, interview_id, clock=lambda: CLOCK, blink=False))
    return app, tmp_path / "study", interview_id


async def aligned(pilot) -> CleanScreen:
    async def ready() -> CleanScreen | None:
        await pilot.pause()
        screen = pilot.app.screen
        return screen if isinstance(screen, CleanScreen) and screen.alignment is not None else None

    return await wait_until(pilot, ready, "the transcript to be aligned")


def check_cell(screen: CleanScreen, seq: int) -> str:
    return str(screen.query_one(NotesView).get_cell(str(seq), "check"))


@run_async
async def test_quote_statuses_and_the_words_said_with_one_key_then_undo(tmp_path):
    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await aligned(pilot)
        assert check_cell(screen, 2).startswith("≈ close")
        assert "quotes: 1 close" in str(screen.query_one("#message").render())
        await go_to(pilot, screen, 2)
        assert "typed → said" in str(screen.query_one("#detail").render())
        await pilot.press("w")
        await settle(pilot)
        assert check_cell(screen, 2) == "✓ verbatim"
        notes, _ = stored_notes(path, interview_id)
        quote = next(note for note in notes if note.seq == 2)
        assert quote.text == "Jag älskar, öh, när allting växer."
        assert quote.raw == '"++ Jag älskar när det växer" @instagram'  # the typed words stay in the history
        assert quote.channels == ["instagram"] and quote.valence == 2
        await pilot.press("ctrl+z")
        await settle(pilot)
        notes, _ = stored_notes(path, interview_id)
        assert next(note for note in notes if note.seq == 2).text == "Jag älskar när det växer"
        assert check_cell(screen, 2).startswith("≈ close")


@run_async
async def test_the_span_widens_and_narrows_and_a_quote_is_checked_by_hand(tmp_path):
    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await aligned(pilot)
        await go_to(pilot, screen, 2)
        before = screen.quote_match(screen.selected_note()).said
        await pilot.press("greater_than_sign")
        wider = screen.quote_match(screen.selected_note()).said
        assert wider == f"Maxi {before} Jag"  # a word each side, from the participant's lines around it
        await pilot.press("less_than_sign")
        assert screen.quote_match(screen.selected_note()).said == before
        await pilot.press("v")
        await settle(pilot)
        assert check_cell(screen, 2) == "✓ by hand"
        notes, _ = stored_notes(path, interview_id)
        assert next(note for note in notes if note.seq == 2).checked


@run_async
async def test_the_panel_follows_the_note_and_a_line_becomes_a_quote(tmp_path):
    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await aligned(pilot)
        await go_to(pilot, screen, 3)
        await pilot.press("T")
        panel = screen.query_one(TranscriptPanel)
        transcript = screen.transcript
        assert transcript.cues[panel.highlighted].text == SAID[3]
        await go_to(pilot, screen, 2)
        assert transcript.cues[panel.highlighted].text == SAID[2]
        panel.focus()
        await pilot.press("down", "down")  # the interviewer's question, then the participant's next line
        assert transcript.cues[panel.highlighted].text == SAID[3]
        await pilot.press("q")
        await settle(pilot)
        notes, _ = stored_notes(path, interview_id)
        new = notes[-1]
        assert (new.seq, new.text, new.kinds) == (8, SAID[3], [Kind.QUOTE])
        assert abs(new.t - 100.0) < 1  # where note 3, typed from the same line, sits
        assert (new.theme, new.phase) == ("th1", None)
        await pilot.press("ctrl+z")
        await settle(pilot)
        notes, _ = stored_notes(path, interview_id)
        assert notes[-1].deleted


@run_async
async def test_an_interviewers_line_is_not_made_a_quote_and_the_offset_is_nudged(tmp_path):
    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await aligned(pilot)
        estimate = screen.alignment.offset.seconds
        await pilot.press("T")
        panel = screen.query_one(TranscriptPanel)
        panel.focus()
        panel.highlighted = 0
        await pilot.press("q")
        assert "not the participant's" in str(screen.query_one("#message").render())
        screen.query_one(NotesView).focus()
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert StudyStore.open(path).transcript(interview_id).offset == estimate + 5
        await wait_until(pilot, lambda: screen.alignment.offset.by_hand, "the nudged offset to be applied")


@run_async
async def test_without_a_transcript_the_keys_say_how_to_get_one(tmp_path):
    store, interview_id = build_study(tmp_path / "study")
    app = TroddenApp(store, start=lambda s: CleanScreen(s, interview_id, clock=lambda: CLOCK, blink=False))
    async with app.run_test(size=(120, 35)) as pilot:
        from test_clean_screen import loaded

        screen = await loaded(pilot)
        await settle(pilot)
        await go_to(pilot, screen, 2)
        assert check_cell(screen, 2) == "unchecked"
        for key in ("w", "T"):
            await pilot.press(key)
            assert "no transcript: import one with i" in str(screen.query_one("#message").render())


async def type_path(pilot, path: Path) -> None:
    """The file's path in the import prompt, then enter (a long tmp path typed key by key took seconds)."""
    prompt = await wait_until(
        pilot, lambda: pilot.app.screen.query(Input).first() if pilot.app.screen.query(Input) else None, "the prompt"
    )
    prompt.value = str(path)
    await pilot.press("end", "enter")


@run_async
async def test_importing_in_the_app_asks_before_replacing(tmp_path):
    app, path, interview_id = make_app(tmp_path)
    other = tmp_path / "ny.srt"  # "ANSI", as older SubRip tools save: read, with a warning
    other.write_bytes("1\n00:00:01,000 --> 00:00:04,000\nAnna Svensson: Helt andra ord, blåbär.\n".encode("cp1252"))
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await aligned(pilot)
        await pilot.press("i")
        await type_path(pilot, other)
        await wait_until(pilot, lambda: app.screen is not screen and "Replace" in str(app.screen.title_text), "the ask")
        await pilot.press("down", "enter")  # keep it
        await settle(pilot)
        assert StudyStore.open(path).transcript(interview_id).source == "möte.vtt"
        await pilot.press("i")
        await type_path(pilot, other)
        await wait_until(pilot, lambda: app.screen is not screen, "the ask")
        await pilot.press("enter")  # replace
        await settle(pilot)
        await wait_until(pilot, lambda: screen.transcript.source == "ny.srt", "the new transcript to be aligned")
        assert StudyStore.open(path).transcript(interview_id).cues[0].text == "Helt andra ord, blåbär."
        toasts = [str(toast.message) for toast in app._notifications]
        assert sum("ny.srt is not UTF-8; read it as Windows-1252" in toast for toast in toasts) == 2, toasts
        assert check_cell(screen, 2) == "not found"


@run_async
async def test_importing_in_the_app_asks_who_the_participant_is(tmp_path):
    store, interview_id = build_study(tmp_path / "study")
    with store.open_interview(interview_id, writable=False) as session:
        vtt = teams_vtt(session.notes(), START, participant="Anna Svensson", interviewer="Maja Lind")
    file = tmp_path / "möte.vtt"
    file.write_text(vtt, encoding="utf-8")
    app = TroddenApp(store, start=lambda s: CleanScreen(s, interview_id, clock=lambda: CLOCK, blink=False))
    async with app.run_test(size=(120, 35)) as pilot:
        from test_clean_screen import loaded

        screen = await loaded(pilot)
        await pilot.press("i")
        await type_path(pilot, file)
        await wait_until(pilot, lambda: "participant" in str(getattr(app.screen, "title_text", "")), "the ask")
        await pilot.press("down", "enter")  # the second speaker, Anna Svensson
        await settle(pilot)
        stored = StudyStore.open(tmp_path / "study")
        assert stored.transcript(interview_id).speakers == {
            "Maja Lind": SpeakerRole.INTERVIEWER,
            "Anna Svensson": SpeakerRole.PARTICIPANT,
        }
        assert stored.data.speaker_names == ["Maja Lind", "Anna Svensson"]
        await wait_until(pilot, lambda: screen.alignment is not None, "the alignment")


@run_async
async def test_a_key_matches_again_only_a_quote_whose_words_changed(tmp_path, monkeypatch):
    import trodden.tui.clean.quote_check as quote_check

    matched: list[int] = []
    real = quote_check.check_quote
    monkeypatch.setattr(quote_check, "check_quote", lambda a, note, i: matched.append(note.seq) or real(a, note, i))
    app, _path, _interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await aligned(pilot)
        await go_to(pilot, screen, 2)
        await pilot.press("plus", "down", "up", "j", "ctrl+z")  # a feeling, moves, a join undone
        assert matched == [2]  # the joined words only; the quote's own words were matched on the worker
        await pilot.press("w", "ctrl+z")
        assert matched == [2, 2]  # the words said, then back to the typed words: remembered
        assert check_cell(screen, 2).startswith("≈ close")
        await settle(pilot)


@run_async
async def test_next_to_check_passes_quotes_the_transcript_confirms_or_checked_by_hand(tmp_path):
    app, path, interview_id = make_app(tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await aligned(pilot)
        await go_to(pilot, screen, 1)
        await pilot.press("n")
        assert screen.selected_seq() == 2  # close: still to check
        await pilot.press("w")  # the words said: verbatim now
        assert check_cell(screen, 2).startswith("✓ verbatim")
        await go_to(pilot, screen, 1)
        await pilot.press("n")
        assert screen.selected_seq() == 5  # the phone number; the verbatim quote is passed
        await pilot.press("ctrl+z", "v")  # back to the typed words, accepted by hand
        await go_to(pilot, screen, 1)
        await pilot.press("n")
        assert screen.selected_seq() == 5
        await settle(pilot)
    (quote,) = [note for note in stored_notes(path, interview_id)[0] if note.seq == 2]
    assert quote.checked and quote.text != SAID[2]
