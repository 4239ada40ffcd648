"""The inbox filter: a short query typed in the map screen, parsed into a predicate.

Tokens (all must match): ``@channel``, ``#tag``, ``kind:quote`` (or ``k:``; also
touchpoint/moment/backstage/question), ``theme:name`` (``t:``, number, id or title
prefix), ``phase:N`` (``ph:``; ``phase:none`` for notes without a phase), ``p:P3`` or a
bare participant code, ``i:interview-id-prefix``, ``+`` / ``-`` (hearts / clouds), and
any other word, matched in the note's text. Unknown ``key:`` prefixes are plain words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from trodden.models.domain import Interview, InterviewStatus, Kind, Note
from trodden.models.storage.study_file import StudyFile

from .evidence import NotesIndex

KIND_WORDS = {kind.value: kind for kind in Kind} | {
    "q": Kind.QUOTE,
    "tp": Kind.TOUCHPOINT,
    "mot": Kind.MOMENT,
    "bs": Kind.BACKSTAGE,
    "fu": Kind.QUESTION,
    '"': Kind.QUOTE,
    "*": Kind.TOUCHPOINT,
    "!": Kind.MOMENT,
    "%": Kind.BACKSTAGE,
    "?": Kind.QUESTION,
}
"""kind:quote, kind:q or kind:" (the capture markers work too)"""


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


@dataclass
class InboxFilter:
    channels: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    kinds: list[Kind] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    phases: list[str | None] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    interviews: list[str] = field(default_factory=list)
    valence: int = 0
    words: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.channels
            or self.tags
            or self.kinds
            or self.themes
            or self.phases
            or self.participants
            or self.interviews
            or self.valence
            or self.words
        )

    def predicate(self, index: NotesIndex) -> Callable[[Note], bool]:
        def match(note: Note) -> bool:
            if self.channels and not all(c in note.channels for c in self.channels):
                return False
            if self.tags and not all(t in note.tags for t in self.tags):
                return False
            if self.kinds and not all(k in note.kinds for k in self.kinds):
                return False
            if self.themes and note.theme not in self.themes:
                return False
            if self.phases and note.phase not in self.phases:
                return False
            if self.participants and _fold(index.participant(note)) not in self.participants:
                return False
            if self.interviews and not any(note.interview.startswith(i) for i in self.interviews):
                return False
            if self.valence and (note.valence is None or (note.valence > 0) != (self.valence > 0)):
                return False
            if self.words:
                text = _fold(note.text)
                return all(word in text for word in self.words)
            return True

        return match


def parse_filter(query: str, data: StudyFile, participants: tuple[str, ...] = ()) -> InboxFilter:
    """Parse a filter query; tokens it cannot resolve are reported in ``problems``."""
    result = InboxFilter()
    codes = {_fold(code) for code in participants} | {_fold(p.code) for p in data.participants}
    for token in query.split():
        key, sep, value = token.partition(":")
        key = key.casefold()
        if token.startswith("@") and len(token) > 1:
            result.channels.append(token[1:].lower())
        elif token.startswith("#") and len(token) > 1:
            result.tags.append(token[1:].lower())
        elif token in ("+", "-"):
            result.valence = 1 if token == "+" else -1
        elif sep and key in ("kind", "k"):
            kind = KIND_WORDS.get(value.casefold())
            if kind is None:
                result.problems.append(f"no kind {value!r} (quote, touchpoint, moment, backstage, question)")
            else:
                result.kinds.append(kind)
        elif sep and key in ("theme", "t"):
            theme = data.guide.find_theme(value)
            if theme is None:
                result.problems.append(f"no theme {value!r}")
            else:
                result.themes.append(theme.id)
        elif sep and key in ("phase", "ph"):
            if value.casefold() in ("none", "-", "0"):
                result.phases.append(None)
            else:
                phase = data.find_phase(value)
                if phase is None:
                    result.problems.append(f"no phase {value!r}")
                else:
                    result.phases.append(phase.id)
        elif sep and key in ("p", "participant"):
            result.participants.append(_fold(value))
        elif sep and key in ("i", "interview"):
            result.interviews.append(value)
        elif _fold(token) in codes:
            result.participants.append(_fold(token))
        else:
            result.words.append(_fold(token))
    return result


PLAIN_MODES = ("cleaned", "all", "none")
"""Which notes without a marker reach the inbox: from cleaned interviews (the default), all, none.

A note-taker marks what strikes them live, but much of a map's material is plain words; once an
interview is cleaned its plain notes have been read again and belong in the inbox. During or right
after an interview they would bury the marked notes, so they wait for the clean-up unless asked for.
"""
PLAIN_SAID = {
    "cleaned": "Inbox: notes without a marker from cleaned interviews",
    "all": "Inbox: notes without a marker from every interview",
    "none": "Inbox: marked notes only",
}


def next_plain_mode(mode: str) -> str:
    """The mode the toggle key goes to next: cleaned → all → none → cleaned."""
    return PLAIN_MODES[(PLAIN_MODES.index(mode) + 1) % len(PLAIN_MODES)] if mode in PLAIN_MODES else PLAIN_MODES[0]


def plain_interviews(interviews: Iterable[Interview], mode: str) -> frozenset[str]:
    """The interviews whose plain notes the inbox shows in ``mode``."""
    if mode == "all":
        return frozenset(interview.id for interview in interviews)
    if mode == "cleaned":
        return frozenset(i.id for i in interviews if i.status is InterviewStatus.CLEANED)
    return frozenset()
