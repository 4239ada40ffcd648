"""The redactor's detectors one by one: order, masks, names in context, the study's not-names."""

from __future__ import annotations

from trodden.models.notes.redaction import IBAN, LIKELY_NAME, Redactor


def test_an_iban_is_one_marker_not_a_phone_number() -> None:
    redactor = Redactor()
    assert redactor.redact("SE45 5000 0000 0583 9825 7466") == "[iban]"
    assert [span.kind for span in redactor.find("till SE45 5000 0000 0583 9825 7466 idag")] == [IBAN]


def test_an_address_and_its_postcode() -> None:
    text = "Storgatan 12, 411 38 Göteborg"
    assert Redactor().redact(text) == "[address], [postcode]"


def test_words_that_are_also_names_at_the_start_of_a_sentence() -> None:
    redactor = Redactor()
    for text in ["Per dag blir det mycket.", "Hans fru ringde.", "Bo i stan är dyrt.", "Will it work?", "May I ask?"]:
        assert redactor.redact(text) == text
    assert redactor.redact("Per Albin ringde.") == "[name] ringde."
    assert redactor.redact("Vi ringde Per igen.") == "Vi ringde [name] igen."
    assert redactor.redact("per månad") == "per månad"


def test_genitive_double_names_and_surnames() -> None:
    redactor = Redactor()
    assert redactor.redact("Annas bror och Anna-Karin Berg kom.") == "[name] bror och [name] kom."
    assert redactor.redact("Hans CPR er 120385-1234.") == "Hans CPR er [id-number]."


def test_not_names_and_likely_names() -> None:
    text = "Hon köpte Rose Garden-serien av Erik Johansson."
    plain = Redactor()
    assert [span.kind for span in plain.likely_names(text)] == [LIKELY_NAME, LIKELY_NAME]
    said = Redactor(not_names=["Rose Garden"])
    assert said.redact(text) == "Hon köpte Rose Garden-serien av [name]."


def test_terms_and_real_names_come_first() -> None:
    redactor = Redactor(["Linnea Sjöström"], ["Danderyds sjukhus"])
    text = "Linnea Sjöström jobbar på Danderyds sjukhus, fråga linnea sjöström"
    assert redactor.redact(text) == "[name] jobbar på [redacted], fråga [name]"


def test_a_tag_or_channel_that_is_a_name_in_lower_case() -> None:
    redactor = Redactor()
    assert [redactor.redact(tag) for tag in ["mette", "anna-chat", "price", "per", "maj", "care-guide"]] == [
        "[name]",
        "[name]",
        "price",
        "per",
        "maj",
        "care-guide",
    ]
    assert Redactor(not_names=["kim"]).redact("kim") == "kim"


def test_phone_numbers_are_read_group_by_group() -> None:
    redactor = Redactor()
    assert redactor.redact("år 2023 070-123 45 67") == "år 2023 [phone]"
    assert redactor.redact("ring 070-123 45 67 070-765 43 21 nu") == "ring [phone] [phone] nu"
    assert redactor.redact("ring 070-123 45 67 12 gånger") == "ring [phone] 12 gånger"
    long_run = "070-123 45 67 " * 700  # a pasted list: every number, in linear time
    assert redactor.redact(long_run).split() == ["[phone]"] * 700


def test_a_damaged_name_cache_is_rebuilt(tmp_path, monkeypatch) -> None:
    from trodden.models.notes import first_names

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first_names.first_names.cache_clear()
    try:
        built = first_names.first_names()
        cache = next((tmp_path / "trodden").glob("first-names-*.txt"))
        assert {"anna", "erik", "mette", "søren"} <= built
        cache.write_text("", encoding="utf-8")  # emptied by a careless clean-up
        first_names.first_names.cache_clear()
        assert first_names.first_names() == built
    finally:
        first_names.first_names.cache_clear()
