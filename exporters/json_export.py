"""The whole study as the versioned JSON interchange document."""

from __future__ import annotations

import re

from trodden.models.interchange import build_document, dumps
from trodden.models.names import INVISIBLE
from trodden.models.storage.store import StudyStore


def study_json(store: StudyStore, *, include_private: bool = False) -> tuple[str, list[str]]:
    """(JSON text, problems): interviews that could not be read are left out and named."""
    document, problems = build_document(store, include_private=include_private)
    return escape_invisible(dumps(document)), [str(problem) for problem in problems]


def escape_invisible(json_text: str) -> str:
    """``json_text`` with DEL, C1 controls (U+009B is a one-byte CSI), bidi overrides and other
    invisible characters written as ``\\u`` escapes: the same data when read back, but a file
    that is ``cat`` to a terminal or opened in an editor shows them instead of obeying them.

    They can only occur inside JSON strings (never in its syntax), so the swap is always valid.
    """
    return INVISIBLE.sub(_escape, json_text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
