"""The report's section on the hypothesis, in Markdown (markdown-it) and Word (python-docx), redacted."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from docx import Document
from markdown_it import MarkdownIt
from report_study import make_study

from trodden.exporters.report_assemble import build_report
from trodden.exporters.report_docx import render as render_docx
from trodden.exporters.report_md import render as render_md
from trodden.models.map.journey_map import MapItem
from trodden.models.map.kept_hypothesis import KeptHypothesis, Verdict
from trodden.models.storage.model_json import json_bytes

KEPT = KeptHypothesis(
    taken=datetime(2026, 3, 1, 9, 0),
    items=[
        MapItem(id=3, phase="ph2", title="Fills in the address"),  # now backed
        MapItem(id=40, phase="ph1", title="Reads plant blogs"),  # removed, contradicted
        MapItem(id=41, phase="ph3", title="Waters by the calendar"),  # removed without a verdict
    ],
    verdicts={40: Verdict(contradicted=True, reason="Malin said nobody reads blogs")},
)


@pytest.fixture(scope="module", params=["en", "sv"])
def study(request, tmp_path_factory):
    store = make_study(tmp_path_factory.mktemp("hyp") / "s", language=request.param)
    (store.path / "hypothesis.json").write_bytes(json_bytes(KEPT))
    return store


def sections(markdown: str) -> dict[str, list[str]]:
    """Under each heading (h2, h3), the text of its list items and paragraphs."""
    found: dict[str, list[str]] = {}
    heading = None
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    for number, token in enumerate(tokens):
        if token.type == "inline" and tokens[number - 1].type == "heading_open":
            heading = token.content
            found[heading] = []
        elif token.type == "inline" and heading:
            found[heading].append(token.content)
    return found


def test_markdown_section(study):
    report, _ = build_report(study)
    labels = report.labels
    found = sections(render_md(report))
    assert labels["hyp.heading"] in found
    confirmed = found[f"{labels['hyp.confirmed']} (1)"]
    assert confirmed[0].startswith("**Fills in the address** · Choosing and buying · 2 ")
    contradicted = found[f"{labels['hyp.contradicted']} (1)"]
    assert contradicted[0].startswith("**Reads plant blogs** · Dreaming of green · ")
    assert "Malin" not in contradicted[0] and "nobody reads blogs" in contradicted[0]  # the reason, redacted
    assert found[f"{labels['hyp.removed']} (1)"][0].startswith("**Waters by the calendar**")
    assert found[f"{labels['hyp.unbacked']} (0)"] == [labels["none"]]
    new = found[f"{labels['hyp.new']} ({len(report.items) - 1})"]
    assert any("Pays with Klarna" in line for line in new)


def test_private_keeps_the_reason(study):
    report, _ = build_report(study, private=True)
    assert "Malin said nobody reads blogs" in render_md(report)


def test_word_section(study):
    report, _ = build_report(study)
    labels = report.labels
    document = Document(io.BytesIO(render_docx(report)))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    start = paragraphs.index(("Heading 1", labels["hyp.heading"]))
    end = paragraphs.index(("Heading 1", labels["checks"]))
    section = paragraphs[start:end]
    assert ("Heading 2", f"{labels['hyp.contradicted']} (1)") in section
    bullets = [text for style, text in section if style == "List Bullet"]
    assert any(text.startswith("Fills in the address") for text in bullets)
    assert not any("Malin" in text for _, text in section)


def test_no_section_without_a_kept_hypothesis(tmp_path):
    report, _ = build_report(make_study(tmp_path / "s"))
    assert report.hypothesis is None
    assert report.labels["hyp.heading"] not in render_md(report)
