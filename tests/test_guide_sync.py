"""The guide view and a note-taker on one interview: what each side stores and shows.

The note-taker is driven through the store API exactly as the capture screen uses it:
its own writable ``InterviewSession`` (notes and ``/theme`` events in ``notes.*``) and a
read-only follow of the interviewer's ``guide.*`` events.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading

from guide_study import Clock, make_study, run_async
from textual.widgets import OptionList
from waiting import wait_until

from trodden.models.domain import Kind
from trodden.models.notes.syntax import parse
from trodden.models.storage.live import current_value
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.cli.guide import resolve_interview
from trodden.tui.guide.screen import GuideScreen


def guide_app(path, interview_id, clock):
    store = StudyStore.open(path)
    return TroddenApp(store, start=lambda s: GuideScreen(s, interview_id, clock=clock, poll_interval=0.02))


class NoteTaker:
    """The capture side, through the store API only."""

    def __init__(self, path, interview_id) -> None:
        self.store = StudyStore.open(path)
        self.session = self.store.open_interview(interview_id, writable=True)
        self.guide = self.store.guide_events(interview_id).open()

    def theme(self) -> str | None:
        self.guide.refresh()
        return current_value([*self.guide.events(), *self.session.events()], "theme")

    def type(self, line: str):
        return self.session.add_note(parse(line), raw=line, theme=self.theme())

    def close(self) -> None:
        self.session.close()
        self.guide.close()


def guide_events(path, interview_id):
    with StudyStore.open(path).guide_events(interview_id) as log:
        return [(e.kind, e.value) for e in log.events()]


@run_async
async def test_theme_changes_followups_and_notes_flow_both_ways(tmp_path):
    store, iid = make_study(tmp_path / "s")
    clock = Clock()
    taker = NoteTaker(store.path, iid)
    app = guide_app(store.path, iid, clock)
    try:
        async with app.run_test(size=(130, 36)) as pilot:
            screen = app.screen
            assert isinstance(screen, GuideScreen)
            await wait_until(pilot, lambda: screen.snapshot is not None, "first poll")
            taker.type("before any theme")

            clock.advance(60)
            await pilot.press("n")
            await wait_until(pilot, lambda: ("theme", "th1") in guide_events(store.path, iid), "theme stored")
            assert taker.type('"Jag älskar mina växter').theme == "th1"

            followup = taker.type("? Fråga om leveransen")
            await wait_until(pilot, lambda: screen.progress and screen.progress.followups, "follow-up shown")
            followups = screen.query_one("#followups", OptionList)
            assert followups.get_option_at_index(0).id == followup.id
            assert "Fråga om leveransen" in str(followups.get_option_at_index(0).prompt)

            clock.advance(120)
            taker.session.record_event("theme", "th3", at=clock())
            await wait_until(pilot, lambda: screen.progress.current == "th3", "note-taker's /theme shown")
            assert screen.query_one("#themes", OptionList).highlighted == 2
            assert "note-taker" in str(screen.query_one("#theme-title").render())

            await pilot.press("f", "space")
            await wait_until(
                pilot, lambda: ("followup_asked", followup.id) in guide_events(store.path, iid), "follow-up asked"
            )
            assert screen.progress.asked == {followup.id}

            clock.advance(30)
            await pilot.press("p")
            await wait_until(pilot, lambda: taker.theme() == "th2", "previous theme reaches the note-taker")
            assert taker.type("*- @telefon kö i 40 minuter").theme == "th2"
            clock.advance(10)
            await pilot.pause()
            await wait_until(pilot, lambda: len(screen.snapshot.notes) == 4, "feed follows")
            assert screen.query_one("#feed", OptionList).option_count == 4
            assert screen.progress.seconds == {"th1": 120.0, "th3": 30.0, "th2": 10.0}
    finally:
        taker.close()
    themes = [(n.text, n.theme) for n in StudyStore.open(store.path).open_interview(iid, writable=False).notes()]
    assert themes == [
        ("before any theme", None),
        ("Jag älskar mina växter", "th1"),
        ("Fråga om leveransen", "th1"),
        ("@telefon kö i 40 minuter", "th2"),
    ]


@run_async
async def test_ticks_survive_closing_and_reopening(tmp_path):
    store, iid = make_study(tmp_path / "s")
    clock = Clock()
    app = guide_app(store.path, iid, clock)
    async with app.run_test(size=(130, 36)) as pilot:
        await wait_until(pilot, lambda: app.screen.snapshot is not None, "first poll")
        await pilot.press("n", "space", "down", "space", "space")
        await pilot.press("n", "space")
        await wait_until(pilot, lambda: len(guide_events(store.path, iid)) == 6, "six events stored")
    assert guide_events(store.path, iid) == [
        ("theme", "th1"),
        ("question_done", "th1q1"),
        ("question_done", "th1q2"),
        ("question_undone", "th1q2"),
        ("theme", "th2"),
        ("question_done", "th2q1"),
    ]
    again = guide_app(store.path, iid, clock)
    async with again.run_test(size=(130, 36)) as pilot:
        screen = again.screen
        await wait_until(pilot, lambda: screen.progress is not None, "reopened")
        assert screen.progress.current == "th2"
        assert screen.progress.ticked == {"th1q1", "th2q1"}
        assert screen.query_one("#themes", OptionList).highlighted == 1
        await pilot.press("n")
        await wait_until(pilot, lambda: guide_events(store.path, iid)[-1] == ("theme", "th3"), "continues")


@run_async
async def test_a_second_guide_view_follows_read_only(tmp_path, monkeypatch):
    monkeypatch.setattr("trodden.models.guide.link.LOCK_GRACE", 0.1)
    store, iid = make_study(tmp_path / "s")
    leader = StudyStore.open(store.path).guide_events(iid, writable=True).open()
    try:
        leader.record("theme", "th2")
        app = guide_app(store.path, iid, Clock())
        async with app.run_test(size=(130, 36)) as pilot:
            screen = app.screen
            await wait_until(pilot, lambda: screen.progress is not None, "opened")
            assert screen.progress.current == "th2"
            await pilot.press("n")
            await pilot.pause()
            assert "follows" in str(screen.query_one("#message").render())
            leader.record("theme", "th3")
            await wait_until(pilot, lambda: screen.progress.current == "th3", "follows the leading guide view")
    finally:
        leader.close()
    assert guide_events(store.path, iid) == [("theme", "th2"), ("theme", "th3")]


NOTE_TAKER = textwrap.dedent(
    """
    import json, sys, time
    from trodden.models.storage.live import current_value
    from trodden.models.storage.store import StudyStore
    from trodden.models.notes.syntax import parse

    store = StudyStore.open(sys.argv[1])
    session = store.open_interview(sys.argv[2], writable=True)
    guide = store.guide_events(sys.argv[2]).open()
    deadline = time.monotonic() + 30
    theme = None
    while theme != "th2" and time.monotonic() < deadline:
        time.sleep(0.02)  # the note-taker's own poll of the interviewer's file
        guide.refresh()
        theme = current_value([*guide.events(), *session.events()], "theme")
    notes = [session.add_note(parse(line), raw=line, theme=theme) for line in ['"Det var krångligt', "? Fråga om returen"]]
    session.record_event("theme", "th3")
    session.close()
    print(json.dumps([[n.text, n.theme] for n in notes]))
    """
)


@run_async
async def test_with_the_note_taker_in_another_process(tmp_path):
    store, iid = make_study(tmp_path / "s")
    other = subprocess.Popen(
        [sys.executable, "-c", NOTE_TAKER, str(store.path), iid], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    clock = Clock()
    try:
        app = guide_app(store.path, iid, clock)
        async with app.run_test(size=(130, 36)) as pilot:
            screen = app.screen
            await wait_until(pilot, lambda: screen.progress is not None, "opened")
            await pilot.press("n")
            clock.advance(5)
            await pilot.press("n")
            await wait_until(
                pilot,
                lambda: screen.progress.current == "th3" and len(screen.progress.followups) == 1,
                "the other process's /theme and follow-up",
                timeout=30,
            )
            assert screen.progress.current_by == "notes"
        out, err = other.communicate(timeout=30)
    finally:
        other.kill()
    assert other.returncode == 0, err.decode()
    assert json.loads(out) == [["Det var krångligt", "th2"], ["Fråga om returen", "th2"]]
    notes = StudyStore.open(store.path).open_interview(iid, writable=False).notes()
    assert [n.has(Kind.QUESTION) for n in notes] == [False, True]


def test_guide_and_capture_starting_together_join_one_interview(tmp_path):
    store, _ = make_study(tmp_path / "s")
    ids: list[str] = []

    def start() -> None:
        ids.append(resolve_interview(StudyStore.open(store.path), "P9", None))

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(ids)) == 1
    assert resolve_interview(StudyStore.open(store.path), None, "P9") == ids[0]
    assert resolve_interview(StudyStore.open(store.path), None, None) is None  # P1 and P9 both live


@run_async
async def test_a_failed_write_says_so_and_changes_nothing(tmp_path):
    from trodden.models.errors import WriteFailed

    store, iid = make_study(tmp_path / "s")
    app = guide_app(store.path, iid, Clock())
    async with app.run_test(size=(130, 36)) as pilot:
        screen = app.screen
        await wait_until(pilot, lambda: screen.progress is not None, "opened")

        def full_disk(*args):
            raise WriteFailed(tmp_path / "guide.journal.1", OSError(28, "No space left on device"))

        screen.link.record = full_disk
        await pilot.press("n")
        await wait_until(pilot, lambda: "Not saved" in str(screen.query_one("#message").render()), "error shown")
        assert screen.progress.current is None
        assert "No space left" in str(screen.query_one("#message").render())
    assert guide_events(store.path, iid) == []


@run_async
async def test_a_study_without_a_guide_says_how_to_write_one(tmp_path):
    from trodden.models.domain import Study

    store = StudyStore.create(tmp_path / "s", Study(name="Utan guide"))
    iid = resolve_interview(store, "P1", None)
    app = guide_app(store.path, iid, Clock())
    async with app.run_test(size=(130, 36)) as pilot:
        screen = app.screen
        await wait_until(pilot, lambda: screen.progress is not None, "opened")
        assert "no interview guide yet" in str(screen.query_one("#theme-title").render())
        await pilot.press("n", "space")
        await pilot.pause()
        assert "press e to write one" in str(screen.query_one("#message").render())
    assert guide_events(store.path, iid) == []


@run_async
async def test_own_events_are_confirmed_from_disk(tmp_path):
    store, iid = make_study(tmp_path / "s")
    app = guide_app(store.path, iid, Clock())
    async with app.run_test(size=(130, 36)) as pilot:
        screen = app.screen
        await wait_until(pilot, lambda: screen.progress is not None, "opened")
        await pilot.press("n", "space")
        assert screen.progress.current == "th1"  # shown at once, before the write is on disk
        await wait_until(pilot, lambda: not screen._pending, "written and read back")
        assert [e.kind for e in screen.snapshot.guide_events] == ["theme", "question_done"]
        assert screen.progress.ticked == {"th1q1"}


@run_async
async def test_a_theme_title_is_shown_as_typed_never_as_markup(tmp_path):
    from textual.content import Content

    store, iid = make_study(tmp_path / "s")
    hostile = "Pris [/b] och [red]frakt[/]"

    def rename(data) -> None:
        data.guide.themes[0].title = hostile

    store.update(rename)
    app = guide_app(store.path, iid, Clock())
    async with app.run_test(size=(130, 36)) as pilot:
        screen = app.screen
        await wait_until(pilot, lambda: screen.progress is not None, "first poll")
        await pilot.pause()
        questions = screen.query_one("#questions", OptionList)
        assert Content.from_markup(questions.border_title).plain == f"Questions · {hostile}"
