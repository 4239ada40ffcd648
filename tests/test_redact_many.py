"""``Redactor.redact_many`` (the CSV's texts, looked at all at once by ``quick_look``) answers
exactly as ``redact`` does one text at a time: the privacy promise, on generated texts full of
names (the study's and first names, genitives, any case), numbers, e-mails, Nordic letters,
characters casefolding changes (ß, İ, ﬁ), the separator the texts are joined with, empty texts
and line breaks. Each question the quick look asks is also pinned alone: breaking one lets a name
or number through here."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from trodden.models.notes.quick_look import SEP
from trodden.models.notes.redaction import Redactor

NAMES = ["Anna Lindqvist", "Søren Ågård", "Jürgen Weiß", "İlker Öz", "Zyx Qvorn", "Per-Olof Berg"]
TERMS = ["ICA Maxi", "Kundtjänst", "ﬁkaplatsen", "Straße"]


def _redactors(**options) -> tuple[Redactor, Redactor]:
    """Two alike: one redacts one text at a time, the other many (a redactor remembers words)."""
    return Redactor(NAMES, TERMS, **options), Redactor(NAMES, TERMS, **options)


REDACTORS = [
    _redactors(not_names=["Hans Mats"]),
    _redactors(language="sv", likely_names=False),
    (Redactor(), Redactor()),  # no names, no terms: no gate
    (Redactor(likely_names=False), Redactor(likely_names=False)),
]
WORDS = [
    # the study's names and terms, parts, genitives, any case
    "Anna",
    "anna",
    "ANNA",
    "Annas",
    "Anna's",
    "Anna’s",
    "Lindqvist",
    "lindqvist",
    "Lindqvists",
    "Søren",
    "søren",
    "SØREN",
    "Sørens",
    "Ågård",
    "ågård",
    "Jürgen",
    "Weiß",
    "WEISS",
    "weiss",
    "Weiss",
    "İlker",
    "ilker",
    "i̇lker",
    "Öz",
    "öz",
    "Zyx",
    "zyx",
    "Qvorn",
    "Per-Olof",
    "per-olof",
    "Berg",
    "ICA",
    "ica maxi",
    "Kundtjänst",
    "KUNDTJÄNST",
    "fikaplatsen",
    "ﬁkaplatsen",
    "FIKAPLATSEN",
    "Straße",
    "strasse",
    "STRASSE",
    # first names not in the study, some also everyday words
    "Mette",
    "mette",
    "Mettes",
    "Hans",
    "hans",
    "Per",
    "per",
    "Will",
    "Kim",
    "Mats",
    "Anna-Karin",
    "Karin",
    "Bo",
    "bo",
    "Sven",
    "Lars",
    # numbers, ids, e-mails, addresses
    "070-123 45 67",
    "+46 70 123 45 67",
    "0701234567",
    "19850312-1234",
    "850372-1234",
    "010203-1234",
    "0102031234",
    "SE45 5000 0000 0583 9825 7466",
    "konto 1234-1234567890",
    "Storgatan 12",
    "411 38 Göteborg",
    "2100 København Ø",
    "anna@example.se",
    "a.b+c@d-e.dk",
    "@",
    "@anna",
    "n00001",
    "mp3",
    "SE45",
    "x2",
    "2x",
    "1 500 kr",
    "2024-03-05",
    "12:30",
    "٣",
    "٣5",
    "x٣5",
    "١٩٨٥٠٣١٢-١٢٣٤",
    "０７０１２３４５６７",
    "ö5",
    "_7",
    "Ø9",
    # the rest of a note's words and marks
    "the",
    "I",
    "Jag",
    "och",
    "hej",
    "å ä ö æ ø",
    "ÅÄÖ",
    "ß",
    "İ",
    "ﬁ",
    "Σς",
    "“",
    "”",
    "’",
    "–",
    "#",
    "-",
    "'",
    "(",
    ")",
    ".",
    ",",
    "web",
    "chat-bot",
    "tag_name",
    "#mette",
    "mette-chat",
    # what joins the texts, line breaks, nothing
    SEP,
    "\x00",
    "\n",
    "\r\n",
    "\t",
    "",
]
TEXTS = st.tuples(
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet="aAöÖ5 @ß\x1f-'’", max_size=4)), max_size=7),
    st.sampled_from([" ", "", "\n", ". ", ", ", " – "]),
).map(lambda words_joiner: words_joiner[1].join(words_joiner[0]))


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(TEXTS, max_size=14), which=st.sampled_from(range(len(REDACTORS))))
def test_redact_many_is_redact_on_each_text(texts: list[str], which: int) -> None:
    one_at_a_time, many = REDACTORS[which]
    assert many.redact_many(texts) == [one_at_a_time.redact(text) for text in texts]


CLEAN = ["a plain note about the delivery", "Det var jobbigt", "I liked the app", "ok", ""]
SLIPPING = [
    "mail me at x.y@firma.se",  # only the @ gives it away
    "call 070-123 45 67 tomorrow",  # only the number
    "ring 850372-1234",  # a co-ordination number
    "ring ١٩٨٥٠٣١٢-١٢٣٤",  # a personal number in Arabic-Indic digits: no ASCII digit at all
    "Zyx said so",  # a study name no first-name list holds: only the gate finds it
    "the ICA Maxi staff",  # a study term
    "mette",  # a lower-case tag that is a first name
    "then Mette called",  # a capitalised first name
    "we asked Weiß",  # found by the gate in the casefolded text (``weiss``: ß folds to ss)
]


def test_no_name_or_number_slips_through_a_column_of_clean_texts() -> None:
    texts = CLEAN * 40 + SLIPPING + CLEAN * 40
    redacted = Redactor(NAMES, TERMS).redact_many(texts)
    for original, written in zip(texts, redacted, strict=True):
        if original in SLIPPING:
            assert written != original
            assert not re.search(r"@|070|1234|١٢٣٤|Zyx|ICA|mette|Mette|Wei", written), written
        else:
            assert written is original


def test_a_number_at_the_very_start_is_found() -> None:
    """The first text has no separator before it: its number starts the joined text."""
    assert Redactor().redact_many(["19850312-1234 ringde", "ok"]) == ["[id-number] ringde", "ok"]


def test_a_text_holding_the_separator_is_still_redacted() -> None:
    texts = ["Anna Lindqvist", f"x{SEP}y", "Zyx"]
    assert Redactor(NAMES).redact_many(texts) == ["[name]", f"x{SEP}y", "[name]"]


def test_no_digit_outside_ascii_before_u0640() -> None:
    """``quick_look`` asks one by one only texts with a character from U+0640 up, where the first
    non-ASCII digit (U+0660) lies; a Python whose ``\\d`` found one lower would fail here."""
    digit = re.compile(r"\d")
    assert not [c for c in map(chr, range(0x80, 0x640)) if digit.match(c)]
    assert digit.match("\u0660") and sys.maxunicode > 0x660
