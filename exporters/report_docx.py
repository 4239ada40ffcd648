"""The journey report as a Word document (python-docx), laid out from ``report_model``.

A4 portrait title page, the map on a landscape section (the emotion curve drawn inside
it, under the phases it belongs to), then the phases, moments of truth, backstage, open
method checks and the evidence appendix in portrait. Real Word styles throughout, so the
reader's own template, navigation pane and table of contents work.

Tables get a width on every cell and a fixed layout: Word honours the cell widths,
LibreOffice the grid columns, and with both set they agree.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape as xml_escape

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .curve_image import Dot, curve_png
from .report_model import CellEntry, Item, Report, Source
from .word import landscape_section, new_document, portrait_section, repeat_header_row, safe, shade

_TBL_PR_ORDER = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
)
_TC_PR_ORDER = (
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BREAKS = re.compile(r"(\t|\n)")
FONT = "Arial"
"""Metric-compatible fonts exist everywhere (Liberation Sans), so Word and LibreOffice lay out alike."""
INK = RGBColor(0x1F, 0x2A, 0x37)
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
MUTED = RGBColor(0x6B, 0x72, 0x80)
HEART_RED = RGBColor(0xC8, 0x2D, 0x3C)
CLOUD_GREY = RGBColor(0x4B, 0x55, 0x63)
HEADER_FILL = "1F4E79"
LANE_FILL = "DCE6F1"
ZEBRA_FILL = "F5F7FA"
SYMBOL = {"heart": "♥", "cloud": "☁"}
SYMBOL_COLOUR = {"heart": HEART_RED, "cloud": CLOUD_GREY}


# ------------------------------------------------------------------ styles
def _font(style, name: str = FONT, size: float | None = None, colour: RGBColor | None = None, bold=None) -> None:
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)
    if size:
        style.font.size = Pt(size)
    if colour is not None:
        style.font.color.rgb = colour
    if bold is not None:
        style.font.bold = bold


def _style(document: DocxDocument) -> None:
    styles = document.styles
    _font(styles["Normal"], size=10, colour=INK)
    styles["Normal"].paragraph_format.space_after = Pt(4)
    styles["Normal"].paragraph_format.line_spacing = 1.15
    for name, size, before, after in (("Heading 1", 17, 18, 8), ("Heading 2", 13, 14, 4), ("Heading 3", 11, 10, 3)):
        _font(styles[name], size=size, colour=ACCENT, bold=True)
        styles[name].paragraph_format.space_before = Pt(before)
        styles[name].paragraph_format.space_after = Pt(after)
    _font(styles["Title"], size=30, colour=ACCENT, bold=True)
    title_rpr = styles["Title"].element.get_or_add_pPr()
    for border in title_rpr.findall(qn("w:pBdr")):  # the default template underlines the title
        title_rpr.remove(border)
    styles["Title"].paragraph_format.space_after = Pt(12)
    _font(styles["Subtitle"], size=13, colour=MUTED)
    styles["Subtitle"].font.italic = False
    subtitle = styles["Subtitle"].element.get_or_add_rPr()
    for spacing in subtitle.findall(qn("w:spacing")):  # the template letter-spaces it, which reads oddly
        subtitle.remove(spacing)
    _font(styles["Quote"], size=10.5, colour=INK)
    styles["Quote"].paragraph_format.left_indent = Mm(8)
    styles["Quote"].paragraph_format.right_indent = Mm(8)
    _font(styles["List Bullet"], size=10, colour=INK)
    for name in ("Header", "Footer"):
        _font(styles[name], size=8, colour=MUTED)


# ------------------------------------------------------------------ helpers
def _para(document: DocxDocument, text: str = "", *, style: str):
    """``document.add_paragraph`` with a cached style: python-docx looks names up by scanning all styles."""
    paragraph = document.add_paragraph(safe(text))
    paragraph._p.style = _style_id(document, style)  # by id: python-docx's own lookup scans every style
    return paragraph


def _style_id(document: DocxDocument, name: str) -> str:
    cache = document.part.__dict__.setdefault("_trodden_styles", {})
    if name not in cache:
        cache[name] = document.styles[name].style_id
    return cache[name]


class _Bulk:
    """Many paragraphs written as WordprocessingML text, parsed once and put before the final
    section break. python-docx's ``add_paragraph`` scans the whole body for each paragraph
    (quadratic in a long appendix); this is linear."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.chunks: list[str] = []

    def paragraph(self, style: str, runs: list[str], space_after_pt: float | None = None, keep_next=False) -> None:
        spacing = f'<w:spacing w:after="{round(space_after_pt * 20)}"/>' if space_after_pt is not None else ""
        keep = "<w:keepNext/>" if keep_next else ""
        style_id = _style_id(self.document, style)
        self.chunks.append(f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}{spacing}</w:pPr>{"".join(runs)}</w:p>')

    def flush(self) -> None:
        if not self.chunks:
            return
        body = parse_xml(f'<w:body xmlns:w="{W_NS}">{"".join(self.chunks)}</w:body>')
        anchor = self.document.element.body.sectPr
        for element in list(body):
            if anchor is not None:
                anchor.addprevious(element)
            else:
                self.document.element.body.append(element)
        self.chunks = []


