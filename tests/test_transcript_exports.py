"""Exports with transcripts: quotes verified in the report's evidence appendix, the interview notes
with the transcript (redacted), the speakers' names never in an export."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from report_study import make_study
from transcript_kit import teams_vtt

from trodden.models.domain import Kind
from trodden.models.map.journey_map import MapItem
from trodden.models.map.map_session import MapSession
from trodden.models.storage.store import StudyStore
from trodden.models.transcript.reading import parse_transcript
from trodden.tui.cli.main import main


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[StudyStore, str]:
    """The sample study, P01's interview recorded: every note said as typed, by "Karin Holm"."""
    folder = tmp_path_factory.mktemp("sample") / "study"
    assert main(["sample", str(folder)]) == 0
    store = StudyStore.open(folder)
    interview = store.find_interview("P01")
    with store.open_interview(interview.id, writable=False) as session:
        notes = session.notes()
    vtt = teams_vtt(notes, interview.start, participant="Karin Holm", interviewer="Olle Berg")
    store.save_transcript(interview.id, parse_transcript(vtt.encode(), Path("p1.vtt")))
    return store, interview.id


def _quotes(store: StudyStore, interview_id: str) -> list[str]:
    with store.open_interview(interview_id, writable=False) as session:
        return [note.text for note in session.notes() if note.has(Kind.QUOTE)]


def test_the_report_marks_quotes_verified_against_the_transcript(tmp_path: Path, capsys) -> None:
    """The appendix lists a quote in quotation marks, as everywhere (the method's rule), then the mark."""
    store = make_study(tmp_path / "study")
    with MapSession(store.path, writable=True) as session:
        session.put_item(MapItem(id=50, phase="ph1", order=9, title="Wants advice", evidence=["2026-03-02-P1/2"]))
    interview = store.find_interview("P1")
    with store.open_interview(interview.id, writable=False) as session:
        notes = session.notes()
    vtt = teams_vtt(notes, interview.start, participant="Karin Holm")
    store.save_transcript(interview.id, parse_transcript(vtt.encode(), Path("p1.vtt")))
    assert main(["export", str(store.path), "--format", "md", "-o", str(tmp_path / "r.md")]) == 0
    appendix = (tmp_path / "r.md").read_text(encoding="utf-8").split("## Appendix: evidence")[1]
    verified = [line for line in appendix.splitlines() if line.endswith("*(verified against the transcript)*")]
    assert verified == [
        "- P1 02:10 — “I just wanted someone to tell me which plant survives my dark flat” "
        "*(verified against the transcript)*"
    ]
    assert main(["export", str(store.path), "--format", "docx", "-o", str(tmp_path / "r.docx")]) == 0
    paragraphs = [p.text for p in Document(str(tmp_path / "r.docx")).paragraphs]
    assert [text for text in paragraphs if text.endswith("(verified against the transcript)")] == [
        "P1 02:10  “I just wanted someone to tell me which plant survives my dark flat”  (verified against the transcript)"
    ]


@pytest.mark.parametrize(
    ("lang", "title", "name"), [("en", "Quote differs", "[name]"), ("sv", "Citat avviker", "[namn]")]
)
def test_the_reports_checks_list_a_quote_the_transcript_does_not_confirm(tmp_path: Path, lang, title, name) -> None:
    """quote-differs in the report's checks (Markdown and Word), in its language, the words said
    redacted (the participant said her own name, a speaker's name in the transcript)."""
    store = make_study(tmp_path / "study")
    interview = store.find_interview("P1")
    with store.open_interview(interview.id, writable=False) as session:
        notes = session.notes()
    said = {2: "I just wanted someone, Karin Holm, to tell me which plant survives in my dark flat"}
    vtt = teams_vtt(notes, interview.start, participant="Karin Holm", said=said)
    store.save_transcript(interview.id, parse_transcript(vtt.encode(), Path("p1.vtt")))
    md, docx = tmp_path / "r.md", tmp_path / "r.docx"
    assert main(["export", str(store.path), "--format", "md", "--lang", lang, "-o", str(md)]) == 0
    rows = [line for line in md.read_text(encoding="utf-8").splitlines() if title in line]
    escaped = name.replace("[", "\\[").replace("]", "\\]")  # Markdown: a marker is not a link
    assert len(rows) == 1 and "2026-03-02-P1/2" in rows[0] and f"someone, {escaped}, to tell me" in rows[0]
    assert main(["export", str(store.path), "--format", "docx", "--lang", lang, "-o", str(docx)]) == 0
    (table,) = [t for t in Document(str(docx)).tables if any(title in c.text for c in t.columns[1].cells)]
    (row,) = [r for r in table.rows if r.cells[1].text.startswith(title)]
    assert f"someone, {name}, to tell me" in row.cells[2].text and row.cells[3].text == "2026-03-02-P1/2"
    assert "Karin" not in md.read_text(encoding="utf-8")
    assert all("Karin" not in p.text for p in Document(str(docx)).paragraphs)
    assert all("Karin" not in c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells)


def test_the_interview_notes_carry_the_transcript_redacted(sample, tmp_path: Path, capsys) -> None:
    store, interview_id = sample
    out = tmp_path / "p1.md"
    argv = ["export", str(store.path), "--format", "md", "--interview", "P01", "--with-transcript", "-o", str(out)]
    assert main(argv) == 0
    text = out.read_text(encoding="utf-8")
    section = text.split("## Transcript")[1]
    assert "**Participant:**" in section and "**Interviewer:**" in section
    assert "Karin" not in text and "Holm" not in text and "Olle" not in text
    assert _quotes(store, interview_id)[0].split()[0] in section


def test_interview_notes_in_word_with_the_transcript(sample, tmp_path: Path) -> None:
    store, _ = sample
    out = tmp_path / "p1.docx"
    argv = ["export", str(store.path), "--format", "docx", "--interview", "P01", "--with-transcript", "-o", str(out)]
    assert main(argv) == 0
    document = Document(io.BytesIO(out.read_bytes()))
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Transcript")
    assert any("  Participant: " in text for text in texts[start:])
    assert not any("Karin" in text or "Holm" in text for text in texts)


def test_without_a_transcript_the_option_warns(sample, tmp_path: Path, capsys) -> None:
    store, _ = sample
    argv = [
        "export",
        str(store.path),
        "--format",
        "md",
        "--interview",
        "P02",
        "--with-transcript",
        "-o",
        str(tmp_path / "p2.md"),
    ]
    assert main(argv) == 0
    assert "has no transcript" in capsys.readouterr().err
    assert "## Transcript" not in (tmp_path / "p2.md").read_text(encoding="utf-8")
