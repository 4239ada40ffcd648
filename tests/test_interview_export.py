"""Interview notes for the group: Word read back with python-docx, Markdown with markdown-it-py."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.shared import Mm
from markdown_it import MarkdownIt

from trodden.exporters.interview_docx import render_docx
from trodden.exporters.interview_md import render_markdown
from trodden.exporters.interview_notes import build_interview_notes, initials, mm_ss
from trodden.models.domain import InterviewStatus
from trodden.models.storage.store import StudyStore
from trodden.tui.cli.main import main

try:
    from ._clean_study import EMAIL, PHONE, REAL_NAME, build_study
except ImportError:
    from _clean_study import EMAIL, PHONE, REAL_NAME, build_study

HOSTILE = [
    (300, "# x"),
    (310, "| a | b |"),
    (320, "<script>alert(1)</script> & &amp;"),
    (330, "`code` and ``` fence"),
    (340, "\\**bold** _it_ [link](http://x) ![img](y)"),
    (350, "1. not a list\n- nor this\n> nor a quote\n---"),
    (360, "ctrl \x00\x07\x1b[31m red \x7f\x85 end"),
    (370, '"[bold]quote[/bold] with # and |"'),
]
PRIVATE = [REAL_NAME, "Anna", "Svensson", PHONE, "070", EMAIL, "ICA Maxi", "@example"]


def _model(store: StudyStore, interview_id: str, **options):
    with store.open_interview(interview_id, writable=False) as session:
        return build_interview_notes(store.data, session.interview, session.notes(), **options)


@pytest.fixture
def study(tmp_path):
    store, interview_id = build_study(tmp_path / "s")
    return store, interview_id


def docx_text(data: bytes) -> str:
    """The body, headers, footers and core properties of a .docx, as XML text."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [
            n
            for n in archive.namelist()
            if n.startswith(("word/document", "word/header", "word/footer", "docProps/")) and n.endswith(".xml")
        ]
        return "\n".join(archive.read(name).decode("utf-8") for name in parts)


def test_helpers():
    assert mm_ss(65.9) == "01:05" and mm_ss(3723) == "1:02:03"
    assert initials("Maja Lind") == "ML" and initials("Anna-Karin Berg") == "AKB" and initials("ek") == "EK"


def test_model_groups_by_theme_collects_follow_ups_and_redacts(study):
    store, interview_id = study
    model = _model(store, interview_id)
    assert [section.title for section in model.sections] == ["Outside the guide's themes", "Inspiration", "Köpet"]
    assert [note.text for note in model.follow_ups] == ["fråga om returpolicy"]
    assert all("fråga" not in note.text for section in model.sections for note in section.notes)
    header = dict(model.header)
    assert header == {
        "Participant": "P1",
        "Date": "2026-03-05",
        "Duration": "5 min",
        "Interviewer": "ML",
        "Note-taker": "EK",
        "Status": "done",
    }
    assert model.warnings[0].startswith("Not cleaned yet")
    text = repr(model)
    for secret in PRIVATE:
        assert secret not in text
    ring = model.sections[2].notes[1]
    assert ring.text == "ring henne på [phone] eller [e-mail]"


def test_word_file_reads_back_with_real_styles_and_no_private_details(study):
    store, interview_id = study
    data = render_docx(_model(store, interview_id))
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    headings = [text for style, text in styles if style == "Heading 1"]
    assert headings == ["Outside the guide's themes", "Inspiration", "Köpet", "Follow-up questions"]
    assert ("Title", "Interview notes: P1") in styles
    quotes = [text for style, text in styles if style == "Quote"]
    assert quotes == ["01:05  ♥♥  “Jag älskar när det växer”\n@instagram"] or quotes[0].startswith("01:05")
    assert "“Jag älskar när det växer”" in quotes[0]
    bullets = [text for style, text in styles if style == "List Bullet"]
    assert any("☁☁ ★" in text and "leveransen kom aldrig" in text for text in bullets)
    header = document.tables[0]
    assert [cell.text for cell in header.rows[1].cells] == ["P1", "2026-03-05", "5 min", "ML", "EK", "done"]
    everything = docx_text(data)
    for secret in PRIVATE:
        assert secret not in everything
    assert "[phone]" in everything and "[e-mail]" in everything and "[name]" in everything


