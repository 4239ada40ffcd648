"""A line sent with Enter, before and after the disk has it: what the keys after Enter act on.

A fast typist presses Enter and F3 in one burst. The note is still on the writer thread, so the
log's last note is the previous one; tagging that would be wrong. Instead the screen keeps each
line it sent as a ``Sent`` until the reply comes, and a key decides its target when it is pressed:
the selected note, else the note just sent (a ``Sent``), else the log's last note (a seq). A change
to a ``Sent`` is queued on the same writer behind its save, and the save job fills in ``seq``
before the change runs (one thread, in order), so no key ever races the disk.

A line whose save failed (a full disk) stays a ``Sent``: it waits, with the theme, phase and time it
was typed with, until Enter tries it again, in the order it was typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from trodden.models.errors import StoreError
from trodden.models.notes.syntax import NoteDraft, parse
from trodden.tui.i18n import N_, _


@dataclass(eq=False)
class Sent:
    """One line sent as a note (or, ``edit_of``, as the new words of a note)."""

    line: str
    draft: NoteDraft | None
    """None for a line that is not a note (a failed /theme, sent again as a command)."""
    theme: str | None = None
    phase: str | None = None
    wall: datetime | None = None
    edit_of: int | Sent | None = None
    seq: int | None = None
    """The note's number, set on the writer thread once it is on disk."""
    failed: bool = False


Target = int | Sent
"""A note a key acts on: its seq, or the line just sent (whose seq the writer fills in)."""


class Gate:
    """Keeps new notes in the order typed when one fails: later ones wait behind it.

    A full disk can refuse one append and take the next (a little room was left): the later note
    would be stored before the earlier one. So once a new note fails, the ones already queued behind
    it fail too (``blocked``, set and read on the writer thread) and are kept with it; Enter sends
    them all again in order, after a job that opens the gate.
    """

    def __init__(self) -> None:
        self.blocked = False

    def open(self) -> None:
        self.blocked = False


class NotSaved(StoreError):
    """The note a change was meant for was never stored (its save failed)."""


WAITING = N_("a line typed before it was not saved, so it waits too (to keep the order)")


def seq_of(target: Target) -> int:
    """The note's number, on the writer thread (the target's own save ran before this)."""
    if isinstance(target, int):
        return target
    if target.seq is None:
        raise NotSaved(_("the note it was for is not saved yet (its text is waiting to be sent again)"))
    return target.seq


def parsed_note(line: str) -> NoteDraft | None:
    """The note a line makes, or None if it is a /command."""
    parsed = parse(line)
    return parsed if isinstance(parsed, NoteDraft) else None
