"""Turning user-typed names into safe file names, and user text into safe display text."""

from __future__ import annotations

import re
import unicodedata

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
        raise StoreError(f"{code!r} is not a usable participant code; use letters and digits, like P1")
    return cleaned


def visible(text: str) -> str:
    """``text`` with control characters shown as Unicode control pictures (ESC → ␛).

    Used wherever user text reaches a terminal or a Word file: an escape sequence in a
    note is displayed, never executed, and Word never meets a character XML cannot hold.
    Tabs and newlines are kept.
    """
    return _CONTROL.sub(_picture, text)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"
