"""The Word report's map page (landscape) and emotion-curve page.

The map is one table: a lane a row, a phase a column, the curve picture spanning the
phase columns with its dots at the columns' centres and the values in a row beneath.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument

from .curve_image import Dot, curve_png
from .docx_xml import NO_SIDE_MARGINS, BodyXml, cell_xml, paragraph_xml, picture_xml, row_xml, run_xml, table_xml, twips
from .i18n import Labels
from .report_docx_style import (
    ACCENT,
    HEADER_FILL,
    LANE_FILL,
    MUTED,
    SYMBOL,
    WHITE,
    header_row,
    mark_xml,
    section_margins,
    usable_width,
)
from .report_model import CellEntry, MapRow, Report
from .word import landscape_section, portrait_section


def curve_dots(report: Report) -> list[Dot]:
    return [
        Dot(feeling.value, feeling.spread if not feeling.override else 0.0, feeling.override)
        for _, feeling in report.curve
    ]


def curve_alt(labels: Labels, key: str, report: Report, staff: bool = False) -> str:
    """The picture's alt text: every phase with its value, so the curve reads without seeing it."""
    points = [
        f"{phase.number}. {phase.name} {(phase.staff_feeling if staff else phase.feeling).short}"
        for phase in report.phases
        if not staff or phase.staff_feeling is not None
    ]
    return labels.f(key, points="; ".join(points))


def _entry(entry: CellEntry, labels: Labels, size: float) -> str:
    runs = mark_xml(entry.mark, size) + run_xml(
        entry.text, italic=(entry.hypothesis or entry.override) or None, size=size
    )
    if entry.hypothesis:
        runs += run_xml(f" ({labels['hypothesis']})", italic=True, colour=MUTED, size=size - 1)
    elif entry.backing:
        runs += run_xml(f"  {entry.backing}", colour=MUTED, size=size - 1)
    return runs


def _lane_cells(row: MapRow, widths: list[int], labels: Labels, size: float) -> list[str]:
    """One lane's phase cells: a line of channels, else one paragraph an entry."""
    cells = []
    for width, entries in zip(widths, row.cells, strict=True):
        if row.lane == "channels":  # short words: one line, not a column of them
            text = run_xml(" · ".join(entry.text for entry in entries), size=size)
            paragraphs = paragraph_xml(text, space_after=1)
        else:
            paragraphs = "".join(paragraph_xml(_entry(entry, labels, size), space_after=1.5) for entry in entries)
        cells.append(cell_xml(width, paragraphs, v_align="top"))
    return cells


def map_page(document: DocxDocument, report: Report) -> None:
    labels = report.labels
    section = landscape_section(document)
    section_margins(section, 14, 17)
    body = BodyXml(document)
    body.paragraph(run_xml(labels["map"]), style="Heading 1")
    body.paragraph(run_xml(labels.f("legend", heart=SYMBOL["heart"], cloud=SYMBOL["cloud"]), colour=MUTED, size=8))
    phases = report.phases
    if not phases:
        body.paragraph(run_xml(labels["none"]))
        body.flush()
        return
    total = usable_width(section) - 1
    lane = 30.0
    column = (total - lane) / len(phases)
    busiest = max(sum(len(row.cells[i]) for row in report.map_rows) for i in range(len(phases)))
    size = 8 if len(phases) <= 6 and busiest <= 24 else 7  # a full map should still fit a landscape page
    lane_width, widths = twips(lane), [twips(column)] * len(phases)

    def lane_label(row: MapRow, **merge) -> str:
        label = paragraph_xml(run_xml(row.label, bold=True, colour=ACCENT, size=size), space_after=1)
        return cell_xml(lane_width, label, fill=LANE_FILL, **merge)

    header = [cell_xml(lane_width, fill=HEADER_FILL)] + [
        cell_xml(
            width,
            paragraph_xml(run_xml(f"{p.number}. {p.name}", bold=True, colour=WHITE, size=size + 1), space_after=1),
            fill=HEADER_FILL,
        )
        for width, p in zip(widths, phases, strict=True)
    ]
    rows = [row_xml(header, header=True)]
    for row in report.map_rows:
        if row.lane != "curve":
            rows.append(row_xml([lane_label(row), *_lane_cells(row, widths, labels, size)], cant_split=True))
            continue
        # the picture spans the phase columns, its dots at the columns' centres
        picture_mm = column * len(phases) - 1.2
        centres = [((i + 0.5) * column - 0.6) / picture_mm for i in range(len(phases))]
        height = 26 if size == 8 else 20
        png = curve_png(curve_dots(report), width_mm=picture_mm, height_mm=height, centres=centres, icons=False)
        alt = curve_alt(labels, "curve.alt", report)
        picture = paragraph_xml(picture_xml(document, png, picture_mm, alt), space_after=0, align="center")
        spanning = cell_xml(sum(widths), picture, span=len(phases), margins=NO_SIDE_MARGINS)
        rows.append(row_xml([lane_label(row, v_merge="restart"), spanning]))
        values = [
            cell_xml(
                width, paragraph_xml("".join(_entry(e, labels, size) for e in entries), space_after=1, align="center")
            )
            for width, entries in zip(widths, row.cells, strict=True)
        ]
        rows.append(row_xml([cell_xml(lane_width, v_merge=""), *values]))
    body.add(table_xml(body.style("Table Grid"), [lane] + [column] * len(phases), rows))
    body.flush()


