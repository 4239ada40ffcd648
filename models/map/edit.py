"""The workshop's edits of the map as pure functions: (map, arguments) -> ``Change``.

Keeping them pure lets the screen apply a change to its in-memory map at once (and
store it with ``MapSession.apply``), and lets tests check each edit without a screen.
Ids come from a caller-supplied ``new_id(table)`` so the store decides them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from trodden.models.domain import Kind, Note
from trodden.models.i18n import _

from .design_question import tidy
from .journey_map import BackstageKind, Change, ItemKind, JourneyMap, MapItem, Mark, QuotePick

NewId = Callable[[str], int]


class EditError(ValueError):
    """An edit that cannot be made; the message is user-ready."""


def cell_items(journey: JourneyMap, phase: str | None, kind: ItemKind) -> list[MapItem]:
    """The items of one board cell, in their order."""
    return sorted(
        (item for item in journey.items if item.phase == phase and item.kind is kind),
        key=lambda item: (item.order, item.id),
    )


def _next_order(journey: JourneyMap, phase: str | None, kind: ItemKind) -> int:
    return max((item.order for item in cell_items(journey, phase, kind)), default=0) + 1


def kind_for(note: Note) -> ItemKind:
    return ItemKind.BACKSTAGE if Kind.BACKSTAGE in note.kinds else ItemKind.TOUCHPOINT


_TOKEN = re.compile(r"(?<![\w@#])[@#]\w+(?:-\w+)*")


def title_for(note: Note) -> str:
    """A starting title: the note's words without channel and tag tokens (the lanes show those)."""
    title = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(_TOKEN.sub("", note.text).split()))
    return title or " ".join(note.text.split()) or note.id


def place_note(journey: JourneyMap, note: Note, phase: str, new_id: NewId, kind: ItemKind | None = None) -> Change:
    """Place a note in ``phase``: a new item backed by it (a pure quote becomes a quote pick)."""
    if any(note.id in item.evidence for item in journey.items):
        raise EditError(_("note {note} is already on the map").format(note=note.id))
    kind = kind or kind_for(note)
    item = MapItem(
        id=new_id("items"),
        kind=kind,
        phase=phase,
        order=_next_order(journey, phase, kind),
        title=title_for(note),
        evidence=[note.id],
        backstage=BackstageKind.SYSTEM if kind is ItemKind.BACKSTAGE else None,
    )
    return Change(items=(item,))


def pick_quote(journey: JourneyMap, note: Note, phase: str, new_id: NewId) -> Change:
    """Pick a note as a quote of ``phase`` (shown verbatim from the note)."""
    if Kind.QUOTE not in note.kinds:
        raise EditError('only notes typed as quotes (") can be picked as quotes: they must be verbatim')
    for pick in journey.quotes:
        if pick.note == note.id:
            if pick.phase == phase:
                raise EditError(_("this quote is already picked for this phase"))
            return Change(quotes=(pick.model_copy(update={"phase": phase}),))
    return Change(quotes=(QuotePick(id=new_id("quotes"), note=note.id, phase=phase),))


def add_evidence(journey: JourneyMap, item_id: int, notes: Iterable[Note]) -> Change:
    """Add notes as evidence of an item (the same thing said in another interview)."""
    item = _item(journey, item_id)
    evidence = list(item.evidence)
    for note in notes:
        if note.id not in evidence:
            evidence.append(note.id)
    # a note backs one item: take it off any other item
    others = [
        other.model_copy(update={"evidence": [n for n in other.evidence if n not in evidence]})
        for other in journey.items
        if other.id != item.id and set(other.evidence) & set(evidence)
    ]
    return Change(items=(item.model_copy(update={"evidence": evidence}), *others))


def merge_items(journey: JourneyMap, target_id: int, source_ids: Iterable[int]) -> Change:
    """Merge items into ``target``: it keeps its title and gains every source's evidence."""
    target = _item(journey, target_id)
    sources = [_item(journey, i) for i in dict.fromkeys(source_ids) if i != target_id]
    if not sources:
        raise EditError(_("select other items to merge into this one (space), then merge"))
    evidence = list(target.evidence)
    channels = list(target.channels)
    for source in sources:
        evidence += [n for n in source.evidence if n not in evidence]
        channels += [c for c in source.channels if c not in channels]
    mark = target.mark or next((s.mark for s in sources if s.mark), None)
    question = target.design_question or next((s.design_question for s in sources if s.design_question), "")
    merged = target.model_copy(
        update={"evidence": evidence, "channels": channels, "mark": mark, "design_question": question}
    )
    return Change(items=(merged,), drop_items=tuple(s.id for s in sources), merged_into=target.id)


def move_item(journey: JourneyMap, item_id: int, phase: str) -> Change:
    """Move an item to the end of another phase's cell."""
    item = _item(journey, item_id)
    if item.phase == phase:
        return Change()
    return Change(items=(item.model_copy(update={"phase": phase, "order": _next_order(journey, phase, item.kind)}),))


