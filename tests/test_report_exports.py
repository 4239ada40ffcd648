"""CSV parsed back, the JSON document round trip with the map, and the export command end to end."""

from __future__ import annotations

import csv
import io
import json

import pytest
from docx import Document
from report_study import HOSTILE, make_study

from trodden.exporters.csv_export import HEADERS, render
from trodden.exporters.note_rows import NoteRow
from trodden.models.interchange import build_document, dumps, import_document, load_document
from trodden.models.map.journey_map import MapItem
from trodden.models.map.map_session import MapSession
from trodden.tui.cli.main import main


def parse_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM, so Excel reads UTF-8
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_rows_parse_back(tmp_path):
    store = make_study(tmp_path / "s")
    assert main(["export", str(store.path), "--format", "csv", "-o", str(tmp_path / "notes.csv")]) == 0
    data = (tmp_path / "notes.csv").read_bytes()
    assert data.split(b"\r\n")[0].decode("utf-8-sig").split(",") == HEADERS
    rows = parse_csv(data)
    assert len(rows) == 12
    wilted = next(row for row in rows if row["text"].startswith("Plant arrived wilted"))
    assert wilted["text"] == "Plant arrived wilted " + HOSTILE
    assert wilted["map item"] == "Unpacks the plant; The plant arrives"
    assert wilted["kinds"] == "touchpoint, moment" and wilted["valence"] == "-2"
    assert any(row["text"] == "Address form rejected my å in Gävle" for row in rows)
    assert {row["participant"] for row in rows} == {"P1", "P2", "P3"}


def test_csv_quoting_and_formula_defusing():
    row = NoteRow(
        interview="i1",
        participant="P1",
        t="0:00:05",
        seconds="5",
        kinds="quote",
        valence="-1",
        channels="web, app",
        tags="",
        theme="",
        phase="Köpa",
        map_item="",
        text='She said "no",\nthen left',
    )
    formula = row._replace(**{"text": '=HYPERLINK("http://x")', "map_item": "+1 idea", "tags": "@me"})
    rows = parse_csv(render([row, formula]))
    assert rows[0]["text"] == 'She said "no",\nthen left'
    assert rows[0]["valence"] == "-1"  # a number stays a number
    assert rows[1]["text"] == '\'=HYPERLINK("http://x")'
    assert rows[1]["map item"] == "'+1 idea" and rows[1]["tags"] == "'@me"


def test_csv_defuses_a_formula_in_any_column_whatever_the_rows_around_it():
    """Rows are written as they are unless a cell may be a formula: every column, the feeling
    too when it is not one of the numbers trodden writes, among plain rows and signed feelings."""
    plain = NoteRow("i1", "P1", "0:00:05", "5", "quote", "+2", "web", "", "", "Köpa", "", "ok", "")
    rows = [plain, plain._replace(valence="-1"), plain._replace(valence="")]
    for column in NoteRow._fields:
        for start in "=+-@\t\r":
            rows.append(plain._replace(**{column: start + "cmd"}))
    parsed = parse_csv(render(rows))
    assert [row["valence"] for row in parsed[:3]] == ["+2", "-1", ""]
    for row, written in zip(parsed[3:], rows[3:], strict=True):
        changed = [name for name in NoteRow._fields if getattr(written, name) != plain[NoteRow._fields.index(name)]]
        (column,) = changed
        header = column.replace("_", " ")
        assert row[header] == "'" + getattr(written, column), column
        assert all(row[h.replace("_", " ")] == getattr(plain, h) for h in NoteRow._fields if h != column)


def test_json_round_trip_with_map(tmp_path):
    store = make_study(tmp_path / "s")
    document, problems = build_document(store)
    assert problems == []
    assert document.map is not None and len(document.map.items) == 9
    path = tmp_path / "study.json"
    path.write_text(dumps(document), encoding="utf-8")
    assert "Secret Name" not in path.read_text(encoding="utf-8")
    loaded = load_document(path)
    assert loaded.map == document.map
    copy, report = import_document(loaded, tmp_path / "copy")
    assert report == []
    again, _ = build_document(copy)
    assert again.map == document.map
    assert again.model_dump(exclude={"participants"}) == document.model_dump(exclude={"participants"})


