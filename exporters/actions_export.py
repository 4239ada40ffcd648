"""The ideas and actions of every problem area as a list: for a stand-up (text), a backlog
tool (CSV) or a page (Markdown). ``trodden actions`` prints it.

Like every export, user text is redacted unless ``private``; the CSV follows ``csv_export``
(UTF-8 with BOM, CRLF, formula cells defused) with stable English column keys.
"""

from __future__ import annotations

import csv
import io
from dataclasses import astuple, dataclass, fields

from trodden.models.change.plan import ChangePlan, IdeaStatus
from trodden.models.change.priority import sorted_areas
from trodden.models.notes.redact_models import redact_model
from trodden.models.storage.study_file import StudyFile

from .csv_export import _FORMULA_START, _defuse
from .markdown_text import cell, table
from .redacted import study_redactor

OPEN = (IdeaStatus.IDEA, IdeaStatus.TRYING, IdeaStatus.DECIDED)


@dataclass(frozen=True)
class ActionRow:
    area_number: str
    area: str
    kind: str
    idea: str
    owner: str
    status: str
    effect: str
    outcome: str


def action_rows(
    data: StudyFile, plan: ChangePlan, *, private: bool = False, open_only: bool = False
) -> list[ActionRow]:
    """Every idea under its area, areas in the group's order; redacted unless ``private``."""
    if not private:
        plan = redact_model(plan, study_redactor(data))
    rows = []
    for number, area in enumerate(sorted_areas(plan.areas), start=1):
        for idea in plan.ideas_of(area.id):
            if open_only and idea.status not in OPEN:
                continue
            rows.append(
                ActionRow(
                    str(number),
                    area.title,
                    idea.kind.value,
                    idea.text,
                    idea.owner,
                    idea.status.value,
                    idea.effect,
                    idea.outcome,
                )
            )
    return rows


HEADERS = [f.name.replace("_", " ") for f in fields(ActionRow)]


def render_text(rows: list[ActionRow]) -> str:
    """For a stand-up: an area heading, then one line an idea (status, owner, what, effect)."""
    if not rows:
        return "No ideas or actions yet.\n"
    out: list[str] = []
    area = None
    for row in rows:
        if row.area_number != area:
            area = row.area_number
            out += ["" if out else None, f"{row.area_number}. {' '.join(row.area.split())}"]
        line = f"  [{row.status}] {row.owner or '--'}  {row.kind.replace('_', ' ')}: {' '.join(row.idea.split())}"
        if row.effect:
            line += f"  → {' '.join(row.effect.split())}"
        if row.outcome:
            line += f"  (happened: {' '.join(row.outcome.split())})"
        out.append(line)
    return "\n".join(line for line in out if line is not None) + "\n"


def render_md(rows: list[ActionRow]) -> str:
    body = [[cell(value) for value in astuple(row)] for row in rows]
    return "# Ideas and actions\n\n" + (table([h.capitalize() for h in HEADERS], body) if rows else "None yet.") + "\n"


def render_csv(rows: list[ActionRow]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows([_defuse(v) if v[:1] in _FORMULA_START else v for v in astuple(row)] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
