"""The method's rules of thumb on who was interviewed and how the journey is framed.

Split from ``checks.py`` (same ``Finding``, same signature). Messages are in the study's
language (en, sv, da); they live here, beside the rules, because models never import the
exporters' words. User text is quoted with ``_q`` (control characters made visible).
"""

from __future__ import annotations

from collections.abc import Iterable

from trodden.models.map.evidence import NotesIndex
from trodden.models.map.journey_map import ItemKind, JourneyMap, Mark
from trodden.models.storage.study_file import StudyFile

from .check_words import INSIDE_OUT_JOURNEY, INSIDE_OUT_PHASE, matches
from .domain import Scope
from .finding import Finding, quoted
from .plurals import count as plural

MAX_PHASES = 7
GUIDANCE = {Scope.EPISODE: (10, 12), Scope.WHOLE: (15, 20)}
"""Customer interviews the method suggests for the scope."""

_TEXT: dict[str, dict[str, str]] = {
    "journey-name-inside-out": {
        "en": "the journey {name} is named from the company's side ({words}); name it after what the customer wants",
        "sv": "resan {name} är namngiven från företagets sida ({words}); döp den efter vad kunden vill",
        "da": "rejsen {name} er navngivet fra virksomhedens side ({words}); navngiv den efter hvad kunden vil",
    },
    "purpose-unset": {
        "en": "the study has no purpose: say what the journey map should help decide",
        "sv": "studien saknar syfte: skriv vad kundresekartan ska hjälpa till att avgöra",
        "da": "studiet mangler et formål: skriv hvad kunderejsekortet skal hjælpe med at afgøre",
    },
    "too-many-phases": {
        "en": "{count} phases; the method suggests at most {most}: merge or narrow the scope",
        "sv": "{count} faser; metoden föreslår högst {most}: slå ihop eller smalna av omfattningen",
        "da": "{count} faser; metoden foreslår højst {most}: slå sammen eller indsnævr omfanget",
    },
    "phase-inside-out": {
        "en": "phase {name} is named after the company's process ({words}); name it after what the customer does",
        "sv": "fasen {name} är namngiven efter företagets process ({words}); döp den efter vad kunden gör",
        "da": "fasen {name} er navngivet efter virksomhedens proces ({words}); navngiv den efter hvad kunden gør",
    },
    "heart-thin-evidence": {
        "en": "heart {name} is backed by one customer only ({who}); look for more before choosing it",
        "sv": "hjärtat {name} stöds av bara en kund ({who}); sök mer stöd innan ni väljer det",
        "da": "hjertet {name} understøttes kun af én kunde ({who}); find mere belæg før I vælger det",
    },
    "cloud-thin-evidence": {
        "en": "thundercloud {name} is backed by one customer only ({who}); look for more before choosing it",
        "sv": "åskmolnet {name} stöds av bara en kund ({who}); sök mer stöd innan ni väljer det",
        "da": "tordenskyen {name} understøttes kun af én kunde ({who}); find mere belæg før I vælger den",
    },
    "moment-no-question": {
        "en": 'moment of truth {name} has no design question ("How might we ...?")',
        "sv": 'sanningens ögonblick {name} saknar designfråga ("Hur skulle vi kunna ...?")',
        "da": 'sandhedens øjeblik {name} mangler et designspørgsmål ("Hvordan kan vi ...?")',
    },
    "segment-narrow": {
        "en": "all {count} customers interviewed are of one type ({segment}); recruit across customer types",
        "sv": "alla {count} intervjuade kunder är av en kundtyp ({segment}); rekrytera från fler kundtyper",
        "da": "alle {count} interviewede kunder er af én kundetype ({segment}); rekruttér på tværs af kundetyper",
    },
    "interviews-few": {
        "en": "{interviews}; the method suggests {low}-{high} for {scope}",
        "sv": "{interviews}; metoden föreslår {low}-{high} för {scope}",
        "da": "{interviews}; metoden foreslår {low}-{high} for {scope}",
    },
    "backstage-heavy": {
        "en": "{back} backstage items against {front} on stage; keep backstage brief on a first journey",
        "sv": "{back} backstagepunkter mot {front} på scenen; håll backstage kort på en första kundresa",
        "da": "{back} backstagepunkter mod {front} på scenen; hold backstage kort på en første kunderejse",
    },
}
_SCOPE = {
    Scope.WHOLE: {"en": "a whole journey", "sv": "en hel resa", "da": "en hel rejse"},
    Scope.EPISODE: {"en": "an episode", "sv": "en episod", "da": "en episode"},
}
_UNTYPED = {"en": "type not given", "sv": "kundtyp ej angiven", "da": "kundetype ikke angivet"}


