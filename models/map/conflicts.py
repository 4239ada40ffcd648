"""What the merge decided silently and a person should know: the "what changed" panel's model.

The CRDT keeps one value when two researchers set the same field of an item at once (two
moves to different phases, two renames), and keeps an item removed when one merged it while
another was renaming it. Both edits are in the item's log (``SharedDoc.log``), each naming the
changes its writer had seen (``p``); two entries neither of which had seen the other were made
at the same time. A conflict stays listed until someone edits that field again having seen
both (a revert does exactly that), so every machine lists the same conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n import N_, _, in_quotes
from .change_log import GONE, open_pairs
from .edit import cell_items
from .journey_map import Change, JourneyMap, MapItem
from .shared_doc import SharedDoc

FIELD_NAMES = {"phase": N_("phase"), "title": N_("title"), "kind": N_("lane"), "order": N_("order")}
"""An item's fields as the panel names them (translated where they are said)."""


@dataclass(frozen=True)
class Side:
    by: str
    at: str
    value: Any


@dataclass(frozen=True)
class Conflict:
    item: int
    title: str
    field: str
    """the field both set, or ``_gone``: one removed (merged) the item while the other changed it"""
    kept: Side
    lost: Side

    def describe(self, phase_name=lambda phase: str(phase)) -> str:
        """One line for the panel: who did what, and what the map kept."""
        when = self.lost.at[11:16]
        if self.field == GONE:
            if self.kept.value not in (True, None):
                what = _(
                    "{kept} merged it away while {lost} changed it ({when} UTC); kept removed, {lost}'s change is in it"
                )
            else:
                what = _(
                    "{kept} removed it while {lost} changed it ({when} UTC); kept removed, {lost}'s change is in it"
                )
            return f"{self.title}: " + what.format(kept=self.kept.by, lost=self.lost.by, when=when)

        if self.field == "order":
            said = _(
                "{kept} and {lost} reordered it at the same time ({when} UTC),"
                " to place {value} and {other} in its cell; kept {kept}'s"
            )
            return f"{self.title}: " + said.format(
                kept=self.kept.by, lost=self.lost.by, when=when, value=self.kept.value, other=self.lost.value
            )

        def shown(value: Any) -> str:
            return in_quotes(phase_name(value) if self.field == "phase" else str(value))

        said = _("{kept} set {field} to {value}, {lost} to {other} at the same time ({when} UTC); kept {kept}'s")
        field = _(FIELD_NAMES[self.field]) if self.field in FIELD_NAMES else self.field
        values = {"value": shown(self.kept.value), "other": shown(self.lost.value)}
        return f"{self.title}: " + said.format(kept=self.kept.by, lost=self.lost.by, field=field, when=when, **values)


def item_conflicts(key: str, fields: dict, log: list[dict]) -> list[Conflict]:
    """The unresolved conflicts in one item's log (``fields``: the item as stored now)."""
    entries = {str(e["e"]): e for e in log if "e" in e}
    title = str(fields.get("title", key))
    out = []
    for a_key, b_key, clashing in open_pairs(log):
        a, b = entries[a_key], entries[b_key]
        if GONE in clashing:
            if fields.get(GONE):
                gone, other = (a, b) if a["f"].get(GONE) else (b, a)
                out.append(Conflict(int(key), title, GONE, _side(gone, gone["f"][GONE]), _side(other, None)))
            continue
        for field in sorted(clashing):
            kept, lost = (a, b) if fields.get(field) == a["f"][field] else (b, a)
            out.append(Conflict(int(key), title, field, _side(kept, kept["f"][field]), _side(lost, lost["f"][field])))
    return out


def _side(entry: dict, value: Any) -> Side:
    return Side(str(entry.get("by", "")), str(entry.get("at", "")), value)


def find_conflicts(doc: SharedDoc) -> list[Conflict]:
    """Every unresolved conflict on the map's items, newest first."""
    found = []
    for key, fields in doc.raw("items"):
        if key.isdigit():
            log = doc.log("items", key)
            if len(log) > 1:
                found += item_conflicts(key, fields, log)
    return sorted(found, key=lambda c: c.lost.at, reverse=True)


def revert(doc: SharedDoc, conflict: Conflict) -> Change:
    """The change that takes the other side: the lost value back, or the removed item back."""
    fields = dict(doc.raw("items")).get(str(conflict.item))
    if fields is None:
        return Change()
    item = MapItem.model_validate(SharedDoc.clean(fields))
    if conflict.field == GONE:
        return Change(items=(item,), revive=(item.id,))
    if conflict.field == "order":
        return _reordered(doc, item, int(conflict.lost.value))
    return Change(items=(item.model_copy(update={conflict.field: conflict.lost.value}),))


def _reordered(doc: SharedDoc, item: MapItem, place: int) -> Change:
    """The item at ``place`` (1-based) of its cell as it is now, the cell numbered afresh."""
    cell = [i for i in cell_items(JourneyMap(items=doc.records("items")), item.phase, item.kind) if i.id != item.id]
    cell.insert(max(0, min(place - 1, len(cell))), item)
    return Change(items=tuple(i.model_copy(update={"order": n}) for n, i in enumerate(cell, start=1) if i.order != n))
