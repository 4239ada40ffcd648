"""What the merge decided silently and a person should know: the "what changed" panel's model.

The CRDT keeps one value when two researchers set the same field of an item at once (two
moves to different phases, two renames), and keeps an item removed when one merged it while
another was renaming it. Both edits are in the item's log (``SharedDoc.log``), each naming the
changes its writer had seen (``p``); two entries neither of which had seen the other were made
at the same time. A conflict stays listed until someone edits that field again having seen
both (a revert does exactly that), so every machine lists the same conflicts. A side that was
edited again by someone who had seen it is history: the newer edit is the side, in its own pair.

Phases are records of the same document with the same logs: two renames of one phase, two
moves of it, or a removal while another renamed it are listed the same way (``collection``
``phases``), and ``phase_revert`` gives the phase records that take the other side. Two
researchers reordering the phases at once (a renumbering writes every phase) clash on each
phase's place: that is listed as one line (``together``), and taking the other side takes it
for all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trodden.models.domain import Phase

from ..i18n import N_, _, in_quotes, ngettext
from .change_log import GONE, open_pairs, writer
from .edit import cell_items
from .journey_map import Change, JourneyMap, MapItem
from .shared_doc import SharedDoc

FIELD_NAMES = {
    "phase": N_("phase"),
    "title": N_("title"),
    "kind": N_("lane"),
    "order": N_("order"),
    "name": N_("name"),
}
"""An item's (or a phase's) fields as the panel names them (translated where they are said)."""


@dataclass(frozen=True)
class Side:
    by: str
    at: str
    value: Any


@dataclass(frozen=True)
class Conflict:
    item: int | str
    """the record's key: an item's id, or a phase's id (``collection`` "phases")"""
    title: str
    field: str
    """the field both set, or ``_gone``: one removed (merged) the item while the other changed it"""
    kept: Side
    lost: Side
    collection: str = "items"
    together: tuple[Conflict, ...] = ()
    """the phases' own place conflicts, when two reorders of several phases clashed (one line)"""

    def describe(self, phase_name=lambda phase: str(phase)) -> str:
        """One line for the panel: who did what, and what the map kept."""
        if self.together:
            said = ngettext(
                "{n} phase ({names}): {kept} and {lost} reordered the phases at the same time ({when} UTC);"
                " kept {kept}'s order",
                "{n} phases ({names}): {kept} and {lost} reordered the phases at the same time ({when} UTC);"
                " kept {kept}'s order",
                len(self.together),
            )
            return said.format(
                n=len(self.together), names=self.title, kept=self.kept.by, lost=self.lost.by, when=self.lost.at[11:16]
            )
        if self.collection == "phases":
            return _("Phase {name}").format(name=self.title) + ": " + self._said(phase_name)
        return f"{self.title}: " + self._said(phase_name)

    def _said(self, phase_name) -> str:
        when = self.lost.at[11:16]
        if self.collection == "phases" and self.field == "order":
            said = _("{kept} and {lost} moved it at the same time ({when} UTC); kept {kept}'s place")
            return said.format(kept=self.kept.by, lost=self.lost.by, when=when)
        if self.field == GONE:
            if self.kept.value not in (True, None):
                what = _(
                    "{kept} merged it away while {lost} changed it ({when} UTC); kept removed, {lost}'s change is in it"
                )
            else:
                what = _(
                    "{kept} removed it while {lost} changed it ({when} UTC); kept removed, {lost}'s change is in it"
                )
            return what.format(kept=self.kept.by, lost=self.lost.by, when=when)

        if self.field == "order":
            said = _(
                "{kept} and {lost} reordered it at the same time ({when} UTC),"
                " to place {value} and {other} in its cell; kept {kept}'s"
            )
            return said.format(
                kept=self.kept.by, lost=self.lost.by, when=when, value=self.kept.value, other=self.lost.value
            )

        def shown(value: Any) -> str:
            return in_quotes(phase_name(value) if self.field == "phase" else str(value))

        said = _("{kept} set {field} to {value}, {lost} to {other} at the same time ({when} UTC); kept {kept}'s")
        field = _(FIELD_NAMES[self.field]) if self.field in FIELD_NAMES else self.field
        values = {"value": shown(self.kept.value), "other": shown(self.lost.value)}
        return said.format(kept=self.kept.by, lost=self.lost.by, field=field, when=when, **values)


