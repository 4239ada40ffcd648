"""Personal details in notes: found for highlighting, replaced by a marker in exports.

Notes are shared with the whole group, so what identifies a participant must not leave
the note-taker's machine unless asked: their real name (the whole name, and each part
of it written with a capital), e-mail addresses, phone numbers in Swedish, Danish and
international formats, Swedish personal identity numbers (and co-ordination numbers, whose
day is the day of birth + 60), Danish CPR numbers, and the study's own list of extra terms
(staff names, places).

Phone numbers are recognised by shape, leaning towards finding too much rather than
too little: ``+46 70-123 45 67``, ``0046 70 123 45 67``, ``070-123 45 67``,
``08-123 456 78``, ``+45 12 34 56 78``, ``12 34 56 78``, ``+1 (555) 123-4567``. Dates
(``2024-03-05``), times and amounts (``1 500 kr``) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

NAME = "name"
EMAIL = "email"
PHONE = "phone"
TERM = "term"
ID_NUMBER = "id"

MARKERS = {NAME: "[name]", EMAIL: "[e-mail]", PHONE: "[phone]", TERM: "[redacted]", ID_NUMBER: "[id-number]"}
"""What replaces each kind of detail in an export."""

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A run that could be a phone number: optional + or 00, then digits and separators.
_PHONE_RUN = re.compile(r"(?<![\w+\-/.])(?:\+\s?)?\d[\d \-./()\u00a0]*\d(?![\w])")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")
_DANISH = re.compile(r"^(?:\d{2}(?: ?\d{2}){3}|\d{4} \d{4})$")
_SPLIT_POINT = re.compile(r"[ \u00a0]+")
# Swedish personnummer and samordningsnummer (YYMMDD-NNNN, YYYYMMDD-NNNN, + for 100+) and Danish CPR (DDMMYY-NNNN).
_ID_NUMBER = re.compile(r"(?<![\w\-+])(\d{6}|\d{8})[-+ ]?(\d{4})(?![\w\-])")


@dataclass(frozen=True)
class Span:
    """One personal detail found in a text: ``text[start:end]`` is of ``kind``."""

    start: int
    end: int
    kind: str

    @property
    def marker(self) -> str:
        return MARKERS[self.kind]


def _is_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if _ISO_DATE.match(candidate) or "\n" in candidate:
        return False
    stripped = candidate.replace("\u00a0", " ")
    if stripped.startswith("+"):
        return 7 <= len(digits) <= 15
    if digits.startswith("00"):
        return 9 <= len(digits) <= 15
    if digits.startswith("0"):
        # Swedish national numbers: area code 08 / 031 / 070... then 5-8 digits.
        return 8 <= len(digits) <= 11 and not re.search(r"\.", stripped)
    return bool(_DANISH.match(stripped))


def find_phones(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers; a run that is too long is trimmed from its end to fit."""
    found = []
    for match in _PHONE_RUN.finditer(text):
        run = match.group()
        # Try the whole run, then shorter prefixes ending before a space.
        cuts = [len(run)] + [m.start() for m in reversed(list(_SPLIT_POINT.finditer(run)))]
        for cut in cuts:
            candidate = run[:cut].rstrip(" -./(\u00a0")
            if candidate and _is_phone(candidate):
                found.append((match.start(), match.start() + len(candidate)))
                break
    return found


def _plausible_date(digits: str) -> bool:
    """YYMMDD / YYYYMMDD (Swedish, day may be +60 for a co-ordination number) or DDMMYY (Danish)."""
    if len(digits) == 8:
        digits = digits[2:]
    yy_mm_dd = 1 <= int(digits[2:4]) <= 12 and 1 <= int(digits[4:6]) % 60 <= 31
    dd_mm_yy = 1 <= int(digits[0:2]) <= 31 and 1 <= int(digits[2:4]) <= 12
    return yy_mm_dd or dd_mm_yy


