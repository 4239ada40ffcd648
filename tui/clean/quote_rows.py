"""How a quote's transcript check looks in the clean screen: its Check cell and its detail lines."""

from __future__ import annotations

from rich.text import Text

from trodden.models.domain import Note
from trodden.models.names import visible
from trodden.models.transcript.align import Offset
from trodden.models.transcript.quotes import QuoteMatch, QuoteStatus

from .rows import mm_ss


def status_cell(match: QuoteMatch, note: Note) -> Text:
    """Ten columns at most: the Check column's width."""
    if match.status is QuoteStatus.VERBATIM:
        return Text("✓ verbatim", style="bold green")
    if note.checked:
        return Text("✓ by hand", style="green")
    if match.status is QuoteStatus.CLOSE:
        return Text(f"≈ close {match.score:.0f}"[:10], style="bold yellow")
    if match.status is QuoteStatus.NOT_FOUND:
        return Text("not found", style="bold red")
    return Text("unchecked", style="dim")


def offset_text(offset: Offset) -> str:
    sign = "-" if offset.seconds < 0 else "+"
    return f"offset {sign}{mm_ss(abs(offset.seconds))} ({offset.level})"


def check_lines(match: QuoteMatch, note: Note) -> Text:
    """The detail panel's lines on the quote: status, the words said, what differs."""
    text = Text()
    if match.status is QuoteStatus.NO_TRANSCRIPT:
        text.append("\nno transcript: import one (i) or with 'trodden transcript'", style="dim")
        return text
    if not match.found:
        text.append("\ntranscript: not found among the participant's words", style="bold red")
        if note.checked:
            text.append(" · checked by hand", style="green")
        return text
    style = "bold green" if match.status is QuoteStatus.VERBATIM else "bold yellow"
    where = f" at {mm_ss(match.time)}" if match.time is not None else ""
    text.append(f"\ntranscript: {match.status.value} ({match.score:.0f}%){where} · said: ", style=style)
    text.append(visible(f"“{match.said}”"))
    if match.diffs:
        text.append("\ntyped → said: ", style="yellow")
        for number, change in enumerate(match.diffs):
            if number:
                text.append(" · ", style="dim")
            text.append(visible(change.typed or "∅"), style="strike")
            text.append(" → ")
            text.append(visible(change.said or "∅"), style="bold")
        text.append("   w: use the words said · < > narrow/widen", style="dim")
    return text
