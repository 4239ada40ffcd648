"""Every note as one CSV row, for spreadsheets and other research tools.

UTF-8 with a byte-order mark (so Excel reads å ä ö æ ø), CRLF line ends and RFC 4180
quoting (``csv.QUOTE_MINIMAL`` quotes fields with the separator, quotes or line breaks and
doubles inner quotes). In English the column names are stable keys scripts can rely on; a
Swedish or Danish export names its columns and note kinds in its language.

**Nordic Excel.** Swedish and Danish Excel split a CSV on ``;`` (their list separator, as the
comma is their decimal sign), so a Swedish or Danish export, or any with ``--excel``, uses
``;``. Every number in the file is whole (feeling −2..+2, seconds), so no decimal sign is
ever written and nothing depends on it.

**Times.** ``mm:ss`` (``12:30``) is read by Excel as a clock time, half past twelve. The time
into the interview is therefore always written with its hours, ``0:12:30``, which Excel,
LibreOffice and Google Sheets read as 12 minutes 30 seconds (a duration they can sort and
add), and a ``seconds`` column beside it holds the same time as a plain whole number. (An ISO
8601 duration, ``PT12M30S``, would stay text but reads badly; ``="00:12:30"`` is a formula.)

A cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading
apostrophe: spreadsheets would otherwise run it as a formula (CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from operator import itemgetter

from .i18n import Labels
from .note_rows import VALENCE, Columns, NoteRow

COLUMNS = list(NoteRow._fields)
HEADERS = [name.replace("_", " ") for name in COLUMNS]
"""The English column names (the stable keys)."""
_FORMULA_START = frozenset("=+-@\t\r")
"""First characters a spreadsheet reads as a formula (a set: ``"" in`` a string would be true)."""
NORDIC = ("sv", "da")
_FIRST = itemgetter(slice(0, 1))
"""A cell's first character ("" for an empty cell), taken in C: ``map(_FIRST, row)``."""
BOM = "\ufeff".encode()
_VALENCES = frozenset(VALENCE.values())
"""A row's feeling as written ("", "0", "-2".."+2"): numbers, never defused."""


def _others(column: str) -> itemgetter:
    """A row's cells but ``column``'s, as a tuple (in C)."""
    return itemgetter(*(index for index, name in enumerate(COLUMNS) if name != column))


def headers(language: str = "en") -> list[str]:
    """The column names in ``language``."""
    labels = Labels(language)
    return HEADERS if labels.language == "en" else [labels[f"csv.{name}"] for name in COLUMNS]


def separator(language: str = "en", *, excel: bool = False) -> str:
    """``;`` for Swedish and Danish (and ``--excel``), else ``,``."""
    return ";" if excel or language in NORDIC else ","


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


def _no_formula(columns: Columns, distinct: list[set[str] | None]) -> bool:
    """True when no cell may start as a formula: each column's first characters looked at in C
    (``isdisjoint``; a column of repeated words through its ``distinct`` values), the feelings
    (``-1``, numbers) by their known values. Most studies have no such cell."""
    for name, column, values in zip(COLUMNS, columns, distinct, strict=True):
        if name == "valence":
            if not _VALENCES.issuperset(values or column):
                return False
        elif not _FORMULA_START.isdisjoint(map(_FIRST, column if values is None else values)):
            return False
    return True


_FREE = frozenset({"text"})
"""Columns whose cells seldom repeat: looked at cell by cell rather than through a set of them."""


def _quoting(delimiter: str):
    """A cell as ``csv.writer`` writes it with ``QUOTE_MINIMAL`` and ``\r\n`` line ends: in double
    quotes, inner ones doubled, when it holds the delimiter, a double quote, ``\r`` or ``\n``."""

    def quote(value: str) -> str:
        if delimiter in value or '"' in value or "\r" in value or "\n" in value:
            return '"' + value.replace('"', '""') + '"'
        return value

    return quote


def _column_cells(column: list[str], values: set[str] | None, delimiter: str) -> Sequence[bytes]:
    """``column``'s cells as written, in UTF-8; a column of repeated words (its distinct ``values``)
    quoted and encoded once a distinct word. Encoding cell by cell lets every ASCII cell be copied
    as it is, where encoding the whole file looks at every character."""
    if values is None:  # free text: quoted here, without a call a cell
        return [
            ('"' + value.replace('"', '""') + '"').encode()
            if delimiter in value or '"' in value or "\r" in value or "\n" in value
            else value.encode()
            for value in column
        ]
    quote = _quoting(delimiter)
    written = {value: quote(value).encode() for value in values}
    return list(map(written.__getitem__, column))


def _lines(columns: Columns, distinct: list[set[str] | None], delimiter: str) -> bytes:
    """The rows' lines in UTF-8, written column by column: each column quoted where it must be
    (mostly not at all) and encoded, then the lines joined in C. The same text as
    ``csv.writer.writerows`` (``tests/test_csv_plain_rows.py`` compares them)."""
    cells = [_column_cells(column, values, delimiter) for column, values in zip(columns, distinct, strict=True)]
    lines = b"\r\n".join(map(delimiter.encode().join, zip(*cells, strict=True)))
    return lines + b"\r\n" if lines else b""  # a line holds the delimiters at least: never empty


def _kinds_in(labels: Labels):
    """Translates a row's kinds (``touchpoint, quote``), once per distinct combination."""
    seen: dict[str, str] = {"": ""}

    def words(kinds: str) -> str:
        if kinds not in seen:
            seen[kinds] = ", ".join(labels[f"note.{kind}"] for kind in kinds.split(", "))
        return seen[kinds]

    return words


def render(rows: list[NoteRow], *, language: str = "en", excel: bool = False) -> bytes:
    """The rows as CSV bytes (UTF-8 with BOM), column names and kinds in ``language``,
    ``;``-separated for Swedish, Danish or ``excel``."""
    columns = [list(column) for column in zip(*rows, strict=True)] or [[] for _ in COLUMNS]
    return render_columns(columns, language=language, excel=excel)


def render_columns(columns: Columns, *, language: str = "en", excel: bool = False) -> bytes:
    """``render`` of the rows ``note_columns`` gives column by column (no row is made)."""
    buffer = io.StringIO(newline="")
    delimiter = separator(language, excel=excel)
    writer = csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(headers(language))
    start = _FORMULA_START
    if Labels(language).language != "en":
        at = COLUMNS.index("kinds")
        columns = [*columns[:at], list(map(_kinds_in(Labels(language)), columns[at])), *columns[at + 1 :]]
    if not columns[0]:
        return BOM + buffer.getvalue().encode("utf-8")
    distinct = [None if name in _FREE else set(column) for name, column in zip(COLUMNS, columns, strict=True)]
    if _no_formula(columns, distinct):  # written column by column, as they are
        return b"".join((BOM, buffer.getvalue().encode("utf-8"), _lines(columns, distinct, delimiter)))
    # the first characters of a row's cells are looked at in C (``isdisjoint``), its feeling
    # (``-1``, a number, never a formula) by its known values; only a row with a cell that may
    # be a formula is copied, cell by cell
    clean, valence, others = start.isdisjoint, COLUMNS.index("valence"), _others("valence")
    writer.writerows(
        row
        if row[valence] in _VALENCES and clean(map(_FIRST, others(row)))
        else [_defuse(value) if value[:1] in start else value for value in row]
        for row in zip(*columns, strict=True)
    )
    return BOM + buffer.getvalue().encode("utf-8")  # the BOM apart: prefixing it would copy the text once more
