"""``has_number`` (the gate before the digit detectors) skips numbers after a-z in the regex: the same
answer as looking at every number in Python, which is how it was written first."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from trodden.models.notes.detect_formats import has_number

_RUNS = re.compile(r"\d+")


def _every_number(text: str) -> bool:
    for match in _RUNS.finditer(text):
        start = match.start()
        if not start or not text[start - 1].isalpha() or text[max(start - 2, 0) : start].isupper():
            return True
    return False


@given(st.text(alphabet="aZsE45x_- ÅåøéΣσß²٣.", max_size=12))
def test_the_same_answer_as_every_number_looked_at(text: str) -> None:
    assert has_number(text) is _every_number(text)


def test_examples() -> None:
    assert not has_number("n00001 the plant arrived") and not has_number("mp3 and mp4")
    assert has_number("SE45 5000") and has_number("ring 070-123 45 67") and has_number("Åb4x 7")
