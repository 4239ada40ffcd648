"""Taking one change to a note back (or doing it again), field by field.

Capture's ctrl+z and ctrl+y undo any change to a note: a kind or feeling, an edit, a theme and
phase given to it, a deletion. Each change is kept as the note before and after it
(``models.undo.Step``); taking it back changes only what that step changed, so the rest of the
note as it is now stays, and a change of words comes back as a new revision: the history keeps
every line the note ever had, undone ones included.
"""

from __future__ import annotations

from datetime import datetime

from trodden.models.domain import Note

from .cleaning import draft_of, revised

FIELDS = ("theme", "phase", "deleted")
"""What a step can change besides the words and marks (which go through a revision)."""


def carried_back(current: Note, before: Note, after: Note, at: datetime) -> Note:
    """``current`` with the change from ``before`` to ``after`` taken back.

    Redo is the same call with ``before`` and ``after`` swapped.
    """
    note = current
    wanted = draft_of(before)
    if wanted != draft_of(after) and wanted != draft_of(note):
        note = revised(note, wanted, at)
    update = {name: getattr(before, name) for name in FIELDS if getattr(before, name) != getattr(after, name)}
    return note.model_copy(update=update) if update else note
