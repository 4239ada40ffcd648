"""The study's settings after ``trodden new``: what can be changed, and how a typed value is checked.

One function for the CLI (``trodden study DIR set KEY VALUE``) and the settings screen, so both
accept the same values and refuse bad ones with the same message, naming the valid values.
``apply_settings`` changes a ``StudyFile`` in place; the caller stores it through
``StudyStore.update`` (the locked read-modify-write of ``study.json``).
"""

from __future__ import annotations

from typing import get_args

from trodden.models.domain import JourneyState, Language, Scope
from trodden.models.i18n import N_, _
from trodden.models.names import visible
from trodden.models.storage.study_file import StudyFile

LANGUAGES: tuple[str, ...] = get_args(Language)

KEYS: dict[str, str] = {
    "name": "the journey's name, from the customer's side (\"Creating a thriving home\")",
    "purpose": "what the journey map should help decide",
    "scope": "whole (the whole journey) or episode (one part of it)",
    "state": "current (how it is) or target (how it should be); 'none' for not chosen",
    "language": "the language of notes and reports: " + ", ".join(LANGUAGES),
    "redaction-terms": "words always redacted in exports, separated by commas ('' for none)",
    "author": "who the Word files name as their author (the consultant or team; '' for none)",
    "bullets-are-clouds": "yes: a pasted or imported line's leading '- ' is a thundercloud; no: a list bullet, dropped",
}
"""Every key ``set`` accepts, with what it means (shown by ``show`` and in errors)."""

ALIASES = {
    "redaction": "redaction-terms",
    "redaction_terms": "redaction-terms",
    "terms": "redaction-terms",
    "bullets": "bullets-are-clouds",
    "bullets_are_clouds": "bullets-are-clouds",
}
YES = ("yes", "true", "on", "1")
NO = ("no", "false", "off", "0")


class SettingError(ValueError):
    """A key or value that cannot be set; the message says what would do."""


def _choice(key: str, value: str, choices: list[str]) -> str:
    folded = value.strip().casefold()
    if folded not in choices:
        raise SettingError(_refused(key, value, choices))
    return folded


def _refused(key: str, value: str, choices: list[str]) -> str:
    """The key as typed and the valid values stay as they are: they are what the user types back."""
    message = _("{key} cannot be {value}; choose one of: {choices}")
    return message.format(key=key, value=repr(value), choices=", ".join(choices))


def split_terms(value: str) -> list[str]:
    """``"Svensson, Rosengatan 4"`` -> the terms, blanks and repeats dropped (first spelling kept)."""
    terms: list[str] = []
    for term in value.split(","):
        term = term.strip()
        if term and term.casefold() not in {known.casefold() for known in terms}:
            terms.append(term)
    return terms


LABELS = {"name": "name", "purpose": "purpose", "author": "author", "redaction-terms": "redaction terms"}

THE = {
    "name": N_("the name"),
    "purpose": N_("the purpose"),
    "author": N_("the author"),
    "redaction terms": N_("the redaction terms"),
    "phase name": N_("the phase name"),
}
"""Each text setting as a message names it, a whole phrase so a language can give it its own article."""

KINDS = {"line break": N_("a line break"), "tab": N_("a tab"), "control": N_("a control character")}

LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


MAX_LENGTH = {"name": 200, "author": 200, "phase name": 200, "purpose": 2000}
"""Longer than this is a paste gone wrong, not a name: it would fill every title, header and file name."""


def one_line(what: str, value: str) -> str:
    """``value`` if it is one line of plain text; else ``SettingError`` naming the first character
    that is not (as ``visible`` shows it) and where. Every text setting is one line, as the settings
    screen's fields are: a line break or an escape sequence in a study's name would break every
    title, table row and file property it reaches, and is never what was meant (a paste, a script)."""
    for position, char in enumerate(value, start=1):
        if visible(char, one_line=True) != char:
            kind = "line break" if char in LINE_BREAKS else "tab" if char == "\t" else "control"
            shown = visible(char, one_line=True).replace(" ", "\u2409")  # a tab shows as ␉ here
            message = _(
                "{what} must be one line of plain text, but it has {kind} ({shown}) at character {position}:"
                " type it again without"
            )
            raise SettingError(message.format(what=_named(what), kind=_(KINDS[kind]), shown=shown, position=position))
    longest = MAX_LENGTH.get(what)
    if longest is not None and len(value.strip()) > longest:
        message = _("{what} is at most {longest} characters; this one has {length}")
        raise SettingError(message.format(what=_named(what), longest=longest, length=len(value.strip())))
    return value


def _named(what: str) -> str:
    """``what`` as a message names it: \"the name\", in the installed language."""
    return _(THE[what]) if what in THE else f"the {what}"


def normal_key(key: str) -> str:
    """The key as ``KEYS`` names it; ``SettingError`` listing the keys if it is none of them."""
    folded = key.strip().casefold()
    folded = ALIASES.get(folded, folded)
    if folded not in KEYS:
        hint = _(" (participants: 'trodden participant DIR add|edit|list')") if folded.startswith("participant") else ""
        message = _("no setting {key}; the settings are: {keys}{hint}")
        raise SettingError(message.format(key=repr(key), keys=", ".join(KEYS), hint=hint))
    return folded


def apply_setting(data: StudyFile, key: str, value: str) -> StudyFile:
    """Set ``key`` to ``value`` in ``data`` (changed in place and returned)."""
    key = normal_key(key)
    study = data.study
    if key in LABELS:
        one_line(LABELS[key], value)
    if key == "name":
        if not value.strip():
            raise SettingError(_("the name cannot be empty"))
        study.name = value.strip()
    elif key == "purpose":
        study.purpose = value.strip()
    elif key == "scope":
        study.scope = Scope(_choice(key, value, [scope.value for scope in Scope]))
    elif key == "state":
        chosen = _choice(key, value, [state.value for state in JourneyState] + ["none"])
        study.state = None if chosen == "none" else JourneyState(chosen)
    elif key == "language":
        study.language = _choice(key, value, list(LANGUAGES))  # type: ignore[assignment]
    elif key == "author":
        study.author = " ".join(value.split())  # single spaces: it goes into the files' properties
    elif key == "bullets-are-clouds":
        folded = value.strip().casefold()
        if folded not in YES + NO:
            raise SettingError(_refused(key, value, ["yes", "no"]))
        study.bullets_are_clouds = folded in YES
    else:
        data.redaction_terms = split_terms(value)
    return data


def current_value(data: StudyFile, key: str) -> str:
    """The value of ``key`` as ``set`` would take it back."""
    key = normal_key(key)
    study = data.study
    values = {
        "name": study.name,
        "purpose": study.purpose,
        "scope": study.scope.value,
        "state": study.state.value if study.state else "none",
        "language": study.language,
        "redaction-terms": ", ".join(data.redaction_terms),
        "author": study.author,
        "bullets-are-clouds": "yes" if study.bullets_are_clouds else "no",
    }
    return values[key]
