"""The Word report's text pages: phases, moments of truth, backstage, method checks and
the evidence appendix, each written as paragraphs of text in one pass (see ``docx_xml``)."""

from __future__ import annotations

from docx.document import Document as DocxDocument

from .docx_xml import BodyXml, cell_xml, paragraph_xml, row_xml, run_xml, table_xml, twips
from .i18n import Labels
from .report_docx_style import HEART_RED, MUTED, ZEBRA_FILL, header_row, mark_xml, usable_width
from .report_model import Item, Report, Source, evidence_status


def _item_bullet(body: BodyXml, item: Item, labels: Labels, *, phase: bool = False) -> None:
    details = [labels["hypothesis"] if item.hypothesis else item.backing]
    if item.feeling.value is not None:
        details.append(f"{labels['feeling'].lower()} {item.feeling.short}")
    if item.channels:
        details.append(", ".join(item.channels))
    if phase:
        details.append(item.phase_name)
    runs = mark_xml(item.mark) + run_xml(item.title, bold=True)
    runs += run_xml("  " + " · ".join(details), colour=MUTED, size=9, italic=item.hypothesis or None)
    body.paragraph(runs, style="List Bullet")


def _quote(body: BodyXml, source: Source) -> None:
    runs = run_xml(source.quoted, italic=True) + run_xml(
        f"  — {source.participant}, {source.time}", colour=MUTED, size=9
    )
    body.paragraph(runs, style="Quote")


def phases(body: BodyXml, report: Report) -> None:
    labels = report.labels
    body.paragraph(run_xml(labels["phases"]), style="Heading 1")
    for phase in report.phases:
        body.paragraph(run_xml(f"{phase.number}. {phase.name}"), style="Heading 2")
        if phase.description:
            body.paragraph(run_xml(phase.description, italic=True, colour=MUTED))
        facts = run_xml(f"{labels['feeling']}: ", bold=True) + run_xml(phase.feeling.text)
        if phase.channels:
            facts += run_xml("\n") + run_xml(f"{labels['channels']}: ", bold=True) + run_xml(", ".join(phase.channels))
        body.paragraph(facts)
        body.paragraph(run_xml(labels["touchpoints"]), style="Heading 3")
        if not phase.touchpoints:
            body.paragraph(run_xml(labels["none"]))
        for item in phase.touchpoints:
            _item_bullet(body, item, labels)
        if phase.quotes:
            body.paragraph(run_xml(labels["quotes"]), style="Heading 3")
            for source in phase.quotes:
                _quote(body, source)
    if report.unphased:
        body.paragraph(run_xml(labels["no_phase"]), style="Heading 2")
        for item in report.unphased:
            _item_bullet(body, item, labels)


def moments(body: BodyXml, report: Report) -> None:
    labels = report.labels
    body.paragraph(run_xml(labels["lane.moments"]), style="Heading 1")
    body.paragraph(run_xml(labels["moments.intro"]))
    if not report.moments:
        body.paragraph(run_xml(labels["none"]))
    for number, item in enumerate(report.moments, start=1):
        body.paragraph(run_xml(f"{number}. {item.title}"), style="Heading 2")
        status = labels["hypothesis"] if item.hypothesis else item.backing
        meta = mark_xml(item.mark) + run_xml(f"{labels['phase']}: {item.phase_name} · {status}", colour=MUTED, size=9)
        body.paragraph(meta, keep_next=bool(item.design_question))
        if item.design_question:
            question = run_xml(f"{labels['design_question']}: ", bold=True) + run_xml(item.design_question)
            body.paragraph(question, style="Intense Quote")


def backstage(body: BodyXml, report: Report) -> None:
    labels = report.labels
    body.paragraph(run_xml(labels["lane.backstage"]), style="Heading 1")
    body.paragraph(run_xml(labels["backstage.intro"]))
    if not report.backstage:
        body.paragraph(run_xml(labels["none"]))
    for group in report.backstage:
        body.paragraph(run_xml(group.label), style="Heading 2")
        for item in group.items:
            _item_bullet(body, item, labels, phase=True)


def hypothesis(body: BodyXml, report: Report) -> None:
    """What the interviews did to the hypothesis (nothing when none was kept)."""
    section = report.hypothesis
    if section is None:
        return
    labels = report.labels
    body.paragraph(run_xml(labels["hyp.heading"]), style="Heading 1")
    body.paragraph(run_xml(section.intro))
    body.paragraph(run_xml(section.summary, italic=True, colour=MUTED, size=9))
    for group in section.groups:
        body.paragraph(run_xml(f"{group.label} ({len(group.entries)})"), style="Heading 2")
        if not group.entries:
            body.paragraph(run_xml(labels["none"]))
        for entry in group.entries:
            details = " · ".join(part for part in (entry.phase_name, entry.detail) if part)
            runs = run_xml(entry.title, bold=True) + run_xml(f"  {details}", colour=MUTED, size=9)
            body.paragraph(runs, style="List Bullet")


def checks(body: BodyXml, document: DocxDocument, report: Report) -> None:
    labels = report.labels
    body.paragraph(run_xml(labels["checks"]), style="Heading 1")
    if report.target_state:
        body.paragraph(run_xml(labels["state.target.note"], italic=True, colour=MUTED))
    if not report.findings:
        body.paragraph(run_xml(labels["checks.none"]))
        return
    width = usable_width(document.sections[-1]) - 1
    widths_mm = [22, 32, width - 94, 40]
    widths = [twips(mm) for mm in widths_mm]
    rows = [header_row(widths, [labels["severity"], labels["check"], labels["finding"], labels["subject"]])]
    for number, finding in enumerate(report.findings):
        warning = finding.severity == "warning"
        fill = ZEBRA_FILL if number % 2 else None
        texts = [
            run_xml(finding.severity_label, bold=warning, colour=HEART_RED if warning else MUTED, size=9),
            run_xml(finding.title, size=9),
            run_xml(finding.message, size=9),
            run_xml(finding.subject, size=9),
        ]
        cells = (cell_xml(w, paragraph_xml(t, space_after=1), fill=fill) for w, t in zip(widths, texts, strict=True))
        rows.append(row_xml(cells, cant_split=True))  # a finding is read whole, never across a page break
    body.add(table_xml(body.style("Table Grid"), widths_mm, rows))


def appendix(body: BodyXml, report: Report) -> None:
    """Every item with the notes behind it, participant and time first, for tracing."""
    labels = report.labels
    body.paragraph(run_xml(labels["appendix"]), style="Heading 1", page_break_before=True)
    body.paragraph(run_xml(labels["appendix.intro"]))
    for item in report.items:
        body.paragraph(run_xml(item.title), style="Heading 3")
        meta = f"{item.kind_label} · {item.phase_name} · {evidence_status(item, labels)}"
        body.paragraph(run_xml(meta, italic=True, size=9, colour=MUTED), style="Normal", keep_next=bool(item.evidence))
        for source in item.evidence:
            runs = run_xml(f"{source.participant} {source.time}  ", bold=True, size=9) + run_xml(
                source.as_evidence, size=9
            )
            if source.verified:
                runs += run_xml(f"  ({labels['verified']})", italic=True, size=9, colour=MUTED)
            body.paragraph(runs, style="List Bullet", space_after=1)
