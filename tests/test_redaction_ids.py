"""Swedish co-ordination numbers and Danish CPR numbers are redacted like personnummer.

A co-ordination number (samordningsnummer) is given to people not registered in Sweden:
a personnummer whose day of birth has 60 added (born the 3rd: day 63). A Danish CPR
number puts the date the other way round, DDMMYY-XXXX. Both identify a participant as
surely as a name, so both leave a note only as ``[id-number]``.
"""

from __future__ import annotations

import pytest

from trodden.models.notes.redaction import ID_NUMBER, Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    "number",
    [
        "850263-1234",  # born 3 February 1985, day 3 + 60
        "19850263-1234",
        "850263+1234",  # + : a hundred years or older
        "8502631234",
        "198502631234",
        "850261-1234",  # the first day, + 60
        "851291-1234",  # the 31st, + 60
    ],
)
def test_swedish_coordination_numbers_are_redacted(number: str) -> None:
    text = f"hennes samordningsnummer är {number}, sa hon"
    assert REDACTOR.redact(text) == "hennes samordningsnummer är [id-number], sa hon"
    (span,) = REDACTOR.find(text)
    assert span.kind == ID_NUMBER


@pytest.mark.parametrize(
    "number",
    [
        "010203-1234",  # 1 February 2003
        "310185-1234",  # the 31st: only a date read day first
        "241299-1234",
        "241299 1234",
    ],
)
def test_danish_cpr_numbers_are_redacted(number: str) -> None:
    text = f"mit CPR-nummer er {number}."
    assert REDACTOR.redact(text) == "mit CPR-nummer er [id-number]."
    (span,) = REDACTOR.find(text)
    assert span.kind == ID_NUMBER


@pytest.mark.parametrize(
    "text",
    [
        "order 850292-1234",  # day 92 is neither a day nor a day + 60
        "ärende 991399-1234",  # no month 13 either way round
    ],
)
def test_number_shapes_that_are_no_date_stay(text: str) -> None:
    assert REDACTOR.redact(text) == text
