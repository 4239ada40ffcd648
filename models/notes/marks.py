"""The symbols that stand for a note's kinds and feelings, on screen and in every export.

One vocabulary everywhere, so a note-taker who learnt ❝ ◆ ★ ⚙ ? ♥ ☁ while capturing reads
the same marks in the guide view, the clean-up screen and the notes sent to the group.
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
HEART = "♥"
CLOUD = "☁"


def feeling_symbol(valence: int | None) -> str:
    """♥ / ♥♥ for a positive feeling, ☁ / ☁☁ for a negative one, nothing for none."""
    if not valence:
        return ""
    return (HEART if valence > 0 else CLOUD) * min(abs(valence), 2)