def test_include_private_keeps_details_and_says_so(study):
    store, interview_id = study
    model = _model(store, interview_id, include_private=True)
    data = render_docx(model)
    everything = docx_text(data)
    assert REAL_NAME in everything and PHONE in everything and EMAIL in everything
    assert "NOT redacted" in everything


def test_hostile_text_never_breaks_markdown(tmp_path):
    try:
        from ._clean_study import LINES, THEMES
    except ImportError:
        from _clean_study import LINES, THEMES

    store, interview_id = build_study(tmp_path / "s", lines=LINES + HOSTILE, themes=THEMES + ["th1"] * len(HOSTILE))
    text = render_markdown(_model(store, interview_id))
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "Interview notes: P1",
        "Outside the guide's themes",
        "Inspiration",
        "Köpet",
        "Follow-up questions",
        "Legend",
    ]
    types = {t.type for t in tokens}
    assert "html_block" not in types and "fence" not in types and "hr" not in types
    inline = [child for t in tokens if t.children for child in t.children]
    assert not [c for c in inline if c.type in ("html_inline", "link_open", "image")]
    code = [c.content for c in inline if c.type == "code_inline"]
    assert all(content.count(":") >= 1 for content in code)  # only our mm:ss times are code
    assert sum(1 for t in tokens if t.type == "table_open") == 2  # header and legend, no more
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "# x" in rendered and "| a | b |" in rendered and "**bold**" in rendered
    assert "\x1b" not in text and "\x00" not in text and "␛" in text
    for secret in PRIVATE:
        assert secret not in text


def test_control_characters_never_crash_word(tmp_path):
    try:
        from ._clean_study import LINES, THEMES
    except ImportError:
        from _clean_study import LINES, THEMES

    store, interview_id = build_study(tmp_path / "s", lines=LINES + HOSTILE, themes=THEMES + ["th1"] * len(HOSTILE))
    document = Document(io.BytesIO(render_docx(_model(store, interview_id))))
    texts = "\n".join(p.text for p in document.paragraphs)
    assert "ctrl ␀␇␛[31m red ␡" in texts and "[bold]quote[/bold]" in texts


def test_cleaned_interview_has_no_warning_and_lists_edited_quotes(tmp_path):
    from trodden.models.notes import cleaning

    store, interview_id = build_study(tmp_path / "s", status=InterviewStatus.CLEANED)
    with store.open_interview(interview_id) as session:
        quote = session.note(2)
        session.save_notes([cleaning.edit(quote, '"++ Jag älskar när det växer så" @instagram', quote.wall)])
    model = _model(store, interview_id, show_changes=True)
    assert not model.warnings[0].startswith("Not cleaned")
    assert [(note.text, why) for note, why in model.open_points] == [
        ("Jag älskar när det växer så", "quote edited during cleaning, not checked verbatim")
    ]
    edited = model.sections[1].notes[0]
    assert edited.edited and edited.marks == "♥♥ ✎" and edited.as_typed == "Jag älskar när det växer"


def test_swedish_headings(study):
    store, interview_id = study
    text = render_markdown(_model(store, interview_id, language="sv"))
    assert "# Intervjuanteckningar: P1" in text and "## Följdfrågor" in text and "”Jag älskar när det växer”" in text