def test_json_import_keeps_an_existing_map(tmp_path):
    store = make_study(tmp_path / "s")
    document, _ = build_document(store)
    target = make_study(tmp_path / "t")
    with MapSession(target.path, writable=True) as session:
        session.put_item(MapItem(id=99, title="Our own item"))
    _, report = import_document(document, target.path)
    assert any("already has a journey map" in line for line in report)
    with MapSession(target.path, writable=False) as session:
        assert session.load().item(99).title == "Our own item"


def test_json_without_map(tmp_path):
    from trodden.models.domain import Study
    from trodden.models.storage.store import StudyStore

    store = StudyStore.create(tmp_path / "plain", Study(name="No map yet"))
    document, _ = build_document(store)
    assert document.map is None
    assert json.loads(dumps(document))["map"] is None


@pytest.mark.parametrize("fmt", ["md", "docx", "csv"])
def test_export_command_writes_into_a_folder(tmp_path, fmt, capsys):
    store = make_study(tmp_path / "s")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(store.path), "--format", fmt, "-o", str(out)]) == 0
    written = list(out.iterdir())
    assert len(written) == 1 and written[0].suffix == f".{fmt}"
    assert written[0].name.startswith("Creating-a-thriving-home-")
    assert "wrote" in capsys.readouterr().err


def test_export_command_language_and_stdout(tmp_path, capsysbinary):
    store = make_study(tmp_path / "s")
    assert main(["export", str(store.path), "--format", "md", "--lang", "da"]) == 0
    text = capsysbinary.readouterr().out.decode("utf-8")
    assert text.startswith("# Creating a thriving home\n\n*Rapport: kunderejse*")
    assert "## Kunderejsekortet" in text


def test_export_docx_default_language_from_study(tmp_path):
    store = make_study(tmp_path / "s", language="sv")
    assert main(["export", str(store.path), "--format", "docx", "-o", str(tmp_path / "r.docx")]) == 0
    document = Document(str(tmp_path / "r.docx"))
    assert document.core_properties.language == "sv-SE"
    assert any(p.text == "Sanningens ögonblick" for p in document.paragraphs)


def test_export_bad_interview_is_named_not_fatal(tmp_path, capsys):
    store = make_study(tmp_path / "s")
    notes = store.interview_dir("2026-03-02-P1") / "interview.json"
    notes.write_text("{ not json", encoding="utf-8")
    assert main(["export", str(store.path), "--format", "md", "-o", str(tmp_path / "r.md")]) == 1  # named, exit 1
    assert "left out" in capsys.readouterr().err
    assert "2 interviews with 2 customers" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_personal_details_redacted_unless_asked(tmp_path, capsysbinary):
    store = make_study(tmp_path / "s")
    with store.open_interview("2026-03-02-P1") as session:
        session.update_note(2, text="I told Secret Name P1's sister, Secret, and it was per usual")
    for fmt in ("md", "csv"):
        assert main(["export", str(store.path), "--format", fmt]) == 0
        text = capsysbinary.readouterr().out.decode("utf-8-sig")
        assert "Malin" not in text and "Secret" not in text
        assert "thanks to [redacted]" in text.replace("\\[", "[").replace("\\]", "]")
        assert "per usual" in text  # a lower-case word is not a name
    assert main(["export", str(store.path), "--format", "md", "--include-private"]) == 0
    assert "thanks to Malin" in capsysbinary.readouterr().out.decode("utf-8")


def test_a_report_file_is_named_after_the_redacted_journey_name(tmp_path, capsys):
    """A journey named after a participant: the file written into a folder does not carry the name."""
    from trodden.models.storage.study_file import StudyFile

    store = make_study(tmp_path / "s")

    def rename(data: StudyFile) -> None:
        data.study = data.study.model_copy(update={"name": "Malin Andersson's plants"})
        data.redaction_terms = [*data.redaction_terms, "Malin Andersson"]

    store.update(rename)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(store.path), "--format", "md", "-o", str(out)]) == 0
    (written,) = out.iterdir()
    assert "Malin" not in written.name and "Andersson" not in written.name
    private = tmp_path / "private"
    private.mkdir()
    assert main(["export", str(store.path), "--format", "md", "--include-private", "-o", str(private)]) == 0
    assert "Malin" in next(private.iterdir()).name