def _xml_run(text: str, *, bold=False, italic=False, size: float | None = None, colour: RGBColor | None = None) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if colour is not None:
        props += f'<w:color w:val="{colour}"/>'
    if size:
        props += f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>'
    content = []
    for piece in _BREAKS.split(safe(text)):
        if piece == "\t":
            content.append("<w:tab/>")
        elif piece == "\n":
            content.append("<w:br/>")
        elif piece:
            content.append(f'<w:t xml:space="preserve">{xml_escape(piece)}</w:t>')
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{''.join(content)}</w:r>"


def _run(paragraph, text: str, *, bold=False, italic=False, colour=None, size=None) -> None:
    """Append a formatted run (parsed from WordprocessingML: a tenth of python-docx's cost a run)."""
    xml = _xml_run(text, bold=bold, italic=italic, size=size, colour=colour)
    paragraph._p.append(parse_xml(xml.replace("<w:r>", f'<w:r xmlns:w="{W_NS}">', 1)))


def _mark(paragraph, mark: str | None, size=None) -> None:
    if mark:
        _run(paragraph, SYMBOL[mark] + " ", bold=True, colour=SYMBOL_COLOUR[mark], size=size)


def _fixed_table(document_or_cell, rows: int, widths_mm: list[float], style: str = "Table Grid"):
    """A table whose columns keep ``widths_mm`` in Word and LibreOffice alike."""
    table = document_or_cell.add_table(rows=rows, cols=len(widths_mm))
    table.style = style
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    properties = table._tbl.tblPr
    width = properties.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        _insert_in_order(properties, width)
    width.set(qn("w:w"), str(round(sum(widths_mm) / 25.4 * 1440)))
    width.set(qn("w:type"), "dxa")
    for column, mm in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(mm)
    for row in table.rows:
        for cell, mm in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(mm)
    return table


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    _insert_in_order(table._tbl.tblPr, borders)


def _insert_in_order(properties, element) -> None:
    """Put ``element`` where the schema wants it among ``properties``' children (Word is strict)."""
    sequence = list(_TBL_PR_ORDER if properties.tag == qn("w:tblPr") else _TC_PR_ORDER)
    position = sequence.index("w:" + element.tag.split("}")[1])
    successors = [qn(tag) for tag in sequence[position + 1 :]]
    for old in properties.findall(element.tag):
        properties.remove(old)
    for child in properties:
        if child.tag in successors:
            child.addprevious(element)
            return
    properties.append(element)


def _cell_text(cell, text: str = "", *, bold=False, colour=None, size=None, align=None):
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(1)
    if align is not None:
        paragraph.alignment = align
    if text:
        _run(paragraph, text, bold=bold, colour=colour, size=size)
    return paragraph


def _no_cell_margins(cell) -> None:
    """Zero left/right padding, so a picture can fill the cell exactly (and line up with columns)."""
    margins = OxmlElement("w:tcMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _insert_in_order(cell._tc.get_or_add_tcPr(), margins)


def _picture(paragraph, png: bytes, width_mm: float) -> None:
    shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Mm(width_mm))
    for side in ("distT", "distB", "distL", "distR"):  # LibreOffice pads pictures without these
        shape._inline.set(side, "0")


def _section_margins(section, side_mm: float, top_mm: float = 18) -> None:
    section.left_margin = section.right_margin = Mm(side_mm)
    section.top_margin = section.bottom_margin = Mm(top_mm)
    section.header_distance = section.footer_distance = Mm(min(10, top_mm / 2))
    section.different_first_page_header_footer = False


