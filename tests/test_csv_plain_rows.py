"""The CSV writes rows column by column when no cell may start as a formula (``_no_formula``,
``_lines``: each column quoted where it must be, the lines joined in C) and through ``csv.writer``
row by row otherwise: the same bytes as ``csv.writer`` defusing every cell one at a time, on random
rows of plain text, separators, quotes, line breaks, signed feelings and formula starts."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from trodden.exporters.csv_export import BOM, headers, render, separator
from trodden.exporters.note_rows import NoteRow

CELLS = st.one_of(
    st.sampled_from(["", "ok", "-1", "+2", "0", "-", "+", "-3", "1,5", "åäö æø", 'say "hi"', "a\nb", "\t", "x;y"]),
    st.text(alphabet="=+-@\t\r\n,;\"' 0123åøxA", max_size=6),
)
ROWS = st.lists(st.tuples(*[CELLS] * len(NoteRow._fields)).map(NoteRow._make), max_size=8)
PLAIN_CELLS = st.one_of(
    st.sampled_from(["", "ok", "-1", "+2", "a\rb", 'x "y"', "1,5", "x;y", "line\nbreak", "åäö æø", " "]),
    st.text(alphabet=',;"\n 0123åøxA\u2019', max_size=6),
)
PLAIN_ROWS = st.lists(st.tuples(*[PLAIN_CELLS] * len(NoteRow._fields)).map(NoteRow._make), min_size=1, max_size=12)


def _one_cell_at_a_time(rows: list[NoteRow], language: str, excel: bool) -> bytes:
    """The CSV as first written: every cell that starts like a formula and is no number defused."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=separator(language, excel=excel), lineterminator="\r\n")
    writer.writerow(headers(language))

    def defused(value: str) -> str:
        if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            try:
                float(value)
            except ValueError:
                return "'" + value
        return value

    writer.writerows([defused(value) for value in row] for row in rows)
    return BOM + buffer.getvalue().encode("utf-8")


@settings(max_examples=80)
@given(rows=ROWS, excel=st.booleans())
def test_the_same_bytes_as_one_cell_at_a_time(rows: list[NoteRow], excel: bool) -> None:
    # kinds are translated in sv/da, so English rows only: the defusing is what is compared
    assert render(rows, language="en", excel=excel) == _one_cell_at_a_time(rows, "en", excel)


@settings(max_examples=80)
@given(rows=PLAIN_ROWS, excel=st.booleans())
def test_rows_without_formulas_are_quoted_as_csv_writer_quotes_them(rows: list[NoteRow], excel: bool) -> None:
    assert render(rows, language="en", excel=excel) == _one_cell_at_a_time(rows, "en", excel)


def test_plain_rows_with_signed_feelings_are_written_as_they_are() -> None:
    plain = NoteRow("i1", "P1", "0:00:05", "5", "quote", "-1", "web", "", "", "Köpa", "", "ok, then", "")
    rows = [plain, plain._replace(valence="+2"), plain._replace(valence="")]
    assert render(rows) == _one_cell_at_a_time(rows, "en", False)
    assert b"'" not in render(rows)
