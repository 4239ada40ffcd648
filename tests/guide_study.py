"""A small crafted study for the guide tests: three themes (with å ä ö), one live interview."""

from __future__ import annotations

import asyncio
import functools
from datetime import datetime, timedelta
from pathlib import Path

from trodden.models.domain import Guide, GuideQuestion, GuideTheme, Phase, Study
from trodden.models.storage.store import StudyStore

START = datetime(2026, 3, 2, 10, 0, 0)


def make_guide() -> Guide:
    return Guide(
        themes=[
            GuideTheme(
                id="th1",
                title="Inledning",
                questions=[
                    GuideQuestion(id="th1q1", text="Berätta om dig själv"),
                    GuideQuestion(id="th1q2", text="Hur många växter har du?"),
                ],
            ),
            GuideTheme(
                id="th2",
                title="Hitta butiken",
                questions=[GuideQuestion(id="th2q1", text="Hur hörde du talas om oss? [bold]x[/bold]")],
            ),
            GuideTheme(id="th3", title="Köpa och leverans", questions=[]),
        ]
    )


def make_study(path: Path) -> tuple[StudyStore, str]:
    store = StudyStore.create(
        path,
        Study(name="Skapa ett grönt hem", language="sv"),
        [Phase(id="ph1", name="Drömma", order=1)],
        make_guide(),
    )
    interview = store.new_interview("P1", start=START)
    return store, interview.id


class Clock:
    """A settable clock for the guide view: no real time on screen or in assertions."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


def run_async(test):
    """Run an async test on a fresh event loop (the suite has no asyncio plugin)."""

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper
