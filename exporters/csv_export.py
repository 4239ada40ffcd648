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
from dataclasses import astuple, fields

from .report_model import NoteRow

COLUMNS = [field.name for field in fields(NoteRow)]
HEADERS = [name.replace("_", " ") for name in COLUMNS]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defuse(value: str) -> str:
    if value.startswith(_FORMULA_START) and not _is_number(value):
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
    for row in rows:
        writer.writerow([_defuse(value) for value in astuple(row)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
