"""A study's notes by id, each redacted the first time it is read: what a report shows, redacted.

A journey report counts every note (the curve, n of N) but shows only a few hundred: the
evidence of its map items, the chosen quotes, the checks' quotes. Redacting all 50,000 notes
of a large study up front cost more than the rest of the report together. ``ShownNotes``
hands out notes only redacted (``[]``, ``get``, ``values``, ``items``: every way a ``Mapping``
reads its values goes through ``__getitem__``), so whatever a format shows of a note was
redacted on the way, while the counting reads ``facts``: the fields redaction never changes
(ids, the interview, the feeling, the kinds and the phase; ``KEEP`` and non-text fields), no
user-written text at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import partial
from operator import attrgetter
from typing import NamedTuple

from trodden.models.domain import Kind, Note

from .redact_models import Redact, redact_model, text_fields


class NoteFacts(NamedTuple):
    """What counting needs of a note, and no text anyone wrote (``text_fields`` never include these)."""

    id: str
    interview: str
    valence: int | None
    kinds: list[Kind]
    phase: str | None


FACTS = NoteFacts._fields
FACTS_OF = attrgetter(*FACTS)
"""A note's facts as a plain tuple, read in C."""
_AS_FACTS = partial(tuple.__new__, NoteFacts)
"""A plain facts tuple as ``NoteFacts``, made in C (``NoteFacts._make`` is a Python call a note)."""
assert not set(FACTS) & set(text_fields(Note)), "a note's facts must hold no redacted (user-written) field"


class ShownNotes(Mapping[str, Note]):
    """Notes by id; each read (``[]``, ``get``, ``values``, ``items``) is redacted, once a note."""

    def __init__(self, notes: dict[str, Note], redact: Redact) -> None:
        self._notes = notes
        self._redact = redact
        self._shown: dict[str, Note] = {}
        self._facts: tuple[NoteFacts, ...] | None = None

    def __getitem__(self, note_id: str) -> Note:
        shown = self._shown.get(note_id)
        if shown is None:
            shown = self._shown[note_id] = redact_model(self._notes[note_id], self._redact)
        return shown

    def __contains__(self, note_id: object) -> bool:
        return note_id in self._notes

    def __iter__(self) -> Iterator[str]:
        return iter(self._notes)

    def __len__(self) -> int:
        return len(self._notes)

    def facts(self) -> tuple[NoteFacts, ...]:
        """Every note's ``NoteFacts``, none of it redacted (there is nothing in them to redact);
        made once (the curve, the staff view and the checks each count the notes)."""
        if self._facts is None:
            self._facts = tuple(map(_AS_FACTS, map(FACTS_OF, self._notes.values())))
        return self._facts

    @property
    def read(self) -> frozenset[str]:
        """The ids of the notes read so far (all redacted): what a test can hold a report to."""
        return frozenset(self._shown)
