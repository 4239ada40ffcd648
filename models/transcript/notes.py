"""Notes changed from a transcript: a quote's words replaced by what was said, or a line said
made into a new quote. Pure, like ``models.notes.cleaning``: the clean screen stores the result
as one undoable step, and the words as typed stay in the note's history."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from trodden.models.domain import Interview, Kind, Note, Revision
from trodden.models.i18n import _
from trodden.models.notes.cleaning import CleanError, draft_of, revised
from trodden.models.notes.syntax import NoteDraft, render

from .align import Offset
from .model import Cue


def with_said_words(note: Note, said: str, at: datetime) -> Note:
    """The quote ``note`` with the transcript's words ``said`` (its marks, channels and tags kept)."""
    words = " ".join(said.split()).strip("\"“”»«' ")
    if not words:
        raise CleanError(_("the transcript span is empty: widen it first (>)"))
    if not note.has(Kind.QUOTE):
        raise CleanError(_("only a quote takes the transcript's words; mark it as a quote first (\")"))
    return revised(note, dataclasses.replace(draft_of(note), text=words), at)


def note_times(interview: Interview, offset: Offset, recording: float) -> tuple[float, datetime]:
    """(talk seconds, wall clock) of the moment ``recording`` seconds into the recording."""
    start = interview.start or datetime.combine(interview.date, datetime.min.time())
    if offset.timeline == "talk":
        talk = max(recording - offset.seconds, 0.0)
        wall = start + timedelta(seconds=talk)
        for pause in interview.pauses:  # the wall clock ran on through each pause before it
            if pause.end is not None and pause.start <= wall:
                wall += pause.end - pause.start
        return round(talk, 3), wall
    wall = start + timedelta(seconds=max(recording - offset.seconds, 0.0))
    talk = (wall - start).total_seconds()
    for pause in interview.pauses:
        if pause.end is not None and pause.start < wall:
            talk -= (min(pause.end, wall) - pause.start).total_seconds()
    return round(max(talk, 0.0), 3), wall


def context_at(notes: list[Note], t: float) -> tuple[str | None, str | None]:
    """(theme, phase) in effect at ``t``: those of the last note taken at or before it (else the first)."""
    live = sorted((note for note in notes if not note.deleted), key=lambda note: note.t)
    before = [note for note in live if note.t <= t]
    source = before[-1] if before else (live[0] if live else None)
    return (source.theme, source.phase) if source else (None, None)


def quote_from_cue(
    cue: Cue, *, interview: Interview, offset: Offset, notes: list[Note], seq: int, at: datetime
) -> Note:
    """A new quote note of the words of ``cue``, at its time, in the theme and phase of that moment."""
    text = " ".join(cue.text.split())
    if not text:
        raise CleanError(_("this transcript line has no words"))
    t, wall = note_times(interview, offset, cue.start)
    theme, phase = context_at(notes, t)
    draft = NoteDraft(text=text, kinds=(Kind.QUOTE,))
    return Note.from_draft(
        draft,
        interview=interview.id,
        seq=seq,
        t=t,
        wall=wall,
        history=[Revision(at=at, raw=render(draft))],
        phase=phase,
        theme=theme,
    )
