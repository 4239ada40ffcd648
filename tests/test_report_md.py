"""The Markdown report parsed back: structure survives hostile text; the Mermaid journey keeps its grammar."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from report_study import make_study

from trodden.exporters.mermaid import ZERO_WIDTH_SPACE, clean
from trodden.exporters.report_assemble import build_report
from trodden.exporters.report_md import render
from trodden.models.map.journey_map import MapItem, QuotePick
from trodden.models.map.map_session import MapSession

NASTY = [
    "pipe | in | cells",
    "line one\n# heading two\n- a list\n1. numbered\n> quoted\n===",
    "<script>alert(1)</script> <b>bold</b> &amp;",
    "```fence``` and `tick`",
    "Journey: step #1; 100% done",
    "section 2 is %% not a comment",
    "*stars* _under_ [link](http://x) ![img](y) ~~strike~~",
    "\x1b[31mred\x1b[0m\ttab",
]


@pytest.fixture(scope="module")
def markdown(tmp_path_factory):
    store = make_study(tmp_path_factory.mktemp("md") / "s", phase3="Journey: #3; 50% | `done`\nnext")
    with MapSession(store.path, writable=True) as session:
        for number, text in enumerate(NASTY, start=20):
            session.put_item(MapItem(id=number, phase="ph2", order=number, title=text, evidence=["2026-03-04-P3/2"]))
        session.put_quote(QuotePick(id=9, note="2026-03-02-P1/4", phase="ph3"))
    report, _ = build_report(store)
    return render(report)


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def tables(tokens) -> list[list[int]]:
    """Cells per row of every table in the token stream."""
    found, rows, cells = [], None, 0
    for token in tokens:
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close" and rows is not None:
            rows.append(cells)
        elif token.type == "table_close":
            found.append(rows)
            rows = None
    return found


def test_every_table_keeps_its_column_count(markdown):
    found = tables(parser().parse(markdown))
    assert len(found) == 4  # about, map, curve values, checks
    for rows in found:
        assert len(set(rows)) == 1, rows
    assert found[1][0] == 4  # lane + three phases, though a phase name holds | and a newline


def test_map_table_holds_every_hostile_title(markdown):
    tokens = parser().parse(markdown)
    starts = [i for i, t in enumerate(tokens) if t.type == "table_open"]
    table = tokens[starts[1] : starts[2]]  # the map
    text = " ".join(
        child.content for t in table if t.type == "inline" for child in t.children or [] if child.type == "text"
    )
    rendered = parser().render(markdown)
    for nasty in NASTY:
        flat = " ".join(nasty.replace("\x1b", "␛").split())
        assert flat in text, flat  # shown literally, character for character (bar whitespace)
    assert "<script>" not in rendered and "<b>" not in rendered  # user HTML is shown, never run
    assert "&lt;script&gt;" in rendered


def test_headings_are_only_ours(markdown):
    tokens = parser().parse(markdown)
    levels = [t.tag for t in tokens if t.type == "heading_open"]
    titles = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert levels.count("h1") == 1
    assert titles == [
        "The journey map",
        "Emotion curve",
        "The journey phase by phase",
        "Moments of truth",
        "Problem areas and next steps",
        "Backstage",
        "Open method checks",
        "Appendix: evidence",
    ]
    # the hostile "# heading two" never became a heading, nor "- a list" a list of its own
    assert not any(tokens[i + 1].content == "heading two" for i, t in enumerate(tokens) if t.type == "heading_open")


def test_quotes_are_marked_and_traceable(markdown):
    assert "> “Why does nobody call when it goes wrong?” — P3, 06:40" in markdown
    assert "Secret Name" not in markdown


def _journey_block(markdown: str) -> list[str]:
    tokens = parser().parse(markdown)
    blocks = [t.content for t in tokens if t.type == "fence" and t.info == "mermaid"]
    assert len(blocks) == 1
    return blocks[0].rstrip("\n").split("\n")


# The lexer rules of Mermaid's journey grammar (mermaid 11, journey.jison), matched in order.
TITLE = re.compile(r"^title\s[^#\n;]+$")
SECTION = re.compile(r"^section\s[^#:\n;]+$")
TASK = re.compile(r"^([^#:\n;]+)(:[^#\n;]+)$")
KEYWORD = re.compile(r"(?i)^(journey\b|title\s|section\s|acctitle\b|accdescr\b|%)")


def test_mermaid_journey_follows_the_grammar(markdown):
    lines = _journey_block(markdown)
    assert lines[0] == "journey"
    assert TITLE.match(lines[1].strip())
    sections = [line.strip() for line in lines if line.startswith("  section ")]
    assert len(sections) == 3
    assert all(SECTION.match(line) for line in sections)
    tasks = [line.strip() for line in lines[2:] if line.startswith("    ")]
    assert len(tasks) == 7 + len(NASTY)
    for task in tasks:
        match = TASK.match(task)
        assert match, task
        name, data = match.groups()
        assert not KEYWORD.match(name), task  # would lex as a keyword or comment
        assert "%%" not in task
        score, *actors = data[1:].split(":")
        assert 1 <= int(score) <= 5
        for actor in actors:
            assert all(a.strip() for a in actor.split(","))
    assert "    Gets inspired by others' homes: 5: P1, P2" in lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Journey: step #1; 100%", ZERO_WIDTH_SPACE + "Journey, step ＃1, 100％"),
        ("section two", ZERO_WIDTH_SPACE + "section two"),
        ("title of it", ZERO_WIDTH_SPACE + "title of it"),
        ("a\nb\r\nc", "a b c"),
        ("", "…"),
        (":;", "…"),
        ("`x` <b>", "'x' ‹b›"),
        ("Sätt på ljuset – ÅÄÖ æø", "Sätt på ljuset – ÅÄÖ æø"),
    ],
)
def test_mermaid_clean(text, expected):
    assert clean(text) == expected