def test_export_command_md_and_docx(study, tmp_path, capsys):
    store, interview_id = study
    out = tmp_path / "out.docx"
    assert main(["export", str(store.path), "--interview", "P1", "--format", "docx", "-o", str(out)]) == 0
    assert "not marked cleaned" in capsys.readouterr().err
    assert "Heading 1" in {p.style.name for p in Document(str(out)).paragraphs}
    assert main(["export", str(store.path), "--interview", interview_id, "--format", "md"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# Interview notes: P1") and REAL_NAME not in printed


def test_export_command_all_interviews(study, tmp_path, capsys):
    store, _ = study
    store.new_interview("P2")
    folder = tmp_path / "notes"
    assert main(["export", str(store.path), "--all-interviews", "--format", "docx", "-o", str(folder)]) == 0
    assert len(list(folder.glob("*-notes.docx"))) == 2
    assert main(["export", str(store.path), "--all-interviews", "--format", "md"]) == 1
    assert "-o FOLDER" in capsys.readouterr().err
    assert main(["export", str(store.path), "--interview", "P1", "--format", "csv"]) == 1
    assert main(["export", str(store.path), "--interview", "nobody", "--format", "md"]) == 1


def test_text_no_file_can_hold_is_replaced_not_fatal(study):
    from trodden.models.notes.cleaning import edit

    store, interview_id = study
    with store.open_interview(interview_id, writable=False) as session:
        notes, interview = session.notes(), session.interview
    notes[0] = edit(notes[0], "lone \ud800 surrogate \uffff and \x0b vt", notes[0].wall)
    interview = interview.model_copy(update={"interviewer": "\ud83d x"})
    model = build_interview_notes(store.data, interview, notes)
    document = Document(io.BytesIO(render_docx(model)))
    assert "lone \ufffd surrogate \ufffd and ␋ vt" in "\n".join(p.text for p in document.paragraphs)
    assert "lone \ufffd surrogate" in render_markdown(model).encode("utf-8").decode("utf-8")


def _notes_from(texts: list[str], interview):
    from datetime import timedelta

    from trodden.models.domain import Kind, Note, Revision

    notes = []
    for seq, text in enumerate(texts, start=1):
        wall = interview.start + timedelta(seconds=seq)
        kinds = [Kind.QUOTE] if seq % 2 else [Kind.TOUCHPOINT, Kind.QUESTION] if seq % 3 == 0 else []
        notes.append(
            Note(
                id=f"{interview.id}/{seq}",
                interview=interview.id,
                seq=seq,
                t=float(seq),
                wall=wall,
                text=text,
                kinds=kinds,
                channels=["web"],
                tags=["öppen"] if seq % 4 == 0 else [],
                theme="th1" if seq % 2 else "th2",
                history=[Revision(at=wall, raw="x")],
            )
        )
    return notes


def test_any_text_keeps_markdown_structure_and_word_intact(study):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    store, interview_id = study
    interview = store.load_interview(interview_id)

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.text(min_size=1, max_size=60), min_size=1, max_size=6))
    def check(texts):
        model = build_interview_notes(store.data, interview, _notes_from(texts, interview))
        text = render_markdown(model)
        tokens = MarkdownIt("commonmark").enable("table").parse(text)
        headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
        expected = ["Interview notes: P1"] + [s.title for s in model.sections]
        expected += ["Follow-up questions"] * bool(model.follow_ups) + ["Open points"] * bool(model.open_points)
        assert headings == [*expected, "Legend"]
        assert sum(1 for t in tokens if t.type == "table_open") == 2
        assert not {"html_block", "fence", "hr", "code_block"} & {t.type for t in tokens}
        Document(io.BytesIO(render_docx(model)))

    check()


def test_show_changes_from_the_command_line(study, capsys):
    from trodden.models.notes import cleaning

    store, interview_id = study
    with store.open_interview(interview_id) as session:
        note = session.note(7)
        session.save_notes([cleaning.edit(note, "% lagret bytte affärssystem", note.wall)])
    assert main(["export", str(store.path), "--interview", "P1", "--format", "md", "--show-changes"]) == 0
    out = capsys.readouterr().out
    assert "lagret bytte affärssystem  \n  *as typed:* lagret byter system" in out
    assert main(["export", str(store.path), "--interview", "P1", "--format", "md"]) == 0
    assert "as typed" not in capsys.readouterr().out


def test_clean_command_refuses_unknown_interviews(study, capsys):
    store, _ = study
    assert main(["clean", str(store.path), "--participant", "P9"]) == 1
    assert "no interview 'P9'" in capsys.readouterr().err
