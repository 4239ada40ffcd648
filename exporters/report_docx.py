"""The journey report as a Word document (python-docx), laid out from ``report_model``.

A4 portrait title page, the map on a landscape section (the emotion curve drawn inside
it, under the phases it belongs to), then the phases, moments of truth, backstage, open
what became of the hypothesis, method checks and the evidence appendix in portrait. The pages live in
``report_docx_map`` and ``report_docx_sections``, the look in ``report_docx_style``;
text is written as WordprocessingML by ``docx_xml`` (python-docx's per-element API
costs several times more).
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH

from . import report_docx_change as change
from . import report_docx_sections as sections
from .docx_xml import BodyXml, cell_xml, paragraph_xml, proofing, row_xml, run_xml, table_xml, twips
from .report_docx_map import curve_page, map_page
from .report_docx_style import ACCENT, HEART_RED, MUTED, apply_styles, section_margins, usable_width
from .report_model import Report
from .word import in_language, new_document, safe
from .word_package import language_tag, package_bytes
from .word_toc import add_contents


def _title_page(document: DocxDocument, report: Report):
    """The title page; returns its last element (the contents follow it)."""
    labels = report.labels
    section = document.sections[0]
    section_margins(section, 25, 25)
    section.different_first_page_header_footer = True
    body = BodyXml(document)
    for _ in range(5):
        body.paragraph()
    rule = f'<w:top w:val="single" w:sz="36" w:space="14" w:color="{ACCENT}"/>'  # the page's only ornament
    body.paragraph(
        run_xml(labels["report"].upper(), bold=True, colour=ACCENT, size=11), style="Subtitle", border_top=rule
    )
    body.paragraph(run_xml(report.title), style="Title")
    if report.purpose:
        body.paragraph(run_xml(report.purpose), style="Subtitle")
    body.paragraph()
    facts = [
        (labels["scope"], report.scope),
        (labels["state"], report.state),
        (labels["evidence.basis"], report.basis),
    ]
    if report.period:
        facts.append((labels["period"], report.period))
    if report.participant_codes:
        facts.append((labels["participants"], ", ".join(report.participant_codes)))
    widths = [45, 115]
    rows = []
    for label, value in facts:
        unset = not report.state_set and label == labels["state"]
        texts = [
            run_xml(label, bold=True, colour=MUTED, size=9),
            run_xml(value, size=10, colour=HEART_RED if unset else None) if value else "",
        ]
        rows.append(
            row_xml(cell_xml(twips(w), paragraph_xml(t, space_after=6)) for w, t in zip(widths, texts, strict=True))
        )
    body.add(table_xml(body.style("Table Grid"), widths, rows, borders=False))
    for _ in range(4):
        body.paragraph()
    body.paragraph(run_xml(labels["caveat"], italic=True, colour=MUTED, size=9))
    body.paragraph(run_xml(f"{labels['generated']} · {report.generated.isoformat()}", colour=MUTED, size=9))
    return body.flush()[-1]


def _header(document: DocxDocument, report: Report) -> None:
    header = document.sections[0].header
    paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    in_language(paragraph.add_run(safe(f"{report.title} · {report.labels['report']}")), language_tag(report.language))


def build(report: Report, author: str = "") -> DocxDocument:
    """The report as a python-docx document; ``author`` goes into its properties."""
    labels = report.labels
    document = new_document(
        report.title, author, subject=labels["report"], language=report.language, keywords=labels["keywords"]
    )
    apply_styles(document)
    _header(document, report)
    with proofing(language_tag(report.language)):
        title_end = _title_page(document, report)
        map_page(document, report)
        curve_page(document, report)
        body = BodyXml(document)
        sections.phases(body, report)
        sections.moments(body, report)
        change.areas(document, body, report)
        change.target(document, body, report)
        sections.backstage(body, report)
        sections.hypothesis(body, report)
        sections.checks(body, document, report)
        sections.appendix(body, report)
        body.flush()
        add_contents(document, title_end, labels["contents"], report.language, usable_width(document.sections[0]))
    return document


def render(report: Report, author: str = "") -> bytes:
    """The report as ``.docx`` bytes."""
    return package_bytes(build(report, author))
