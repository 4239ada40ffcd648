"""Crafted studies for the map tests: phases, interviews written in the capture syntax."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from trodden.models.domain import InterviewStatus, JourneyState, Phase, Study
from trodden.models.notes.syntax import parse
from trodden.models.storage.store import StudyStore

T0 = datetime(2026, 10, 6, 9, 0)


def build_study(
    path: Path,
    phases: list[str],
    interviews: dict[str, list[str]],
    *,
    state: JourneyState | None = JourneyState.CURRENT,
    status: InterviewStatus = InterviewStatus.CLEANED,
    language: str = "en",
    name: str = "Creating a thriving home",
) -> StudyStore:
    """``interviews`` maps a participant code to lines ``"N|capture line"`` (N = phase number, 0 = none)."""
    store = StudyStore.create(
        path,
        Study(name=name, state=state, created=date(2026, 9, 1), language=language),
        [Phase(id=f"ph{i}", name=name, order=i) for i, name in enumerate(phases, start=1)],
    )
    for day, (code, lines) in enumerate(interviews.items()):
        start = T0 + timedelta(days=day)
        interview = store.new_interview(code, start=start, status=status)
        with store.open_interview(interview.id) as session:
            for seq, line in enumerate(lines):
                number, _, text = line.partition("|")
                draft = parse(text)
                phase = f"ph{number}" if number.strip() not in ("", "0") else None
                session.add_note(draft, raw=text, phase=phase, t=60.0 * seq, wall=start + timedelta(minutes=seq))
    return StudyStore.open(path)
