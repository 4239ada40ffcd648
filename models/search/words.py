"""Words as search sees them: split, case-folded and stemmed in the study's language.

A Snowball stemmer (the ``snowballstemmer`` package: the Snowball project's own algorithms,
pure Python, kept up to date with them) takes the endings off, so "växter" and "växterna" are
found by "växt" in a Swedish study and "planterne" by "plante" in a Danish one. Its stems are
not words, so they are never shown: they only decide which notes match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+")
"""A word: letters and digits in any script (å ä ö æ ø included), split at anything else."""
_SPAN_WORD = re.compile(r"\w[\w\u0300-\u036f]*")
"""A word as written, with the combining marks of a decomposed (NFD) å ä ö kept in it."""

ALGORITHMS = {"en": "english", "sv": "swedish", "da": "danish"}
"""The study's language (``Study.language``) -> its Snowball algorithm."""


def nfc(text: str) -> str:
    """``text`` composed (``a`` + combining ring -> ``å``), cheaply when it already is (nearly always)."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def words(text: str) -> Iterator[str]:
    """The words of ``text``, case-folded (``Växter`` and ``VÄXTER`` are one word)."""
    return (match.group() for match in WORD.finditer(text.casefold()))


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, folded word)`` of every word in ``text``, for marking matches.

    Case folding can change a word's length (ß -> ss), so spans come from the text as written
    and each word is folded on its own.
    """
    for match in _SPAN_WORD.finditer(text):
        yield match.start(), match.end(), match.group().casefold()


@lru_cache(maxsize=8)
def stemmer_for(language: str) -> Callable[[str], str]:
    """A cached stem function for ``language`` (English for a language it does not know).

    A study repeats its words many times over, so each distinct word is stemmed once.
    """
    algorithm = snowballstemmer.stemmer(ALGORITHMS.get(language, "english"))
    cache: dict[str, str] = {}

    def stem(word: str) -> str:
        found = cache.get(word)
        if found is None:
            found = cache[word] = algorithm.stemWord(word)
        return found

    return stem
