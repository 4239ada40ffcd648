"""One interview's notes as the group reads them: the single model both formats render.

Everything that needs deciding is decided here (what is redacted, how notes are grouped,
which marks a note gets, what goes in the closing lists), so the Markdown and Word
renderers only lay it out and can never disagree, or leak, differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from trodden.models.domain import Interview, InterviewStatus, Kind, Note
from trodden.models.notes.cleaning import original_text, quote_changed, reading_order, text_changed
from trodden.models.notes.marks import CLOUD, HEART, KIND_SYMBOLS
from trodden.models.notes.redact_models import redact_all, redact_model
from trodden.models.notes.syntax import find_tokens
from trodden.models.storage.study_file import StudyFile
from trodden.models.transcript.model import Transcript

from .interview_transcript import TranscriptSection, transcript_section
from .interview_words import LABELS
from .redacted import study_redactor

KIND_MARKS: dict[Kind, str] = {kind: symbol for kind, symbol in KIND_SYMBOLS.items() if kind is not Kind.QUOTE}
"""Quotes need no mark: they are set in quotation marks."""
EDITED = "✎"
CHECKED = "✓"
_UNSTORABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")
"""Code points no UTF-8 file or Word XML can hold (lone surrogates, non-characters)."""
OPEN_TAGS = frozenset({"open", "todo", "öppen", "oppen", "åben", "aben", "check"})


@dataclass(frozen=True)
class ExportNote:
    """A note ready to lay out: every string already redacted (unless private)."""

    time: str
    marks: str
    """Kind and feeling marks, e.g. ``◆ ♥``; the quote itself is shown by quotation marks."""
    text: str
    is_quote: bool
    channels: tuple[str, ...]
    tags: tuple[str, ...]
    phase: str | None
    theme: str | None
    edited: bool
    """A quote whose words changed during cleaning and were not checked verbatim."""
    checked: bool
    as_typed: str | None
    """The words as typed in the interview, when they changed and changes are shown."""
    remark: str = ""
    """A quote's words after its closing mark (``sa hon``): shown after the quotation marks."""


@dataclass(frozen=True)
class Section:
    title: str
    notes: tuple[ExportNote, ...]


@dataclass(frozen=True)
class InterviewNotes:
    """An interview's notes for the group: header facts, sections, closing lists."""

    labels: dict[str, str]
    journey: str
    header: tuple[tuple[str, str], ...]
    """(label, value) pairs: participant code, date, duration, initials, status."""
    warnings: tuple[str, ...]
    legend: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...]
    follow_ups: tuple[ExportNote, ...]
    open_points: tuple[tuple[ExportNote, str], ...]
    """(note, why it is open)."""
    redacted: bool
    file_stem: str = ""
    notes_count: int = field(default=0)
    language: str = "en"
    transcript: TranscriptSection | None = None
    """The recording's transcript (``--with-transcript``), redacted like the notes."""

    @property
    def title(self) -> str:
        return f"{self.labels['title']}: {self.participant}"

    @property
    def participant(self) -> str:
        return dict(self.header).get(self.labels["participant"], "")


