"""Redaction: which personal details are found, and how they are replaced."""

from __future__ import annotations

import itertools

import pytest

from trodden.models.notes.redaction import Redactor

REDACTOR = Redactor(["Anna Svensson", "Per Ek"], ["ICA Maxi", "Kalle"])


@pytest.mark.parametrize(
    "phone",
    [
        "+46 70-123 45 67",
        "+46701234567",
        "0046 70 123 45 67",
        "070-123 45 67",
        "070-1234567",
        "08-123 456 78",
        "031-12 34 56",
        "+45 12 34 56 78",
        "12 34 56 78",
        "12345678",
        "1234 5678",
        "+1 (555) 123-4567",
        "+44 20 7946 0958",
    ],
)
def test_phone_formats_are_found(phone):
    assert REDACTOR.redact(f"ring {phone} i morgon") == "ring [phone] i morgon"


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-05 kl 12:30",
        "det kostade 1 500 kr",
        "12 500 000 kronor",
        "version 1.2.3",
        "år 2023, 45 minuter",
        "10.30 på morgonen",
        "@web #tag",
        "per månad",
    ],
)
def test_ordinary_numbers_and_words_are_left_alone(text):
    assert REDACTOR.redact(text) == text


def test_phone_followed_by_a_number_keeps_the_number():
    assert REDACTOR.redact("ring 070-123 45 67 12 gånger") == "ring [phone] 12 gånger"


def test_email_addresses():
    assert REDACTOR.redact("mail anna.s+x@example.co.uk, eller a@b.dk.") == "mail [e-mail], eller [e-mail]."


def test_real_name_whole_parts_and_genitive():
    assert REDACTOR.redact("Anna Svensson sa att Annas kök och Svenssons bil") == (
        "[name] sa att [name] kök och [name] bil"
    )
    assert REDACTOR.redact("ANNA SVENSSON") == "[name]"


def test_a_name_part_counts_only_with_a_capital():
    assert REDACTOR.redact("per månad, sa Per") == "per månad, sa [name]"


def test_custom_terms_any_case_whole_words_flexible_spaces():
    assert REDACTOR.redact("på ica  maxi med Kalle") == "på [redacted] med [redacted]"
    assert REDACTOR.redact("Kallegatan") == "Kallegatan"


def test_swedish_and_danish_letters_in_names():
    redactor = Redactor(["Åsa Ørsted-Ähl"])
    assert redactor.redact("Åsa Ørsted-Ähl och Ørsted") == "[name] och [name]"


def test_spans_do_not_overlap_and_are_in_order():
    text = "Anna Svensson: anna@example.se, 070-123 45 67, ICA Maxi"
    spans = REDACTOR.find(text)
    assert [span.kind for span in spans] == ["name", "email", "phone", "term"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert text[spans[2].start : spans[2].end] == "070-123 45 67"


def test_empty_names_and_terms_are_ignored():
    redactor = Redactor(["", "  "], ["", " "])
    assert redactor.redact("nothing here") == "nothing here"


def test_for_study_uses_every_real_name_and_the_terms(tmp_path):
    try:
        from ._clean_study import build_study
    except ImportError:
        from _clean_study import build_study

    store, _ = build_study(tmp_path / "s")
    redactor = Redactor.for_study(store.data)
    assert redactor.redact("Anna på ICA Maxi") == "[name] på [redacted]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pnr 850101-1234 ok", "pnr [id-number] ok"),
        ("19850101-1234", "[id-number]"),
        ("198501011234", "[id-number]"),
        ("cpr 010185-1234", "cpr [id-number]"),
        ("0701234567", "[phone]"),
        ("order 123456-7890", "order 123456-7890"),
    ],
)
def test_personal_identity_numbers(text, expected):
    assert REDACTOR.redact(text) == expected
