"""The symbols that stand for a note's kinds and feelings, on screen and in every export.

One vocabulary everywhere, so a note-taker who learnt ❝ ◆ ★ ⚙ ? ♥ ☁ while capturing reads
the same marks in the guide view, the clean-up screen, the map's inbox and the notes sent to
the group. The map adds one scale of its own, for a feeling averaged over notes (▲ △ ○ ▽ ▼):
no symbol means one thing on one screen and another elsewhere, and every F1 help and the map
show ``LEGEND``.
"""

from __future__ import annotations

from trodden.models.domain import Kind

KIND_SYMBOLS: dict[Kind, str] = {
    Kind.QUOTE: "❝",
    Kind.TOUCHPOINT: "◆",
    Kind.MOMENT: "★",
    Kind.BACKSTAGE: "⚙",
    Kind.QUESTION: "?",
}
KIND_NAMES: dict[Kind, str] = {
    Kind.QUOTE: "quote",
    Kind.TOUCHPOINT: "touchpoint",
    Kind.MOMENT: "moment of truth",
    Kind.BACKSTAGE: "backstage",
    Kind.QUESTION: "follow-up question",
}
HEART = "♥"
CLOUD = "☁"

STRONG_UP, UP, LEVEL, DOWN, STRONG_DOWN, NO_FEELING = "▲", "△", "○", "▽", "▼", "·"
"""An item's feeling on the map, averaged over its notes: +1 or more, above 0, 0, below 0, -1 or less, none."""

NOTE_LEGEND: tuple[tuple[str, str], ...] = (
    *((symbol, KIND_NAMES[kind]) for kind, symbol in KIND_SYMBOLS.items()),
    (f"{HEART} {HEART * 2}", "heart: positive feeling (+1, +2)"),
    (f"{CLOUD} {CLOUD * 2}", "thundercloud: negative feeling (-1, -2)"),
)
MAP_LEGEND: tuple[tuple[str, str], ...] = (
    (f"{STRONG_UP} {UP}", "feeling of an item's notes: +1 or more, above 0"),
    (LEVEL, "neutral (0)"),
    (f"{DOWN} {STRONG_DOWN}", "below 0, -1 or less"),
    (NO_FEELING, "no feeling noted"),
    ("n/N", "customers backing an item, of all interviewed"),
    ("┆?", "hypothesis: no note backs it yet"),
)
LEGEND = NOTE_LEGEND + MAP_LEGEND
"""(symbols, meaning) for every help screen: the notes' marks, then the map's scale."""


def feeling_symbol(valence: int | None) -> str:
    """♥ / ♥♥ for a positive feeling, ☁ / ☁☁ for a negative one, nothing for none."""
    if not valence:
        return ""
    return (HEART if valence > 0 else CLOUD) * min(abs(valence), 2)


def feeling_level(value: float | None) -> str:
    """The map's symbol for a feeling averaged over notes (``MAP_LEGEND``)."""
    if value is None:
        return NO_FEELING
    if value >= 1:
        return STRONG_UP
    if value > 0:
        return UP
    if value <= -1:
        return STRONG_DOWN
    if value < 0:
        return DOWN
    return LEVEL


def legend_line(entries: tuple[tuple[str, str], ...] = LEGEND) -> str:
    """The legend as one plain line: ``❝ quote · ◆ touchpoint · …``."""
    return " · ".join(f"{symbols} {meaning}" for symbols, meaning in entries)
