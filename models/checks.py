"""Method checks: where the study strays from the journey-mapping method.

Minimal stand-in with the shared contract (``Finding``, ``run_checks``); the mapping
work supplies the full set of checks. Each finding has a stable code, a severity and a
one-line reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .domain import Interview
from .journey_map import ItemKind, JourneyMap, Mark, NotesIndex
from .store import StudyFile


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Literal["warning", "info"]
    message: str
    subject: str = ""


def _count_check(code: str, what: str, count: int, low: int, high: int) -> list[Finding]:
    if low <= count <= high:
        return []
    return [Finding(code, "warning", f"{what} on the map: {count}; the method suggests {low}-{high}")]


def run_checks(data: StudyFile, interviews: list[Interview], index: NotesIndex, journey: JourneyMap) -> list[Finding]:
    findings: list[Finding] = []
    if data.study.state is None:
        findings.append(Finding("state-unset", "warning", "choose whether the map shows the current or target state"))
    hearts = sum(1 for item in journey.items if item.mark is Mark.HEART)
    clouds = sum(1 for item in journey.items if item.mark is Mark.CLOUD)
    moments = sum(1 for item in journey.items if item.kind is ItemKind.MOMENT)
    findings += _count_check("hearts-count", "Hearts", hearts, 3, 5)
    findings += _count_check("clouds-count", "Thunderclouds", clouds, 3, 5)
    findings += _count_check("moments-count", "Moments of truth", moments, 2, 4)
    for item in journey.items:
        if item.is_hypothesis:
            findings.append(
                Finding("no-evidence", "info", "no interview backs this item yet (hypothesis)", subject=item.title)
            )
    return findings
