"""Notes typed outside trodden (an editor, paper): one note a line in the capture syntax.

Each line may start with a timestamp (``mm:ss`` or ``hh:mm:ss``); ``/theme`` and
``/phase`` lines set the theme and phase of the notes after them; blank lines are
ignored. A line that cannot be understood is kept as plain text and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from trodden.models.domain import Note, Revision
from trodden.models.storage.study_file import StudyFile

from .syntax import Command, NoteDraft, parse, unbullet

_TIMESTAMP = re.compile(r"^\s*(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:\s+|$)")


@dataclass(frozen=True)
class ImportedNote:
    line_number: int
    raw: str
    draft: NoteDraft
    t: float | None
    theme: str | None
    phase: str | None


@dataclass
class ImportResult:
    notes: list[ImportedNote] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """One readable line per thing not understood (the line is still kept as a note)."""
    pauses: list[float] = field(default_factory=list)
    end: float | None = None


def parse_timestamp(line: str) -> tuple[float | None, str]:
    """(seconds, rest of the line); seconds is None when the line has no timestamp."""
    match = _TIMESTAMP.match(line)
    if not match:
        return None, line
    hours, minutes, seconds = match.groups()
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        return None, line
    total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return float(total), line[match.end() :]


def parse_notes_text(text: str, study: StudyFile, *, bullets_are_clouds: bool | None = None) -> ImportResult:
    """Parse a notes file against ``study`` (for resolving theme and phase names).

    A line's leading ``- `` is a list bullet, not a thundercloud, unless ``bullets_are_clouds``
    (by default the study's setting): a notes file is a document, not lines typed in capture.
    """
    clouds = study.study.bullets_are_clouds if bullets_are_clouds is None else bullets_are_clouds
    result = ImportResult()
    theme: str | None = None
    phase: str | None = None
    last_t: float | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        t, rest = parse_timestamp(line)
        if t is not None and last_t is not None and t < last_t:
            result.problems.append(f"line {number}: time {rest and line.split()[0]} is earlier than the line before")
        if t is not None:
            last_t = t
        if not clouds:
            rest = unbullet(rest)
        parsed = parse(rest)
        if isinstance(parsed, Command):
            if parsed.name == "theme":
                found = study.guide.find_theme(parsed.arg)
                if found is not None:
                    theme = found.id
                    continue
                result.problems.append(f"line {number}: no guide theme {parsed.arg!r}; kept as a note")
            elif parsed.name == "phase":
                found_phase = study.find_phase(parsed.arg)
                if found_phase is not None:
                    phase = found_phase.id
                    continue
                result.problems.append(f"line {number}: no phase {parsed.arg!r}; kept as a note")
            elif parsed.name in ("pause", "resume"):
                continue
            elif parsed.name == "end":
                result.end = t
                continue
            else:
                result.problems.append(f"line {number}: unknown command /{parsed.name}; kept as a note")
            parsed = NoteDraft(text=rest.strip())
        if parsed.is_empty:
            result.problems.append(f"line {number}: markers with no words; kept as plain text")
            parsed = NoteDraft(text=rest.strip())
        result.notes.append(ImportedNote(number, rest.strip(), parsed, t if t is not None else last_t, theme, phase))
    return result


def imported_notes(result: ImportResult, interview_id: str, start: datetime) -> list[Note]:
    """The parsed lines as notes of ``interview_id``; a line without a time takes the last one."""
    notes = []
    for seq, item in enumerate(result.notes, start=1):
        t = item.t or 0.0
        wall = start + timedelta(seconds=t)
        notes.append(
            Note.from_draft(
                item.draft,
                interview=interview_id,
                seq=seq,
                t=t,
                wall=wall,
                history=[Revision(at=wall, raw=item.raw)],
                phase=item.phase,
                theme=item.theme,
            )
        )
    return notes
