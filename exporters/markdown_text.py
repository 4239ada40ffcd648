"""User text made safe for CommonMark: literal everywhere, never structure.

A note saying ``# not a heading``, ``| a | b |``, ``<script>`` or ``**bold**`` must come
out as those characters, and never break a table, a list or the page around it.
"""

from __future__ import annotations

import re

from trodden.models.names import visible

_ALWAYS = re.compile(r"([\\`*_\[\]<>#|~&!$])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def escape(text: str) -> str:
    """Inline Markdown for ``text``: punctuation that means something is backslash-escaped."""
    lines = visible(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    escaped = []
    for line in lines:
        line = _ALWAYS.sub(r"\\\1", line)
        line = _LINE_START.sub(
            lambda m: m.group(1) + "".join("\\" + c if not c.isdigit() else c for c in m.group(2)), line
        )
        escaped.append(line)
    return "  \n".join(escaped)  # a hard line break keeps the text's own lines


def cell(text: str) -> str:
    """Text for a table cell: escaped, on one line (a cell cannot hold a line break)."""
    flat = " ".join(visible(text).split())
    return _ALWAYS.sub(r"\\\1", flat) or " "


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A GFM table; ``headers`` and ``rows`` are already-escaped cell texts."""
    width = len(headers)
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(["---"] * width) + "|"]
    for row in rows:
        padded = (list(row) + [" "] * width)[:width]
        lines.append("| " + " | ".join(padded) + " |")
    return "\n".join(lines)