def item_conflicts(key: str, fields: dict, log: list[dict], collection: str = "items") -> list[Conflict]:
    """The unresolved conflicts in one record's log (``fields``: the record as stored now)."""
    entries = {str(e["e"]): e for e in log if "e" in e}
    title = str(fields.get("name" if collection == "phases" else "title", key))
    ident: int | str = int(key) if collection == "items" else key
    out = []
    for a_key, b_key, clashing in open_pairs(log):
        a, b = entries[a_key], entries[b_key]
        if GONE in clashing:
            if fields.get(GONE):
                gone, other = (a, b) if a["f"].get(GONE) else (b, a)
                out.append(Conflict(ident, title, GONE, _side(gone, gone["f"][GONE]), _side(other, None), collection))
            continue
        for field in sorted(clashing):
            kept, lost = (a, b) if fields.get(field) == a["f"][field] else (b, a)
            sides = _side(kept, kept["f"][field]), _side(lost, lost["f"][field])
            out.append(Conflict(ident, title, field, *sides, collection))
    return out


def _side(entry: dict, value: Any) -> Side:
    return Side(str(entry.get("by", "")), str(entry.get("at", "")), value)


def find_conflicts(doc: SharedDoc) -> list[Conflict]:
    """Every unresolved conflict on the map's items and phases, newest first."""
    found = []
    logs = doc.all_logs("items")
    for key, fields in doc.raw("items"):
        log = logs.get(key, ())
        if key.isdigit() and _two_writers(log):
            found += item_conflicts(key, fields, log)
    logs = doc.all_logs("phases")
    for key, fields in doc.raw("phases"):
        log = logs.get(key, ())
        if _two_writers(log) and "id" in fields and "name" in fields:
            found += item_conflicts(key, fields, log, "phases")
    return sorted(_reorders_together(found), key=lambda c: c.lost.at, reverse=True)


def _two_writers(log) -> bool:
    """Whether two processes wrote to the log: a conflict needs two entries made at the same
    time, and one process's entries each saw the one before (most records have only one writer)."""
    return len(log) > 1 and any(writer(entry) != writer(log[0]) for entry in log)


def _reorders_together(found: list[Conflict]) -> list[Conflict]:
    """Phase place conflicts between the same two researchers as one conflict: two reorders of the
    phases at once, not one line per phase (not split by time: a renumbering's records are stamped
    one by one, and may straddle a minute)."""
    groups: dict[tuple[str, str], list[Conflict]] = {}
    out = []
    for conflict in found:
        if conflict.collection == "phases" and conflict.field == "order":
            key = (conflict.kept.by, conflict.lost.by)
            groups.setdefault(key, []).append(conflict)
        else:
            out.append(conflict)
    for group in groups.values():
        if len(group) == 1:
            out += group
            continue
        group.sort(key=lambda c: (c.kept.value, str(c.item)))
        newest = max(group, key=lambda c: c.lost.at)
        names = ", ".join(in_quotes(c.title) for c in group)
        out.append(Conflict("", names, "order", newest.kept, newest.lost, "phases", tuple(group)))
    return out


def revert(doc: SharedDoc, conflict: Conflict) -> Change:
    """The change that takes the other side: the lost value back, or the removed item back."""
    fields = dict(doc.raw("items")).get(str(conflict.item))
    if fields is None or conflict.collection != "items":
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


def phase_revert(doc: SharedDoc, conflict: Conflict) -> list[Phase]:
    """The phase records that take the other side (to put, which brings a removed phase back):
    the lost name, the lost place (its ``order`` number), or the removed phase as it is now."""
    if conflict.together:
        return [phase for each in conflict.together for phase in phase_revert(doc, each)]
    fields = dict(doc.raw("phases")).get(str(conflict.item))
    if fields is None or conflict.collection != "phases" or "id" not in fields or "name" not in fields:
        return []
    phase = Phase.model_validate(SharedDoc.clean(fields))
    if conflict.field == GONE:
        return [phase]
    value = int(conflict.lost.value) if conflict.field == "order" else conflict.lost.value
    return [phase.model_copy(update={conflict.field: value})]
