"""Both reports read back: the customer curve is the customers', the staff view stands apart and
labelled, backstage says who backs it, and the appendix breaks n of N down by customer type."""

from __future__ import annotations

import io

import pytest
from docx import Document
from markdown_it import MarkdownIt

try:
    from map_kit import build_study
    from test_who_counts import set_people
except ImportError:  # tests as a package
    from .map_kit import build_study
    from .test_who_counts import set_people

from trodden.exporters import report_docx, report_md
from trodden.exporters.report_assemble import build_report
from trodden.models.domain import Role
from trodden.models.interchange import write_map
from trodden.models.map.evidence import load_study_map
from trodden.models.map.journey_map import ItemKind, JourneyMap, MapItem


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    store = build_study(
        tmp_path_factory.mktemp("staff") / "s",
        ["Ordering", "Getting it home"],
        {
            "P1": ["1|+* finds the shop @web", "1|%-- the warehouse staff hate the packing rules"],
            "P2": ["1|++* easy checkout @web", "2|-* box late @post"],
            "P3": ["1|+* quick to find @web"],
            "S1": ["1|-- packing rules are silly", "2|- returns pile up"],
            "S2": ["1|- too many returns", "2|+ nice customers"],
        },
    )
    set_people(
        store,
        {
            "P1": (Role.CUSTOMER, "first-time buyer"),
            "P2": (Role.CUSTOMER, "plant lover"),
            "P3": (Role.CUSTOMER, "first-time buyer"),
            "S1": (Role.STAFF, "warehouse"),
            "S2": (Role.STAFF, "customer service"),
        },
    )
    notes = {note.text: note.id for note in load_study_map(store).index.notes.values()}
    journey = JourneyMap(
        items=[
            MapItem(
                id=1,
                title="Finds it on the web",
                phase="ph1",
                evidence=[notes["finds the shop @web"], notes["easy checkout @web"], notes["too many returns"]],
            ),
            MapItem(
                id=2,
                title="Quick search",
                phase="ph1",
                evidence=[notes["quick to find @web"], notes["finds the shop @web"]],
            ),
            MapItem(
                id=3,
                kind=ItemKind.BACKSTAGE,
                title="Packing rules",
                phase="ph1",
                evidence=[notes["the warehouse staff hate the packing rules"], notes["packing rules are silly"]],
            ),
        ]
    )
    write_map(store, journey)
    built, problems = build_report(store)
    assert problems == []
    return built


def _markdown(report) -> tuple[list[tuple[str, str]], list[list[list[str]]], str]:
    """(headings (level, text), tables (rows of cells), the whole text) of the Markdown report."""
    text = report_md.render(report)
    tokens = MarkdownIt().enable("table").parse(text)
    headings, tables = [], []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            headings.append((token.tag, tokens[index + 1].content))
        elif token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type == "inline" and tokens[index - 1].type in ("th_open", "td_open"):
            tables[-1][-1].append(token.content)
    return headings, tables, text


def test_markdown_keeps_the_staff_view_apart_and_labelled(report):
    headings, tables, _ = _markdown(report)
    names = [text for _, text in headings]
    curve, staff, phases = (
        names.index(n) for n in ("Emotion curve", "Staff view (2 staff interviews)", "The journey phase by phase")
    )
    assert curve < staff < phases and headings[staff][0] == "h3"
    customer_table = next(t for t in tables if t[0][:3] == ["Phase", "Feeling", "n"] and len(t[0]) == 5)
    staff_table = next(t for t in tables if t[0] == ["Phase", "Feeling", "n", "Spread"])
    # customers: P1 +1 (the backstage −2 left out), P2 +2, P3 +1; the staff's −2 and −1 never in it
    assert customer_table[1][:3] == ["1. Ordering", "+1.3", "3"]
    assert staff_table[1][:3] == ["1. Ordering", "−1.5", "2"]
    assert staff_table[2][:3] == ["2. Getting it home", "0.0", "2"]
    assert "5 interviews" not in report.basis and report.basis.startswith("3 interviews with 3 customers")


def test_markdown_appendix_breaks_backing_down_by_customer_type(report):
    _, _, text = _markdown(report)
    assert "2 of 3 customers: first-time buyer 1, plant lover 1*" in text
    assert "2 of 3 customers: first-time buyer 2 (one customer type only)*" in text
    assert "1 of 2 staff, 1 customer: first-time buyer 1" in text  # backstage says who backs it
    # S2's note on a touchpoint: not a customer, so not in its n of N nor among the journey's actors
    (task,) = [line for line in text.splitlines() if line.strip().startswith("Finds it on the web:")]
    assert task.endswith(": P1, P2")


def test_word_report_has_the_staff_view_under_the_curve(report):
    document = Document(io.BytesIO(report_docx.render(report)))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    names = [text for _, text in headings]
    assert names.index("Emotion curve") < names.index("Staff view (2 staff interviews)")
    assert ("Heading 2", "Staff view (2 staff interviews)") in headings
    staff_table = next(
        t for t in document.tables if [c.text for c in t.rows[0].cells] == ["Phase", "Feeling", "n", "Spread"]
    )
    assert [c.text for c in staff_table.rows[1].cells][:3] == ["1. Ordering", "−1.5", "2"]
    texts = "\n".join(p.text for p in document.paragraphs)
    assert "2 of 3 customers: first-time buyer 2 (one customer type only)" in texts
