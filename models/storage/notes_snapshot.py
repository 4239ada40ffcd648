"""An interview's notes snapshot read for an export: JSON parsed and every note validated in one pass.

An export reads every note of the study once (at 50,000 notes, most of its time). The ordinary
way, ``parse_snapshot`` builds a dict per note and ``InterviewSession`` then validates the dicts;
here pydantic-core reads the bytes straight into ``Note`` models: the same model, the same (lax)
validation, no dicts in between. Anything unusual (a note that fails, a damaged table, a newer
format) goes the ordinary way instead, so a damaged file gets exactly the error it always got, and
a note the journal replaces is still only validated in its final form (``InterviewSession``).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from trodden.models.domain import Note

from .snapshot import Tables, checked_tables, parse_snapshot


class _NotesSnapshot(BaseModel):
    """A notes snapshot: the notes table validated, every other table (``_meta``, events) as parsed."""

    model_config = ConfigDict(extra="allow")

    notes: dict[str, Note] = {}


def parse_notes_snapshot(raw: bytes, path: Path) -> tuple[Tables, int]:
    """``parse_snapshot`` with the ``notes`` table's documents as validated ``Note`` models."""
    try:
        snapshot = _NotesSnapshot.model_validate_json(raw)
    except (ValidationError, ValueError):  # damaged, or a note that is not valid (yet): the ordinary way says
        return parse_snapshot(raw, path)
    data: dict = dict(snapshot.model_extra or {})
    if "notes" in snapshot.model_fields_set:
        data["notes"] = snapshot.notes
    try:
        return checked_tables(data, path, (dict, Note))
    except Exception:  # named by the ordinary way, from the bytes as they are
        return parse_snapshot(raw, path)
