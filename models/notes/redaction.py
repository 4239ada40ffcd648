"""Personal details in text: found for highlighting, replaced by a marker in exports.

Notes are shared with the whole group, so what identifies a participant must not leave the
note-taker's machine unless asked. Found, most specific first (what one detector finds is
masked before the next looks, so an IBAN is ``[iban]``, never ``SE45 [phone] ...``):

- e-mail addresses; IBANs; Swedish personal identity and co-ordination numbers (day + 60) and
  Danish CPR numbers; bank account numbers (after ``konto``, ``reg.nr``, ``account``...,
  or shaped ``1234-1234567890``); street addresses with a house number (``Storgatan 12``);
  phone numbers (Swedish, Danish, international); postcodes with their town (``411 38
  Göteborg``, ``2100 København Ø``) (``detect_formats``);
- participants' real names (the whole name in any case, each part written with a capital)
  and the study's own terms (staff, places), any case;
- likely names: a first name from a kept list of Nordic and English names, with or without a
  capitalised surname (``likely_names``), unless the study says the words are not a name.

Dates (``2024-03-05``), times and amounts (``1 500 kr``) are left alone. ``Redactor.find``
costs a few microseconds a note: the digit detectors run only on text with a digit, e-mail
only on text with ``@``, and names are a set lookup per capitalised word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from . import detect_formats as formats
from .first_names import first_names
from .likely_names import find_likely_names, find_name_token, no_names_in
from .quick_look import might_find

NAME = "name"
LIKELY_NAME = "likely-name"
EMAIL = "email"
PHONE = "phone"
TERM = "term"
ID_NUMBER = "id"
IBAN = "iban"
ACCOUNT = "account"
ADDRESS = "address"
POSTCODE = "postcode"

MARKERS = {
    NAME: "[name]",
    LIKELY_NAME: "[name]",
    EMAIL: "[e-mail]",
    PHONE: "[phone]",
    TERM: "[redacted]",
    ID_NUMBER: "[id-number]",
    IBAN: "[iban]",
    ACCOUNT: "[account]",
    ADDRESS: "[address]",
    POSTCODE: "[postcode]",
}
"""What replaces each kind of detail in an English export (and the kinds' names in code)."""

MARKERS_BY_LANGUAGE: dict[str, dict[str, str]] = {
    "en": MARKERS,
    "sv": {
        NAME: "[namn]",
        LIKELY_NAME: "[namn]",
        EMAIL: "[e-post]",
        PHONE: "[telefon]",
        TERM: "[borttaget]",
        ID_NUMBER: "[personnummer]",
        IBAN: "[iban]",
        ACCOUNT: "[kontonummer]",
        ADDRESS: "[adress]",
        POSTCODE: "[postnummer]",
    },
    "da": {
        NAME: "[navn]",
        LIKELY_NAME: "[navn]",
        EMAIL: "[e-mail]",
        PHONE: "[telefon]",
        TERM: "[fjernet]",
        ID_NUMBER: "[cpr-nummer]",
        IBAN: "[iban]",
        ACCOUNT: "[kontonummer]",
        ADDRESS: "[adresse]",
        POSTCODE: "[postnummer]",
    },
}
"""The markers in the export's language: a Swedish report reads ``[namn]``, a Danish ``[navn]``.
Only the word changes; what is found and replaced is the same in every language."""


def markers(language: str | None) -> dict[str, str]:
    """The markers for ``language`` (English for any other)."""
    return MARKERS_BY_LANGUAGE.get(language or "en", MARKERS)


DIGIT_DETECTORS: list[tuple[str, Callable[[str], list[tuple[int, int]]]]] = [
    (IBAN, formats.find_ibans),
    (ID_NUMBER, formats.find_id_numbers),
    (ACCOUNT, formats.find_bank_accounts),
    (ADDRESS, formats.find_addresses),
    (PHONE, formats.find_phones),
    (POSTCODE, formats.find_postcodes),
]
"""Detectors that need a digit, most specific first."""
_DIGIT = re.compile(r"\d")
_NUMBER_START = formats.NUMBER_START.search
"""Where a number the digit detectors could look at starts: none, and ``has_number`` is false."""
_MASK = "\x00"
"""Stands in for a found detail while later detectors look: neither a word character nor a digit."""


@dataclass(frozen=True)
class Span:
    """One personal detail found in a text: ``text[start:end]`` is of ``kind``."""

    start: int
    end: int
    kind: str

    @property
    def marker(self) -> str:
        return MARKERS[self.kind]


def _alternation(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """One pattern for many words, each whole (where it starts/ends with a letter), longest first."""
    parts = []
    for word in sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True):
        escaped = re.sub(r"(\\ )+", r"\\s+", re.escape(word))
        before = r"(?<!\w)" if re.match(r"\w", word) else ""
        after = r"(?!\w)" if re.search(r"\w$", word) else ""
        parts.append(before + escaped + after)
    return re.compile("|".join(parts), flags) if parts else None


class Redactor:
    """Finds personal details in text; ``redact`` replaces them with markers."""

    def __init__(
        self,
        names: Iterable[str] = (),
        terms: Iterable[str] = (),
        *,
        not_names: Iterable[str] = (),
        likely_names: bool = True,
        language: str = "en",
    ) -> None:
        self._markers = markers(language)
        names = [name for name in names if name and name.strip()]
        parts = {p for name in names for p in re.split(r"[\s\-]+", name.strip()) if len(p) >= 2}
        self._names = _alternation(names)
        # A single name part counts only written with a capital ("Per", not "per månad"), genitive too.
        self._parts = _alternation([f"{part}'s" for part in parts] + [f"{part}s" for part in parts] + list(parts))
        self._terms = _alternation(terms)
        patterns = ((self._names, NAME, False), (self._parts, NAME, True), (self._terms, TERM, False))
        self._patterns = tuple((pattern, kind, capital) for pattern, kind, capital in patterns if pattern is not None)
        # the first word of each name and term, casefolded: a cheap look before any pattern runs
        self._gate = tuple({w.split()[0].casefold()[:4] for w in [*names, *parts, *terms] if w and w.split()})
        self._first_names: Collection[str] = first_names() if likely_names else frozenset()
        self._not_names = frozenset(word.casefold() for word in not_names)
        self._plain_words: set[str] = set()
        """capitalised words seen that are no first name (``no_names_in``)"""

    @classmethod
    def for_study(cls, data, language: str | None = None) -> Redactor:
        """Every participant's real name and transcript speaker, the study's terms and its not-names (``StudyFile``);
        markers in ``language`` (the export's), else in the study's."""
        names = [p.real_name for p in data.participants if p.real_name] + list(getattr(data, "speaker_names", ()))
        language = language or data.study.language
        return cls(names, data.redaction_terms, not_names=getattr(data, "not_names", ()), language=language)

    def _nothing_in(self, text: str) -> bool:
        """True when ``find`` would certainly find nothing, known without running it: no ``@``,
        no number the digit detectors could look at, no name's or term's first letters, no
        one-word lower-case token, and no capitalised word that is a first name. Most notes
        are such texts; a CSV redacts every one of them."""
        if "@" in text or _NUMBER_START(text):
            return False
        if self._gate:
            folded = text.casefold()
            if any(word in folded for word in self._gate):
                return False
        if not self._first_names:
            return True
        if len(text) >= 3 and " " not in text and text.islower():
            return False  # a lower-case tag or channel: ``find_name_token`` looks at it
        return no_names_in(text, self._first_names, self._plain_words)

    def find(self, text: str) -> list[Span]:
        """Non-overlapping spans, in text order."""
        spans: list[Span] = []
        if "@" in text:
            text = self._take(text, spans, EMAIL, [(m.start(), m.end()) for m in formats.EMAIL.finditer(text)])
        if _DIGIT.search(text) and formats.has_number(text):
            for kind, detector in DIGIT_DETECTORS:
                text = self._take(text, spans, kind, detector(text))
        if self._gate:
            folded = text.casefold()
            if any(word in folded for word in self._gate):
                for pattern, kind, capital in self._patterns:
                    found = [
                        (m.start(), m.end()) for m in pattern.finditer(text) if not capital or m.group()[:1].isupper()
                    ]
                    text = self._take(text, spans, kind, found)
        if self._first_names:
            found = find_likely_names(text, self._first_names, self._not_names)
            if not found and not spans:
                found = find_name_token(text, self._first_names, self._not_names)
            self._take(text, spans, LIKELY_NAME, found)
        spans.sort(key=lambda span: span.start)
        return spans

    @staticmethod
    def _take(text: str, spans: list[Span], kind: str, found: list[tuple[int, int]]) -> str:
        """Add ``found`` (where not already taken) and mask it, so later detectors skip it."""
        if not found:
            return text
        merged: list[list[int]] = []
        for start, end in sorted(found):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            elif end > start:
                merged.append([start, end])
        taken = list(spans)
        for start, end in merged:
            if any(start < span.end and span.start < end for span in taken):
                continue  # a more specific detail already took it (masks stop a match crossing it)
            spans.append(Span(start, end, kind))
            text = text[:start] + _MASK * (end - start) + text[end:]
        return text

    def likely_names(self, text: str) -> list[Span]:
        """The spans ``find`` reports as likely names (for the clean screen to confirm)."""
        return [span for span in self.find(text) if span.kind == LIKELY_NAME]

    def redact(self, text: str) -> str:
        """``text`` with every detail replaced by its marker (``[name]``, ``[phone]``..., in the
        redactor's language)."""
        if self._nothing_in(text):
            return text
        return self._replace(text, self.find(text))

    def redact_many(self, texts: Sequence[str]) -> list[str]:
        """``[self.redact(text) for text in texts]``, exactly, for a column of texts (a CSV's notes):
        the quick look of ``_nothing_in`` is taken of all of them at once (``quick_look``), and only
        the texts it could not clear are redacted one by one."""
        flagged = might_find(texts, self._gate, self._first_names, self._plain_words)
        if flagged is None:  # a text holds the separator the quick look joins them with
            return [self.redact(text) for text in texts]
        redacted = list(texts)
        redact = self.redact
        for index in flagged:
            redacted[index] = redact(redacted[index])
        return redacted

    def _replace(self, text: str, spans: list[Span]) -> str:
        """``text`` with each of ``spans`` replaced by its marker."""
        if not spans:
            return text
        pieces = []
        position = 0
        for span in spans:
            pieces.append(text[position : span.start])
            pieces.append(self._markers[span.kind])
            position = span.end
        pieces.append(text[position:])
        return "".join(pieces)

    def count(self, text: str) -> int:
        return len(self.find(text))
