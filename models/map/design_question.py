"""A moment of truth's design question: its lead-in in the study's language, and tidying.

The map pre-fills the question with "How might we " / "Hur kan vi " / "Hvordan kan vi " by
the study's language. A question saved before that (or typed over an English lead-in in a
Swedish study) can read "How might we Hur kan vi ...": ``tidy`` drops a lead-in that another
follows, and a lead-in alone is no question at all.
"""

from __future__ import annotations

import re

LEAD_INS: dict[str, str] = {"en": "How might we ", "sv": "Hur kan vi ", "da": "Hvordan kan vi "}
_ANY_LEAD_IN = "|".join(re.escape(text.strip()) for text in [*LEAD_INS.values(), "Hur skulle vi kunna"])
_DOUBLED = re.compile(rf"^\s*(?:{_ANY_LEAD_IN})\s+(?=(?:{_ANY_LEAD_IN})\b)", re.IGNORECASE)
_ALONE = re.compile(rf"^\s*(?:{_ANY_LEAD_IN})?\s*[.?…]*\s*$", re.IGNORECASE)


def lead_in(language: str) -> str:
    """The words a design question starts with in ``language`` (English for any other)."""
    return LEAD_INS.get(language, LEAD_INS["en"])


def tidy(question: str) -> str:
    """``question`` stripped, a doubled lead-in dropped, and empty if it is only a lead-in."""
    text = question.strip()
    while True:
        shorter = _DOUBLED.sub("", text, count=1)
        if shorter == text:
            break
        text = shorter
    return "" if _ALONE.match(text) else text
