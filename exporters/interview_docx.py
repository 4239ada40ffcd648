"""An interview's notes as a Word file the group can open, read and edit.

Only lays out ``InterviewNotes``, in the report's look (``report_docx_style``: its font,
colours, headings and table header) and with Word's own styles (Title, Heading 1/2, Quote,
List Bullet, Intense Quote for warnings), so recipients can restyle or reuse it. Text is
written as WordprocessingML (``docx_xml``), every run marked in the file's language, and
every user string goes through ``safe`` there.
"""

from __future__ import annotations

from dataclasses import replace

from .docx_xml import BodyXml, cell_xml, paragraph_xml, proofing, row_xml, run_xml, table_xml, twips
from .interview_notes import ExportNote, InterviewNotes, meta_line, quoted
from .report_docx_style import ACCENT, MUTED, ZEBRA_FILL, apply_styles, header_row, usable_width
from .word import new_document
from .word_package import language_tag, package_bytes


def _note(body: BodyXml, note: ExportNote, labels: dict[str, str], *, with_theme: bool = False) -> None:
    runs = run_xml(note.time + "  ", bold=True)
    if note.marks:
        runs += run_xml(note.marks + "  ", colour=ACCENT)
    if note.is_quote and note.remark:  # the customer's words in the quote's style, the note-taker's upright
        runs += run_xml(quoted(replace(note, remark=""), labels), italic=True) + run_xml(
            " " + note.remark, italic=False
        )
    else:
        runs += run_xml(quoted(note, labels), italic=True if note.is_quote else None)
    meta = meta_line(note, labels)
    if with_theme and note.theme:
        meta = f"{note.theme} · {meta}" if meta else note.theme
    if meta:
        runs += run_xml("\n" + meta, italic=True, size=9, colour=MUTED)
    if note.as_typed is not None:
        runs += run_xml(f"\n{labels['as_typed']}: {note.as_typed}", italic=True, size=9, colour=MUTED)
    body.paragraph(runs, style="Quote" if note.is_quote else "List Bullet")


def _facts(body: BodyXml, model: InterviewNotes, width: float) -> None:
    """The participant, date, length, initials and status: one row of labels, one of values."""
    column = width / len(model.header)
    widths = [twips(column)] * len(model.header)
    values = [
        cell_xml(w, paragraph_xml(run_xml(value, size=10), space_after=1), fill=ZEBRA_FILL)
        for w, (_, value) in zip(widths, model.header, strict=True)
    ]
    rows = [header_row(widths, [label for label, _ in model.header]), row_xml(values)]
    body.add(table_xml(body.style("Table Grid"), [column] * len(model.header), rows))


def render_docx(model: InterviewNotes, author: str = "") -> bytes:
    """The notes as ``.docx`` bytes; ``author`` goes into the file's properties."""
    labels = model.labels
    document = new_document(model.title, author, subject=model.journey, language=model.language)
    apply_styles(document)
    width = usable_width(document.sections[0]) - 1
    body = BodyXml(document)
    with proofing(language_tag(model.language)):
        rule = f'<w:top w:val="single" w:sz="24" w:space="10" w:color="{ACCENT}"/>'  # as on the report's title page
        body.paragraph(run_xml(model.title), style="Title", border_top=rule)
        body.paragraph(run_xml(f"{labels['journey']}: ", bold=True) + run_xml(model.journey))
        _facts(body, model, width)
        for warning in model.warnings:
            body.paragraph(run_xml(warning), style="Intense Quote")
        for section in model.sections:
            body.paragraph(run_xml(section.title), style="Heading 1")
            for note in section.notes:
                _note(body, note, labels)
        if not model.sections:
            body.paragraph(run_xml(labels["none"]))
        if model.follow_ups:
            body.paragraph(run_xml(labels["follow_ups"]), style="Heading 1")
            for note in model.follow_ups:
                _note(body, note, labels, with_theme=True)
        if model.open_points:
            body.paragraph(run_xml(labels["open_points"]), style="Heading 1")
            for note, why in model.open_points:
                runs = run_xml(note.time + "  ", bold=True) + run_xml(quoted(note, labels))
                body.paragraph(runs + run_xml(f" ({why})", italic=True), style="List Bullet")
        if model.transcript is not None:
            body.paragraph(run_xml(model.transcript.title), style="Heading 1")
            body.paragraph(run_xml(model.transcript.intro, italic=True))
            for line in model.transcript.lines:
                runs = run_xml(line.time + "  ", colour=MUTED)
                if line.who:
                    runs += run_xml(line.who + ": ", bold=True)
                body.paragraph(runs + run_xml(line.text), space_after=2)
        body.paragraph(run_xml(labels["legend"]), style="Heading 2")
        widths_mm = [20, 120]
        widths = [twips(mm) for mm in widths_mm]
        rows = [header_row(widths, [labels["mark"], labels["meaning"]])]
        for mark, meaning in model.legend:
            texts = (run_xml(mark, bold=True, colour=ACCENT), run_xml(meaning, size=9))
            rows.append(
                row_xml(cell_xml(w, paragraph_xml(t, space_after=1)) for w, t in zip(widths, texts, strict=True))
            )
        body.add(table_xml(body.style("Table Grid"), widths_mm, rows))
        body.flush()
    return package_bytes(document)
