"""The interface catalogues as the i18n tests read them: every msgid of the screens, each translation."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from trodden.tui.i18n_extract import Contextual, messages

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "tui" / "locale"
LANGUAGES = ("sv", "da")

IDENTICAL = {
    "sv": {
        "(data {value})",
        "Filter",
        "Guide",
        "Status",
        "Team",
        "info",
        "system",
        "neutral (0)",
        "status",
        "argument %(argument_name)s: %(message)s",
    },
    "da": {
        "neutral (0)",
        "(data {value})",
        "Filter",
        "Guide",
        "Interview",
        "Interviewer",
        "Matrix",
        "Note",
        "Status",
        "Tags",
        "Team",
        "Type",
        "episode",
        "info",
        "interviewer",
        "prototype",
        "system",
        "tag",
        "tags:",
        "{participant} · {interview} · note {seq}",
        "note {seq}: {problem}",
        "note {seq}",
        "status",
        "argument %(argument_name)s: %(message)s",
        ("{n} interview", "{n} interviews"),
        ("{n} tag", "{n} tags"),
    },
}
"""The only entries spelled the same in the language as in English (checked: they are the word there)."""

MARKUP = re.compile(r"(?<!\\)\[/?[a-z][^\]]*\]|\[/\]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def extracted() -> set[str | tuple[str, str]]:
    """Every string the interface marks for translation (what ``pybabel extract -F babel.cfg`` finds):
    the screens, the command line and the sentences models make; a plural as (singular, plural)."""
    found: set[str | tuple[str, str]] = set()
    for path in sorted([*(ROOT / "tui").rglob("*.py"), *(ROOT / "models").rglob("*.py")]):
        if path.name.startswith("i18n"):
            continue
        for _line, message in messages(path.read_text(encoding="utf-8")):
            found.add(message)
    return found


def entry_key(message) -> str | tuple[str, ...] | Contextual:
    """A catalogue entry as ``extracted`` names it: a word said in a context is ``Contextual``."""
    return Contextual(message.context, message.id) if message.context else message.id


def catalogue(lang: str):
    with (LOCALE / lang / "LC_MESSAGES" / "trodden.po").open("rb") as file:
        return read_po(file, locale=lang)


NATIVE = {"live"}
"""English words the Swedish and Danish interfaces use themselves ("Anteckna live", "Tag noter live")."""


def english_pieces(lang: str) -> list[tuple[str, str, re.Pattern]]:
    """Pieces of English that must not be on a screen drawn in ``lang``: each translated msgid's
    words between its placeholders and markup (one piece per line), as whole words, when the piece
    is not also in the translation. A one-word piece counts only as a whole msgid (a label or a
    status word), not cut out of a sentence. Each as (msgid, the piece, its whole-word pattern)."""
    found = []
    for message in catalogue(lang):
        if not message.id:
            continue
        translation = "\n".join(forms(message.string))
        for msgid in forms(message.id):
            if msgid == translation:
                continue
            for piece in re.split(r"\n", PLACEHOLDER.sub("\n", MARKUP.sub("\n", msgid))):
                piece = piece.strip(" ·:;,.()|")
                if not re.search(r"[A-Za-z]{3}", piece) or piece in translation or piece in NATIVE:
                    continue
                if " " not in piece and piece != msgid.strip(" ·:;,.()|"):
                    continue
                # not after @ # / : nor before : (theme:2, kind:quote: the filter syntax)
                pattern = re.compile(r"(?<![\w@#/:])" + re.escape(piece) + r"(?![\w:])")
                found.append((msgid, piece, pattern))
    return found


def forms(text: str | tuple[str, ...] | Contextual) -> tuple[str, ...]:
    """A catalogue entry's id or string as a tuple: a plural's forms, or the one string."""
    if isinstance(text, Contextual):
        return (text.id,)
    return text if isinstance(text, tuple) else (text,)


def english_fragments(lang: str) -> list[tuple[str, re.Pattern]]:
    """``english_pieces`` as (msgid, pattern)."""
    return [(msgid, pattern) for msgid, _piece, pattern in english_pieces(lang)]


def english_on_screen(lang: str, seen: dict[str, str]) -> list[str]:
    """Every English piece found in ``seen`` (where -> text drawn there), one line each, sorted.

    A piece's plain substring test comes before its regular expression: the pattern can only
    match where the piece is, and most pieces are on no screen, so the scan stays cheap
    (thousands of pieces times dozens of screens)."""
    left = set()
    for msgid, piece, pattern in english_pieces(lang):
        for where, text in seen.items():
            if piece in text and (match := pattern.search(text)):
                left.add(f"{where}: {match.group()!r} (from {msgid[:60]!r})")
    return sorted(left)
