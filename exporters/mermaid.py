"""A Mermaid ``journey`` diagram of the report: sections = phases, tasks = touchpoints.

Mermaid's journey lexer takes ``:`` as the start of a task's score, ``#`` and ``%`` as
comments, ``;`` and newlines as line ends, and a line that begins with ``journey``,
``title``, ``section`` or ``accDescr`` as a keyword. User text is cleaned of all of it,
so a phase called "Journey: step #1; 100%" still renders on GitHub and GitLab.
"""

from __future__ import annotations

import re

from .report_model import Report

_REPLACE = str.maketrans(
    {
        ":": ",",
        ";": ",",
        "#": "＃",
        "%": "％",
        "`": "'",
        "<": "‹",
        ">": "›",
        "{": "(",
        "}": ")",
        "\n": " ",
        "\r": " ",
    }
)
_KEYWORD = re.compile(r"(?i)^(journey\b|title\s|section\s|acctitle\b|accdescr\b)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
ZERO_WIDTH_SPACE = "\u200b"
"""Put before a name that starts like a keyword; Mermaid's ``\\s`` does not skip it."""


def clean(text: str, *, fallback: str = "…", limit: int = 80) -> str:
    """``text`` safe as a Mermaid journey title, section or task name (one line)."""
    flat = " ".join(_CONTROL.sub(" ", text.translate(_REPLACE)).split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    flat = flat.strip(",").strip() or fallback
    if _KEYWORD.match(flat):
        flat = ZERO_WIDTH_SPACE + flat
    return flat


def actor(code: str) -> str:
    """A participant code as an actor (commas separate actors)."""
    return clean(code).replace(",", " ")


def journey(report: Report) -> str:
    """The diagram source (without the code fence)."""
    lines = ["journey", f"  title {clean(report.title)}"]
    for phase in report.phases:
        if not phase.touchpoints:
            continue
        lines.append(f"  section {clean(phase.name)}")
        for item in phase.touchpoints:
            task = f"    {clean(item.title)}: {item.score}"
            if item.backers:
                task += ": " + ", ".join(actor(code) for code in item.backers)
            lines.append(task)
    return "\n".join(lines)
