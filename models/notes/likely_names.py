"""Likely personal names in free text: a known first name, with or without a capitalised surname.

A word is looked up only when it starts with a capital (a set lookup, no giant regex), so
``per månad``, ``bo i Malmö`` and ``the will to`` are never names. At the start of a sentence
a first name that is also an everyday word (``Per dag``, ``Hans fru``, ``Will it work``)
needs a surname after it to count; anywhere else the capital is taken as the sign of a name.
Genitives (``Annas``, ``Anna's``) and double names (``Anna-Karin``) are names too.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .first_names import AMBIGUOUS, NEVER_ALONE

_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD = re.compile(rf"[{_UPPER}][^\W\d_]*(?:-[{_UPPER}][^\W\d_]*)*(?:'s|’s)?")
"""A capitalised word (double names joined by a hyphen), with an English genitive. It starts
with a character class so the regex engine scans fast; what may stand around it is checked after."""
_NOT_BEFORE = frozenset("&/\\'’")
_NOT_AFTER = frozenset("'’")
_SURNAME = re.compile(
    rf"[ \u00a0]((?:(?:af|av|von|van|de|da|le|la)[ ])?[{_UPPER}][a-zß-öø-ÿ][^\W\d_]*(?:-[{_UPPER}][^\W\d_]+)?)(?![\w])"
)
"""A capitalised word after a first name; a lower-case second letter, so ``Hans CPR`` is no name."""
_SENTENCE_END = frozenset(".!?:;…\n\r\t|")
_OPENERS = frozenset(" \u00a0\"'“”‘’«»„()[]*-–—•+>")


def _sentence_start(text: str, position: int) -> bool:
    """True when only opening marks lie between ``position`` and the start of its sentence."""
    index = position - 1
    while index >= 0 and text[index] in _OPENERS:
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


def _first_name(word: str, names: Collection[str]) -> str | None:
    """The casefolded first name ``word`` is (``Annas`` → ``anna``), or None."""
    folded = word.casefold()
    if folded.endswith(("'s", "’s")):
        folded = folded[:-2]
    if folded in names:
        return folded
    first = folded.split("-", 1)[0]
    if first != folded and first in names:
        return first
    if folded.endswith("s") and folded[:-1] in names and len(folded) > 3:
        return folded[:-1]
    return None


def find_likely_names(
    text: str, names: Collection[str], not_names: Collection[str] = frozenset()
) -> list[tuple[int, int]]:
    """Spans of likely names: a first name from ``names`` and the capitalised surnames after it.

    ``not_names`` (casefolded) are spans a person has said are not names in this study.
    """
    found: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        start, stop = match.start(), match.end()
        if found and start < found[-1][1]:
            continue  # already taken as a surname
        if start and (text[start - 1].isalnum() or text[start - 1] in _NOT_BEFORE or text[start - 1] == "_"):
            continue  # inside a word or a path
        if stop < len(text) and (text[stop].isalnum() or text[stop] in _NOT_AFTER):
            continue  # "Don't", "McDonald's" written oddly, a word running into digits
        name = _first_name(match.group(), names)
        if name is None:
            continue
        end = match.end()
        while surname := _SURNAME.match(text, end):
            if surname.group(1).casefold() in NEVER_ALONE:
                break
            end = surname.end()
        has_surname = end > match.end()
        if not has_surname and (name in NEVER_ALONE or (name in AMBIGUOUS and _sentence_start(text, match.start()))):
            continue
        if text[match.start() : end].casefold() in not_names:
            continue
        found.append((match.start(), end))
    return found


def no_names_in(text: str, names: Collection[str], plain: set[str]) -> bool:
    """True when no capitalised word of ``text`` is a first name in ``names``, so
    ``find_likely_names`` finds nothing in it. ``plain`` holds words already known not to be
    one, and grows here: a study's notes repeat their words, so most texts are looked up in C."""
    words = _WORD.findall(text)
    if plain.issuperset(words):
        return True
    for word in words:
        if word not in plain:
            if _first_name(word, names) is not None:
                return False
            plain.add(word)
    return True


_TOKEN_PARTS = re.compile(r"[-_.]")


def find_name_token(
    text: str, names: Collection[str], not_names: Collection[str] = frozenset()
) -> list[tuple[int, int]]:
    """A tag or channel that is a first name in lower case (``#mette``, ``@anna-chat``): the capture
    syntax stores tags in lower case, where the capital that marks a name is gone. Only a text of
    one word is looked at; words that are also everyday words (``AMBIGUOUS``) are left alone."""
    if len(text) < 3 or " " in text or not text.islower() or text.casefold() in not_names:
        return []
    for part in _TOKEN_PARTS.split(text):
        if part in names and part not in AMBIGUOUS and part not in NEVER_ALONE:
            return [(0, len(text))]
    return []
