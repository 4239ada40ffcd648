"""The word lists of the method checks (English, Swedish, Danish), in one place.

Matching is case- and diacritic-insensitive and by whole words (a phrase matches a run of
whole words), so "Online" and "ONLINE" match but "onlineness" does not; ``ø``/``æ`` fold too,
so "kob" finds "køb".
"""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l"})
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Casefolded, without diacritics (``Köpa`` -> ``kopa``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_FOLD)


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _phrases(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(_words(line)) for line in text.strip().splitlines() if line.strip())


def matches(text: str, phrases: tuple[tuple[str, ...], ...]) -> list[str]:
    """The phrases found in ``text`` as whole words, as written there, in the order they appear."""
    written = _WORD.findall(unicodedata.normalize("NFC", text))
    words = [fold(word) for word in written]
    found: list[str] = []
    for start in range(len(words)):
        for phrase in phrases:
            end = start + len(phrase)
            if tuple(words[start:end]) == phrase:
                found.append(" ".join(written[start:end]))
    return list(dict.fromkeys(found))


# The journey named from the company's side: buying, ordering, online, web shop.
INSIDE_OUT_JOURNEY = _phrases(
    """
    buy
    buying
    order
    ordering
    purchase
    purchasing
    online
    web shop
    webshop
    online shop
    e-commerce
    ecommerce
    checkout
    köpa
    köp
    köper
    beställa
    beställning
    beställer
    handla
    webbshop
    webbutik
    nätbutik
    näthandel
    e-handel
    købe
    køb
    køber
    bestille
    bestilling
    netbutik
    nethandel
    """
)

# Phases named after the company's process, not what the customer does.
INSIDE_OUT_PHASE = _phrases(
    """
    order handling
    order processing
    order management
    invoicing
    billing
    onboarding
    fulfilment
    fulfillment
    case handling
    ticket handling
    payment processing
    lead qualification
    orderhantering
    orderbehandling
    fakturering
    ärendehantering
    kundregistrering
    ordrehåndtering
    ordrebehandling
    sagsbehandling
    ekspedition
    ekspedering
    """
)
