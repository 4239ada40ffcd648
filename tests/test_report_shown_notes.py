"""The journey report redacts the notes it shows, and reads no other note's text (issue 11).

A report counts every note but shows few (evidence, chosen quotes), so its notes are
redacted as they are read (``ShownNotes``). These tests hold that to the structure: every way
of reading a note hands it out redacted; counting reads only facts with no text; a note the
Word and Markdown reports show is redacted; a note they do not show is never read at all.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from datetime import date, datetime, timedelta

import pytest

from trodden.exporters import report_assemble
from trodden.exporters.report_assemble import build_report
from trodden.exporters.report_docx import render as report_docx
from trodden.exporters.report_md import render as report_md
from trodden.models.domain import Interview, InterviewStatus, Kind, Note, Participant, Phase, Revision, Study
from trodden.models.interchange import write_interview
from trodden.models.map.journey_map import MapItem, QuotePick
from trodden.models.map.map_session import MapSession
from trodden.models.notes.redact_models import text_fields
from trodden.models.notes.shown_notes import NoteFacts, ShownNotes
from trodden.models.storage.store import StudyStore

START = datetime(2026, 3, 2, 10, 0)
SHOWN_TEXT = "Erik Johansson called about the delivery"
QUOTE_TEXT = "Anna Svensson said it was too slow"
UNSHOWN_TEXT = "Unseen note: Karin Lindqvist 070-999 88 77 liked the shop"


def _note(seq: int, text: str, kinds: list[Kind], valence: int | None) -> Note:
    return Note(
        id=f"2026-03-02-P1/{seq}",
        interview="2026-03-02-P1",
        seq=seq,
        t=60.0 * seq,
        wall=START + timedelta(minutes=seq),
        text=text,
        kinds=kinds,
        valence=valence,
        channels=["web Erik"],
        phase="ph1",
        history=[Revision(at=START, raw=text + " (typed)")],
    )


def _store(path) -> tuple[StudyStore, list[Note]]:
    people = [Participant(code="P1", real_name="Anna Svensson")]
    store = StudyStore.create(path, Study(name="Shop"), [Phase(id="ph1", name="Buy", order=1)], None, people, [])
    notes = [
        _note(1, SHOWN_TEXT, [Kind.TOUCHPOINT], -1),
        _note(2, QUOTE_TEXT, [Kind.QUOTE], None),
        _note(3, UNSHOWN_TEXT, [Kind.TOUCHPOINT], 2),
    ]
    interview = Interview(
        id="2026-03-02-P1", participant="P1", date=date(2026, 3, 2), status=InterviewStatus.CLEANED, start=START
    )
    write_interview(store, interview, notes)
    with MapSession(store.path, writable=True) as session:
        session.put_item(MapItem(id=1, phase="ph1", order=1, title="Delivery", evidence=[notes[0].id]))
        session.put_quote(QuotePick(id=1, note=notes[1].id, phase="ph1"))
    return store, notes


@pytest.fixture
def study(tmp_path):
    return _store(tmp_path / "study")


def _reads(monkeypatch) -> list[ShownNotes]:
    """Every ``ShownNotes`` a report builds, kept to look at what it read."""
    made: list[ShownNotes] = []
    original = report_assemble.shown_notes

    def keeping(*args, **kwargs):
        shown = original(*args, **kwargs)
        return None if shown is None else lambda notes: made.append(shown(notes)) or made[-1]

    monkeypatch.setattr(report_assemble, "shown_notes", keeping)
    return made


def _strings(value) -> list[str]:
    """Every string anywhere in a report model."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    return []


def test_every_read_of_shown_notes_is_redacted(study) -> None:
    _, notes = study
    shown = ShownNotes({note.id: note for note in notes}, lambda text: text.replace("Erik", "[name]"))
    first = notes[0].id
    assert "Erik" not in shown[first].text and "Erik" not in shown[first].channels[0]
    assert "Erik" not in shown.get(first).history[0].raw
    assert all("Erik" not in note.text for note in shown.values())
    assert all("Erik" not in note.text for _, note in shown.items())
    assert first in shown and len(shown) == 3 and list(shown) == [note.id for note in notes]


def test_counting_reads_facts_that_hold_no_text(study) -> None:
    _, notes = study
    shown = ShownNotes({note.id: note for note in notes}, lambda text: "[redacted]")
    facts = list(shown.facts())
    assert facts[2] == NoteFacts(notes[2].id, notes[2].interview, 2, [Kind.TOUCHPOINT], "ph1")
    assert not set(NoteFacts._fields) & set(text_fields(Note))
    assert shown.read == frozenset()  # counting redacted (read) nothing


def test_the_report_redacts_what_it_shows_and_never_reads_the_rest(study, monkeypatch) -> None:
    store, notes = study
    made = _reads(monkeypatch)
    report, _ = build_report(store)
    (shown,) = made
    assert notes[0].id in shown.read and notes[1].id in shown.read  # the evidence and the quote
    assert notes[2].id not in shown.read  # counted in the curve, never shown, never read
    texts = "\n".join(_strings(report))
    assert "[name] called about the delivery" in texts and "[name] said it was too slow" in texts
    markdown = report_md(report)
    with zipfile.ZipFile(io.BytesIO(report_docx(report))) as archive:
        word = "".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml"))
    for output in (texts, markdown, word):
        for leak in ("Erik", "Johansson", "Anna", "Svensson", "Karin", "Lindqvist", "070-999", "Unseen note"):
            assert leak not in output
    assert "called about the delivery" in word and "said it was too slow" in markdown
    assert report.phases[0].feeling.n == 1  # the unread note still counts: P1's mean of -1 and +2


def test_a_private_report_shows_the_notes_as_written(study, monkeypatch) -> None:
    store, _ = study
    made = _reads(monkeypatch)
    report, _ = build_report(store, private=True)
    assert made == []
    assert SHOWN_TEXT in "\n".join(_strings(report))
