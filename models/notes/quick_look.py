"""``Redactor._nothing_in`` for a whole column of texts at once: which texts redaction could change.

A CSV redacts every note's text, and most texts hold nothing to find; looking at them one by one
costs ~2 µs a text in Python calls. Here the texts are joined with a separator none of them holds
(``SEP``, checked with one ``count``) and each question is asked of the joined text in C (``find``,
``count``, ``bytes.translate``, one regex), then mapped back to the texts it concerns by counting
separators. A text is *flagged* when any question might hold for it; a flagged text goes through
``Redactor.redact`` as ever, and an unflagged one is certain to come back unchanged, so the batch
answers exactly as ``redact`` does one by one (``tests/test_redact_many.py`` compares them).
The questions, as ``_nothing_in`` asks them of one text:

- an ``@``, or a number the digit detectors could look at (``NUMBER_START``: a digit with no
  a-z letter or digit before it). Asked of the UTF-8 bytes translated to a few classes (digit,
  a-z, other, and ``#`` for a character from U+0640 up, where non-ASCII digits live): a digit after
  "other" or at a text's start is a number's start; a text with a ``#`` is asked one by one.
- a name's or term's first letters (the gate) in the casefolded text. Casefolding works character
  by character and leaves the separator alone, so the joined text folds as its texts do.
- a lower-case text of one word (a tag-like token): asked one by one (a ``" " in`` is cheap).
- a capitalised word that is a first name: every capitalised word of the joined text is found in
  one ``findall`` (no match crosses the separator), each distinct word looked up once; a text is
  flagged when it holds a name word anywhere (a superset of where ``findall`` found it).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from itertools import compress, count, repeat
from operator import not_
from typing import TypeVar

from .detect_formats import NUMBER_START
from .likely_names import _WORD, _first_name

SEP = "\x1f"
"""Between the joined texts: a control character (the unit separator), no word character, no
digit, no a-z letter, folded to itself, and in UTF-8 a single byte no other character contains."""
_SEP_BYTE = SEP.encode()
Text = TypeVar("Text", str, bytes)
_CLASSES = bytes(
    48 if 48 <= byte <= 57 else 97 if 97 <= byte <= 122 else 35 if byte >= 0xD9 else 32 for byte in range(256)
)
"""UTF-8 bytes as ``0`` (an ASCII digit), ``a`` (a-z), ``#`` (the lead byte of a character from
U+0640 up: the first non-ASCII digit is U+0660) and a space (anything else, the separator too)."""


def _texts_holding(haystack: Text, needle: Text, sep: Text, counted_in: Text) -> list[int]:
    """The indexes of the texts whose part of ``haystack`` holds ``needle``, each once, in order;
    ``counted_in`` has the separators at the same positions. A match belongs to the text its last
    character is in: only a needle's first character may stand for a separator (`` 0``, a digit
    at a text's start)."""
    found: list[int] = []
    index = counted = 0
    width = len(needle) - 1
    at = haystack.find(needle)
    while at != -1:
        last = at + width
        index += counted_in.count(sep, counted, last)
        counted = last
        found.append(index)
        end = counted_in.find(sep, last)
        if end == -1:
            break
        at = haystack.find(needle, end)
    return found


def _number_or_at(texts: Sequence[str], joined: str) -> set[int]:
    """The texts holding an ``@`` or a number's start (``NUMBER_START``), and some holding neither
    (an ASCII digit after a non-ASCII one): the same as asking each text, or more."""
    raw = joined.encode("utf-8", "surrogatepass")
    classes = raw.translate(_CLASSES)
    flagged = set(_texts_holding(raw, b"@", _SEP_BYTE, raw))
    flagged.update(_texts_holding(classes, b" 0", _SEP_BYTE, raw))
    if classes[:1] == b"0":
        flagged.add(0)
    search = NUMBER_START.search
    flagged.update(i for i in _texts_holding(classes, b"#", _SEP_BYTE, raw) if search(texts[i]))
    return flagged


def _gated(texts: Sequence[str], joined: str, gate: Sequence[str]) -> set[int]:
    """The texts whose casefolded words hold a gate word (a name's or term's first letters)."""
    if any(SEP in word for word in gate):
        return {i for i, text in enumerate(texts) if any(word in text.casefold() for word in gate)}
    folded = joined.casefold()
    flagged: set[int] = set()
    for word in gate:
        flagged.update(_texts_holding(folded, word, SEP, folded))
    return flagged


def _named(joined: str, first_names: Collection[str], plain: set[str]) -> set[int]:
    """The texts that may hold a capitalised word that is a first name; ``plain`` (the words known
    to be none) grows as ``no_names_in`` grows it."""
    names = []
    for word in set(_WORD.findall(joined)).difference(plain):
        if _first_name(word, first_names) is None:
            plain.add(word)
        else:
            names.append(word)
    flagged: set[int] = set()
    for word in names:
        flagged.update(_texts_holding(joined, word, SEP, joined))
    return flagged


def _without(texts: Sequence[str], character: str) -> Iterator[int]:
    """The indexes of the texts without ``character``, looked for in C (a one-word tag is rare)."""
    return compress(count(), map(not_, map(str.__contains__, texts, repeat(character))))


def might_find(
    texts: Sequence[str], gate: Sequence[str], first_names: Collection[str], plain: set[str]
) -> set[int] | None:
    """The indexes of ``texts`` for which ``Redactor._nothing_in`` (with this ``gate``, these first
    names and ``plain`` words) could be false, maybe more; None when a text holds ``SEP`` (then ask
    each text)."""
    if not texts:
        return set()
    joined = SEP.join(texts)
    if joined.count(SEP) != len(texts) - 1:
        return None
    flagged = _number_or_at(texts, joined)
    if gate:
        flagged |= _gated(texts, joined, gate)
    if first_names:
        flagged.update(i for i in _without(texts, " ") if len(texts[i]) >= 3 and texts[i].islower())
        flagged |= _named(joined, first_names, plain)
    return flagged
