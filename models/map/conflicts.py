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
from .journey_map import Change, MapItem
from .shared_doc import SharedDoc

GONE = "_gone"
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

        def shown(value: Any) -> str:
            return in_quotes(phase_name(value) if self.field == "phase" else str(value))

        said = _("{kept} set {field} to {value}, {lost} to {other} at the same time ({when} UTC); kept {kept}'s")
        field = _(FIELD_NAMES[self.field]) if self.field in FIELD_NAMES else self.field
        values = {"value": shown(self.kept.value), "other": shown(self.lost.value)}
        return f"{self.title}: " + said.format(kept=self.kept.by, lost=self.lost.by, field=field, when=when, **values)


def _ancestors(entries: dict[str, dict]) -> dict[str, set[str]]:
    memo: dict[str, set[str]] = {}

    def up(key: str) -> set[str]:
        if key in memo:
            return memo[key]
        memo[key] = set()
        found: set[str] = set()
        for parent in entries[key].get("p", []):
            if parent in entries:
                found |= {parent, *up(parent)}
        memo[key] = found
        return found

    return {key: up(key) for key in entries}


def _writer(entry: dict) -> str:
    return str(entry.get("e", "")).split(".")[0]


def item_conflicts(key: str, fields: dict, log: list[dict]) -> list[Conflict]:
    """The unresolved conflicts in one item's log (``fields``: the item as stored now)."""
    entries = {str(e["e"]): e for e in log if "e" in e}
    seen = _ancestors(entries)
    order = list(entries)
    title = str(fields.get("title", key))
    out = []
    for i, a_key in enumerate(order):
        for b_key in order[i + 1 :]:
            a, b = entries[a_key], entries[b_key]
            if _writer(a) == _writer(b) or a_key in seen[b_key] or b_key in seen[a_key]:
                continue
            later = [k for k in order if a_key in seen[k] and b_key in seen[k]]
            for field, conflict in _pair(int(key), title, fields, a, b):
                if not any(field in entries[k].get("f", {}) for k in later):
                    out.append(conflict)
    return out


def _pair(item: int, title: str, fields: dict, a: dict, b: dict):
    fa, fb = a.get("f", {}), b.get("f", {})
    if bool(fa.get(GONE)) != bool(fb.get(GONE)) and fields.get(GONE):
        gone, other = (a, b) if fa.get(GONE) else (b, a)
        if set(other.get("f", {})) - {GONE}:
            yield GONE, Conflict(item, title, GONE, _side(gone, gone["f"][GONE]), _side(other, None))
        return
    for field in sorted((set(fa) & set(fb)) - {GONE}):
        if fa[field] == fb[field]:
            continue
        kept, lost = (a, b) if fields.get(field) == fa[field] else (b, a)
        yield field, Conflict(item, title, field, _side(kept, kept["f"][field]), _side(lost, lost["f"][field]))


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
    return Change(items=(item.model_copy(update={conflict.field: conflict.lost.value}),))