def reorder_item(journey: JourneyMap, item_id: int, step: int) -> Change:
    """Move an item up (-1) or down (+1) within its cell; renumbers the cell."""
    item = _item(journey, item_id)
    cell = cell_items(journey, item.phase, item.kind)
    index = next(i for i, other in enumerate(cell) if other.id == item_id)
    target = index + step
    if not 0 <= target < len(cell):
        return Change()
    cell[index], cell[target] = cell[target], cell[index]
    return Change(
        items=tuple(
            other.model_copy(update={"order": order})
            for order, other in enumerate(cell, start=1)
            if other.order != order
        )
    )


def set_mark(journey: JourneyMap, item_id: int, mark: Mark | None) -> Change:
    """Mark an item as a heart or thundercloud; marking it again with the same clears it."""
    item = _item(journey, item_id)
    new = None if item.mark is mark else mark
    return Change(items=(item.model_copy(update={"mark": new}),))


def promote_moment(journey: JourneyMap, item_id: int, question: str, title: str | None = None) -> Change:
    """Make an item a moment of truth with a design question; its evidence stays."""
    item = _item(journey, item_id)
    update: dict = {"kind": ItemKind.MOMENT, "design_question": tidy(question), "backstage": None}
    if title and title.strip():
        update["title"] = title.strip()
    if item.kind is not ItemKind.MOMENT:
        update["order"] = _next_order(journey, item.phase, ItemKind.MOMENT)
    return Change(items=(item.model_copy(update=update),))


def new_item(
    journey: JourneyMap, phase: str, kind: ItemKind, title: str, new_id: NewId, *, question: str = ""
) -> Change:
    """Write an item by hand: with no evidence it is a hypothesis until notes back it."""
    title = " ".join(title.split())
    if not title:
        raise EditError(_("an item needs a title"))
    item = MapItem(
        id=new_id("items"),
        kind=kind,
        phase=phase,
        order=_next_order(journey, phase, kind),
        title=title,
        design_question=tidy(question),
        backstage=BackstageKind.PEOPLE if kind is ItemKind.BACKSTAGE else None,
    )
    return Change(items=(item,))


def rename_item(journey: JourneyMap, item_id: int, title: str) -> Change:
    title = " ".join(title.split())
    if not title:
        raise EditError(_("an item needs a title"))
    return Change(items=(_item(journey, item_id).model_copy(update={"title": title}),))


def cycle_backstage(journey: JourneyMap, item_id: int) -> Change:
    """people -> policy -> system -> employee experience -> people."""
    item = _item(journey, item_id)
    kinds = list(BackstageKind)
    current = kinds.index(item.backstage) if item.backstage else -1
    return Change(items=(item.model_copy(update={"backstage": kinds[(current + 1) % len(kinds)]}),))


def remove_evidence(journey: JourneyMap, item_id: int, note_id: str) -> Change:
    """Take one note off an item (back to the inbox)."""
    item = _item(journey, item_id)
    return Change(items=(item.model_copy(update={"evidence": [n for n in item.evidence if n != note_id]}),))


def remove_item(journey: JourneyMap, item_id: int) -> Change:
    """Remove an item; its notes go back to the inbox."""
    _item(journey, item_id)
    return Change(drop_items=(item_id,))


def remove_quote(journey: JourneyMap, pick_id: int) -> Change:
    return Change(drop_quotes=(pick_id,))


def items_in_phase(journey: JourneyMap, phase: str) -> list[MapItem]:
    return [item for item in journey.items if item.phase == phase]


def _item(journey: JourneyMap, item_id: int) -> MapItem:
    item = journey.item(item_id)
    if item is None:
        raise EditError(_("item {item} is no longer on the map").format(item=item_id))
    return item


def inverse(journey: JourneyMap, change: Change) -> Change:
    """The change that undoes ``change`` on ``journey`` (the map before it)."""
    items_before = {item.id: item for item in journey.items}
    quotes_before = {pick.id: pick for pick in journey.quotes}
    touched_items = [item.id for item in change.items] + list(change.drop_items)
    touched_quotes = [pick.id for pick in change.quotes] + list(change.drop_quotes)
    return Change(
        items=tuple(items_before[i] for i in dict.fromkeys(touched_items) if i in items_before),
        quotes=tuple(quotes_before[i] for i in dict.fromkeys(touched_quotes) if i in quotes_before),
        drop_items=tuple(i for i in dict.fromkeys(touched_items) if i not in items_before),
        drop_quotes=tuple(i for i in dict.fromkeys(touched_quotes) if i not in quotes_before),
        revive=tuple(i for i in dict.fromkeys(change.drop_items) if i in items_before),
    )


def set_kind(journey: JourneyMap, item_id: int, kind: ItemKind) -> Change:
    """Move an item to another lane (touchpoint, backstage, moment), keeping its evidence."""
    item = _item(journey, item_id)
    if item.kind is kind:
        return Change()
    update: dict = {"kind": kind, "order": _next_order(journey, item.phase, kind)}
    update["backstage"] = (item.backstage or BackstageKind.PEOPLE) if kind is ItemKind.BACKSTAGE else None
    return Change(items=(item.model_copy(update=update),))
