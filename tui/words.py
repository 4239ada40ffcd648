"""The domain's own words (an interview's status, a note's kind, the study's scope) as the interface
says them. The stored value stays English (it is data and a file format); only what is shown changes."""

from __future__ import annotations

from enum import Enum

from trodden.models.domain import InterviewStatus, JourneyState, Kind, Role, Scope
from trodden.models.map.journey_map import BackstageKind, ItemKind, Lane, Mark
from trodden.models.transcript.quotes import QuoteStatus
from trodden.tui.i18n import N_, _

WORDS: dict[Enum, str] = {
    InterviewStatus.PLANNED: N_("planned"),
    InterviewStatus.LIVE: N_("live"),
    InterviewStatus.DONE: N_("done"),
    InterviewStatus.CLEANED: N_("cleaned"),
    Kind.QUOTE: N_("quote"),
    Kind.TOUCHPOINT: N_("touchpoint"),
    Kind.MOMENT: N_("moment"),
    Kind.BACKSTAGE: N_("backstage"),
    Kind.QUESTION: N_("question"),
    Scope.WHOLE: N_("whole"),
    Scope.EPISODE: N_("episode"),
    JourneyState.CURRENT: N_("current"),
    JourneyState.TARGET: N_("target"),
    Role.CUSTOMER: N_("customer"),
    Role.STAFF: N_("staff"),
    ItemKind.TOUCHPOINT: N_("touchpoint"),
    ItemKind.MOMENT: N_("moment"),
    ItemKind.BACKSTAGE: N_("backstage"),
    BackstageKind.PEOPLE: N_("people"),
    BackstageKind.POLICY: N_("policy"),
    BackstageKind.SYSTEM: N_("system"),
    BackstageKind.EMPLOYEE: N_("staff"),
    Mark.HEART: N_("heart"),
    Mark.CLOUD: N_("cloud"),
}
LANES: dict[Lane, str] = {
    Lane.TOUCHPOINTS: N_("Touchpoints"),
    Lane.CHANNELS: N_("Channels"),
    Lane.EMOTIONS: N_("Hearts/clouds"),
    Lane.CURVE: N_("Curve"),
    Lane.QUOTES: N_("Quotes"),
    Lane.MOMENTS: N_("Moments"),
    Lane.BACKSTAGE: N_("Backstage"),
}
"""The board's lane titles (models/map/board_model.py's LANE_TITLES, as the interface says them)."""


LANGUAGE_NAMES = {"en": N_("English"), "sv": N_("Swedish"), "da": N_("Danish")}
"""A study's language as the interface names it (in a sentence: "notes in Swedish")."""


ENDONYMS = {"sv": "Svenska", "da": "Dansk", "en": "English"}
"""Each language in its own name, as a language picker shows it (settings): a reader finds their own
language whatever the interface speaks, so these are never translated."""


def language_name(code: str) -> str:
    return _(LANGUAGE_NAMES[code]) if code in LANGUAGE_NAMES else code


QUOTE_STATUS_WORD = {
    QuoteStatus.VERBATIM: N_("verbatim"),
    QuoteStatus.CLOSE: N_("close"),
    QuoteStatus.NOT_FOUND: N_("not found"),
    QuoteStatus.NO_TRANSCRIPT: N_("no transcript"),
}
LEVEL_WORD = {"set by hand": N_("set by hand"), "high": N_("high"), "medium": N_("medium"), "low": N_("low")}
"""A quote match's status and the transcript offset's confidence as the clean screen and ``trodden
transcript`` say them (the models' values are English keys)."""


def quote_status_word(status: QuoteStatus) -> str:
    return _(QUOTE_STATUS_WORD.get(status, status.value))


def word(value: Enum) -> str:
    """``value`` in the interface's language (its stored spelling if it has no entry)."""
    if isinstance(value, Lane):
        return _(LANES.get(value, str(value.value)))
    return _(WORDS.get(value, str(value.value)))
