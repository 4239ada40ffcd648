"""Every note as one flat row of text, for the CSV export.

A row is a ``NamedTuple``: the CSV writer takes it as it is, with no copying, and the
field names are the CSV's column keys. The study and its map are redacted as a whole first
(``redacted.export_inputs``) unless the export is private, as for every format; a note's text
fields are redacted as its row is made (``SHOWN``), each with the same redaction. A row shows no
other text of a note (``NOT_SHOWN``: its typed history), and ``tests/test_redaction_fields.py``
fails on a note text field in neither list, so a new one is looked at before a CSV can carry it.
"""

from __future__ import annotations

from typing import NamedTuple

from trodden.models.domain import Interview, Note
from trodden.models.map.journey_map import JourneyMap
from trodden.models.storage.study_file import StudyFile

from .redacted import export_inputs, no_redaction, study_redactors

SHOWN = ("text", "remark", "channels", "tags")
"""A note's text fields a row shows, each passed through the study's redaction (unless private)."""
NOT_SHOWN = ("history",)
"""A note's text fields no row shows (so they are not redacted for the CSV: they never reach it)."""


class NoteRow(NamedTuple):
    """One note as a spreadsheet row (CSV)."""

    interview: str
    participant: str
    t: str
    """time into the interview as ``h:mm:ss`` (``0:12:30``): a spreadsheet reads it as a duration"""
    seconds: str
    """the same time in whole seconds, for calculations"""
    kinds: str
    valence: str
    channels: str
    tags: str
    theme: str
    phase: str
    map_item: str
    text: str
    remark: str = ""
    """a quote's words after its closing mark: the note-taker's own, not the customer's"""


def _valence(value: int | None) -> str:
    return "" if value is None else f"{value:+d}" if value else "0"


class _Printed(dict[int | None, str]):
    """Feelings as printed, each once; one outside -2..+2 (never stored) printed when met."""

    def __missing__(self, value: int | None) -> str:
        return _valence(value)


VALENCE = _Printed({value: _valence(value) for value in (None, -2, -1, 0, 1, 2)})
"""Every feeling a note can have (``Valence`` is -2..+2), printed once: ``VALENCE[note.valence]``."""


def _duration(seconds: float) -> tuple[str, str]:
    """``("0:12:30", "750")``: hours always written, so ``12:30`` is never read as half past twelve."""
    whole = max(int(seconds), 0)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}", str(whole)


def note_rows(
    data: StudyFile,
    interviews: list[Interview],
    notes: dict[str, list[Note]],
    journey: JourneyMap,
    *,
    private: bool = False,
    language: str | None = None,
) -> list[NoteRow]:
    """Every (non-deleted) note as a row, with its theme, phase on the map and map items
    (personal details redacted unless ``private``)."""
    inputs = export_inputs(data, interviews, {}, journey, private=private, language=language)
    # a note's SHOWN fields, as rows are made: its text (seldom repeated) without remembering answers
    redact, redact_text = (no_redaction, no_redaction) if private else study_redactors(data, language)
    data, interviews, journey = inputs.data, inputs.interviews, inputs.journey
    participant_of = {interview.id: interview.participant for interview in interviews}
    phase_name = {phase.id: phase.name for phase in data.phases}
    theme_title = {theme.id: theme.title for theme in data.guide.themes}
    items_of: dict[str, list[str]] = {}
    phase_of: dict[str, str] = {}
    for item in sorted(journey.items, key=lambda item: (item.order, item.id)):
        title = item.title
        for note_id in item.evidence:
            items_of.setdefault(note_id, []).append(title)
            if item.phase and note_id not in phase_of:
                phase_of[note_id] = item.phase
    times: dict[float, tuple[str, str]] = {}  # interviews share their times (a note every ten seconds...)
    make = NoteRow._make  # one C-level tuple build a row; 50,000 rows make every step count
    rows = []
    append = rows.append
    for interview in interviews:
        default_participant = interview.participant
        for note in notes.get(interview.id, ()):
            if note.deleted:
                continue
            note_id, phase, theme, t = note.id, note.phase, note.theme, note.t
            phase = phase_of.get(note_id, phase) or ""
            theme = theme or ""
            duration, seconds = times.get(t) or times.setdefault(t, _duration(t))
            kinds, channels, tags, remark = note.kinds, note.channels, note.tags, note.remark
            append(
                make(
                    (
                        interview.id,
                        participant_of.get(note.interview, default_participant),
                        duration,
                        seconds,
                        ", ".join(kinds) if kinds else "",  # StrEnum: each kind joins as its value
                        VALENCE[note.valence],
                        ", ".join(map(redact, channels)) if channels else "",
                        ", ".join(map(redact, tags)) if tags else "",
                        theme_title.get(theme, theme),
                        phase_name.get(phase, phase),
                        "; ".join(items_of[note_id]) if note_id in items_of else "",
                        redact_text(note.text),
                        redact(remark) if remark else "",
                    )
                )
            )
    return rows
