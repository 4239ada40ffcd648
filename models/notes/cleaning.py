"""Cleaning an interview's notes: pure operations on notes, and an undo stack.

Every operation returns the new versions of the notes it touches and changes nothing
in place, so the caller decides when to store them (``InterviewSession.save_notes``,
one fsync per operation) and the undo stack can keep the versions they replace.

A note's first revision is what was typed during the interview; cleaning only ever
appends revisions, so the raw text always survives. Whether a quote's words changed is
derived from that history (``quote_changed``), never stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from trodden.models.domain import Kind, Note, Revision
from trodden.models.i18n import _

from .syntax import Command, NoteDraft, find_tokens, parse, render


class CleanError(ValueError):
    """An operation that cannot be done (nothing to split...); the message is user-ready."""


# ----------------------------------------------------------------- reading notes
def draft_of(note: Note) -> NoteDraft:
    return NoteDraft(
        text=note.text,
        kinds=tuple(note.kinds),
        valence=note.valence,
        channels=tuple(note.channels),
        tags=tuple(note.tags),
        remark=note.remark,
    )


def line_of(note: Note) -> str:
    """The note as a capture-syntax line: what the clean screen's editor shows."""
    return render(draft_of(note))


def parse_line(line: str) -> NoteDraft:
    """A line from the editor as a draft; a ``/command`` is kept as plain words."""
    parsed = parse(line)
    if isinstance(parsed, Command):
        tokens = find_tokens(line)
        return NoteDraft(text=line.strip(), channels=tokens.channels, tags=tokens.tags)
    return parsed


def original_text(note: Note) -> str:
    """The words as first typed (the first revision, parsed), or the text if no history."""
    if not note.history:
        return note.text
    return parse_line(note.history[0].raw).text


def _words(text: str) -> str:
    return " ".join(text.split())


def text_changed(note: Note) -> bool:
    """True when the words differ from what was typed during the interview."""
    return _words(note.text) != _words(original_text(note))


def quote_changed(note: Note) -> bool:
    """A quote whose words were changed during cleaning: no longer known to be verbatim."""
    return note.has(Kind.QUOTE) and text_changed(note)


def reading_order(notes: list[Note]) -> list[Note]:
    """Notes by time; a note split off another comes right after it."""
    return _reading(notes)[0]


def _reading(notes: list[Note]) -> tuple[list[Note], dict[int, tuple], dict[tuple, int]]:
    """The reading order, each note's sort key by seq, and where each first line came from (the
    smallest seq that has it: a split's parts share their first line, the part made first leads)."""
    origin: dict[tuple, int] = {}
    for note in sorted(notes, key=lambda n: n.seq):
        if note.history:
            origin.setdefault(_first(note), note.seq)
    keys = {note.seq: _reading_key(note, origin) for note in notes}
    return sorted(notes, key=lambda note: keys[note.seq]), keys, origin


def _first(note: Note) -> tuple:
    return (note.history[0].at, note.history[0].raw)


def _reading_key(note: Note, origin: dict[tuple, int]) -> tuple:
    parent = origin.get(_first(note), note.seq) if note.history else note.seq
    return (note.t, parent, note.seq)


# ------------------------------------------------------------------- operations
def revised(note: Note, draft: NoteDraft, at: datetime) -> Note:
    """``note`` with ``draft``'s content; the new line joins its history (the words as first
    typed are never lost) and a quote checked verbatim stays checked only if its words did not change."""
    history = list(note.history)
    line = render(draft)
    if not history:
        history.append(Revision(at=note.wall, raw=line_of(note)))
    if history[-1].raw != line:
        history.append(Revision(at=at, raw=line))
    text_same = _words(draft.text) == _words(note.text)
    return note.model_copy(
        update={
            "text": draft.text,
            "remark": draft.remark,
            "kinds": sorted(set(draft.kinds), key=list(Kind).index),
            "valence": draft.valence,
            "channels": list(draft.channels),
            "tags": list(draft.tags),
            "history": history,
            "checked": note.checked and text_same and Kind.QUOTE in draft.kinds,
        }
    )


def edit(note: Note, line: str, at: datetime) -> Note:
    """The note rewritten from an edited capture-syntax line (text, kinds, valence, tokens)."""
    draft = parse_line(line)
    if draft.is_empty:
        raise CleanError(_("a note needs some words; delete it instead (d)"))
    return revised(note, draft, at)


