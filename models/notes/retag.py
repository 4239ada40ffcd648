"""Renaming and merging tags and channels in a note or map item: pure functions.

A note's tag is both in its list and, usually, in its words (``#packaging``): both change, and
the note gets a new revision through the cleaning rules (``cleaning.revised``), so the line as
typed stays first in its history. Merging ``A`` into ``B`` is renaming ``A`` to ``B``: a note
that had both keeps ``B`` once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from trodden.models.domain import Note
from trodden.models.i18n import _
from trodden.models.map.journey_map import MapItem

from .cleaning import draft_of, revised

TokenKind = Literal["tag", "channel"]
SIGN = {"tag": "#", "channel": "@"}
_TOKEN = re.compile(r"(?<![\w@#])([@#])(\w+(?:-\w+)*)")
"""The capture syntax's token (models/notes/syntax.py): a sign not glued to a word, a word, inner hyphens."""
_NAME = re.compile(r"\w+(?:-\w+)*")
MAX_NAME = 60
"""A new tag or channel name longer than this is a sentence pasted by mistake (every note, table
row and column it reaches would carry it), not a name."""


class RetagError(ValueError):
    """A name that cannot be a tag or channel; the message is user-ready."""


def clean_name(name: str) -> str:
    """A new tag or channel name as the capture syntax would read it (sign dropped, lower case)."""
    bare = unicodedata.normalize("NFC", name).strip().lstrip("#@").lower()
    if not _NAME.fullmatch(bare):
        raise RetagError(
            _("{name} is not a tag or channel name: letters, digits, _ and inner - only").format(name=repr(name))
        )
    if len(bare) > MAX_NAME:
        raise RetagError(
            _("a tag or channel name is at most {limit} characters; this one has {n}").format(
                limit=MAX_NAME, n=len(bare)
            )
        )
    return bare


def renamed_note(note: Note, kind: TokenKind, old: str, new: str, at: datetime) -> Note | None:
    """``note`` with its ``old`` tag (or channel) called ``new``; None if it has no ``old``."""
    values = list(note.tags if kind == "tag" else note.channels)
    sign = SIGN[kind]
    in_words = any(s == sign and w.lower() == old for s, w in _TOKEN.findall(note.text))
    if old not in values and not in_words:
        return None

    def swap(match: re.Match[str]) -> str:
        if match.group(1) == sign and match.group(2).lower() == old:
            return sign + new
        return match.group()

    text = _TOKEN.sub(swap, note.text)
    renamed = list(dict.fromkeys(new if value == old else value for value in values))
    draft = draft_of(note)
    draft = type(draft)(
        text=text,
        kinds=draft.kinds,
        valence=draft.valence,
        channels=tuple(renamed) if kind == "channel" else draft.channels,
        tags=tuple(renamed) if kind == "tag" else draft.tags,
    )
    return revised(note, draft, at)


def renamed_item(item: MapItem, old: str, new: str) -> MapItem | None:
    """A map item whose hand-set channels hold ``old``, with ``new`` instead (None if not)."""
    if old not in item.channels:
        return None
    return item.model_copy(update={"channels": list(dict.fromkeys(new if c == old else c for c in item.channels))})


@dataclass(frozen=True)
class TokenCount:
    """One tag or channel: its notes, and n of N customers whose notes carry it."""

    kind: TokenKind
    name: str
    notes: int
    customers: int
    of: int
    staff: int = 0


def token_counts(notes: list[Note], participant_of: dict[str, str], staff: set[str], total: int) -> list[TokenCount]:
    """Every tag, then every channel, most notes first; customers counted apart from staff."""
    found: dict[tuple[TokenKind, str], tuple[int, set[str], set[str]]] = {}
    for note in notes:
        who = participant_of.get(note.interview, "")
        for kind, names in (("tag", note.tags), ("channel", note.channels)):
            for name in names:
                count, customers, staffers = found.get((kind, name), (0, set(), set()))
                (staffers if who in staff else customers).add(who)
                found[(kind, name)] = (count + 1, customers, staffers)
    rows = [
        TokenCount(kind, name, count, len(customers), total, len(staffers))
        for (kind, name), (count, customers, staffers) in found.items()
    ]
    return sorted(rows, key=lambda row: (row.kind != "tag", -row.notes, row.name))
