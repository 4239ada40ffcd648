"""Word files that feel native, read back: proofing language in styles and runs, real core
properties, no template leftovers, alt text, a filled table of contents, natural order of
participants, and a file named after the study when no -o is given."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import pytest
from docx import Document
from lxml import etree
from map_kit import build_study
from report_study import make_study

from trodden.exporters.report_assemble import build_report
from trodden.models.natural_sort import natural_sorted
from trodden.models.storage.store import StudyStore
from trodden.tui.cli.main import main

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
TAGS = {"en": "en-GB", "sv": "sv-SE", "da": "da-DK"}


def part(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


WRITTEN: list[datetime] = []
"""When the Swedish report was written: (just before, just after)."""


@pytest.fixture(scope="module")
def swedish(tmp_path_factory) -> bytes:
    store = make_study(tmp_path_factory.mktemp("word") / "s", language="sv")
    target = store.path.parent / "rapport.docx"
    args = ["export", str(store.path), "--format", "docx", "-o", str(target), "--author", "Kundresebyrån AB"]
    WRITTEN.append(datetime.now(UTC).replace(microsecond=0))
    assert main(args) == 0
    WRITTEN.append(datetime.now(UTC))
    return target.read_bytes()


def assert_native(data: bytes, language: str) -> None:
    """Proofing language everywhere it is set, and nothing of python-docx's template left."""
    tag = TAGS[language]
    styles = part(data, "word/styles.xml")
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}val") == tag
    for style in styles.iter(f"{W}style"):
        if style.get(f"{W}type") != "numbering":
            assert style.find(f"{W}rPr/{W}lang").get(f"{W}val") == tag, style.get(f"{W}styleId")
    body = part(data, "word/document.xml")
    runs = [run for run in body.iter(f"{W}r") if run.find(f"{W}t") is not None]
    assert runs and all(run.find(f"{W}rPr/{W}lang").get(f"{W}val") == tag for run in runs)
    settings = part(data, "word/settings.xml")
    assert settings.find(f"{W}themeFontLang").get(f"{W}val") == tag
    assert settings.find(f"{W}savePreviewPicture") is None
    assert "docProps/thumbnail.jpeg" not in names(data) and "word/stylesWithEffects.xml" not in names(data)
    relationships = part(data, "_rels/.rels")
    assert not [rel for rel in relationships if "thumbnail" in rel.get("Type")]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        properties = archive.read("docProps/core.xml").decode() + archive.read("docProps/app.xml").decode()
    assert "python-docx" not in properties and "2013" not in properties and "Macintosh" not in properties
    pictures = list(body.iter(f"{WP}docPr"))
    assert all(picture.get("descr", "").strip() for picture in pictures)


def test_a_swedish_report_is_swedish_for_word(swedish):
    assert_native(swedish, "sv")
    properties = Document(io.BytesIO(swedish)).core_properties
    before, after = WRITTEN
    assert before <= properties.created.replace(tzinfo=UTC) <= after  # written now, not the template's 2013
    assert properties.modified == properties.created
    assert (properties.author, properties.last_modified_by) == ("Kundresebyrån AB", "Kundresebyrån AB")
    assert properties.title == "Creating a thriving home" and properties.subject == "Rapport: kundresa"
    assert properties.language == "sv-SE" and properties.keywords == "kundresa; kundresekarta"
    assert properties.comments == "" and properties.revision == 1


def test_every_picture_has_alt_text_naming_the_phases(swedish):
    body = part(swedish, "word/document.xml")
    pictures = list(body.iter(f"{WP}docPr"))
    assert len(pictures) >= 2
    for picture in pictures:
        assert picture.get("descr").startswith("Kundernas känslokurva") and "1. Dreaming of green" in picture.get(
            "descr"
        )


