"""Reading a study for a report: every interview's notes and the map, once, through the store API.

A broken interview is named in ``problems`` and left out, never fatal: a report of the
rest is worth more than no report.

The cyclic garbage collector is kept out of the read: each interview's load pauses it,
but between loads it would rescan every note read so far (at 50,000 notes about a
quarter of the whole export). Notes hold no reference cycles, so nothing is lost; a large read is
frozen out of later scans (``gc_policy``), as the store does for one large interview.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from trodden.models.change.plan import ChangePlan
from trodden.models.change.store import read_plan
from trodden.models.domain import Interview, Note
from trodden.models.errors import StoreError
from trodden.models.map.journey_map import JourneyMap
from trodden.models.map.kept_hypothesis import KeptHypothesis, read_hypothesis
from trodden.models.map.map_session import read_study_map as read_map
from trodden.models.storage.gc_policy import paused_gc, request_freeze
from trodden.models.storage.store import StudyStore
from trodden.models.storage.study_file import StudyFile
from trodden.models.transcript.study import study_alignments, verified_ids

if TYPE_CHECKING:  # aligning is imported only for a study with transcripts
    from trodden.models.transcript.check import Alignment

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
    hypothesis: KeptHypothesis | None = None
    """the hypothesis journey kept before the interviews, if one was"""
    plan: ChangePlan = field(default_factory=ChangePlan)
    """problem areas, ideas and the target map (empty when none was started)"""
    verified: frozenset[str] = frozenset()
    """Ids of the quotes verified against their interview's transcript (word for word)."""
    alignments: dict[str, Alignment] = field(default_factory=dict)
    """Each interview with a transcript set against its notes (the checks' quote findings)."""


def read_study(store: StudyStore, progress: Progress | None = None) -> StudyData:
    interviews, problems = store.interviews()
    notes: dict[str, list[Note]] = {}
    with paused_gc():  # nothing to collect while reading; a large read is frozen after (``gc_policy``)
        readable = _read_notes(store, interviews, notes, problems, progress)
        request_freeze(sum(map(len, notes.values())))
    try:
        hypothesis = read_hypothesis(store.path)
    except StoreError as error:  # a damaged snapshot is named; the report goes on without the section
        hypothesis = None
        problems.append(error)
    alignments, transcript_problems = study_alignments(store, readable, notes)
    problems += transcript_problems
    journey = read_map(store) or JourneyMap()
    return StudyData(
        store.data,
        readable,
        notes,
        journey,
        [str(p) for p in problems],
        hypothesis=hypothesis,
        plan=read_plan(store.path),
        verified=verified_ids(alignments, notes),
        alignments=alignments,
    )


def _read_notes(
    store: StudyStore,
    interviews: list[Interview],
    notes: dict[str, list[Note]],
    problems: list[StoreError],
    progress: Progress | None,
) -> list[Interview]:
    """Fill ``notes`` from every interview; the readable interviews, in order."""
    readable = []
    for done, interview in enumerate(interviews, start=1):
        try:
            with store.read_notes(interview) as session:
                notes[interview.id] = session.notes()
            readable.append(interview)
        except StoreError as error:  # a broken interview is named, never fatal
            problems.append(error)
        if progress:
            progress("read", done, len(interviews))
    return readable
