"""CSV for Nordic Excel: ``;`` and Swedish/Danish column names with --lang sv|da or --excel,
times Excel cannot take for clock times, the BOM kept, formulas defused."""

from __future__ import annotations

import csv
import io

import pytest
from report_study import make_study

from trodden.exporters.csv_export import HEADERS, headers
from trodden.tui.cli.main import main


def exported(tmp_path, *options: str) -> bytes:
    store = make_study(tmp_path / "s")
    target = tmp_path / "notes.csv"
    assert main(["export", str(store.path), "--format", "csv", "-o", str(target), *options]) == 0
    return target.read_bytes()


def rows_of(data: bytes, delimiter: str) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM stays: Excel reads UTF-8 by it
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


@pytest.mark.parametrize("language", ["sv", "da"])
def test_swedish_and_danish_csv_split_on_semicolons_with_their_own_column_names(tmp_path, language):
    rows = rows_of(exported(tmp_path, "--lang", language), ";")
    names = headers(language)
    assert list(rows[0]) == names and not set(names) & (
        set(HEADERS) - {"interview", "text", "tags"}
    )  # the same word in Danish
    assert len(rows) == 12
    wilted = next(row for row in rows if row[names[COLUMNS.index("text")]].startswith("Plant arrived wilted"))
    kinds = {"sv": "kontaktpunkt, sanningens ögonblick", "da": "kontaktpunkt, sandhedens øjeblik"}
    assert wilted[names[COLUMNS.index("kinds")]] == kinds[language]
    assert wilted[names[COLUMNS.index("valence")]] == "-2"


def test_excel_option_uses_semicolons_with_english_keys(tmp_path):
    rows = rows_of(exported(tmp_path, "--excel"), ";")
    assert list(rows[0]) == HEADERS and len(rows) == 12
    assert any(row["text"] == "Address form rejected my å in Gävle" for row in rows)


def test_times_carry_their_hours_and_seconds_beside_them(tmp_path):
    rows = rows_of(exported(tmp_path), ",")
    for row in rows:
        hours, minutes, seconds = row["t"].split(":")  # never mm:ss, which Excel reads as a clock time
        assert int(hours) * 3600 + int(minutes) * 60 + int(seconds) == int(row["seconds"])
    assert any(row["t"] == "1:01:40" and row["seconds"] == "3700" for row in rows)


COLUMNS = [name.replace(" ", "_") for name in HEADERS]