def _lang(data: StudyFile) -> str:
    return data.study.language if data.study.language in ("en", "sv", "da") else "en"


def _say(data: StudyFile, code: str, **values: object) -> str:
    return _TEXT[code][_lang(data)].format(**values)


def check_journey_name(data: StudyFile, interviews, index, journey) -> Iterable[Finding]:
    words = matches(data.study.name, INSIDE_OUT_JOURNEY)
    if words:
        text = _say(data, "journey-name-inside-out", name=quoted(data.study.name), words=", ".join(words))
        yield Finding("journey-name-inside-out", "warning", text)


def check_purpose(data: StudyFile, interviews, index, journey) -> Iterable[Finding]:
    if not data.study.purpose.strip():
        yield Finding("purpose-unset", "warning", _say(data, "purpose-unset"))


def check_phase_count(data: StudyFile, interviews, index, journey) -> Iterable[Finding]:
    if len(data.phases) > MAX_PHASES:
        text = _say(data, "too-many-phases", count=len(data.phases), most=MAX_PHASES)
        yield Finding("too-many-phases", "warning", text)


def check_phase_names(data: StudyFile, interviews, index, journey) -> Iterable[Finding]:
    for phase in sorted(data.phases, key=lambda p: p.order):
        words = matches(phase.name, INSIDE_OUT_PHASE)
        if words:
            text = _say(data, "phase-inside-out", name=quoted(phase.name), words=", ".join(words))
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
            text = _say(data, code, name=quoted(item.title), who=quoted(next(iter(backers))))
            yield Finding(code, "warning", text, str(item.id))


def check_moment_questions(data: StudyFile, interviews, index, journey: JourneyMap) -> Iterable[Finding]:
    for item in journey.items:
        if item.kind is ItemKind.MOMENT and not item.design_question.strip():
            text = _say(data, "moment-no-question", name=quoted(item.title))
            yield Finding("moment-no-question", "warning", text, str(item.id))


def check_segments(data: StudyFile, interviews, index: NotesIndex, journey) -> Iterable[Finding]:
    customers = index.participants
    segments = {" ".join(index.segment_of.get(code, "").casefold().split()) for code in customers}
    if len(customers) >= 3 and len(segments) == 1:
        first = index.segment_of.get(customers[0], "").strip()
        segment = quoted(first) if first else _UNTYPED[_lang(data)]
        yield Finding("segment-narrow", "info", _say(data, "segment-narrow", count=len(customers), segment=segment))


def check_interview_count(data: StudyFile, interviews, index: NotesIndex, journey) -> Iterable[Finding]:
    """Customer interviews held (with notes), staff never counted."""
    low, high = GUIDANCE[data.study.scope]
    held = {i.id for i in interviews if i.id in index.participant_of} & {n.interview for n in index.notes.values()}
    count = sum(1 for i in held if not index.is_staff(index.participant_of[i]))
    if count < low:
        scope = _SCOPE[data.study.scope][_lang(data)]
        yield Finding(
            "interviews-few",
            "info",
            _say(
                data,
                "interviews-few",
                interviews=plural(count, "customer interview", _lang(data)),
                low=low,
                high=high,
                scope=scope,
            ),
        )


def check_backstage(data: StudyFile, interviews, index, journey: JourneyMap) -> Iterable[Finding]:
    back = sum(1 for item in journey.items if item.kind is ItemKind.BACKSTAGE)
    front = len(journey.items) - back
    if back > front:
        yield Finding("backstage-heavy", "info", _say(data, "backstage-heavy", back=back, front=front))


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