def _keep_row_together(row) -> None:
    """A map row moves whole to the next page rather than splitting a cell's list."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))


def _usable_width(section) -> float:
    return (section.page_width - section.left_margin - section.right_margin) / Mm(1)


# ------------------------------------------------------------------ parts
def _title_page(document: DocxDocument, report: Report) -> None:
    labels = report.labels
    section = document.sections[0]
    _section_margins(section, 25, 25)
    section.different_first_page_header_footer = True
    for _ in range(5):
        document.add_paragraph()
    kicker = _para(document, style="Subtitle")
    _accent_rule(kicker)
    _run(kicker, labels["report"].upper(), bold=True, colour=ACCENT, size=11)
    _para(document, safe(report.title), style="Title")
    if report.purpose:
        purpose = _para(document, style="Subtitle")
        _run(purpose, report.purpose)
    document.add_paragraph()
    facts = [
        (labels["scope"], report.scope),
        (labels["state"], report.state),
        (labels["evidence.basis"], report.basis),
    ]
    if report.period:
        facts.append((labels["period"], report.period))
    if report.participant_codes:
        facts.append((labels["participants"], ", ".join(report.participant_codes)))
    table = _fixed_table(document, len(facts), [45, 115])
    _no_borders(table)
    for row, (label, value) in zip(table.rows, facts, strict=True):
        _cell_text(row.cells[0], label, bold=True, colour=MUTED, size=9)
        _cell_text(
            row.cells[1], value, size=10, colour=None if report.state_set or label != labels["state"] else HEART_RED
        )
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(6)
    for _ in range(4):
        document.add_paragraph()
    caveat = document.add_paragraph()
    _run(caveat, report.labels["caveat"], italic=True, colour=MUTED, size=9)
    footer = document.add_paragraph()
    _run(footer, f"{labels['generated']} · {report.generated.isoformat()}", colour=MUTED, size=9)


def _accent_rule(paragraph) -> None:
    """A thick accent line above the paragraph (the title page's only ornament)."""
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "36"), ("space", "14"), ("color", str(ACCENT))):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    successors = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:bidi", "w:spacing", "w:ind", "w:jc", "w:rPr")
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *successors)


def _header(document: DocxDocument, report: Report) -> None:
    header = document.sections[0].header
    paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(paragraph, f"{report.title} · {report.labels['report']}")


def _entry(paragraph, entry: CellEntry, labels, size: float) -> None:
    _mark(paragraph, entry.mark, size)
    _run(paragraph, entry.text, italic=entry.hypothesis or entry.override, size=size)
    if entry.hypothesis:
        _run(paragraph, f" ({labels['hypothesis']})", italic=True, colour=MUTED, size=size - 1)
    elif entry.backing:
        _run(paragraph, f"  {entry.backing}", colour=MUTED, size=size - 1)


def _curve_dots(report: Report) -> list[Dot]:
    return [
        Dot(feeling.value, feeling.spread if not feeling.override else 0.0, feeling.override)
        for _, feeling in report.curve
    ]


def _map(document: DocxDocument, report: Report) -> None:
    labels = report.labels
    section = landscape_section(document)
    _section_margins(section, 14, 17)
    _para(document, labels["map"], style="Heading 1")
    legend = document.add_paragraph()
    _run(legend, labels.f("legend", heart=SYMBOL["heart"], cloud=SYMBOL["cloud"]), colour=MUTED, size=8)
    phases = report.phases
    if not phases:
        document.add_paragraph(labels["none"])
        return
    total = _usable_width(section) - 1
    lane = 30.0
    column = (total - lane) / len(phases)
    busiest = max(sum(len(row.cells[i]) for row in report.map_rows) for i in range(len(phases)))
    size = 8 if len(phases) <= 6 and busiest <= 24 else 7  # a full map should still fit a landscape page
    rows = list(report.map_rows)
    curve_at = next((i for i, row in enumerate(rows) if row.lane == "curve"), None)
    table = _fixed_table(document, 1 + len(rows) + (1 if curve_at is not None else 0), [lane] + [column] * len(phases))
    header = table.rows[0]
    repeat_header_row(header)
    shade(header.cells[0], HEADER_FILL)
    for cell, phase in zip(header.cells[1:], phases, strict=True):
        shade(cell, HEADER_FILL)
        _cell_text(cell, f"{phase.number}. {phase.name}", bold=True, colour=RGBColor(0xFF, 0xFF, 0xFF), size=size + 1)
    table_row = 1
    for row in rows:
        cells = table.rows[table_row].cells
        shade(cells[0], LANE_FILL)
        _cell_text(cells[0], row.label, bold=True, colour=ACCENT, size=size)
        if row.lane == "curve":
            # the picture spans the phase columns, its dots at the columns' centres
            picture_row = cells
            values_row = table.rows[table_row + 1].cells
            picture_row[0].merge(values_row[0])
            merged = picture_row[1].merge(picture_row[-1])
            _no_cell_margins(merged)
            width = column * len(phases) - 1.2
            centres = [((i + 0.5) * column - 0.6) / width for i in range(len(phases))]
            height = 26 if size == 8 else 20
            png = curve_png(_curve_dots(report), width_mm=width, height_mm=height, centres=centres, icons=False)
            paragraph = merged.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _picture(paragraph, png, width)
            for cell, entries in zip(values_row[1:], row.cells, strict=True):
                paragraph = _cell_text(cell, align=WD_ALIGN_PARAGRAPH.CENTER)
                for entry in entries:
                    _entry(paragraph, entry, labels, size)
            table_row += 2
            continue
        _keep_row_together(table.rows[table_row])
        for cell, entries in zip(cells[1:], row.cells, strict=True):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
            if row.lane == "channels":  # short words: one line, not a column of them
                paragraph = _cell_text(cell)
                _run(paragraph, " · ".join(entry.text for entry in entries), size=size)
                continue
            for number, entry in enumerate(entries):
                paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
                paragraph.paragraph_format.space_after = Pt(1.5)
                _entry(paragraph, entry, labels, size)
        table_row += 1


