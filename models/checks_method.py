"""The method's rules of thumb on who was interviewed and how the journey is framed.

Split from ``checks.py`` (same ``Finding``, same signature). Messages are in the study's
language (en, sv, da), worded in ``check_messages``; user text is quoted in the language's
quotation marks (control characters made visible).
"""

from __future__ import annotations

from collections.abc import Iterable

from trodden.models.map.design_question import tidy
from trodden.models.map.evidence import NotesIndex
from trodden.models.map.journey_map import ItemKind, JourneyMap, Mark
from trodden.models.storage.study_file import StudyFile

from .check_messages import quote, say
from .check_words import INSIDE_OUT_JOURNEY, INSIDE_OUT_PHASE, matches
from .domain import Scope
from .finding import Finding

MAX_PHASES = 7
GUIDANCE = {Scope.EPISODE: (10, 12), Scope.WHOLE: (15, 20)}
"""Customer interviews the method suggests for the scope."""


def check_journey_name(data: StudyFile, interviews, index, journey) -> Iterable[Finding]:
    words = matches(data.study.name, INSIDE_OUT_JOURNEY)
    if words:
        text = say(data, "journey-name-inside-out", name=quote(data, data.study.name), words=", ".join(words))
        yield Finding("journey-name-inside-out", "warning", text)


def check_purpose(data: StudyFile, interviews, index, journey) -> Iterable[Finding]:
    if not data.study.purpose.strip():
        yield Finding("purpose-unset", "warning", say(data, "purpose-unset"))


def check_phase_count(data: StudyFile, interviews, index, journey) -> Iterable[Finding]:
    if len(data.phases) > MAX_PHASES:
        text = say(data, "too-many-phases", count=len(data.phases), most=MAX_PHASES)
        yield Finding("too-many-phases", "warning", text)


def check_phase_names(data: StudyFile, interviews, index, journey) -> Iterable[Finding]:
    for phase in sorted(data.phases, key=lambda p: p.order):
        words = matches(phase.name, INSIDE_OUT_PHASE)
        if words:
            text = say(data, "phase-inside-out", name=quote(data, phase.name), words=", ".join(words))
            yield Finding("phase-inside-out", "warning", text, phase.id)


def check_thin_marks(data: StudyFile, interviews, index: NotesIndex, journey: JourneyMap) -> Iterable[Finding]:
    """A heart or thundercloud one customer alone backs (no backing at all is ``no-evidence``)."""
    codes = {Mark.HEART: "heart-thin-evidence", Mark.CLOUD: "cloud-thin-evidence"}
    for item in journey.items:
        if item.mark is None:
            continue
        backers = index.customer_backers(item)
        if len(backers) == 1:
            code = codes[item.mark]
            text = say(data, code, name=quote(data, item.title), who=quote(data, next(iter(backers))))
            yield Finding(code, "warning", text, str(item.id))


def check_moment_questions(data: StudyFile, interviews, index, journey: JourneyMap) -> Iterable[Finding]:
    for item in journey.items:
        if item.kind is ItemKind.MOMENT and not tidy(item.design_question):
            text = say(data, "moment-no-question", name=quote(data, item.title))
            yield Finding("moment-no-question", "warning", text, str(item.id))


def check_segments(data: StudyFile, interviews, index: NotesIndex, journey) -> Iterable[Finding]:
    customers = index.participants
    segments = {" ".join(index.segment_of.get(code, "").casefold().split()) for code in customers}
    if len(customers) >= 3 and len(segments) == 1:
        first = index.segment_of.get(customers[0], "").strip()
        segment = quote(data, first) if first else say(data, "untyped")
        yield Finding("segment-narrow", "info", say(data, "segment-narrow", count=len(customers), segment=segment))


def check_interview_count(data: StudyFile, interviews, index: NotesIndex, journey) -> Iterable[Finding]:
    """Customer interviews held (with notes), staff never counted."""
    low, high = GUIDANCE[data.study.scope]
    held = {i.id for i in interviews if i.id in index.participant_of} & index.interviews_with_notes
    count = sum(1 for i in held if not index.is_staff(index.participant_of[i]))
    if count < low:
        scope = say(data, f"scope.{data.study.scope.value}")
        yield Finding(
            "interviews-few",
            "info",
            say(
                data,
                "interviews-few.one" if count == 1 else "interviews-few",
                count=count,
                low=low,
                high=high,
                scope=scope,
            ),
        )


def check_backstage(data: StudyFile, interviews, index, journey: JourneyMap) -> Iterable[Finding]:
    back = sum(1 for item in journey.items if item.kind is ItemKind.BACKSTAGE)
    front = len(journey.items) - back
    if back > front:
        yield Finding("backstage-heavy", "info", say(data, "backstage-heavy", back=back, front=front))


METHOD_CHECKS = [
    check_journey_name,
    check_purpose,
    check_phase_count,
    check_phase_names,
    check_thin_marks,
    check_moment_questions,
    check_segments,
    check_interview_count,
    check_backstage,
]
