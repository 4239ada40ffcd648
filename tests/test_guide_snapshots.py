"""What the interviewer sees: the guide view mid-interview (fixed clock, fixed data)."""

from __future__ import annotations

from datetime import timedelta

from guide_study import START, Clock, make_study
from waiting import wait_until

from trodden.models.notes.syntax import parse
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.guide.screen import GuideScreen


def mid_interview(tmp_path) -> TroddenApp:
    store, iid = make_study(tmp_path / "s")

    def at(minutes: float):
        return START + timedelta(minutes=minutes)

    with store.guide_events(iid, writable=True) as log:
        log.record("theme", "th1", at=at(1))
        log.record("question_done", "th1q1", at=at(2))
        log.record("question_done", "th1q2", at=at(5))
        log.record("theme", "th2", at=at(7))
        log.record("followup_asked", f"{iid}/3", at=at(9))
    with store.open_interview(iid) as session:
        lines = [
            (3, '"Jag älskar mina växter, de är som familj'),
            (4, "*- @telefon väntade i 40 minuter #kö"),
            (6, "? Fråga om leveransen"),
            (8, "++ [bold]rådgivningen[/bold] i butiken var toppen @butik"),
            (10, "? Vem rekommenderade butiken?"),
            (11, "!% lagersystemet visade fel saldo"),
        ]
        for minute, line in lines:
            session.add_note(parse(line), raw=line, theme="th1" if minute < 7 else "th2", wall=at(minute))
        session.record_event("theme", "th2", at=at(7.5))
    clock = Clock(at(13.5))
    return TroddenApp(StudyStore.open(store.path), start=lambda s: GuideScreen(s, iid, clock=clock))


async def loaded(pilot) -> None:
    screen = pilot.app.screen
    await wait_until(
        pilot,
        lambda: screen.progress is not None and len(screen.snapshot.notes) == 6,
        "the guide view's progress and six notes",
        step=0.01,
    )
    await pilot.pause()
    feed = screen.query_one("#feed")  # the newest note in view, once laid out
    await wait_until(pilot, lambda: feed.scroll_y == feed.max_scroll_y, "the feed at its newest note", step=0.01)
    await pilot.pause()


def test_guide_view_mid_interview(tmp_path, snap_compare):
    assert snap_compare(mid_interview(tmp_path), terminal_size=(130, 34), run_before=loaded)


def test_guide_view_help(tmp_path, snap_compare):
    async def help_open(pilot) -> None:
        await loaded(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(mid_interview(tmp_path), terminal_size=(110, 34), run_before=help_open)
