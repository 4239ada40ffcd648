"""The interviewer's progress through the guide, computed from both sides' live events.

Nothing here is stored as state: the interviewer's side appends ``LiveEvent``s to its own
``guide.*`` file set (theme changes, questions ticked, follow-ups asked) and the
note-taker's side appends its own ``/theme`` events to ``notes.*``. Whatever either side
shows is recomputed from the merged events, so two processes never need a lock, never
overwrite each other, and a process that reopens mid-interview finds the same state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from trodden.models.domain import Guide, GuideTheme, Interview, Kind, Note
from trodden.models.storage.live import EventKind, LiveEvent

THEME = "theme"


def interview_clock(interview: Interview, at: datetime) -> float:
    """Seconds of conversation at wall time ``at`` (pauses excluded, capped at the end).

    ``Interview.elapsed`` measures up to *now* (or the end); this measures up to any
    moment, which is what turning event times into time-per-theme needs.
    """
    if interview.end is not None and at > interview.end:
        at = interview.end
    return interview.model_copy(update={"end": None}).elapsed(at)


def _ordered(events: Iterable[LiveEvent]) -> list[LiveEvent]:
    """Oldest first; on equal times the note-taker's event first, so the guide's wins, and
    (the sort being stable) a side's later-recorded event after its earlier one."""
    return sorted(events, key=lambda event: (event.at, event.by == "guide"))


def theme_times(
    guide: Guide, interview: Interview, events: Iterable[LiveEvent], now: datetime
) -> tuple[dict[str, float], str | None]:
    """Seconds spent on each theme (by id) and the current theme id.

    A theme runs from the event that made it current to the next theme event (or
    ``now``), measured on the interview clock so pauses do not count. Time before the
    first theme event belongs to no theme. Events naming a theme that is not (or no
    longer) in the guide still count, under their id.
    """
    seconds: dict[str, float] = {theme.id: 0.0 for theme in guide.themes}
    current: str | None = None
    since = 0.0
    for event in _ordered(e for e in events if e.kind == THEME):
        moment = interview_clock(interview, event.at)
        if current is not None:
            seconds[current] = seconds.get(current, 0.0) + max(moment - since, 0.0)
        current, since = event.value, moment
    if current is not None:
        seconds[current] = seconds.get(current, 0.0) + max(interview_clock(interview, now) - since, 0.0)
    return seconds, current


def _toggled(events: Iterable[LiveEvent], on: EventKind, off: EventKind) -> set[str]:
    """Values whose newest on/off event is ``on``."""
    state: dict[str, bool] = {}
    for event in _ordered(e for e in events if e.kind in (on, off)):
        if event.value is not None:
            state[event.value] = event.kind == on
    return {value for value, is_on in state.items() if is_on}


def asked_followups(events: Iterable[LiveEvent]) -> frozenset[str]:
    """Ids of the follow-up notes the interviewer marked as asked (and did not reopen)."""
    return frozenset(_toggled(events, "followup_asked", "followup_reopened"))


@dataclass(frozen=True)
class Progress:
    """Everything the guide view shows about where the interview stands."""

    current: str | None
    """Current theme id (newest theme event from either side), or None before the first."""
    seconds: dict[str, float] = field(default_factory=dict)
    """Time spent on each theme, interview clock."""
    ticked: frozenset[str] = frozenset()
    """Guide question ids the interviewer has ticked off."""
    asked: frozenset[str] = frozenset()
    """Note ids of follow-up questions the interviewer has marked as asked."""
    followups: tuple[Note, ...] = ()
    """The note-taker's follow-up questions (``?`` notes), oldest first."""
    elapsed: float = 0.0
    """Interview clock now."""
    current_by: str | None = None
    """Which side moved the interview to the current theme: "guide" or "notes"."""

    def theme_index(self, guide: Guide) -> int | None:
        """0-based position of the current theme in ``guide``, if it is there."""
        for index, theme in enumerate(guide.themes):
            if theme.id == self.current:
                return index
        return None

    def open_followups(self) -> list[Note]:
        return [note for note in self.followups if note.id not in self.asked]


def compute(
    guide: Guide,
    interview: Interview,
    guide_events: Iterable[LiveEvent],
    notes_events: Iterable[LiveEvent],
    notes: Iterable[Note],
    now: datetime,
) -> Progress:
    """The whole state from both sides' events and the notes (pure, for tests and the UI)."""
    events = [*guide_events, *notes_events]
    seconds, current = theme_times(guide, interview, events, now)
    previous: str | None = None
    made_by: str | None = None
    for event in _ordered(e for e in events if e.kind == THEME):
        if made_by is None or event.value != previous:
            made_by = event.by
        previous = event.value
    return Progress(
        current=current,
        seconds=seconds,
        ticked=frozenset(_toggled(events, "question_done", "question_undone")),
        asked=asked_followups(events),
        followups=tuple(note for note in notes if not note.deleted and note.has(Kind.QUESTION)),
        elapsed=interview_clock(interview, now),
        current_by=made_by,
    )


def step_theme(guide: Guide, current: str | None, step: int) -> GuideTheme | None:
    """The theme ``step`` places after (or before) ``current``; None past either end.

    From no current theme (or one no longer in the guide), "next" is the first theme
    and "previous" is nothing.
    """
    ids = [theme.id for theme in guide.themes]
    if current not in ids:
        return guide.themes[0] if step > 0 and guide.themes else None
    index = ids.index(current) + step
    return guide.themes[index] if 0 <= index < len(ids) else None


def clock_text(seconds: float) -> str:
    """``mm:ss``; minutes keep counting past 59 (interviews run 45-90 minutes), as on the
    note-taker's screen."""
    total = int(max(seconds, 0))
    return f"{total // 60:02d}:{total % 60:02d}"
