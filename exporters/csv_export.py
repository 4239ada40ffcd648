"""Every note as one CSV row, for spreadsheets and other research tools.

UTF-8 with a byte-order mark (so Excel reads å ä ö æ ø), CRLF line ends and RFC 4180
quoting (``csv.QUOTE_MINIMAL`` quotes fields with commas, quotes or line breaks and
doubles inner quotes). The column names are stable English keys whatever the report's
language, so scripts can rely on them.

A cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading
apostrophe: spreadsheets would otherwise run it as a formula (CSV injection).
"""

from __future__ import annotations

import csv
import io

from .note_rows import NoteRow

COLUMNS = list(NoteRow._fields)
HEADERS = [name.replace("_", " ") for name in COLUMNS]
_FORMULA_START = frozenset("=+-@\t\r")
"""First characters a spreadsheet reads as a formula (a set: ``"" in`` a string would be true)."""


def _defuse(value: str) -> str:
    if value[:1] in _FORMULA_START and not _is_number(value):
        return "'" + value
    return value


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def render(rows: list[NoteRow]) -> bytes:
    """The rows as CSV bytes (UTF-8 with BOM)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(HEADERS)
    start = _FORMULA_START
    # rows are tuples: written as they are; only a cell that may be a formula is looked at
    writer.writerows([_defuse(value) if value[:1] in start else value for value in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
