"""Counts with the right word: "1 interview", "2 interviews", "1 intervju", "2 intervjuer".

One helper for every screen, export and CLI line, so no message says "1 thunderclouds" and
no one writes ``'' if n == 1 else 's'`` again. The nouns trodden counts are listed once,
in English, Swedish and Danish (singular, plural); a noun not listed is a programming error
and fails loudly in tests rather than printing a wrong word.
"""

from __future__ import annotations

_NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "interview": {
        "en": ("interview", "interviews"),
        "sv": ("intervju", "intervjuer"),
        "da": ("interview", "interviews"),
    },
    "customer interview": {
        "en": ("customer interview", "customer interviews"),
        "sv": ("kundintervju", "kundintervjuer"),
        "da": ("kundeinterview", "kundeinterviews"),
    },
    "staff interview": {
        "en": ("staff interview", "staff interviews"),
        "sv": ("intervju med personal", "intervjuer med personal"),
        "da": ("interview med en medarbejder", "interviews med medarbejdere"),
    },
    "note": {"en": ("note", "notes"), "sv": ("anteckning", "anteckningar"), "da": ("note", "noter")},
    "item": {"en": ("item", "items"), "sv": ("punkt", "punkter"), "da": ("punkt", "punkter")},
    "customer": {"en": ("customer", "customers"), "sv": ("kund", "kunder"), "da": ("kunde", "kunder")},
    "participant": {
        "en": ("participant", "participants"),
        "sv": ("deltagare", "deltagare"),
        "da": ("deltager", "deltagere"),
    },
    "staff": {"en": ("staff", "staff"), "sv": ("medarbetare", "medarbetare"), "da": ("medarbejder", "medarbejdere")},
    "heart": {"en": ("heart", "hearts"), "sv": ("hjärta", "hjärtan"), "da": ("hjerte", "hjerter")},
    "thundercloud": {
        "en": ("thundercloud", "thunderclouds"),
        "sv": ("åskmoln", "åskmoln"),
        "da": ("tordensky", "tordenskyer"),
    },
    "phase": {"en": ("phase", "phases"), "sv": ("fas", "faser"), "da": ("fase", "faser")},
    "channel": {"en": ("channel", "channels"), "sv": ("kanal", "kanaler"), "da": ("kanal", "kanaler")},
    "tag": {"en": ("tag", "tags"), "sv": ("tagg", "taggar"), "da": ("tag", "tags")},
    "line": {"en": ("line", "lines"), "sv": ("rad", "rader"), "da": ("linje", "linjer")},
    "quote": {"en": ("quote", "quotes"), "sv": ("citat", "citat"), "da": ("citat", "citater")},
    "item or quote": {
        "en": ("item or quote", "items or quotes"),
        "sv": ("punkt eller citat", "punkter eller citat"),
        "da": ("punkt eller citat", "punkter eller citater"),
    },
    "backstage item": {
        "en": ("backstage item", "backstage items"),
        "sv": ("backstagepunkt", "backstagepunkter"),
        "da": ("backstagepunkt", "backstagepunkter"),
    },
    "question": {"en": ("question", "questions"), "sv": ("fråga", "frågor"), "da": ("spørgsmål", "spørgsmål")},
}

LANGUAGES = ("en", "sv", "da")


def noun(n: int, word: str, lang: str = "en") -> str:
    """The noun alone in the form that goes with ``n`` (``noun(1, "customer")`` -> ``customer``).

    Only 1 takes the singular (0 interviews, 2 interviews, -1 is not a count trodden shows).
    """
    forms = _NOUNS[word]
    singular, plural = forms.get(lang, forms["en"])
    return singular if n == 1 else plural


def count(n: int, word: str, lang: str = "en", *, thousands: bool = False) -> str:
    """``n`` and its noun: ``count(1, "interview")`` -> ``1 interview``; ``thousands`` writes 20,000."""
    number = f"{n:,}" if thousands else str(n)
    return f"{number} {noun(n, word, lang)}"


def nouns() -> list[str]:
    return list(_NOUNS)
