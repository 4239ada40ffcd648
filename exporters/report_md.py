"""The journey report as Markdown (CommonMark + GFM tables + a Mermaid journey).

Pure layout of ``report_model.Report``: every figure comes from the model. Every piece of
user text goes through ``markdown_text.cell`` (escaped, one line), so a ``|``, ``#``,
backtick or HTML in a note can never break a table, a heading or a list.
"""

from __future__ import annotations

from .markdown_text import cell, table
from .mermaid import journey
from .report_md_change import areas_section, target_section
from .report_model import CellEntry, Item, Report, evidence_status

HEART = "❤️"
CLOUD = "⛈️"
SYMBOL = {"heart": HEART, "cloud": CLOUD}


def _entry(entry: CellEntry, labels) -> str:
    text = cell(entry.text)
    if entry.mark:
        text = f"{SYMBOL[entry.mark]} {text}"
    if entry.hypothesis:
        text = f"*{text}* ({labels['hypothesis']})"
    elif entry.backing:
        text += f" ({entry.backing})"
    if entry.override:
        text = f"*{text}*"
    return text


def _map_cell(lane: str, entries, labels) -> str:
    separator = " · " if lane == "channels" else "<br>"  # short words stay on one line
    return separator.join(_entry(e, labels) for e in entries) or " "


def _item_line(item: Item, labels) -> str:
    head = f"{SYMBOL[item.mark]} " if item.mark else ""
    parts = [f"{head}**{cell(item.title)}**"]
    if item.hypothesis:
        parts.append(f"*{labels['hypothesis']}*")
    else:
        parts.append(item.backing)
    if item.feeling.value is not None:
        parts.append(f"{labels['feeling'].lower()} {item.feeling.short}")
    if item.channels:
        parts.append(", ".join(cell(c) for c in item.channels))
    return "- " + " · ".join(parts)


def _quote(source, labels) -> str:
    return f"> {cell(source.quoted)} — {cell(source.participant)}, {source.time}"


