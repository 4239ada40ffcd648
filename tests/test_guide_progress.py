"""The interviewer's progress, computed purely from both sides' events."""

from __future__ import annotations

from datetime import datetime, timedelta

from guide_study import START, make_guide

from trodden.models.domain import Interview, Kind, Note, Pause
from trodden.models.guide.progress import clock_text, compute, interview_clock, step_theme, theme_times
from trodden.models.storage.live import LiveEvent


def at(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)


def event(kind, value, seconds, by="guide") -> LiveEvent:
    return LiveEvent(kind=kind, value=value, at=at(seconds), by=by)


def interview(**fields) -> Interview:
    fields.setdefault("status", "live")
    return Interview(id="2026-03-02-P1", participant="P1", start=START, **fields)


def note(seq: int, text: str, kinds=(), deleted=False) -> Note:
    return Note(
        id=f"2026-03-02-P1/{seq}",
        interview="2026-03-02-P1",
        seq=seq,
        t=float(seq * 10),
        wall=at(seq * 10),
        text=text,
        kinds=list(kinds),
        deleted=deleted,
    )


def test_time_per_theme_merges_both_sides_and_runs_to_now():
    guide_events = [event("theme", "th1", 60), event("theme", "th2", 300)]
    notes_events = [event("theme", "th3", 500, by="notes")]
    seconds, current = theme_times(make_guide(), interview(), [*guide_events, *notes_events], at(800))
    assert current == "th3"
    assert seconds == {"th1": 240.0, "th2": 200.0, "th3": 300.0}


def test_pauses_do_not_count_and_the_end_caps_the_clock():
    paused = interview(pauses=[Pause(start=at(100), end=at(160))], end=at(400), status="done")
    assert interview_clock(paused, at(130)) == 100.0
    assert interview_clock(paused, at(200)) == 140.0
    assert interview_clock(paused, at(1000)) == 340.0
    seconds, _ = theme_times(make_guide(), paused, [event("theme", "th1", 0)], at(5000))
    assert seconds["th1"] == 340.0


def test_open_pause_stops_the_theme_clock():
    paused = interview(pauses=[Pause(start=at(100))])
    seconds, current = theme_times(make_guide(), paused, [event("theme", "th2", 40)], at(900))
    assert (current, seconds["th2"]) == ("th2", 60.0)


def test_same_moment_the_interviewer_wins():
    events = [event("theme", "th2", 50, by="guide"), event("theme", "th3", 50, by="notes")]
    assert compute(make_guide(), interview(), events[:1], events[1:], [], at(60)).current == "th2"


def test_ticks_and_followups_follow_the_newest_event():
    guide_events = [
        event("question_done", "th1q1", 10),
        event("question_done", "th1q2", 11),
        event("question_undone", "th1q2", 12),
        event("followup_asked", "2026-03-02-P1/2", 30),
        event("followup_asked", "2026-03-02-P1/3", 31),
        event("followup_reopened", "2026-03-02-P1/3", 32),
    ]
    notes = [
        note(1, "plain"),
        note(2, "Fråga om leveransen", [Kind.QUESTION]),
        note(3, "Vem rekommenderade?", [Kind.QUESTION, Kind.QUOTE]),
        note(4, "struken", [Kind.QUESTION], deleted=True),
    ]
    progress = compute(make_guide(), interview(), guide_events, [], notes, at(40))
    assert progress.ticked == {"th1q1"}
    assert progress.asked == {"2026-03-02-P1/2"}
    assert [n.seq for n in progress.followups] == [2, 3]
    assert [n.seq for n in progress.open_followups()] == [3]
    assert progress.current is None and progress.elapsed == 40.0


def test_step_theme_walks_the_guide_and_stops_at_the_ends():
    guide = make_guide()
    assert step_theme(guide, None, 1).id == "th1"
    assert step_theme(guide, None, -1) is None
    assert step_theme(guide, "th1", 1).id == "th2"
    assert step_theme(guide, "th3", 1) is None
    assert step_theme(guide, "th2", -1).id == "th1"
    assert step_theme(guide, "gone", 1).id == "th1"


def test_clock_text():
    assert clock_text(0) == "00:00"
    assert clock_text(75.9) == "01:15"
    assert clock_text(3725) == "62:05"


def test_who_moved_to_the_current_theme():
    guide_events = [event("theme", "th1", 10), event("theme", "th2", 20)]
    echo = [event("theme", "th2", 25, by="notes")]
    assert compute(make_guide(), interview(), guide_events, echo, [], at(30)).current_by == "guide"
    moved = [event("theme", "th3", 26, by="notes")]
    assert compute(make_guide(), interview(), guide_events, moved, [], at(30)).current_by == "notes"
