"""An interview's notes checked against its transcript in one go: offset, spans and quotes.

What the clean screen, ``trodden transcript``, ``trodden check``, the exports and the map's
evidence view all ask for, so they agree on every quote's status.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from trodden.models.domain import Interview, Kind, Note

from .align import Offset, estimate_offset, recording_time, spans
from .index import TranscriptIndex
from .model import Transcript
from .quotes import NO_TRANSCRIPT, QuoteMatch, QuoteStatus, match_quote


@dataclass
class Alignment:
    """The transcript set against an interview's notes."""

    index: TranscriptIndex
    offset: Offset
    spans: dict[int, tuple[int, int]]
    quotes: dict[int, QuoteMatch] = field(default_factory=dict)

    def quote(self, note: Note) -> QuoteMatch:
        return self.quotes.get(note.seq, NO_TRANSCRIPT)

    def summary(self) -> Counter[QuoteStatus]:
        return Counter(match.status for match in self.quotes.values())


def align(transcript: Transcript, interview: Interview, notes: list[Note]) -> Alignment:
    """The offset, every note's span and every quote's best match (deleted notes left out)."""
    live = [note for note in notes if not note.deleted]
    index = TranscriptIndex.of(transcript)
    offset = estimate_offset(index, interview, live)
    alignment = Alignment(index, offset, spans(index, live, interview, offset))
    for note in live:
        if note.has(Kind.QUOTE):
            alignment.quotes[note.seq] = check_quote(alignment, note, interview)
    return alignment


def check_quote(alignment: Alignment, note: Note, interview: Interview) -> QuoteMatch:
    """One quote against the transcript (again after an edit)."""
    return match_quote(alignment.index, note.text, recording_time(note, interview, alignment.offset))


def verified(alignment: Alignment | None, note: Note) -> bool:
    """A quote whose words are the participant's, word for word (the report says so)."""
    return alignment is not None and alignment.quote(note).status is QuoteStatus.VERBATIM
