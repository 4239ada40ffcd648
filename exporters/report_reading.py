"""Reading a study for a report: every interview's notes and the map, once, through the store API.

A broken interview is named in ``problems`` and left out, never fatal: a report of the
rest is worth more than no report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from trodden.models.domain import Interview, Note
from trodden.models.errors import StoreError
from trodden.models.interchange import read_map
from trodden.models.map.journey_map import JourneyMap
from trodden.models.storage.store import StudyFile, StudyStore

Progress = Callable[[str, int, int], None]
"""progress(step, done, total): called while a long report is built."""


@dataclass
class StudyData:
    """Everything a report needs, read once through the store API."""

    data: StudyFile
    interviews: list[Interview]
    notes: dict[str, list[Note]]
    journey: JourneyMap
    problems: list[str]


def read_study(store: StudyStore, progress: Progress | None = None) -> StudyData:
    interviews, problems = store.interviews()
    notes: dict[str, list[Note]] = {}
    readable = []
    for done, interview in enumerate(interviews, start=1):
        try:
            with store.open_interview(interview.id, writable=False) as session:
                notes[interview.id] = session.notes()
            readable.append(interview)
        except StoreError as error:  # a broken interview is named, never fatal
            problems.append(error)
        if progress:
            progress("read", done, len(interviews))
    return StudyData(store.data, readable, notes, read_map(store) or JourneyMap(), [str(p) for p in problems])
