"""The report's problem areas, priority matrix and current-vs-target section, from the change plan.

Pure, like ``report_assemble``: the plan given here is already redacted with the rest of the
study, every figure (n of N customers, the curve in an area's phase) is computed by
``models.change`` from the same notes index and map the rest of the report uses.
"""

from __future__ import annotations

from trodden.models.change.areas import area_evidence, map_says
from trodden.models.change.plan import ChangePlan, ProblemArea
from trodden.models.change.priority import quadrant, sorted_areas
from trodden.models.change.target import compare
from trodden.models.map.curve import staff_curve

from .report_evidence import EvidenceBuilder
from .report_model import AreaSection, IdeaLine, TargetCurvePoint, TargetRow, TargetSection, signed


def _short(value: float | None) -> str:
    return signed(value) if value is not None else "–"


def area_sections(plan: ChangePlan, build: EvidenceBuilder) -> tuple[AreaSection, ...]:
    """Every problem area in the group's saved order, numbered from 1."""
    labels, index, journey = build.labels, build.index, build.journey
    curve = list(build.curve.values())
    sections = []
    for number, area in enumerate(sorted_areas(plan.areas), start=1):
        evidence = area_evidence(area, index, journey)
        says = map_says(area, evidence, journey, curve, _staff_points(build))
        by_type = ", ".join(f"{segment or labels['type.unset']} {n}" for segment, n in evidence.by_type)
        status = labels.f("backing", n=evidence.n, N=evidence.total)
        if evidence.by_type and any(segment for segment, _ in evidence.by_type):
            status += f": {by_type}"
        notes = {note.id: note for note in evidence.notes}
        spot = quadrant(area)
        sections.append(
            AreaSection(
                number=number,
                title=area.title,
                source=_source(area, build),
                phase_name=build.phase_name.get(area.phase or "", ""),
                experience=area.experience,
                design_questions=tuple(area.design_questions),
                quotes=tuple(build.source(notes[q]) for q in area.quotes if q in notes),
                evidence=status,
                n=evidence.n,
                total=evidence.total,
                says=_says(says, labels),
                impact=area.impact,
                effort=area.effort,
                quadrant=spot.value,
                quadrant_label=labels[f"quadrant.{spot.value}"],
                priority=_priority(area, labels, spot.value),
                ideas=tuple(
                    IdeaLine(
                        kind=idea.kind.value,
                        kind_label=labels[f"idea.{idea.kind.value}"],
                        text=idea.text,
                        owner=idea.owner,
                        status=idea.status.value,
                        status_label=labels[f"status.{idea.status.value}"],
                        effect=idea.effect,
                        outcome=idea.outcome,
                    )
                    for idea in plan.ideas_of(area.id)
                ),
            )
        )
    return tuple(sections)


def _staff_points(build: EvidenceBuilder):
    return staff_curve(build.phases, build.index, build.journey) if build.index.staff else []


def _source(area: ProblemArea, build: EvidenceBuilder) -> str:
    label = build.labels[f"source.{area.source.value}"]
    if area.source_ref.isdigit():
        item = build.journey.item(int(area.source_ref))
        if item is not None and item.title != area.title:
            return f"{label} · {item.title}"
    return label


def _says(says, labels) -> str:
    parts = []
    if says.depth is not None:
        parts.append(labels.f("says.depth", value=labels.number(signed(says.depth))))
    if says.clouds:
        parts.append(labels.f("says.clouds", titles=", ".join(says.clouds)))
    if says.staff_feeling is not None:
        value = labels.number(signed(says.staff_feeling))  # the phase's staff feeling, in the language's form
        if says.staff_backing:  # staff who back the area itself; "0 staff behind it" read as a contradiction
            parts.append(labels.f("says.staff", value=value, n=says.staff_backing))
        else:
            parts.append(labels.f("says.staff_phase", value=value))
    return " · ".join(parts) or labels["feeling.none"]


def _priority(area: ProblemArea, labels, spot: str) -> str:
    if area.impact is None or area.effort is None:
        return labels["priority.unset"]
    return f"{labels['impact']} {area.impact} · {labels['effort']} {area.effort} · {labels[f'quadrant.{spot}']}"


def matrix_alt(areas: tuple[AreaSection, ...], labels) -> str:
    placed = [
        f"{a.number} {a.title} ({labels['impact'].lower()} {a.impact}, {labels['effort'].lower()} {a.effort})"
        for a in areas
        if a.impact is not None and a.effort is not None
    ]
    return labels.f("matrix.alt", areas="; ".join(placed) or labels["none"])


def target_section(plan: ChangePlan, build: EvidenceBuilder, areas: tuple[AreaSection, ...]) -> TargetSection | None:
    """The comparison of the target map with the current one; None while there is no target map."""
    if not plan.has_target:
        return None
    labels = build.labels
    comparison = compare(plan, build.phases, build.journey, list(build.curve.values()))
    numbers = {area.id: number for number, area in enumerate(sorted_areas(plan.areas), start=1)}
    titles = {a.number: a.title for a in areas}
    rows = tuple(
        TargetRow(
            fate=row.fate.value,
            fate_label=labels[f"fate.{row.fate.value}"],
            phase_name=build.phase_name.get(row.phase or "", labels["no_phase"]),
            current=row.current,
            target=row.target,
            change=row.change,
            answers="; ".join(f"{numbers[a]}. {titles[numbers[a]]}" for a in row.areas if a in numbers),
        )
        for row in comparison.changes
    )
    curve = tuple(
        TargetCurvePoint(
            phase_name=build.phase_name.get(pair.phase, pair.phase),
            current=pair.current,
            target=pair.target,
            current_short=_short(pair.current),
            target_short=_short(pair.target),
            reason=pair.reason,
        )
        for pair in comparison.curve
    )
    values = "; ".join(f"{p.phase_name} {p.current_short} → {p.target_short}" for p in curve)
    return TargetSection(
        changes=rows,
        kept=labels.f("target.kept", n=comparison.kept),
        curve=curve,
        alt=labels.f("target.alt", values=values),
    )
