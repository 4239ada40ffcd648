"""Every format leaves out a personal detail written in any user field (issue 12, section 3).

One study holds a detail in every field a person can write: the study's name and purpose,
phase names and descriptions, guide themes and questions, a participant's segment, note
texts, channels and tags (and their typed history), map item titles, a design question and
a hand-set curve reason. Every export is read back; the private ones prove each field is
really in the output, so the redacted ones prove it was redacted.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime, timedelta

import pytest

from trodden.exporters.csv_export import render as render_csv
from trodden.exporters.interview_docx import render_docx as interview_docx
from trodden.exporters.interview_md import render_markdown as interview_md
from trodden.exporters.interview_notes import build_interview_notes
from trodden.exporters.note_rows import note_rows
from trodden.exporters.report_assemble import build_report
from trodden.exporters.report_docx import render as report_docx
from trodden.exporters.report_md import render as report_md
from trodden.models.domain import (
    Guide,
    GuideQuestion,
    GuideTheme,
    Interview,
    InterviewStatus,
    Kind,
    Note,
    Participant,
    Phase,
    Revision,
    Study,
)
from trodden.models.interchange import build_document, dumps, write_interview
from trodden.models.map.journey_map import CurveOverride, ItemKind, MapItem, QuotePick
from trodden.models.map.map_session import MapSession
from trodden.models.storage.store import StudyStore

FIELDS = [
    "study-name",
    "purpose",
    "phase-name",
    "phase-description",
    "theme",
    "question",
    "segment",
    "note",
    "channel",
    "tag",
    "item-title",
    "design-question",
    "curve-reason",
]
"""Each field gets its own detail: ``<field> Erik Johansson <phone>``, the phone unique per field."""


def _detail(field: str) -> str:
    number = FIELDS.index(field)
    return f"{field} Erik Johansson 070-123 45 {10 + number}"


def _study(path) -> StudyStore:
    d = _detail
    phases = [Phase(id="ph1", name=d("phase-name"), description=d("phase-description"), order=1)]
    guide = Guide(
        themes=[GuideTheme(id="th1", title=d("theme"), questions=[GuideQuestion(id="q1", text=d("question"))])]
    )
    participants = [Participant(code="P1", real_name="Anna Svensson", segment=d("segment"))]
    study = Study(name=d("study-name"), purpose=d("purpose"))
    store = StudyStore.create(path, study, phases, guide, participants, ["Malin"])
    start = datetime(2026, 3, 2, 10, 0)
    notes = [
        Note(
            id=f"2026-03-02-P1/{seq}",
            interview="2026-03-02-P1",
            seq=seq,
            t=60.0 * seq,
            wall=start + timedelta(minutes=seq),
            text=text,
            kinds=[Kind.TOUCHPOINT, Kind.QUOTE],
            valence=-1,
            channels=[d("channel")],
            tags=[d("tag")],
            phase="ph1",
            theme="th1",
            history=[Revision(at=start, raw=text + " (typed)")],
        )
        for seq, text in [(1, d("note")), (2, "Anna Svensson ringde från Storgatan 12, 411 38 Göteborg; Malin svarade")]
    ]
    interview = Interview(
        id="2026-03-02-P1",
        participant="P1",
        date=date(2026, 3, 2),
        status=InterviewStatus.CLEANED,
        start=start,
        end=start + timedelta(hours=1),
    )
    write_interview(store, interview, notes)
    with MapSession(store.path, writable=True) as session:
        session.put_item(MapItem(id=1, phase="ph1", order=1, title=d("item-title"), evidence=[notes[0].id]))
        session.put_item(
            MapItem(
                id=2, kind=ItemKind.MOMENT, phase="ph1", order=2, title="Moment", design_question=d("design-question")
            )
        )
        session.put_quote(QuotePick(id=1, note=notes[1].id, phase="ph1"))
        session.set_override(store.phases, CurveOverride(phase="ph1", value=-1.5, reason=d("curve-reason")), "ph1")
    return store


def _docx_text(payload: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml"))


def _exports(store: StudyStore, private: bool) -> dict[str, str]:
    report, _ = build_report(store, private=private)
    interviews, _ = store.interviews()
    with store.open_interview(interviews[0].id, writable=False) as session:
        interview, notes = session.interview, session.notes()
    from trodden.exporters.report_reading import read_study

    study = read_study(store, None)
    rows = note_rows(study.data, study.interviews, study.notes, study.journey, private=private)
    model = build_interview_notes(store.data, interview, notes, include_private=private, show_changes=True)
    document, _ = build_document(store, include_private=private)
    return {
        "md": report_md(report),
        "docx": _docx_text(report_docx(report)),
        "csv": render_csv(rows).decode("utf-8"),
        "json": json.dumps(json.loads(dumps(document)), ensure_ascii=False),
        "interview-md": interview_md(model),
        "interview-docx": _docx_text(interview_docx(model)),
    }


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    store = _study(tmp_path_factory.mktemp("leaky") / "study")
    return _exports(store, private=True), _exports(store, private=False)


SHOWN = {
    "md": [f for f in FIELDS if f not in ("theme", "question", "segment", "tag")],  # the report does not show these
    "docx": [f for f in FIELDS if f not in ("theme", "question", "segment", "tag")],
    "csv": ["note", "channel", "tag", "item-title", "theme", "phase-name"],
    "json": FIELDS,
    "interview-md": ["study-name", "theme", "note", "channel", "tag", "phase-name"],
    "interview-docx": ["study-name", "theme", "note", "channel", "tag", "phase-name"],
}


@pytest.mark.parametrize("fmt", list(SHOWN))
def test_private_export_shows_the_fields(exports, fmt) -> None:
    private, _ = exports
    missing = [field for field in SHOWN[fmt] if _detail(field) not in private[fmt]]
    assert missing == [], f"{fmt} does not show {missing}: the redaction test below would prove nothing"


@pytest.mark.parametrize("fmt", list(SHOWN))
def test_redacted_export_leaves_every_detail_out(exports, fmt) -> None:
    _, redacted = exports
    text = redacted[fmt]
    leaks = [
        word
        for word in ("Erik", "Johansson", "070-123", "Anna", "Svensson", "Storgatan", "411 38", "Malin")
        if word in text
    ]
    assert leaks == [], f"{fmt} leaks {leaks}"
    unescaped = text.replace("\\[", "[").replace("\\]", "]")  # Markdown escapes the brackets
    assert "[name]" in unescaped and "[phone]" in unescaped
