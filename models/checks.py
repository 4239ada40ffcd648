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
from trodden.models.storage.study_file import StudyFile

from .check_messages import quote, say
from .checks_method import METHOD_CHECKS
from .domain import Interview, InterviewStatus, JourneyState
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
            text = say(data, "funnel-phase", name=quote(data, phase.name), words=", ".join(dict.fromkeys(words)))
            yield Finding("funnel-phase", "warning", text, phase.id)


def check_state(data: StudyFile, interviews, index, journey) -> Iterable[Finding]:
    if data.study.state is None:
        yield Finding("state-unset", "warning", say(data, "state-unset"))


def _count(data: StudyFile, code: str, count: int, low: int, high: int) -> Iterable[Finding]:
    if not low <= count <= high:
        key = f"{code}.one" if count == 1 else code
        yield Finding(code, "warning", say(data, key, count=count, low=low, high=high))


def check_marks(data: StudyFile, interviews, index, journey: JourneyMap) -> Iterable[Finding]:
    hearts = sum(1 for item in journey.items if item.mark is Mark.HEART)
    clouds = sum(1 for item in journey.items if item.mark is Mark.CLOUD)
    yield from _count(data, "hearts-count", hearts, 3, 5)
    yield from _count(data, "clouds-count", clouds, 3, 5)


def check_moments(data: StudyFile, interviews, index, journey: JourneyMap) -> Iterable[Finding]:
    moments = sum(1 for item in journey.items if item.kind is ItemKind.MOMENT)
    yield from _count(data, "moments-count", moments, 2, 4)


def check_channels(data: StudyFile, interviews, index: NotesIndex, journey: JourneyMap) -> Iterable[Finding]:
    if any(item.evidence for item in journey.items):
        channels = {c for item in journey.items for c in item_channels(item, index)}
        where = say(data, "where.map")
    else:
        channels = {c for note in index.notes.values() for c in note.channels}
        where = say(data, "where.notes")
    if len(channels) <= 1:
        only = f" ({visible(next(iter(channels)), one_line=True)})" if channels else ""
        key = "single-channel.one" if len(channels) == 1 else "single-channel"
        yield Finding("single-channel", "warning", say(data, key, count=len(channels), only=only, where=where))


def check_evidence(data: StudyFile, interviews, index: NotesIndex, journey: JourneyMap) -> Iterable[Finding]:
    for item in journey.items:
        if not index.evidence(item):
            yield Finding(
                "no-evidence", "warning", say(data, "no-evidence", name=quote(data, item.title)), str(item.id)
            )


def check_quotes(data: StudyFile, interviews, index: NotesIndex, journey: JourneyMap) -> Iterable[Finding]:
    for pick in journey.quotes:
        note = index.notes.get(pick.note)
        if note is None:
            continue
        typed = typed_text(note.raw)
        if typed is not None and _normal(typed) != _normal(note.text):
            text = say(
                data, "quote-not-verbatim", note=pick.note, text=quote(data, note.text), typed=quote(data, typed)
            )
            yield Finding("quote-not-verbatim", "warning", text, pick.note)


def check_cleaned(data: StudyFile, interviews: list[Interview], index, journey) -> Iterable[Finding]:
    for interview in interviews:
        if interview.status in (InterviewStatus.DONE, InterviewStatus.LIVE):
            status = say(data, f"status.{interview.status.value}")
            text = say(data, "not-cleaned", id=interview.id, participant=interview.participant, status=status)
            severity = "warning" if interview.status is InterviewStatus.DONE else "info"
            yield Finding("not-cleaned", severity, text, interview.id)


def check_empty_phases(data: StudyFile, interviews, index, journey: JourneyMap) -> Iterable[Finding]:
    used = {item.phase for item in journey.items} | {pick.phase for pick in journey.quotes}
    for phase in sorted(data.phases, key=lambda p: p.order):
        if phase.id not in used:
            yield Finding("empty-phase", "warning", say(data, "empty-phase", name=quote(data, phase.name)), phase.id)


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


EVIDENCE_CODES = frozenset(
    {"no-evidence", "heart-thin-evidence", "cloud-thin-evidence", "segment-narrow", "interviews-few"}
)
"""Checks of the interview evidence: a target-state map is a goal, not a finding, so it has none."""


def run_checks(data: StudyFile, interviews: list[Interview], index: NotesIndex, journey: JourneyMap) -> list[Finding]:
    """Every finding, in check order (funnel and state first, interviews and phases last).

    A target-state study (``--state target``) gets no evidence checks (``EVIDENCE_CODES``):
    its items need no interview behind them.
    """
    findings = [finding for check in CHECKS for finding in check(data, interviews, index, journey)]
    if data.study.state is JourneyState.TARGET:
        findings = [finding for finding in findings if finding.code not in EVIDENCE_CODES]
    return findings


def in_language(data: StudyFile, language: str | None) -> StudyFile:
    """``data`` with its language set to ``language`` (the messages' language), or as it is."""
    if not language or language == data.study.language:
        return data
    return data.model_copy(update={"study": data.study.model_copy(update={"language": language})})


def has_warnings(findings: Iterable[Finding]) -> bool:
    return any(finding.severity == "warning" for finding in findings)
