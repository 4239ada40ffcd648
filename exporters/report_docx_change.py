"""The Word report's problem areas (with the priority matrix as a picture) and the
current-vs-target section (what changes, and both curves on one picture), from ``report_model``."""

from __future__ import annotations

from docx.document import Document as DocxDocument

from .change_images import matrix_png, pair_png
from .docx_xml import BodyXml, cell_xml, paragraph_xml, picture_xml, row_xml, run_xml, table_xml, twips
from .report_docx_style import ACCENT, MUTED, ZEBRA_FILL, header_row, usable_width
from .report_model import AreaSection, Report

MATRIX_MM = 80.0


def _table(body: BodyXml, widths_mm: list[float], headers: list[str], rows: list[list[str]]) -> None:
    widths = [twips(mm) for mm in widths_mm]
    xml_rows = [header_row(widths, headers)]
    for number, values in enumerate(rows):
        fill = ZEBRA_FILL if number % 2 else None
        cells = [
            cell_xml(w, paragraph_xml(run_xml(v, size=9) if v else "", space_after=1), fill=fill)
            for w, v in zip(widths, values, strict=True)
        ]
        xml_rows.append(row_xml(cells))
    body.add(table_xml(body.style("Table Grid"), widths_mm, xml_rows))


def _matrix(document: DocxDocument, body: BodyXml, report: Report) -> None:
    labels = report.labels
    body.paragraph(run_xml(labels["matrix"]), style="Heading 2")
    body.paragraph(run_xml(labels["matrix.intro"]))
    points = [(a.number, a.impact, a.effort) for a in report.areas if a.impact is not None and a.effort is not None]
    png = matrix_png(points, size_mm=MATRIX_MM)  # type: ignore[arg-type]
    axis = run_xml(f"↑ {labels['impact']} 1–5", bold=True, colour=ACCENT, size=8)
    body.paragraph(axis, space_after=1, align="center")
    body.paragraph(picture_xml(document, png, MATRIX_MM, alt=report.matrix_alt), space_after=0, align="center")
    body.paragraph(run_xml(f"{labels['effort']} 1–5 →", bold=True, colour=ACCENT, size=8), align="center")
    quadrants = ", ".join(
        f"{labels[f'quadrant.{q}']}" for q in ("quick_win", "big_bet", "fill_in", "money_pit")
    )  # top-left, top-right, bottom-left, bottom-right
    body.paragraph(run_xml(quadrants, italic=True, colour=MUTED, size=8), align="center")


def _area(body: BodyXml, area: AreaSection, report: Report, width: float) -> None:
    labels = report.labels
    body.paragraph(run_xml(f"{area.number}. {area.title}"), style="Heading 2")
    where = " · ".join(part for part in (area.source, area.phase_name) if part)
    body.paragraph(run_xml(where, italic=True, colour=MUTED, size=9))
    if area.experience:
        body.paragraph(run_xml(f"{labels['area.experience']}: ", bold=True) + run_xml(area.experience))
    for source in area.quotes:
        quote = run_xml(source.quoted, italic=True) + run_xml(
            f"  — {source.participant}, {source.time}", colour=MUTED, size=9
        )
        body.paragraph(quote, style="Quote")
    for question in area.design_questions:
        runs = run_xml(f"{labels['design_question']}: ", bold=True) + run_xml(question)
        body.paragraph(runs, style="Intense Quote")
    facts = (
        run_xml(f"{labels['area.evidence']}: ", bold=True)
        + run_xml(area.evidence)
        + run_xml("\n")
        + run_xml(f"{labels['area.says']}: ", bold=True)
        + run_xml(area.says)
        + run_xml("\n")
        + run_xml(f"{labels['area.priority']}: ", bold=True)
        + run_xml(area.priority)
    )
    body.paragraph(facts)
    body.paragraph(run_xml(labels["area.ideas"]), style="Heading 3")
    if not area.ideas:
        body.paragraph(run_xml(labels["idea.none"]))
        return
    headers = [
        labels["idea.kind"],
        labels["idea.text"],
        labels["idea.owner"],
        labels["idea.status"],
        labels["idea.effect"],
        labels["idea.outcome"],
    ]
    rows = [[i.kind_label, i.text, i.owner, i.status_label, i.effect, i.outcome] for i in area.ideas]
    _table(body, [24, width - 130, 22, 18, 34, 32], headers, rows)  # "Ansvarig" / "Ansvarlig" on one line


def areas(document: DocxDocument, body: BodyXml, report: Report) -> None:
    """ "Problem areas and next steps", after the moments of truth."""
    labels = report.labels
    width = usable_width(document.sections[-1]) - 1
    body.paragraph(run_xml(labels["areas"]), style="Heading 1", page_break_before=bool(report.areas))
    body.paragraph(run_xml(labels["areas.intro"]))
    if not report.areas:
        body.paragraph(run_xml(labels["areas.none"]))
        return
    _matrix(document, body, report)
    for area in report.areas:
        _area(body, area, report, width)


def target(document: DocxDocument, body: BodyXml, report: Report) -> None:
    """Current against target: the changes and which area each answers, then both curves."""
    section = report.target
    if section is None:
        return
    labels = report.labels
    width = usable_width(document.sections[-1]) - 1
    body.paragraph(run_xml(labels["target"]), style="Heading 1", page_break_before=True)
    body.paragraph(run_xml(labels["target.intro"]))
    if section.changes:
        headers = [
            labels["target.what"],
            labels["phase"],
            labels["target.current"],
            labels["target.target"],
            labels["target.change"],
            labels["target.answers"],
        ]
        rows = [[r.fate_label, r.phase_name, r.current, r.target, r.change, r.answers] for r in section.changes]
        rest = width - 18 - 26
        _table(body, [18, 26, rest * 0.22, rest * 0.22, rest * 0.28, rest * 0.28], headers, rows)
    else:
        body.paragraph(run_xml(labels["target.none"]))
    body.paragraph(run_xml(section.kept, italic=True, colour=MUTED, size=9))
    body.paragraph(run_xml(labels["target.curve"]), style="Heading 2")
    png = pair_png([p.current for p in section.curve], [p.target for p in section.curve], width_mm=width, height_mm=50)
    body.paragraph(picture_xml(document, png, width, alt=section.alt), space_after=0, align="center")
    column = width / max(1, len(section.curve))
    names = []
    for point in section.curve:
        runs = run_xml(point.phase_name, bold=True, colour=ACCENT, size=8)
        runs += run_xml(f"\n{point.current_short} → {point.target_short}", colour=MUTED, size=8)
        names.append(cell_xml(twips(column), paragraph_xml(runs, space_after=1, align="center")))
    body.add(table_xml(body.style("Table Grid"), [column] * len(section.curve), [row_xml(names)], borders=False))
    body.paragraph(run_xml(labels["target.legend"], italic=True, colour=MUTED, size=8))
    headers = [labels["phase"], labels["target.current"], labels["target.target"], labels["target.reason"]]
    rows = [[p.phase_name, p.current_short, p.target_short, p.reason] for p in section.curve]
    _table(body, [50, 20, 20, width - 90], headers, rows)
