"""Every note as one flat row of text, for the CSV export.

A row is a ``NoteRow``; its field names are the CSV's column keys. The CLI never makes the rows:
``note_columns`` builds the same cells column by column (one pass over the notes a column, the
texts redacted as one column, ``Redactor.redact_many``), which the CSV writer writes as they are.
The study and its map are redacted as a whole first (``redacted.export_inputs``) unless the export
is private, as for every format; a note's text fields are redacted as their columns are made
(``SHOWN``), each with the same redaction. A row shows no other text of a note (``NOT_SHOWN``: its
typed history), and ``tests/test_redaction_fields.py`` fails on a note text field in neither list,
so a new one is looked at before a CSV can carry it.
"""

from __future__ import annotations

from itertools import repeat
from typing import NamedTuple

from trodden.models.domain import Interview, Note
from trodden.models.map.journey_map import JourneyMap
from trodden.models.notes.redact_models import Redact
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


Columns = list[list[str]]
"""The rows' cells column by column, in ``NoteRow._fields`` order: what ``csv_export.render_columns`` writes."""


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
    columns = note_columns(data, interviews, notes, journey, private=private, language=language)
    return list(map(NoteRow._make, zip(*columns, strict=True)))


def note_columns(
    data: StudyFile,
    interviews: list[Interview],
    notes: dict[str, list[Note]],
    journey: JourneyMap,
    *,
    private: bool = False,
    language: str | None = None,
) -> Columns:
    """``note_rows`` column by column: the notes are read in one pass (each note's fields while it
    is at hand: at 50,000 notes a pass per column cost twice as much), each column finished from
    what was read; no row is ever made (50,000 tuples cost more than their cells)."""
    inputs = export_inputs(data, interviews, {}, journey, private=private, language=language)
    # a note's SHOWN fields: what repeats (channels, tags, remarks) through a memo, the texts as a column
    redact, redact_texts = (no_redaction, list) if private else study_redactors(data, language)
    data, interviews, journey = inputs.data, inputs.interviews, inputs.journey
    participant_of = {interview.id: interview.participant for interview in interviews}
    interview_ids: list[str] = []
    read: list[list] = [[] for _ in range(11)]
    (participants, times, kinds, valences, channels, tags, ids, phases, themes, texts, remarks) = read
    add = [column.append for column in read]
    (add_participant, add_t, add_kinds, add_valence, add_channels) = add[:5]
    (add_tags, add_id, add_phase, add_theme, add_text, add_remark) = add[5:]
    for interview in interviews:
        interview_id, default_participant = interview.id, interview.participant
        before = len(ids)
        for note in notes.get(interview_id, ()):
            if note.deleted:
                continue
            add_participant(participant_of.get(note.interview, default_participant))
            add_t(note.t)
            add_kinds(note.kinds)
            add_valence(note.valence)
            add_channels(note.channels)
            add_tags(note.tags)
            add_id(note.id)
            add_phase(note.phase)
            add_theme(note.theme or "")
            add_text(note.text)
            add_remark(note.remark)
        interview_ids += [interview_id] * (len(ids) - before)
    # interviews share their times (a note every ten seconds): each written once
    clock = {t: _duration(t) for t in set(times)}
    phase_of, items_of = _on_the_map(journey)
    phases = [phase or "" for phase in map(phase_of.get, ids, phases)]
    phase_name = {phase.id: phase.name for phase in data.phases}
    theme_title = {theme.id: theme.title for theme in data.guide.themes}
    return [
        interview_ids,
        participants,
        [clock[t][0] for t in times],
        [clock[t][1] for t in times],
        list(map(", ".join, kinds)),  # StrEnum: each kind joins as its value
        list(map(VALENCE.__getitem__, valences)),
        _cells(channels, redact),
        _cells(tags, redact),
        list(map(theme_title.get, themes, themes)),
        list(map(phase_name.get, phases, phases)),
        list(map(items_of.get, ids, repeat(""))),
        redact_texts(texts),
        list(map({remark: redact(remark) for remark in set(remarks) if remark}.get, remarks, remarks)),
    ]


def _cells(lists: list[list[str]], redact: Redact) -> list[str]:
    """Each note's kinds, channels or tags, each word redacted, in one cell (``web, chat``): each
    distinct list written once (a study repeats a few dozen), the cells then looked up in C."""
    if redact is no_redaction:
        return list(map(", ".join, lists))
    keys = list(map(tuple, lists))
    cell = {key: ", ".join(map(redact, key)) for key in set(keys)}
    return list(map(cell.__getitem__, keys))


def _on_the_map(journey: JourneyMap) -> tuple[dict[str, str], dict[str, str]]:
    """Each note's phase on the map (its first item's with one) and the titles of the items it is
    evidence for, in map order (``Delivery; Unboxing``)."""
    titles: dict[str, list[str]] = {}
    phase_of: dict[str, str] = {}
    for item in sorted(journey.items, key=lambda item: (item.order, item.id)):
        title = item.title
        for note_id in item.evidence:
            titles.setdefault(note_id, []).append(title)
            if item.phase and note_id not in phase_of:
                phase_of[note_id] = item.phase
    return phase_of, {note_id: "; ".join(names) for note_id, names in titles.items()}
