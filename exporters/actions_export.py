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
from .i18n import Labels
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


def render_text(rows: list[ActionRow], language: str = "en") -> str:
    """For a stand-up: an area heading, then one line an idea (status, owner, what, effect), the fixed
    words (status, kind) in ``language``."""
    labels = Labels(language)
    if not rows:
        return labels["actions.none"] + "\n"
    out: list[str] = []
    area = None
    for row in rows:
        if row.area_number != area:
            area = row.area_number
            out += ["" if out else None, f"{row.area_number}. {' '.join(row.area.split())}"]
        status, kind = labels[f"status.{row.status}"], labels[f"idea.{row.kind}"].lower()
        line = f"  [{status}] {row.owner or '--'}  {kind}: {' '.join(row.idea.split())}"
        if row.effect:
            line += f"  → {' '.join(row.effect.split())}"
        if row.outcome:
            line += f"  ({labels.f('actions.happened', what=' '.join(row.outcome.split()))})"
        out.append(line)
    return "\n".join(line for line in out if line is not None) + "\n"


def render_md(rows: list[ActionRow], language: str = "en") -> str:
    """A page: the same rows as a table, headings and fixed words in ``language``."""
    labels = Labels(language)
    headers = ["#", labels["actions.area"], labels["idea.kind"], labels["idea.text"], labels["idea.owner"]]
    headers += [labels["idea.status"], labels["idea.effect"], labels["idea.outcome"]]
    body = [
        [cell(value) for value in astuple(row)[:2]]
        + [cell(labels[f"idea.{row.kind}"]), cell(row.idea), cell(row.owner), cell(labels[f"status.{row.status}"])]
        + [cell(row.effect), cell(row.outcome)]
        for row in rows
    ]
    return f"# {labels['area.ideas']}\n\n" + (table(headers, body) if rows else labels["actions.none_md"]) + "\n"


def render_csv(rows: list[ActionRow]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows([_defuse(v) if v[:1] in _FORMULA_START else v for v in astuple(row)] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