def curve_page(document: DocxDocument, report: Report) -> None:
    labels = report.labels
    section = portrait_section(document)
    section_margins(section, 22)
    body = BodyXml(document)
    body.paragraph(run_xml(labels["lane.curve"]), style="Heading 1")
    body.paragraph(run_xml(labels["curve.intro"]))
    if not report.phases:
        body.flush()
        return
    width = usable_width(section) - 1
    column = width / len(report.phases)
    png = curve_png(curve_dots(report), width_mm=width, height_mm=55)
    alt = curve_alt(labels, "curve.alt", report)
    body.paragraph(picture_xml(document, png, width, alt), space_after=0, align="center")
    names = []
    for phase in report.phases:
        runs = run_xml(f"{phase.number}. {phase.name}", bold=True, colour=ACCENT, size=8)
        runs += run_xml(f"\n{phase.feeling.short}", colour=MUTED, size=8)
        names.append(cell_xml(twips(column), paragraph_xml(runs, space_after=1, align="center")))
    table_style = body.style("Table Grid")
    body.add(table_xml(table_style, [column] * len(report.phases), [row_xml(names)], borders=False))
    body.paragraph()
    headers = [labels["phase"], labels["feeling"], labels["participants.n"], labels["spread"], labels["note"]]
    widths_mm = [55, 22, 12, 22, width - 111]
    widths = [twips(mm) for mm in widths_mm]
    rows = [header_row(widths, headers)]
    for phase in report.phases:
        feeling = phase.feeling
        values = [
            f"{phase.number}. {phase.name}",
            feeling.short,
            str(feeling.n),
            feeling.spread_text,
            feeling.override_note,
        ]
        cells = [
            cell_xml(w, paragraph_xml(run_xml(value, size=9) if value else "", space_after=1))
            for w, value in zip(widths, values, strict=True)
        ]
        rows.append(row_xml(cells))
    body.add(table_xml(table_style, widths_mm, rows))
    staff_view(document, body, report, width)
    body.flush()


def staff_view(document: DocxDocument, body: BodyXml, report: Report, width: float) -> None:
    """The staff view under the customer curve: its own heading, picture and table, never mixed in."""
    if not report.staff_heading:
        return
    labels = report.labels
    body.paragraph(run_xml(report.staff_heading), style="Heading 2")
    body.paragraph(run_xml(labels["staff.intro"]))
    feelings = [feeling for _, feeling in report.staff_curve]
    png = curve_png([Dot(f.value, f.spread) for f in feelings], width_mm=width, height_mm=35, icons=False)
    alt = curve_alt(labels, "staff.alt", report, staff=True)
    body.paragraph(picture_xml(document, png, width, alt), space_after=0, align="center")
    widths_mm = [55, 22, 12, 22]
    widths = [twips(mm) for mm in widths_mm]
    rows = [header_row(widths, [labels["phase"], labels["feeling"], labels["participants.n"], labels["spread"]])]
    for phase in report.phases:
        feeling = phase.staff_feeling
        if feeling is None:
            continue
        values = [
            f"{phase.number}. {phase.name}",
            feeling.short,
            str(feeling.n),
            feeling.spread_text,
        ]
        rows.append(
            row_xml(
                cell_xml(w, paragraph_xml(run_xml(value, size=9), space_after=1))
                for w, value in zip(widths, values, strict=True)
            )
        )
    body.add(table_xml(body.style("Table Grid"), widths_mm, rows))
