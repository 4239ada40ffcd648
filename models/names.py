"""Turning user-typed names into safe file names, and user text into safe display text."""

from __future__ import annotations

import re
import unicodedata

from trodden.models.i18n import _

from .errors import StoreError

_UNSAFE = re.compile(r"[^\w\-]+")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe_filename(name: str, *, fallback: str = "untitled", max_length: int = 60) -> str:
    """A file-name-safe version of ``name``: letters of any script, digits, ``-`` and ``_``.

    ``../../etc`` becomes ``etc``; a reserved Windows name gets a trailing ``_``.
    """
    normal = unicodedata.normalize("NFC", name)
    cleaned = _UNSAFE.sub("-", normal).strip("-_.")
    cleaned = re.sub(r"-{2,}", "-", cleaned)[:max_length].strip("-_") or fallback
    if cleaned.lower() in _WINDOWS_RESERVED:
        cleaned += "_"
    return cleaned


PARTICIPANT_CODE_MAX = 32


def clean_participant_code(code: str) -> str:
    """A participant code safe for file names; raises ``StoreError`` if nothing is left."""
    cleaned = safe_filename(code.strip(), fallback="", max_length=PARTICIPANT_CODE_MAX)
    if not cleaned:
        raise StoreError(
            _("{code} is not a usable participant code; use letters and digits, like P1").format(code=repr(code))
        )
    return cleaned


def participant_code_as_typed(code: str) -> str:
    """A typed participant code, refused (``StoreError``) rather than quietly changed to fit a file name."""
    cleaned = clean_participant_code(code)
    if cleaned != code.strip():
        raise StoreError(
            _("{code} is not a participant code: use letters, digits, - and _ (like P3), e.g. {cleaned}").format(
                code=repr(code), cleaned=repr(cleaned)
            )
        )
    return cleaned


def visible(text: str, *, one_line: bool = False) -> str:
    """``text`` as display text: the one way user text reaches a terminal, a widget or a Word file.

    Nothing in it can act on a terminal or hide what is written: C0 controls become Unicode
    control pictures (ESC → ␛, so an escape sequence is displayed, never executed), DEL → ␡,
    and C1 controls (U+0080-009F, e.g. the one-byte CSI U+009B), bidi overrides and isolates
    (U+202A-202E, U+2066-2069, marks U+200E/200F/061C), invisible format characters and lone
    surrogates become U+FFFD. Tabs and newlines are kept, and U+2028/2029 become newlines.
    ``one_line`` is for titles, cells and list rows: tabs become spaces, line breaks (and
    U+2028/2029) show as ␊, and zero-width characters as U+FFFD, so one row stays one row and
    two titles that look alike are alike. Markup is not this function's job: strings are never
    parsed as markup in trodden (see ``tui.base.literal``).
    """
    if one_line:
        return _ONE_LINE.sub(_one_line_picture, text)
    return _DISPLAY.sub(_picture, text)


_HIDDEN = (
    "\u061c\u180e\u200e\u200f\u202a-\u202e\u2061-\u2064\u2066-\u206f\ufff9-\ufffb\U000e0000-\U000e007f\ud800-\udfff"
)
"""Bidi controls, invisible operators, interlinear annotations, tag characters, lone surrogates."""
_ZERO_WIDTH = "\u200b\u2060\ufeff"
_DISPLAY = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029{_HIDDEN}]")
INVISIBLE = re.compile(f"[\\x7f-\\x9f\\u2028\\u2029{_HIDDEN}{_ZERO_WIDTH}]")
"""What ``visible`` changes beyond C0 controls: JSON writes these as ``\\u`` escapes (lossless)."""
_ONE_LINE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029{_HIDDEN}{_ZERO_WIDTH}]")


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if char in "\u2028\u2029":
        return "\n"
    return "\ufffd"


def _one_line_picture(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\t":
        return " "
    if char in "\u2028\u2029":
        return "\u240a"
    return _picture(match)