def test_the_table_of_contents_is_a_field_holding_the_headings(swedish):
    document = Document(io.BytesIO(swedish))
    body = document.element.body
    instructions = [node.text for node in body.iter(f"{W}instrText")]
    assert any(text.strip().startswith("TOC") for text in instructions)
    entries = [p.text for p in document.paragraphs if p.style.name in ("toc 1", "toc 2")]
    headings = [p.text for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert entries == headings and "Kundresekartan" in entries and "Bilaga: underlag" in entries
    contents = next(p for p in document.paragraphs if p.style.name == "TOC Heading")
    assert contents.text == "Innehåll"
    assert part(swedish, "word/settings.xml").find(f"{W}updateFields").get(f"{W}val") == "true"


def test_danish_interview_notes_share_the_look_and_the_studys_author(tmp_path):
    store = make_study(tmp_path / "s", language="da")

    def set_author(data) -> None:
        data.study.author = "Søren Ørsted"

    store.update(set_author)
    target = tmp_path / "noter.docx"
    assert main(["export", str(store.path), "--format", "docx", "--interview", "P1", "-o", str(target)]) == 0
    written = target.read_bytes()
    assert_native(written, "da")
    document = Document(io.BytesIO(written))
    assert document.core_properties.author == "[navn]"  # a person's name: redacted like the notes
    assert document.styles["Heading 1"].font.name == "Arial"  # the report's look (report_docx_style)
    assert document.paragraphs[0].style.name == "Title" and document.paragraphs[0].text == "Interviewnoter: P1"


@pytest.mark.parametrize("private", [False, True])
def test_the_author_is_redacted_like_every_user_written_field(tmp_path, private):
    """A person's name as --author is a personal detail in the file's properties: redacted unless
    --include-private (a consultancy's name is kept, as in the report above)."""
    store = make_study(tmp_path / "s", language="sv")
    target = tmp_path / "noter.docx"
    args = ["export", str(store.path), "--format", "docx", "--interview", "P1", "-o", str(target)]
    args += ["--author", "Anna  Åberg"] + (["--include-private"] if private else [])
    assert main(args) == 0
    properties = Document(str(target)).core_properties
    expected = "Anna Åberg" if private else "[namn]"
    assert (properties.author, properties.last_modified_by) == (expected, expected)


def test_docx_without_o_is_named_after_the_study_here_and_never_escapes(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "study"
    assert main(["new", str(folder), "--name", "../../etc/passwd", "--language", "sv", "--author", "CX-teamet"]) == 0
    here = tmp_path / "a" / "b"
    here.mkdir(parents=True)
    monkeypatch.chdir(here)
    assert main(["export", str(folder), "--format", "docx"]) == 0
    written = list(here.iterdir())
    assert [path.name for path in written] == ["etc-passwd-report.docx"]
    assert str(written[0]) in capsys.readouterr().err  # says where
    assert not (tmp_path / "etc").exists()
    before = written[0].read_bytes()
    assert main(["export", str(folder), "--format", "docx"]) == 1  # never over a file unasked
    assert "--force" in capsys.readouterr().err and written[0].read_bytes() == before
    assert main(["export", str(folder), "--format", "docx", "--force"]) == 0
    assert Document(str(written[0])).core_properties.author == "CX-teamet"  # the study's author


def test_natural_order_of_participants():
    assert natural_sorted(["P10", "P2", "p3", "P1", "P02", "Q1"]) == ["P1", "P02", "P2", "p3", "P10", "Q1"]
    assert natural_sorted(["x" + "9" * 5000, "x1"]) == ["x1", "x" + "9" * 5000]  # no int() of huge runs


def test_the_report_lists_participants_in_natural_order(tmp_path):
    notes = {code: ["1|+* finds a plant"] for code in ("P10", "P2", "P1")}
    store = build_study(tmp_path / "s", ["Finding a plant"], notes)
    report, _ = build_report(StudyStore.open(store.path))
    assert report.participant_codes == ("P1", "P2", "P10")


def test_an_unset_author_is_not_written_so_older_trodden_still_reads_the_study(tmp_path):
    import json

    assert main(["new", str(tmp_path / "a"), "--name", "Skapa ett grönt hem"]) == 0
    assert "author" not in json.loads((tmp_path / "a" / "study.json").read_text(encoding="utf-8"))["study"]
    assert main(["new", str(tmp_path / "b"), "--name", "Skapa ett grönt hem", "--author", "Kim Lund"]) == 0
    assert json.loads((tmp_path / "b" / "study.json").read_text(encoding="utf-8"))["study"]["author"] == "Kim Lund"
