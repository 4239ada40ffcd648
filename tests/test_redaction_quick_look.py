"""``Redactor.redact`` looks at a text cheaply first (``_nothing_in``) and runs the detectors only
when something could be found: the same answer as running them on every text, on random notes
made of Swedish personnummer and samordningsnummer, Danish CPR numbers, names, e-mail, phones,
tags and Nordic letters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from trodden.models.notes.redaction import Redactor

PIECES = [
    "851224-1234",  # personnummer
    "19851224-1234",
    "851284-1236",  # samordningsnummer (day + 60)
    "241285-1234",  # Danish CPR
    "2412851234",
    "070-123 45 67",
    "+46 70 123 45 67",
    "anna.svensson@example.se",
    "Storgatan 12",
    "411 38 Göteborg",
    "SE45 5000 0000 0583 9825 7466",
    "n00004",
    "mp3",
    "Anna",
    "anna",
    "Annas",
    "Anna's",
    "Anna-Karin",
    "Mette Frederiksen",
    "Per",
    "per",
    "Hans",
    "Lisa Nyberg",
    "Bosse",
    "Søren",
    "Åsa",
    "Ørjan",
    "Karin Öberg",
    "Kalle",
    "Storm",
    "#mette",
    "@anna-chat",
    "växterna",
    "blev",
    "æbler",
    "øre",
    "må",
    "Göteborg",
    "I",
    "The",
    "kr",
    "1 500",
    "2024-03-05",
    "12:30",
    "-",
    ",",
    ".",
    "'s",
    "’",
    "!",
    "(",
    ")",
    '"',
    "\n",
    "Ä",
    "ß",
    "ÆØÅ",
]

TEXTS = st.lists(st.sampled_from(PIECES), max_size=9).flatmap(
    lambda pieces: st.lists(st.sampled_from(["", " ", "  ", "\u00a0"]), min_size=len(pieces), max_size=len(pieces)).map(
        lambda gaps: "".join(p + g for p, g in zip(pieces, gaps, strict=True))
    )
)
NOISE = st.text(alphabet="aåäöæøAÅÄÖÆØ019 -.@#'sSEn\n", max_size=20)

REDACTORS = [
    Redactor(),
    Redactor(["Lisa Nyberg", "Kalle Ek"], ["Storm"], not_names=["Bosse"], language="sv"),
    Redactor(["Søren Kierkegaard"], language="da"),
    Redactor(["Åsa Öberg"], likely_names=False),
]


def _slow(redactor: Redactor, text: str) -> str:
    return redactor._replace(text, redactor.find(text))


@settings(max_examples=120)
@given(texts=st.lists(st.one_of(TEXTS, NOISE), min_size=1, max_size=6))
def test_the_quick_look_gives_the_detectors_answer(texts: list[str]) -> None:
    for redactor in REDACTORS:
        for text in texts * 2:  # twice: the second time the plain words it learned are used
            assert redactor.redact(text) == _slow(redactor, text), (text, redactor)


def test_the_quick_look_passes_only_plain_text() -> None:
    redactor = Redactor(["Lisa Nyberg"], ["Storm"])
    assert redactor._nothing_in("n00004 the plant arrived late, I was sad")
    for text in ("ring 070-123 45 67", "a@b.se", "Lisa said", "storm warning", "Anna called", "mette"):
        assert not redactor._nothing_in(text), text
    assert redactor.redact("851284-1236 och Anna") == "[id-number] och [name]"
