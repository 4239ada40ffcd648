"""Each shared record's short log of changes: who changed which fields, having seen which changes.

Beside every record of the shared map (``shared_doc``) is a log of its last changes. An entry
is ``{"e": id, "by", "at", "f": fields set, "p": the latest entries its writer had seen}``; what
an entry saw is the closure of ``p``. Entries sit in the log in an order that respects what was
seen (each is appended after everything its writer had), so a log trimmed only at its start
keeps every chain between the entries it keeps: two kept entries are read as made at the same
time only if they were.

Trimming keeps the last ``LOG_KEEP`` entries, or more: everything from the oldest entry of an
unresolved conflict on (two entries made at the same time that set the same field, which no
later entry having seen either of them set again), up to ``LOG_CAP`` in all. A busy session editing other
fields of the item never pushes a conflict out of the "what changed" panel, and the log stays
bounded (beyond ``LOG_CAP`` entries after it, a conflict is dropped with the oldest).
"""

from __future__ import annotations

LOG_KEEP = 12
"""settled changes remembered per record"""
LOG_CAP = 48
"""entries per record at most, unresolved conflicts included (the oldest go first beyond it)"""
GONE = "_gone"


def ancestors(entries: dict[str, dict]) -> dict[str, set[str]]:
    """Every entry each entry's writer had seen (the closure of ``p`` over the entries present)."""
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


def writer(entry: dict) -> str:
    return str(entry.get("e", "")).split(".")[0]


def clashing_fields(a: dict, b: dict) -> set[str]:
    """The fields two entries made at the same time both decided (``_gone``: one removed the
    record while the other changed it)."""
    fa, fb = set(a.get("f", {})), set(b.get("f", {}))
    if bool(a.get("f", {}).get(GONE)) != bool(b.get("f", {}).get(GONE)) and (fa | fb) - {GONE}:
        return {GONE}
    return {f for f in (fa & fb) - {GONE} if a["f"][f] != b["f"][f]}


def open_pairs(log: list[dict]) -> list[tuple[str, str, set[str]]]:
    """Pairs of entries made at the same time, with the fields they clash on that no later entry
    decided again having seen either of them: ``(a, b, fields)``, in log order. A later entry that
    saw one side replaced that side's value (if it was made without seeing the other, it is the
    one that clashes now, listed as its own pair); one that saw both settled the field."""
    entries = {str(e["e"]): e for e in log if isinstance(e, dict) and "e" in e}
    seen = ancestors(entries)
    order = list(entries)
    out = []
    for i, a_key in enumerate(order):
        for b_key in order[i + 1 :]:
            a, b = entries[a_key], entries[b_key]
            if writer(a) == writer(b) or a_key in seen[b_key] or b_key in seen[a_key]:
                continue
            fields = clashing_fields(a, b)
            if not fields:
                continue
            later = [entries[k] for k in order if a_key in seen[k] or b_key in seen[k]]
            settled = {f for f in fields for k in later if f in k.get("f", {})}
            if fields - settled:
                out.append((a_key, b_key, fields - settled))
    return out


def kept(log: list[dict]) -> set[str]:
    """The entries to keep: the last ``LOG_KEEP``, or all from the oldest open conflict's on
    (``LOG_CAP`` at most), always a tail of the log so that no chain of ``p`` is cut."""
    ids = [str(e["e"]) for e in log if isinstance(e, dict) and "e" in e]
    start = max(0, len(ids) - LOG_KEEP)
    pinned = {key for a, b, _fields in open_pairs(log) for key in (a, b)}
    if pinned:
        start = min(start, min(ids.index(key) for key in pinned))
    return set(ids[max(start, len(ids) - LOG_CAP) :])
