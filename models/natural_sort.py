"""Natural order for participant codes and interview ids: P1, P2, P10 (not P1, P10, P2).

One key for every list a reader sees (the report's participants, evidence, the overview,
the CSV): runs of digits compare as numbers, the rest case-insensitively. Digits are
compared by length and then text, never turned into an ``int`` (a code of 5,000 digits
would make Python refuse the conversion).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")
_PIECES = re.compile(r"([0-9]+)")


def natural_key(text: str) -> tuple:
    """A sort key: ``natural_key("P2") < natural_key("P10")``; ties broken by the text itself."""
    key: list[tuple] = []
    for number, piece in enumerate(_PIECES.split(text)):
        if number % 2:  # a run of digits
            digits = piece.lstrip("0") or "0"
            key.append((0, len(digits), digits, ""))
        elif piece:
            key.append((1, 0, "", piece.casefold()))
    return (tuple(key), text)


def natural_sorted(items: Iterable[T], key: Callable[[T], str] | None = None) -> list[T]:
    """``items`` in natural order of their text (``key`` picks it; the item itself by default)."""
    pick = key or (lambda item: item)  # type: ignore[assignment,return-value]
    return sorted(items, key=lambda item: natural_key(pick(item)))
