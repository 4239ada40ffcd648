"""An interview's notes as a Word file the group can open, read and edit.

Only lays out ``InterviewNotes`` with Word's own styles (Title, Heading 1/2, Quote,
List Bullet, Intense Quote for warnings), so recipients can restyle or reuse it; every
user string goes through ``safe``.
"""

from __future__ import annotations

import io
from dataclasses import replace

from docx.shared import Mm, Pt, RGBColor

from .interview_notes import ExportNote, InterviewNotes, meta_line, quoted
from .word import new_document, repeat_header_row, safe

_MUTED = RGBColor(0x59, 0x59, 0x59)


def _note_paragraph(document, note: ExportNote, labels: dict[str, str], *, with_theme: bool = False):
    style = "Quote" if note.is_quote else "List Bullet"
    paragraph = document.add_paragraph(style=style)
    time_run = paragraph.add_run(safe(note.time) + "  ")
    time_run.bold = True
    if note.marks:
        paragraph.add_run(safe(note.marks) + "  ")
    if note.is_quote and note.remark:  # the customer's words in the quote's style, the note-taker's upright
        paragraph.add_run(safe(quoted(replace(note, remark=""), labels)))
        paragraph.add_run(" " + safe(note.remark)).italic = False
    else:
        paragraph.add_run(safe(quoted(note, labels)))
    meta = meta_line(note, labels)
    if with_theme and note.theme:
        meta = f"{note.theme} · {meta}" if meta else note.theme
    if meta:
        run = paragraph.add_run("\n" + safe(meta))
        run.italic = True
        run.font.size = Pt(9)
        run.font.color.rgb = _MUTED
    if note.as_typed is not None:
        run = paragraph.add_run(f"\n{safe(labels['as_typed'])}: {safe(note.as_typed)}")
        run.italic = True
        run.font.size = Pt(9)
        run.font.color.rgb = _MUTED
    return paragraph


def render_docx(model: InterviewNotes) -> bytes:
    labels = model.labels
    document = new_document(model.title, subject=model.journey)
    document.add_heading(safe(model.title), level=0)
    intro = document.add_paragraph()
    intro.add_run(safe(labels["journey"]) + ": ").bold = True
    intro.add_run(safe(model.journey))

    header = document.add_table(rows=2, cols=len(model.header))
    header.style = "Light List Accent 1"
    for column, (label, value) in enumerate(model.header):
        header.cell(0, column).text = safe(label)
        header.cell(1, column).text = safe(value)
    repeat_header_row(header.rows[0])

    for warning in model.warnings:
        document.add_paragraph(safe(warning), style="Intense Quote")

    for section in model.sections:
        document.add_heading(safe(section.title), level=1)
        for note in section.notes:
            _note_paragraph(document, note, labels)
    if not model.sections:
        document.add_paragraph(safe(labels["none"]))

    if model.follow_ups:
        document.add_heading(safe(labels["follow_ups"]), level=1)
        for note in model.follow_ups:
            _note_paragraph(document, note, labels, with_theme=True)
    if model.open_points:
        document.add_heading(safe(labels["open_points"]), level=1)
        for note, why in model.open_points:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(safe(note.time) + "  ").bold = True
            paragraph.add_run(safe(quoted(note, labels)))
            paragraph.add_run(f" ({safe(why)})").italic = True

    document.add_heading(safe(labels["legend"]), level=2)
    legend = document.add_table(rows=0, cols=2)
    legend.style = "Table Grid"
    legend.autofit = False
    for mark, meaning in model.legend:
        row = legend.add_row()
        row.cells[0].text = safe(mark)
        row.cells[1].text = safe(meaning)
        row.cells[0].width, row.cells[1].width = Mm(20), Mm(120)
    legend.columns[0].width, legend.columns[1].width = Mm(20), Mm(120)  # the grid LibreOffice reads

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
