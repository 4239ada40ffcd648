"""The report's "Problem areas and next steps" and current-vs-target sections: the model, the
Word file read back with python-docx, the Markdown parsed with markdown-it, redaction, the
languages, the JSON export (and older files still importing), and target-state studies."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document
from markdown_it import MarkdownIt

try:
    from change_study import EXPERIENCE, make_change_study
    from report_study import make_study
except ImportError:  # tests as a package
    from .change_study import EXPERIENCE, make_change_study
    from .report_study import make_study

from trodden.exporters.json_export import study_json
from trodden.exporters.report_assemble import build_report
from trodden.exporters.report_docx import render as docx
from trodden.exporters.report_md import render as markdown
from trodden.models.change.store import read_plan
from trodden.models.domain import JourneyState
from trodden.models.interchange import import_document, load_document
from trodden.models.map.journey_map import JourneyMap


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return make_change_study(tmp_path_factory.mktemp("change") / "s")


@pytest.fixture(scope="module")
def report(store):
    return build_report(store)[0]


def test_the_model_holds_areas_in_order_with_evidence_priority_and_ideas(report):
    first, second = report.areas
    assert (first.number, first.title, first.source) == (1, "The plant arrives", "moment of truth")
    assert first.experience == EXPERIENCE.replace("Malin", "[redacted]")
    assert [(q.participant, q.text[:20]) for q in first.quotes] == [("P1", "Plant arrived wilted")]
    assert first.evidence == "1 of 3 customers"
    assert first.priority == "Impact 5 · Effort 2 · quick win"
    assert [(i.kind_label, i.owner, i.status_label) for i in first.ideas] == [
        ("Action", "AB", "idea"),
        ("Job to be done", "", "idea"),
    ]
    assert second.source == "thundercloud"
    assert second.says == "curve in the phase −0.5 · thunderclouds: Fills in the address"
    assert second.ideas[0].outcome == "no more rejected addresses"
    assert "1 The plant arrives (impact 5, effort 2)" in report.matrix_alt
    target = report.target
    assert [(r.fate_label, r.current, r.answers) for r in target.changes] == [
        ("changed", "Fills in the address", "2. Fills in the address"),
        ("new", "", "1. The plant arrives"),
    ]
    assert target.curve[2].target_short == "+1.0" and target.curve[2].reason == "the call turns worry into care"


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_word_has_the_section_after_the_moments_with_matrix_and_curves_as_pictures(report):
    document = Document(io.BytesIO(docx(report)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    moments = headings.index("Moments of truth")
    assert headings[moments + 1 : moments + 3] == ["Problem areas and next steps", "Current and target state"]
    text = _text(document)
    assert "Malin" not in text and "[redacted] waits for a plant" in text
    assert "Call the customer the day after delivery" in text
    assert "“Plant arrived wilted" in text  # the quote, verbatim, in quotation marks
    assert "the call turns worry into care" in text
    descriptions = [shape._inline.docPr.get("descr") or "" for shape in document.inline_shapes]
    assert any(d.startswith("Priority matrix of impact against effort: 1 The plant arrives") for d in descriptions)
    assert any(d.startswith("Emotion curve, current and target, phase by phase") for d in descriptions)


def test_markdown_has_the_matrix_as_a_table_and_every_table_keeps_its_columns(report):
    text = markdown(report)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    at = headings.index("Moments of truth")
    assert headings[at + 1 : at + 3] == ["Problem areas and next steps", "Current and target state"]
    section = text.split("## Problem areas and next steps")[1]
    matrix = section.split("### 1.")[0]
    cells = {
        row[0]: row[1:]
        for row in ([c.strip() for c in line.strip("|").split("|")] for line in matrix.splitlines())
        if row[0].startswith("**")
    }
    assert cells["**5**"] == ["", "1", "", "", ""]  # impact 5, effort 2
    assert cells["**3**"] == ["", "", "", "2", ""]
    assert "Hur kan vi ringa först?" in section
    table = MarkdownIt("commonmark").enable("table").parse(matrix)
    assert sum(1 for t in table if t.type == "tr_open") == 6
    assert sum(1 for t in table if t.type in ("th_open", "td_open")) == 36


def test_private_keeps_the_names_and_other_languages_translate(store):
    private = build_report(store, private=True)[0]
    assert private.areas[0].experience == EXPERIENCE
    swedish = markdown(build_report(store, language="sv")[0])
    assert "## Problemområden och nästa steg" in swedish and "## Nuläge och målbild" in swedish
    assert "snabb vinst" in swedish and "Jobb att utföra" in swedish
    danish = Document(io.BytesIO(docx(build_report(store, language="da")[0])))
    assert "Problemområder og næste skridt" in [p.text for p in danish.paragraphs]


def test_json_carries_the_plan_redacted_and_imports_it_back(store, tmp_path):
    text, _ = study_json(store)
    payload = json.loads(text)
    assert payload["version"] == 3
    area = payload["change"]["areas"][0]
    assert "Malin" not in area["experience"] and area["quotes"] == ["2026-03-02-P1/4"]
    private, _ = study_json(store, include_private=True)
    (tmp_path / "full.json").write_text(private, encoding="utf-8")
    imported, _ = import_document(load_document(tmp_path / "full.json"), tmp_path / "copy")
    assert read_plan(imported.path) == read_plan(store.path)
    old = json.loads(private)
    old["version"] = 2
    del old["change"]
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    again, _ = import_document(load_document(tmp_path / "old.json"), tmp_path / "old")
    assert read_plan(again.path).is_empty


def test_no_target_no_comparison_and_a_map_without_areas_says_so(tmp_path):
    bare = build_report(make_study(tmp_path / "bare"))[0]
    assert bare.areas == () and bare.target is None
    text = markdown(bare)
    assert "No problem areas yet" in text and "Current and target state" not in text


def test_a_target_state_study_has_no_evidence_checks_and_says_so(tmp_path):
    store = make_study(tmp_path / "t")
    store.update(lambda data: setattr(data.study, "state", JourneyState.TARGET))
    report = build_report(store)[0]
    assert report.target_state
    assert not [f for f in report.findings if f.code == "no-evidence"]
    assert "the evidence checks are left out" in markdown(report)
    current = build_report(make_study(tmp_path / "c"))[0]
    assert [f for f in current.findings if f.code == "no-evidence"]  # "Gets a care reminder" is a hypothesis


def test_hostile_text_in_areas_and_ideas_stays_text(tmp_path):
    from trodden.models.change.areas import new_area
    from trodden.models.change.edit import add_idea, update_area
    from trodden.models.change.store import edit_plan

    store = make_change_study(tmp_path / "h")
    hostile = "a | b\n# injected heading\n<script>x</script> **bold** [link](x)"
    plan = edit_plan(
        store.path,
        lambda plan, s: new_area(plan, JourneyMap(), s.next_id, title=hostile),
    )
    area = max(a.id for a in plan.areas)
    edit_plan(store.path, lambda plan, s: update_area(plan, area, experience=hostile, design_questions=[hostile]))
    edit_plan(store.path, lambda plan, s: add_idea(plan, area, hostile, s.next_id, owner="|x|", effect=hostile))
    text = markdown(build_report(store)[0])
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert not any(t.type == "html_block" or t.type == "html_inline" for t in tokens)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert not any(h.startswith("injected") for h in headings)
    rows = [line for line in text.split("## Problem areas and next steps")[1].splitlines() if line.startswith("| ")]
    idea_rows = [r for r in rows if "\\|X\\|" in r]  # the owner, upper-cased
    assert idea_rows and all(r.count(" | ") == 5 for r in idea_rows)  # six cells, the | in the text escaped
