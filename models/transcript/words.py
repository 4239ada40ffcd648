"""Words as the quote check compares them: case, punctuation, fillers and spelling variants set aside.

A note-taker types ``"jag ringde dom tre gånger"``; Teams wrote ``Ja, alltså, jag ringde dem tre
gånger.``. Neither the comma, the capital, the filler (``alltså``) nor the spoken spelling
(``dom``/``dem``) makes the quote less verbatim, so each word is compared in a normal form:

- casefolded, punctuation stripped (``o.k.`` is ``ok``, ``don't`` is ``dont``);
- fillers dropped: hesitation sounds in Swedish, Danish and English (``eh öh øh um``) and the
  filler uses of ``alltså``/``altså``, ``liksom``/``ligesom``;
- Danish and Swedish letters taken as one (``æ`` = ``ä``, ``ø`` = ``ö``), and a short list of
  spoken or old spellings mapped to the written one (``mej`` → ``mig``, ``nåt`` → ``något``,
  ``ikk'`` → ``ikke``).

What is left is compared word by word; ``diff`` says which typed words differ from those said.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

FILLERS = frozenset(
    [
        "eh",
        "ehm",
        "eeh",
        "öh",
        "öhm",
        "äh",
        "ähm",
        "øh",
        "øhm",
        "æh",
        "hm",
        "hmm",
        "mm",
        "mhm",
        "um",
        "umm",
        "uh",
        "uhm",
        "erm",
        "ah",
        "aah",
        "alltså",
        "altså",
        "liksom",
        "ligesom",
    ]
)
"""Words a transcript writes and a quote may leave out without being less verbatim."""

VARIANTS = {
    "mej": "mig",
    "dej": "dig",
    "sej": "sig",
    "dom": "dem",
    "nåt": "något",
    "nån": "någon",
    "nåra": "några",
    "nånting": "någonting",
    "sen": "sedan",
    "mycke": "mycket",
    "sa": "sade",
    "ikk": "ikke",
    "ik": "ikke",
    "sgu": "sørme",
    "gonna": "going",
    "okej": "ok",
    "okay": "ok",
}
"""Spoken or old spellings → the written form, in Swedish, Danish and English (after æ→ä, ø→ö)."""

_LETTERS = str.maketrans({"æ": "ä", "ø": "ö", "’": "", "'": ""})
_NOT_LETTERS = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def normal(word: str) -> str:
    """One word's compared form ("" for a filler or pure punctuation); cached, since a
    transcript says the same few thousand words over and over."""
    folded = word.casefold().translate(_LETTERS)
    folded = _NOT_LETTERS.sub("", folded)
    if not folded or folded in FILLERS:
        return ""
    return VARIANTS.get(folded.translate(_LETTERS), folded)


def split_words(text: str) -> list[str]:
    """The words of ``text`` as written (punctuation attached), whitespace-separated."""
    return text.split()


def normal_words(text: str) -> list[str]:
    """``text``'s words in compared form, fillers left out."""
    return [form for form in (normal(word) for word in text.split()) if form]


@dataclass(frozen=True)
class WordDiff:
    """One difference between the typed quote and the words said: ``typed`` → ``said``."""

    op: str
    """``equal``, ``replace``, ``delete`` (typed, not said) or ``insert`` (said, not typed)."""
    typed: str
    said: str


def diff(typed: str, said: str) -> list[WordDiff]:
    """Word-by-word differences between a quote and a transcript span (fillers ignored)."""
    typed_words = [word for word in typed.split() if normal(word)]
    said_words = [word for word in said.split() if normal(word)]
    matcher = difflib.SequenceMatcher(
        a=[normal(word) for word in typed_words], b=[normal(word) for word in said_words], autojunk=False
    )
    found = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        found.append(WordDiff(op, " ".join(typed_words[a1:a2]), " ".join(said_words[b1:b2])))
    return found