def toggle_kind(note: Note, kind: Kind, at: datetime) -> Note:
    return revised(note, draft_of(note).with_kind(kind, not note.has(kind)), at)


def set_valence(note: Note, valence: int | None, at: datetime) -> Note:
    return revised(note, draft_of(note).with_valence(valence), at)


def nudge_valence(note: Note, step: int, at: datetime) -> Note:
    """One step towards a heart (+1) or a thundercloud (-1), within -2..2."""
    return set_valence(note, (note.valence or 0) + step, at)


def set_theme(note: Note, theme: str | None) -> Note:
    """Move the note under another guide theme (``None``: no theme)."""
    return note.model_copy(update={"theme": theme})


def set_phase(note: Note, phase: str | None) -> Note:
    """Place the note in another journey phase (``None``: no phase)."""
    return note.model_copy(update={"phase": phase})


def set_deleted(note: Note, deleted: bool) -> Note:
    return note.model_copy(update={"deleted": deleted})


def set_checked(note: Note, checked: bool) -> Note:
    """Mark a quote's words as checked verbatim (only quotes can be checked)."""
    if checked and not note.has(Kind.QUOTE):
        raise CleanError('only quotes are checked verbatim; mark it as a quote first (")')
    return note.model_copy(update={"checked": checked})


def merge(first: Note, second: Note, at: datetime) -> tuple[Note, Note]:
    """``second`` joined onto ``first``; ``second`` is soft-deleted (its history stays).

    Kinds, channels and tags are united; the stronger feeling wins (the first on a tie).
    """
    if first.seq == second.seq:
        raise CleanError(_("a note cannot be merged with itself"))
    valences = [v for v in (first.valence, second.valence) if v is not None]
    valence = max(valences, key=abs) if valences else None
    kinds = tuple(dict.fromkeys([*first.kinds, *second.kinds]))
    # a remark (words after a quote) stays one only at the end of a quote
    remark = second.remark if Kind.QUOTE in kinds else ""
    words = [first.text, first.remark, second.text] + ([] if remark else [second.remark])
    text = " ".join(part.strip() for part in words if part.strip())
    draft = NoteDraft(
        text=text,
        remark=remark,
        kinds=kinds,
        valence=valence,
        channels=tuple(dict.fromkeys([*first.channels, *second.channels])),
        tags=tuple(dict.fromkeys([*first.tags, *second.tags])),
    )
    # the joined note's line as typed goes into the history too: a split at the join later
    # gives the second part back the words typed for it (``split``)
    typed = list(first.history) or [Revision(at=first.wall, raw=line_of(first))]
    joined = second.history[:1] or [Revision(at=second.wall, raw=line_of(second))]
    merged = revised(first.model_copy(update={"history": [*typed, *joined]}), draft, at).model_copy(
        update={
            "theme": first.theme or second.theme,
            "phase": first.phase or second.phase,
            "checked": False,
        }
    )
    return merged, set_deleted(second, True)


def split(note: Note, position: int, new_seq: int, at: datetime) -> tuple[Note, Note]:
    """``note`` cut at ``position`` in its text into itself and a new note ``new_seq``.

    Both parts keep the kinds, feeling, theme and phase; channels and tags go with the
    part whose words hold them (the rest stay on the first). The new note shares the
    first revision, so the raw line typed in the interview is in both histories.
    """
    head, tail = note.text[:position].rstrip(), note.text[position:].strip()
    if not head or not tail:
        raise CleanError(_("move the cursor into the words, where the second note should start"))
    head_tokens, tail_tokens = find_tokens(head), find_tokens(tail)
    channels_tail = [c for c in note.channels if c in tail_tokens.channels and c not in head_tokens.channels]
    tags_tail = [t for t in note.tags if t in tail_tokens.tags and t not in head_tokens.tags]
    first_draft = NoteDraft(
        text=head,
        kinds=tuple(note.kinds),
        valence=note.valence,
        channels=tuple(c for c in note.channels if c not in channels_tail),
        tags=tuple(t for t in note.tags if t not in tags_tail),
    )
    second_draft = NoteDraft(
        text=tail,
        kinds=tuple(note.kinds),
        valence=note.valence,
        channels=tuple(channels_tail),
        tags=tuple(tags_tail),
        remark=note.remark,  # the words after the quote follow its end
    )
    first = revised(note, first_draft, at).model_copy(update={"checked": False})
    base = _typed_for(note, tail) or note.history[:1] or [Revision(at=note.wall, raw=line_of(note))]
    second = Note.from_draft(
        second_draft,
        interview=note.interview,
        seq=new_seq,
        t=note.t,
        wall=note.wall,
        history=[*base, Revision(at=at, raw=render(second_draft))],
        phase=note.phase,
        theme=note.theme,
    )
    return first, second


