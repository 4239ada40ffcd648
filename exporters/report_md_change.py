"""The Markdown report's problem areas (with the priority matrix as a table) and the
current-vs-target section, laid out from ``report_model``. User text goes through
``markdown_text.cell``/``escape`` like the rest of the report."""

from __future__ import annotations

from .markdown_text import cell, escape, table
from .report_model import AreaSection, Report

LEVELS = range(1, 6)


def matrix_table(report: Report) -> str:
    """Impact rows (5 at the top) against effort columns (1 to 5); a cell lists the areas' numbers."""
    labels = report.labels
    headers = [f"{labels['impact']} ↓ / {labels['effort']} →", *(str(e) for e in LEVELS)]
    rows = []
    for impact in reversed(LEVELS):
        cells = [
            ", ".join(str(a.number) for a in report.areas if a.impact == impact and a.effort == effort) or " "
            for effort in LEVELS
        ]
        rows.append([f"**{impact}**", *cells])
    return table(headers, rows)


def _area(area: AreaSection, report: Report) -> list[str]:
    labels = report.labels
    where = " · ".join(part for part in (cell(area.source), cell(area.phase_name) if area.phase_name else "") if part)
    out = [f"### {area.number}. {cell(area.title)}", "", f"*{where}*", ""]
    if area.experience:
        out += [f"**{labels['area.experience']}:** {escape(area.experience)}", ""]
    for source in area.quotes:
        out += [f"> {cell(source.quoted)} — {cell(source.participant)}, {source.time}", ""]
    if area.design_questions:
        out += [f"**{labels['area.questions']}**", ""]
        out += [f"- {cell(question)}" for question in area.design_questions]
        out.append("")
    out += [
        f"**{labels['area.evidence']}:** {cell(area.evidence)}  ",
        f"**{labels['area.says']}:** {cell(area.says)}  ",
        f"**{labels['area.priority']}:** {cell(area.priority)}",
        "",
        f"**{labels['area.ideas']}**",
        "",
    ]
    if not area.ideas:
        return [*out, labels["idea.none"], ""]
    headers = [
        labels["idea.kind"],
        labels["idea.text"],
        labels["idea.owner"],
        labels["idea.status"],
        labels["idea.effect"],
        labels["idea.outcome"],
    ]
    rows = [
        [idea.kind_label, cell(idea.text), cell(idea.owner), idea.status_label, cell(idea.effect), cell(idea.outcome)]
        for idea in area.ideas
    ]
    return [*out, table(headers, rows), ""]


def areas_section(report: Report) -> list[str]:
    """ "Problem areas and next steps": the matrix, then every area in the group's order."""
    labels = report.labels
    out = [f"## {labels['areas']}", "", labels["areas.intro"], ""]
    if not report.areas:
        return [*out, labels["areas.none"], ""]
    out += [f"### {labels['matrix']}", "", labels["matrix.intro"], "", matrix_table(report), ""]
    for area in report.areas:
        out += _area(area, report)
    return out


def target_section(report: Report) -> list[str]:
    """Current against target: what changes (and which area it answers), then the two curves."""
    target = report.target
    if target is None:
        return []
    labels = report.labels
    out = [f"## {labels['target']}", "", labels["target.intro"], ""]
    if target.changes:
        headers = [
            labels["target.what"],
            labels["phase"],
            labels["target.current"],
            labels["target.target"],
            labels["target.change"],
            labels["target.answers"],
        ]
        rows = [
            [
                row.fate_label,
                cell(row.phase_name),
                cell(row.current),
                cell(row.target),
                cell(row.change),
                cell(row.answers),
            ]
            for row in target.changes
        ]
        out += [table(headers, rows), ""]
    else:
        out += [labels["target.none"], ""]
    out += [target.kept, "", f"### {labels['target.curve']}", ""]
    headers = [labels["phase"], labels["target.current"], labels["target.target"], labels["target.reason"]]
    rows = [[cell(p.phase_name), p.current_short, p.target_short, cell(p.reason)] for p in target.curve]
    return [*out, table(headers, rows), ""]
