"""Rename or merge a tag or channel across the whole study: every note, and the map's hand-set channels.

Every file keeps its one writer: each interview's notes are opened for writing in turn (its
lock), so an interview being captured right now, whose note-taker holds that lock, is left
as it is and named in ``skipped`` with the reason; so is a damaged one, and one the disk refused (full). The map is changed
through its own lock too (an editor with the map open keeps it; then the map is skipped).
Evidence stays as it is: it points at note ids, which never change.

``undo`` puts back the notes and items as they were, but only those still as this step left
them: a note edited since (on the clean screen, in another process) keeps that edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from trodden.models.domain import Note
from trodden.models.errors import Locked, StoreError, WriteFailed
from trodden.models.i18n import _, ngettext
from trodden.models.map.journey_map import Change, MapItem
from trodden.models.map.map_session import MapSession
from trodden.models.notes.retag import TokenKind, clean_name, renamed_item, renamed_note

if TYPE_CHECKING:
    from trodden.models.storage.store import StudyStore


@dataclass
class Retagged:
    """What one rename or merge changed, for the report and for undo."""

    kind: TokenKind
    sources: tuple[str, ...]
    target: str
    notes: dict[str, tuple[list[Note], list[Note]]] = field(default_factory=dict)
    """interview id -> (notes before, notes after)"""
    items: tuple[list[MapItem], list[MapItem]] = field(default_factory=lambda: ([], []))
    skipped: list[str] = field(default_factory=list)
    """One line per interview (or the map) left as it was, with the reason."""
    refused: list[str] = field(default_factory=list)
    """The disk's reasons for the writes it refused (full): the same step again, once there is
    room, does what is left (the tags screen asks for the name again)."""

    @property
    def note_count(self) -> int:
        return sum(len(after) for _, after in self.notes.values())

    @property
    def item_count(self) -> int:
        return len(self.items[1])

    def summary(self) -> str:
        sign = "#" if self.kind == "tag" else "@"
        names = ", ".join(sign + name for name in self.sources)
        notes = ngettext("{n} note", "{n} notes", self.note_count).format(n=self.note_count)
        interviews = ngettext("in {n} interview", "in {n} interviews", len(self.notes)).format(n=len(self.notes))
        text = f"{names} → {sign}{self.target}: {notes} {interviews}"
        if self.item_count:
            text += ", " + ngettext("{n} map item", "{n} map items", self.item_count).format(n=self.item_count)
        return text


def retag(
    store: StudyStore, kind: TokenKind, sources: list[str], target: str, *, at: datetime | None = None
) -> Retagged:
    """Call every ``sources`` tag (or channel) ``target`` in every note and (channels) on the map."""
    target = clean_name(target)
    names = tuple(dict.fromkeys(clean_name(source) for source in sources if clean_name(source) != target))
    if not names:
        already = _("nothing to rename: the tag is already called {name}") if kind == "tag" else None
        already = already or _("nothing to rename: the channel is already called {name}")
        raise StoreError(already.format(name=target))
    at = at or datetime.now()
    result = Retagged(kind, names, target)
    interviews, problems = store.interviews()
    result.skipped += [str(problem) for problem in problems]
    for interview in interviews:
        try:
            session = store.open_interview(interview.id, writable=True)
        except Locked as error:
            busy = _(
                "being written right now by {holder} (an interview under way); its notes were left as they are:"
                " run this again after it"
            )
            result.skipped.append(f"{interview.id} ({interview.participant}): " + busy.format(holder=error.holder))
            continue
        except StoreError as error:
            left = _("{error}; left as it is").format(error=error)
            result.skipped.append(f"{interview.id} ({interview.participant}): {left}")
            result.refused += [str(error)] if isinstance(error, WriteFailed) else []
            continue
        with session:
            before, after = [], []
            for note in session.notes(include_deleted=True):
                changed = note
                for name in names:
                    changed = renamed_note(changed, kind, name, target, at) or changed
                if changed is not note:
                    before.append(note)
                    after.append(changed)
            if after:
                try:
                    session.save_notes(after)
                except StoreError as error:  # a full disk: this one is left whole, what is done stays undoable
                    left = _("{error}; left as it was").format(error=error)
                    result.skipped.append(f"{interview.id} ({interview.participant}): {left}")
                    result.refused += [str(error)] if isinstance(error, WriteFailed) else []
                    continue
                result.notes[interview.id] = (before, after)
    if kind == "channel":
        _retag_map(store, names, target, result)
    return result


def _retag_map(store: StudyStore, names: tuple[str, ...], target: str, result: Retagged) -> None:
    try:
        with MapSession(store.path, writable=True) as session:
            before, after = [], []
            for item in session.load().items:
                changed = item
                for name in names:
                    changed = renamed_item(changed, name, target) or changed
                if changed is not item:
                    before.append(item)
                    after.append(changed)
            if after:
                session.apply(Change(items=tuple(after)))
            result.items = (before, after)
    except Locked as error:
        busy = _("the map: open for editing by {holder}; its hand-set channels were left")
        result.skipped.append(busy.format(holder=error.holder))
    except StoreError as error:
        result.skipped.append(_("the map: {error}; left as it is").format(error=error))
        result.refused += [str(error)] if isinstance(error, WriteFailed) else []


def undo(store: StudyStore, done: Retagged) -> list[str]:
    """Put back what ``done`` changed, where it is still as ``done`` left it. Returns what was not."""
    kept: list[str] = []
    for interview_id, (before, after) in done.notes.items():
        try:
            with store.open_interview(interview_id, writable=True) as session:
                back = [old for old, new in zip(before, after, strict=True) if session.note(new.seq) == new]
                if len(back) < len(after):
                    edited = len(after) - len(back)
                    since = ngettext("{n} edited since, kept as edited", "{n} edited since, kept as edited", edited)
                    kept.append(f"{interview_id}: " + since.format(n=edited))
                if back:
                    session.save_notes(back)
        except StoreError as error:
            kept.append(f"{interview_id}: {error}")
    before_items, after_items = done.items
    if after_items:
        try:
            with MapSession(store.path, writable=True) as session:
                current = {item.id: item for item in session.load().items}
                back = [old for old, new in zip(before_items, after_items, strict=True) if current.get(new.id) == new]
                if back:
                    session.apply(Change(items=tuple(back)))
        except StoreError as error:
            kept.append(_("the map: {error}").format(error=error))
    return kept