def mm_ss(seconds: float) -> str:
    """``12:34`` (``1:02:03`` past an hour)."""
    total = max(int(seconds), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def initials(name: str) -> str:
    """``Anna-Karin Berg`` → ``AKB``; a short code (``AB``) is kept as it is."""
    name = name.strip()
    if not name:
        return ""
    if " " not in name and len(name) <= 4:
        return name.upper()
    parts = [p for p in name.replace("-", " ").split() if p]
    return "".join(p[0].upper() for p in parts if p[0].isalpha())


def duration_minutes(interview: Interview, notes: list[Note]) -> int | None:
    if interview.start is not None and interview.end is not None:
        return round(interview.elapsed(interview.end) / 60)
    if notes:
        return round(max(note.t for note in notes) / 60)
    return None


def _marks(note: Note) -> str:
    marks = []
    if note.valence:
        marks.append((HEART if note.valence > 0 else CLOUD) * abs(note.valence))
    marks.extend(KIND_MARKS[kind] for kind in note.kinds if kind in KIND_MARKS)
    if note.has(Kind.QUOTE):
        if note.checked:
            marks.append(CHECKED)
        elif quote_changed(note):
            marks.append(EDITED)
    return " ".join(marks)


def _phase_changes_only(items: list[ExportNote]) -> tuple[ExportNote, ...]:
    """A section's notes with the phase shown only where it changes (less noise to read)."""
    shown = []
    previous = None
    for item in items:
        phase = item.phase
        shown.append(item if phase != previous else replace(item, phase=None))
        previous = phase
    return tuple(shown)


def build_interview_notes(
    data: StudyFile,
    interview: Interview,
    notes: list[Note],
    *,
    include_private: bool = False,
    show_changes: bool = False,
    language: str | None = None,
    transcript: Transcript | None = None,
) -> InterviewNotes:
    """The export model of ``interview``: notes in guide-theme order, details redacted."""
    language = language if language in LABELS else data.study.language if data.study.language in LABELS else "en"
    labels = LABELS[language]
    section = None
    if transcript is not None:  # from the study as stored: its redactor knows the speakers' names
        section = transcript_section(data, transcript, include_private=include_private, language=language)
    if not include_private:  # the study and the notes as a whole: every text field, in one place
        redact = study_redactor(data, language)
        data, notes = redact_model(data, redact), redact_all(notes, redact)

    def clean(text: str) -> str:
        return _UNSTORABLE.sub("\ufffd", text)

    themes = {theme.id: theme.title for theme in data.guide.themes}
    phases = {phase.id: phase.name for phase in data.phases}
    live = reading_order([note for note in notes if not note.deleted])

    def export_note(note: Note) -> ExportNote:
        changed = text_changed(note)
        return ExportNote(
            time=mm_ss(note.t),
            marks=_marks(note),
            text=clean(note.text),
            is_quote=note.has(Kind.QUOTE),
            channels=tuple(clean(c) for c in note.channels),
            tags=tuple(clean(t) for t in note.tags),
            phase=clean(phases[note.phase]) if note.phase in phases else None,
            theme=clean(themes[note.theme]) if note.theme in themes else None,
            edited=quote_changed(note) and not note.checked,
            checked=note.checked and note.has(Kind.QUOTE),
            as_typed=clean(original_text(note)) if show_changes and changed else None,
            remark=clean(note.remark),
        )

    exported = [(note, export_note(note)) for note in live]
    follow_ups = tuple(item for note, item in exported if note.has(Kind.QUESTION))
    in_body = [(note, item) for note, item in exported if not note.has(Kind.QUESTION)]

    sections = []
    unthemed = _phase_changes_only([item for note, item in in_body if note.theme not in themes])
    if unthemed:
        sections.append(Section(clean(labels["no_theme"]), unthemed))
    for theme in data.guide.themes:
        items = _phase_changes_only([item for note, item in in_body if note.theme == theme.id])
        if items:
            sections.append(Section(clean(theme.title), items))

    open_points = []
    for note, item in exported:
        if item.edited:
            open_points.append((item, labels["edited_quote"]))
        elif set(note.tags) & OPEN_TAGS:
            open_points.append((item, "#" + ", #".join(sorted(set(note.tags) & OPEN_TAGS))))

    minutes = duration_minutes(interview, live)
    status = interview.status
    header = (
        (labels["participant"], interview.participant),
        (labels["date"], interview.date.isoformat()),
        (labels["duration"], f"{minutes} {labels['minutes']}" if minutes is not None else labels["unknown"]),
        (labels["interviewer"], _UNSTORABLE.sub("\ufffd", initials(interview.interviewer)) or "–"),
        (labels["note_taker"], _UNSTORABLE.sub("\ufffd", initials(interview.note_taker)) or "–"),
        (labels["status"], labels[f"status.{status.value}"]),
    )
    warnings = []
    if status is not InterviewStatus.CLEANED:
        warnings.append(labels["not_cleaned"])
    warnings.append(labels["private"] if include_private else labels["redacted"])

    legend = [
        (f"{labels['open_quote']}…{labels['close_quote']}", labels["quote"]),
        (HEART, labels["heart"]),
        (CLOUD, labels["cloud"]),
        (KIND_MARKS[Kind.TOUCHPOINT], labels["touchpoint"]),
        (KIND_MARKS[Kind.MOMENT], labels["moment"]),
        (KIND_MARKS[Kind.BACKSTAGE], labels["backstage"]),
        (KIND_MARKS[Kind.QUESTION], labels["question"]),
        (CHECKED, labels["checked"]),
        (EDITED, labels["edited"]),
    ]
    return InterviewNotes(
        labels=labels,
        journey=clean(data.study.name),
        header=header,
        warnings=tuple(warnings),
        legend=tuple(legend),
        sections=tuple(sections),
        follow_ups=follow_ups,
        open_points=tuple(open_points),
        redacted=not include_private,
        file_stem=interview.id,
        notes_count=len(live),
        language=language,
        transcript=section,
    )


def quoted(note: ExportNote, labels: dict[str, str]) -> str:
    """The note's words, in quotation marks when it is a quote."""
    if note.is_quote:
        quote = f"{labels['open_quote']}{note.text}{labels['close_quote']}"
        return f"{quote} {note.remark}" if note.remark else quote  # the note-taker's words outside
    return note.text


def meta_line(note: ExportNote, labels: dict[str, str]) -> str:
    """Channels and tags not already in the words, and the phase, as one plain line."""
    parts = []
    in_text = find_tokens(f"{note.text} {note.remark}")
    tokens = [f"@{c}" for c in note.channels if c not in in_text.channels]
    tokens += [f"#{t}" for t in note.tags if t not in in_text.tags]
    if tokens:
        parts.append(" ".join(tokens))
    if note.phase:
        parts.append(f"{labels['phase']}: {note.phase}")
    return " · ".join(parts)