def _curve(document: DocxDocument, report: Report) -> None:
    labels = report.labels
    section = portrait_section(document)
    _section_margins(section, 22)
    _para(document, labels["lane.curve"], style="Heading 1")
    document.add_paragraph(labels["curve.intro"])
    if not report.phases:
        return
    width = _usable_width(section) - 1
    column = width / len(report.phases)
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    _picture(paragraph, curve_png(_curve_dots(report), width_mm=width, height_mm=55), width)
    names = _fixed_table(document, 1, [column] * len(report.phases))
    _no_borders(names)
    for cell, phase in zip(names.rows[0].cells, report.phases, strict=True):
        _cell_text(
            cell, f"{phase.number}. {phase.name}", bold=True, colour=ACCENT, size=8, align=WD_ALIGN_PARAGRAPH.CENTER
        )
        _run(cell.paragraphs[0], f"\n{phase.feeling.short}", colour=MUTED, size=8)
    document.add_paragraph()
    headers = [labels["phase"], labels["feeling"], labels["participants.n"], labels["spread"], labels["note"]]
    table = _fixed_table(document, 1 + len(report.phases), [55, 22, 12, 22, width - 111])
    _table_header(table, headers)
    for row, phase in zip(table.rows[1:], report.phases, strict=True):
        feeling = phase.feeling
        note = feeling.override_note
        values = [
            f"{phase.number}. {phase.name}",
            feeling.short,
            str(feeling.n),
            f"±{feeling.spread:.1f}" if feeling.n else "–",
            note,
        ]
        for cell, value in zip(row.cells, values, strict=True):
            _cell_text(cell, value, size=9)


def _table_header(table, headers: list[str]) -> None:
    repeat_header_row(table.rows[0])
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        shade(cell, HEADER_FILL)
        _cell_text(cell, text, bold=True, colour=RGBColor(0xFF, 0xFF, 0xFF), size=9)


def _item_bullet(document: DocxDocument, item: Item, labels, *, phase: bool = False) -> None:
    paragraph = _para(document, style="List Bullet")
    _mark(paragraph, item.mark)
    _run(paragraph, item.title, bold=True)
    details = [labels["hypothesis"] if item.hypothesis else item.backing]
    if item.feeling.value is not None:
        details.append(f"{labels['feeling'].lower()} {item.feeling.short}")
    if item.channels:
        details.append(", ".join(item.channels))
    if phase:
        details.append(item.phase_name)
    _run(paragraph, "  " + " · ".join(details), colour=MUTED, size=9, italic=item.hypothesis)


def _quote(document: DocxDocument, source: Source) -> None:
    paragraph = _para(document, style="Quote")
    _run(paragraph, source.quoted, italic=True)
    _run(paragraph, f"  — {source.participant}, {source.time}", colour=MUTED, size=9)


