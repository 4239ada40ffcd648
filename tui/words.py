"""The domain's own words (an interview's status, a note's kind, the study's scope) as the interface
says them. The stored value stays English (it is data and a file format); only what is shown changes."""

from __future__ import annotations

from enum import Enum

from trodden.models.domain import InterviewStatus, JourneyState, Kind, Role, Scope
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
}


def word(value: Enum) -> str:
    """``value`` in the interface's language (its stored spelling if it has no entry)."""
    return _(WORDS.get(value, str(value.value)))
