"""Merging the two sides' live events: the newest wins, whoever wrote it."""

from __future__ import annotations

from datetime import datetime

from trodden.models.storage.live import LiveEvent, current_value

AT = datetime(2026, 10, 6, 9, 45)


def _event(value: str, minute: int, by: str = "notes") -> LiveEvent:
    return LiveEvent(kind="theme", value=value, at=AT.replace(minute=minute), by=by)


def test_newest_event_wins_across_sides() -> None:
    events = [_event("th1", 1, "guide"), _event("th2", 2, "notes"), _event("th3", 3, "guide")]
    assert current_value(events, "theme") == "th3"
    assert current_value(events[:2], "theme") == "th2"


def test_same_moment_guide_side_then_later_record_wins() -> None:
    assert current_value([_event("th2", 5, "guide"), _event("th1", 5, "notes")], "theme") == "th2"
    assert current_value([_event("th1", 5, "notes"), _event("th2", 5, "notes")], "theme") == "th2"


def test_no_event_of_that_kind() -> None:
    assert current_value([_event("th1", 1)], "phase") is None