def _phases(document: DocxDocument, report: Report) -> None:
    labels = report.labels
    _para(document, labels["phases"], style="Heading 1")
    for phase in report.phases:
        _para(document, safe(f"{phase.number}. {phase.name}"), style="Heading 2")
        if phase.description:
            _run(document.add_paragraph(), phase.description, italic=True, colour=MUTED)
        facts = document.add_paragraph()
        _run(facts, f"{labels['feeling']}: ", bold=True)
        _run(facts, phase.feeling.text)
        if phase.channels:
            _run(facts, "\n")
            _run(facts, f"{labels['channels']}: ", bold=True)
            _run(facts, ", ".join(phase.channels))
        _para(document, labels["touchpoints"], style="Heading 3")
        if not phase.touchpoints:
            document.add_paragraph(labels["none"])
        for item in phase.touchpoints:
            _item_bullet(document, item, labels)
        if phase.quotes:
            _para(document, labels["quotes"], style="Heading 3")
            for source in phase.quotes:
                _quote(document, source)
    if report.unphased:
        _para(document, labels["no_phase"], style="Heading 2")
        for item in report.unphased:
            _item_bullet(document, item, labels)


def _moments(document: DocxDocument, report: Report) -> None:
    labels = report.labels
    _para(document, labels["lane.moments"], style="Heading 1")
    document.add_paragraph(labels["moments.intro"])
    if not report.moments:
        document.add_paragraph(labels["none"])
    for number, item in enumerate(report.moments, start=1):
        _para(document, safe(f"{number}. {item.title}"), style="Heading 2")
        meta = document.add_paragraph()
        _mark(meta, item.mark)
        status = labels["hypothesis"] if item.hypothesis else item.backing
        _run(meta, f"{labels['phase']}: {item.phase_name} · {status}", colour=MUTED, size=9)
        meta.paragraph_format.keep_with_next = bool(item.design_question)
        if item.design_question:
            question = _para(document, style="Intense Quote")
            _run(question, f"{labels['design_question']}: ", bold=True)
            _run(question, item.design_question)


def _backstage(document: DocxDocument, report: Report) -> None:
    labels = report.labels
    _para(document, labels["lane.backstage"], style="Heading 1")
    document.add_paragraph(labels["backstage.intro"])
    if not report.backstage:
        document.add_paragraph(labels["none"])
    for group in report.backstage:
        _para(document, group.label, style="Heading 2")
        for item in group.items:
            _item_bullet(document, item, labels, phase=True)


def _checks(document: DocxDocument, report: Report) -> None:
    labels = report.labels
    _para(document, labels["checks"], style="Heading 1")
    if not report.findings:
        document.add_paragraph(labels["checks.none"])
        return
    width = _usable_width(document.sections[-1]) - 1
    table = _fixed_table(document, 1 + len(report.findings), [22, 32, width - 94, 40])
    _table_header(table, [labels["severity"], labels["check"], labels["finding"], labels["subject"]])
    for number, (row, finding) in enumerate(zip(table.rows[1:], report.findings, strict=True)):
        warning = finding.severity == "warning"
        _cell_text(row.cells[0], finding.severity_label, bold=warning, colour=HEART_RED if warning else MUTED, size=9)
        _cell_text(row.cells[1], finding.code, size=9)
        _cell_text(row.cells[2], finding.message, size=9)
        _cell_text(row.cells[3], finding.subject, size=9)
        if number % 2:
            for cell in row.cells:
                shade(cell, ZEBRA_FILL)


def _appendix(document: DocxDocument, report: Report) -> None:
    labels = report.labels
    heading = _para(document, labels["appendix"], style="Heading 1")
    heading.paragraph_format.page_break_before = True
    document.add_paragraph(labels["appendix.intro"])
    bulk = _Bulk(document)
    for item in report.items:
        bulk.paragraph("Heading 3", [_xml_run(item.title)])
        status = labels["hypothesis"] if item.hypothesis else item.backing
        meta = f"{item.kind_label} · {item.phase_name} · {status}"
        bulk.paragraph("Normal", [_xml_run(meta, italic=True, size=9, colour=MUTED)], keep_next=bool(item.evidence))
        for source in item.evidence:
            runs = [_xml_run(f"{source.participant} {source.time}  ", bold=True, size=9), _xml_run(source.text, size=9)]
            bulk.paragraph("List Bullet", runs, space_after_pt=1)
    bulk.flush()


def build(report: Report) -> DocxDocument:
    document = new_document(report.title, "", subject=report.labels["report"], language=report.language)
    document.core_properties.keywords = "customer journey; journey map; trodden"
    _style(document)
    _header(document, report)
    _title_page(document, report)
    _map(document, report)
    _curve(document, report)
    _phases(document, report)
    _moments(document, report)
    _backstage(document, report)
    _checks(document, report)
    _appendix(document, report)
    return document


def render(report: Report) -> bytes:
    """The report as ``.docx`` bytes."""
    buffer = io.BytesIO()
    build(report).save(buffer)
    return buffer.getvalue()


__all__ = ["WD_BREAK", "build", "render"]