def render(report: Report) -> str:
    """The whole report as one Markdown document."""
    labels = report.labels
    out: list[str] = [f"# {cell(report.title)}", "", f"*{labels['report']}*", ""]
    facts = [
        [labels["purpose"], cell(report.purpose) if report.purpose else "–"],
        [labels["scope"], report.scope],
        [labels["state"], report.state if report.state_set else f"**{report.state}**"],
        [labels["evidence.basis"], report.basis],
    ]
    if report.period:
        facts.append([labels["period"], report.period])
    if report.participant_codes:
        facts.append([labels["participants"], ", ".join(cell(c) for c in report.participant_codes)])
    facts.append([labels["generated"], report.generated.isoformat()])
    out += [table([labels["about"], " "], facts), "", f"> {labels['caveat']}", ""]

    # the map
    out += [f"## {labels['map']}", "", labels.f("legend", heart=HEART, cloud=CLOUD), ""]
    headers = [labels["lane"], *(f"{p.number}. {cell(p.name)}" for p in report.phases)]
    rows = [
        [f"**{row.label}**", *(_map_cell(row.lane, entries, labels) for entries in row.cells)]
        for row in report.map_rows
    ]
    out += [table(headers, rows) if report.phases else labels["none"], ""]

    # the curve
    out += [f"## {labels['lane.curve']}", "", labels["curve.intro"], ""]
    if any(phase.touchpoints for phase in report.phases):
        out += ["```mermaid", journey(report), "```", ""]
    curve_rows = []
    for phase in report.phases:
        feeling = phase.feeling
        curve_rows.append(
            [
                f"{phase.number}. {cell(phase.name)}",
                feeling.short,
                str(feeling.n),
                feeling.spread_text,
                cell(feeling.override_note) if feeling.override else " ",
            ]
        )
    curve_headers = [labels["phase"], labels["feeling"], labels["participants.n"], labels["spread"], labels["note"]]
    out += [table(curve_headers, curve_rows) if curve_rows else labels["none"], ""]
    out += _staff_view(report)

    # phase by phase
    out += [f"## {labels['phases']}", ""]
    if not report.phases:
        out += [labels["none"], ""]
    for phase in report.phases:
        out += [f"### {phase.number}. {cell(phase.name)}", ""]
        if phase.description:
            out += [f"*{cell(phase.description)}*", ""]
        out += [f"**{labels['feeling']}:** {phase.feeling.text}", ""]
        if phase.channels:
            out += [f"**{labels['channels']}:** " + ", ".join(cell(c) for c in phase.channels), ""]
        out += [f"**{labels['touchpoints']}**", ""]
        out += [_item_line(item, labels) for item in phase.touchpoints] or [labels["none"]]
        out.append("")
        if phase.quotes:
            out += [f"**{labels['quotes']}**", ""]
            for source in phase.quotes:
                out += [_quote(source, labels), ""]
    if report.unphased:
        out += [f"### {labels['no_phase']}", ""]
        out += [_item_line(item, labels) for item in report.unphased]
        out.append("")

    # moments of truth
    out += [f"## {labels['lane.moments']}", "", labels["moments.intro"], ""]
    if not report.moments:
        out += [labels["none"], ""]
    for item in report.moments:
        out += [f"### {cell(item.title)}", ""]
        out += [
            f"{labels['phase']}: {cell(item.phase_name)} · "
            + (labels["hypothesis"] if item.hypothesis else item.backing),
            "",
        ]
        if item.design_question:
            out += [f"> **{labels['design_question']}:** {cell(item.design_question)}", ""]

    # problem areas and next steps, then current against target
    out += areas_section(report)
    out += target_section(report)

    # backstage
    out += [f"## {labels['lane.backstage']}", "", labels["backstage.intro"], ""]
    if not report.backstage:
        out += [labels["none"], ""]
    for group in report.backstage:
        out += [f"### {group.label}", ""]
        for item in group.items:
            out.append(_item_line(item, labels) + f" · {cell(item.phase_name)}")
        out.append("")

    out += _hypothesis(report)

    # method checks
    out += [f"## {labels['checks']}", ""]
    if report.target_state:
        out += [f"*{labels['state.target.note']}*", ""]
    if report.findings:
        rows = [
            [
                f"**{f.severity_label}**" if f.severity == "warning" else f.severity_label,
                cell(f.title),
                cell(f.message),
                cell(f.subject) if f.subject else " ",
            ]
            for f in report.findings
        ]
        out += [table([labels["severity"], labels["check"], labels["finding"], labels["subject"]], rows), ""]
    else:
        out += [labels["checks.none"], ""]

    # evidence appendix
    out += [f"## {labels['appendix']}", "", labels["appendix.intro"], ""]
    for item in report.items:
        status = cell(evidence_status(item, labels))
        out += [f"### {cell(item.title)}", "", f"*{item.kind_label} · {cell(item.phase_name)} · {status}*", ""]
        for source in item.evidence:
            verified = f" *({labels['verified']})*" if source.verified else ""
            out.append(f"- {cell(source.participant)} {source.time} — {cell(source.as_evidence)}{verified}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _staff_view(report: Report) -> list[str]:
    """The staff view under the customer curve: its own heading and table, never mixed in."""
    if not report.staff_heading:
        return []
    labels = report.labels
    rows = [
        [
            f"{phase.number}. {cell(phase.name)}",
            phase.staff_feeling.short,
            str(phase.staff_feeling.n),
            phase.staff_feeling.spread_text,
        ]
        for phase in report.phases
        if phase.staff_feeling is not None
    ]
    headers = [labels["phase"], labels["feeling"], labels["participants.n"], labels["spread"]]
    return [f"### {report.staff_heading}", "", labels["staff.intro"], "", table(headers, rows), ""]


def _hypothesis(report: Report) -> list[str]:
    """What the interviews did to the hypothesis: one list an outcome, then what no one expected."""
    section = report.hypothesis
    if section is None:
        return []
    labels = report.labels
    out = [f"## {labels['hyp.heading']}", "", section.intro, "", f"*{section.summary}*", ""]
    for group in section.groups:
        out += [f"### {group.label} ({len(group.entries)})", ""]
        for entry in group.entries:
            parts = [f"**{cell(entry.title)}**", cell(entry.phase_name)] + (
                [cell(entry.detail)] if entry.detail else []
            )
            out.append("- " + " · ".join(parts))
        out += [labels["none"]] if not group.entries else []
        out.append("")
    return out
