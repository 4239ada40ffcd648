"""Method checks: where a study or its map drifts from the method's rules of thumb.

Each finding has a stable ``code`` (scripts and the report rely on it), a severity
(``warning`` makes ``trodden check`` exit 1; ``info`` is a nudge) and a one-line,
user-ready message. ``subject`` names what the finding is about (a phase, an item id,
an interview id) so a screen can jump to it.

The checks are pure functions of the study, its interviews, the notes index and the map.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from trodden.models.map.evidence import NotesIndex, item_channels
from trodden.models.map.journey_map import ItemKind, JourneyMap, Mark
from trodden.models.notes.syntax import NoteDraft, parse
from trodden.models.plurals import count, noun
from trodden.models.storage.study_file import StudyFile

from .checks_method import METHOD_CHECKS
from .domain import Interview, InterviewStatus
from .finding import Finding, Severity
from .names import visible

__all__ = ["Finding", "Severity", "funnel_words", "has_warnings", "run_checks"]


def _vocab(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Funnel vocabulary (English, Swedish, Danish). STRONG words flag a phase wherever they
# appear in its name; WEAK words (everyday verbs/nouns in AIDA) only when the name is
# short, so "Interest in plants grows" is not flagged but "Interest" is.
FUNNEL_STRONG = _vocab(
    """
    awareness consideration retention advocacy loyalty conversion funnel tofu mofu bofu aida
    top-of-funnel middle-of-funnel bottom-of-funnel
    medvetenhet kännedom övervägande övervägandefas lojalitet konvertering tratt säljtratt
    ambassadörskap
    kendskab overvejelse fastholdelse loyalitet konvertering tragt salgstragt ambassadørskab
    """
)
FUNNEL_WEAK = _vocab(
    """
    attention interest desire action purchase acquisition activation evaluation
    uppmärksamhet intresse önskan begär handling köp köpet behålla rekommendation
    opmærksomhed interesse ønske begær handling køb købet anbefaling
    """
)
FUNNEL_PHRASES = ("top of funnel", "middle of funnel", "bottom of funnel", "top of the funnel", "bottom of the funnel")

_WORD = re.compile(r"[\w-]+")


def funnel_words(name: str) -> list[str]:
    """The funnel words in a phase name (empty when it reads like a customer's stage)."""
    folded = unicodedata.normalize("NFC", name).casefold()
    found = [phrase for phrase in FUNNEL_PHRASES if phrase in folded]
    words = _WORD.findall(folded)
    found += [word for word in words if word in FUNNEL_STRONG]
    if len(words) <= 2:
        found += [word for word in words if word in FUNNEL_WEAK]
    return found


def _q(text: str) -> str:
    """User text quoted for a one-line message (control characters made visible)."""
    return f"“{visible(text)}”"


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def typed_text(raw: str) -> str | None:
    """The words of a note as first typed (markers and quote marks removed)."""
    parsed = parse(raw)
    return parsed.text if isinstance(parsed, NoteDraft) else None


# ---------------------------------------------------------------- the checks
Check = Callable[[StudyFile, list[Interview], NotesIndex, JourneyMap], Iterable[Finding]]


def check_funnel(data: StudyFile, interviews, index, journey) -> Iterable[Finding]:
    for phase in sorted(data.phases, key=lambda p: p.order):
        words = funnel_words(phase.name)
        if words:
            yield Finding(
                "funnel-phase",
                "warning",
                f"phase {_q(phase.name)} is named like a sales funnel ({', '.join(dict.fromkeys(words))}); "
                "name it after what the customer does and wants",
                phase.id,
            )


def check_state(data: StudyFile, interviews, index, journey) -> Iterable[Finding]:
    if data.study.state is None:
        yield Finding(
            "state-unset",
            "warning",
            "choose whether this map shows the current state or a target state (never a mix)",
        )


def _count(code: str, label: str, count: int, low: int, high: int) -> Iterable[Finding]:
    if not low <= count <= high:
        yield Finding(code, "warning", f"{count} {label} on the map; the method suggests {low}-{high}")


def check_marks(data: StudyFile, interviews, index, journey: JourneyMap) -> Iterable[Finding]:
    hearts = sum(1 for item in journey.items if item.mark is Mark.HEART)
    clouds = sum(1 for item in journey.items if item.mark is Mark.CLOUD)
    yield from _count("hearts-count", noun(hearts, "heart"), hearts, 3, 5)
    yield from _count("clouds-count", noun(clouds, "thundercloud"), clouds, 3, 5)


def check_moments(data: StudyFile, interviews, index, journey: JourneyMap) -> Iterable[Finding]:
    moments = sum(1 for item in journey.items if item.kind is ItemKind.MOMENT)
    yield from _count("moments-count", "moments of truth" if moments != 1 else "moment of truth", moments, 2, 4)


def check_channels(data: StudyFile, interviews, index: NotesIndex, journey: JourneyMap) -> Iterable[Finding]:
    if any(item.evidence for item in journey.items):
        channels = {c for item in journey.items for c in item_channels(item, index)}
        where = "on the map"
    else:
        channels = {c for note in index.notes.values() for c in note.channels}
        where = "in the notes"
    if len(channels) <= 1:
        only = f" ({next(iter(channels))})" if channels else ""
        yield Finding(
            "single-channel",
            "warning",
            f"{count(len(channels), 'channel')}{only} {where}; a journey crosses channels, including where the company is absent",
        )


def check_evidence(data: StudyFile, interviews, index: NotesIndex, journey: JourneyMap) -> Iterable[Finding]:
    for item in journey.items:
        if not index.evidence(item):
            yield Finding(
                "no-evidence",
                "warning",
                f"{_q(item.title)} is still a hypothesis: no interview note backs it; confirm or remove it",
                str(item.id),
            )


def check_quotes(data: StudyFile, interviews, index: NotesIndex, journey: JourneyMap) -> Iterable[Finding]:
    for pick in journey.quotes:
        note = index.notes.get(pick.note)
        if note is None:
            continue
        typed = typed_text(note.raw)
        if typed is not None and _normal(typed) != _normal(note.text):
            yield Finding(
                "quote-not-verbatim",
                "warning",
                f"quote {pick.note} now reads {_q(note.text)} but was typed as {_q(typed)}; quotes stay verbatim",
                pick.note,
            )


def check_cleaned(data: StudyFile, interviews: list[Interview], index, journey) -> Iterable[Finding]:
    for interview in interviews:
        if interview.status in (InterviewStatus.DONE, InterviewStatus.LIVE):
            yield Finding(
                "not-cleaned",
                "warning" if interview.status is InterviewStatus.DONE else "info",
                f"interview {interview.id} ({interview.participant}) is {interview.status.value}, not cleaned yet",
                interview.id,
            )


def check_empty_phases(data: StudyFile, interviews, index, journey: JourneyMap) -> Iterable[Finding]:
    used = {item.phase for item in journey.items} | {pick.phase for pick in journey.quotes}
    for phase in sorted(data.phases, key=lambda p: p.order):
        if phase.id not in used:
            yield Finding("empty-phase", "warning", f"phase {_q(phase.name)} has nothing on the map", phase.id)


CHECKS: list[Check] = [
    check_funnel,
    check_state,
    check_marks,
    check_moments,
    check_channels,
    check_evidence,
    check_quotes,
    check_cleaned,
    check_empty_phases,
    *METHOD_CHECKS,
]


def run_checks(data: StudyFile, interviews: list[Interview], index: NotesIndex, journey: JourneyMap) -> list[Finding]:
    """Every finding, in check order (funnel and state first, interviews and phases last)."""
    return [finding for check in CHECKS for finding in check(data, interviews, index, journey)]


def has_warnings(findings: Iterable[Finding]) -> bool:
    return any(finding.severity == "warning" for finding in findings)
