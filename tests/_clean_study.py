"""A small crafted study for the clean/import/interview-export tests (helper, not a test)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from trodden.models.domain import Guide, GuideTheme, InterviewStatus, Participant, Phase, Study
from trodden.models.notes.syntax import parse
from trodden.models.storage.store import StudyStore

START = datetime(2026, 3, 5, 10, 0, 0)
REAL_NAME = "Anna Svensson"
PHONE = "070-123 45 67"
EMAIL = "anna.svensson@example.se"

LINES = [
    (10, "Intro: Anna Svensson, works at ICA Maxi"),
    (65, '"++ Jag älskar när det växer" @instagram'),
    (100, "* hittade butiken via grannen #word-of-mouth"),
    (130, "--! leveransen kom aldrig @web"),
    (170, f"ring henne på {PHONE} eller {EMAIL}"),
    (180, "? fråga om returpolicy"),
    (240, "% lagret byter system"),
]
THEMES = [None, "th1", "th1", "th2", "th2", "th2", "th2"]


def build_study(path: Path, *, lines=LINES, themes=THEMES, status=InterviewStatus.DONE) -> tuple[StudyStore, str]:
    """A study with two guide themes, three phases, one interview P1 with ``lines`` as notes."""
    store = StudyStore.create(
        path,
        Study(name="Skapa ett grönt hem", language="en", created=date(2026, 3, 1)),
        [Phase(id=f"ph{i}", name=name, order=i) for i, name in enumerate(["Inspiration", "Köpa", "Vårda"], 1)],
        Guide(themes=[GuideTheme(id="th1", title="Inspiration"), GuideTheme(id="th2", title="Köpet")]),
        [Participant(code="P1", real_name=REAL_NAME)],
        ["ICA Maxi"],
    )
    interview = store.new_interview("P1", start=START, interviewer="Maja Lind", note_taker="Erik Karlsson")
    with store.open_interview(interview.id) as session:
        for (t, line), theme in zip(lines, themes, strict=True):
            session.add_note(parse(line), raw=line, theme=theme, t=float(t), wall=START + timedelta(seconds=t))
        session.end(START + timedelta(seconds=lines[-1][0] + 60))
        if status is not InterviewStatus.DONE:
            session.set_status(status)
    return store, interview.id


def stored_notes(path: Path, interview_id: str, *, include_deleted: bool = True):
    """The notes as they are on disk now (a fresh read-only open)."""
    store = StudyStore.open(path)
    with store.open_interview(interview_id, writable=False) as session:
        return session.notes(include_deleted=include_deleted), session.interview