def find_id_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of Swedish personal identity numbers and Danish CPR numbers."""
    found = []
    for match in _ID_NUMBER.finditer(text):
        digits, whole = match.group(1), match.group(0)
        if len(digits) == 6 and whole.isdigit() and whole.startswith("0"):
            continue  # 0701234567 is a phone number far more often than someone born in 2007
        if _plausible_date(digits):
            found.append((match.start(), match.end()))
    return found


def _word_pattern(term: str) -> re.Pattern[str]:
    """``term`` as a whole word (when it starts/ends with a letter), any case."""
    escaped = re.escape(term.strip())
    escaped = re.sub(r"(\\ )+", r"\\s+", escaped)
    before = r"(?<!\w)" if re.match(r"\w", term.strip()) else ""
    after = r"(?!\w)" if re.search(r"\w$", term.strip()) else ""
    return re.compile(before + escaped + after, re.IGNORECASE)


def _name_pattern(part: str) -> re.Pattern[str]:
    """A name part, also in the genitive (Anna → Annas, Anna's)."""
    escaped = re.escape(part)
    return re.compile(rf"(?<!\w){escaped}(?:'?s)?(?!\w)", re.IGNORECASE)


class Redactor:
    """Finds a study's personal details in text; ``redact`` replaces them with markers."""

    def __init__(self, names: Iterable[str] = (), terms: Iterable[str] = ()) -> None:
        self._names: list[re.Pattern[str]] = []
        self._name_parts: list[re.Pattern[str]] = []
        for name in names:
            if not name or not name.strip():
                continue
            self._names.append(_word_pattern(name))
            parts = [p for p in re.split(r"[\s\-]+", name.strip()) if len(p) >= 2]
            self._name_parts.extend(_name_pattern(part) for part in parts)
        self._terms = [_word_pattern(term) for term in terms if term and term.strip()]

    @classmethod
    def for_study(cls, data) -> Redactor:
        """Every participant's real name and the study's redaction terms (``StudyFile``)."""
        names = [p.real_name for p in data.participants if p.real_name]
        return cls(names, data.redaction_terms)

    def find(self, text: str) -> list[Span]:
        """Non-overlapping spans, in text order; a longer match wins over a shorter one."""
        spans: list[Span] = []
        for match in _EMAIL.finditer(text):
            spans.append(Span(match.start(), match.end(), EMAIL))
        for start, end in find_id_numbers(text):
            spans.append(Span(start, end, ID_NUMBER))
        for start, end in find_phones(text):
            spans.append(Span(start, end, PHONE))
        for pattern in self._names:
            spans.extend(Span(m.start(), m.end(), NAME) for m in pattern.finditer(text) if m.end() > m.start())
        for pattern in self._name_parts:
            # A single name part only counts written with a capital: "Per", not "per månad".
            spans.extend(Span(m.start(), m.end(), NAME) for m in pattern.finditer(text) if m.group()[:1].isupper())
        for pattern in self._terms:
            spans.extend(Span(m.start(), m.end(), TERM) for m in pattern.finditer(text) if m.end() > m.start())
        return _without_overlaps(spans)

    def redact(self, text: str) -> str:
        """``text`` with every detail replaced by its marker (``[name]``, ``[phone]``...)."""
        spans = self.find(text)
        if not spans:
            return text
        pieces = []
        position = 0
        for span in spans:
            pieces.append(text[position : span.start])
            pieces.append(span.marker)
            position = span.end
        pieces.append(text[position:])
        return "".join(pieces)

    def count(self, text: str) -> int:
        return len(self.find(text))


def _without_overlaps(spans: list[Span]) -> list[Span]:
    ordered = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Span] = []
    for span in ordered:
        if kept and span.start < kept[-1].end:
            if span.end > kept[-1].end:
                kept[-1] = Span(kept[-1].start, span.end, kept[-1].kind)
            continue
        kept.append(span)
    return kept