def _typed_for(note: Note, tail: str) -> list[Revision]:
    """The line as typed of a note joined into ``note`` whose words start ``tail`` (``merge`` keeps
    it in the history): split where they were joined, the second part's "as typed" is its own,
    not the first note's."""
    words = _words(tail)
    for revision in reversed(note.history[1:]):
        typed = _words(parse_line(revision.raw).text)
        if typed and (words == typed or words.startswith(typed + " ")):
            return [revision]
    return []


# ---------------------------------------------------------------- the undo stack
@dataclass(frozen=True)
class Change:
    """One cleaning step: the notes as they were and as they are now."""

    label: str
    before: tuple[Note, ...]
    after: tuple[Note, ...]


@dataclass
class CleanState:
    """The notes being cleaned, and how to undo each step.

    ``apply`` and ``undo`` return the notes to store, in order; a note created by a
    step (a split) is undone by soft-deleting it, so nothing is ever lost on disk.
    """

    notes: dict[int, Note]
    undo_stack: list[Change] = field(default_factory=list)
    limit: int = 500
    _order: dict[bool, list[Note]] = field(default_factory=dict, repr=False, compare=False)
    """``ordered``'s answers until the next step or undo: the clean screen asks on every key, and
    sorting a 5,000-note interview each time cost a key 10+ ms (change ``notes`` only by steps)."""
    _sorted: tuple[dict[int, tuple], dict[tuple, int], dict[int, int]] = field(
        default_factory=lambda: ({}, {}, {}), repr=False, compare=False
    )
    """as last sorted: each note's sort key and place (by seq), and the first lines' origins; a step
    that moves no note (a mark, new words, a join and its undo) keeps the order without a sort"""

    @classmethod
    def of(cls, notes: list[Note]) -> CleanState:
        return cls({note.seq: note for note in notes})

    def ordered(self, *, include_deleted: bool = False) -> list[Note]:
        if True not in self._order:
            notes, keys, origin = _reading(list(self.notes.values()))
            self._order[True] = notes
            self._sorted = (keys, origin, {note.seq: place for place, note in enumerate(notes)})
        if include_deleted not in self._order:
            self._order[False] = [note for note in self._order[True] if not note.deleted]
        return list(self._order[include_deleted])

    def _stepped(self, notes: tuple[Note, ...]) -> None:
        """``notes`` were just put in ``self.notes``: keep the reading order if none of them moved."""
        full = self._order.get(True)
        self._order.clear()
        if full is None:
            return
        keys, origin, places = self._sorted
        for note in notes:
            if note.seq not in keys:
                return  # a new note: sort again when asked
            if note.history and _first(note) not in origin:
                origin[_first(note)] = note.seq  # a note's first edit: it leads its own line
            if _reading_key(note, origin) != keys[note.seq]:
                return
        for note in notes:
            full[places[note.seq]] = note
        self._order[True] = full

    def next_seq(self) -> int:
        return max(self.notes, default=0) + 1

    def neighbour_after(self, seq: int) -> Note | None:
        """The next note that is not deleted, in reading order."""
        live = self.ordered()
        for index, note in enumerate(live):
            if note.seq == seq:
                return live[index + 1] if index + 1 < len(live) else None
        return None

    def apply(self, label: str, after: list[Note] | tuple[Note, ...]) -> Change:
        after = tuple(after)
        before = tuple(
            self.notes[note.seq] if note.seq in self.notes else note.model_copy(update={"deleted": True})
            for note in after
        )
        changed = tuple(a for a, b in zip(after, before, strict=True) if a != b or a.seq not in self.notes)
        change = Change(label, before, after)
        for note in after:
            self.notes[note.seq] = note
        self._stepped(after)
        if changed:
            self.undo_stack.append(change)
            del self.undo_stack[: -self.limit]
        return change

    def undo(self) -> Change | None:
        """Step back once; the returned change's ``after`` are the notes to store."""
        if not self.undo_stack:
            return None
        change = self.undo_stack.pop()
        for note in change.before:
            self.notes[note.seq] = note
        self._stepped(change.before)
        return Change(f"undo {change.label}", change.after, change.before)

    @property
    def can_undo(self) -> bool:
        return bool(self.undo_stack)
