"""How a quote's transcript check looks in the clean screen: its Check cell and its detail lines."""

from __future__ import annotations

from rich.text import Text

from trodden.models.domain import Note
from trodden.models.names import visible
from trodden.models.transcript.align import Offset
from trodden.models.transcript.quotes import QuoteMatch, QuoteStatus
from trodden.tui.i18n import _
from trodden.tui.words import LEVEL_WORD
from trodden.tui.words import quote_status_word as status_word

from .rows import mm_ss


def status_cell(match: QuoteMatch, note: Note) -> Text:
    """Ten columns at most: the Check column's width."""
    if match.status is QuoteStatus.VERBATIM:
        return Text(_("✓ verbatim")[:10], style="bold green")
    if note.checked:
        return Text(_("✓ by hand")[:10], style="green")
    if match.status is QuoteStatus.CLOSE:
        return Text(f"≈ {status_word(match.status)} {match.score:.0f}"[:10], style="bold yellow")
    if match.status is QuoteStatus.NOT_FOUND:
        return Text(status_word(match.status)[:10], style="bold red")
    return Text(_("unchecked")[:10], style="dim")


def offset_text(offset: Offset) -> str:
    sign = "-" if offset.seconds < 0 else "+"
    level = _(LEVEL_WORD.get(offset.level, offset.level))
    return _("offset {value} ({level})").format(value=f"{sign}{mm_ss(abs(offset.seconds))}", level=level)


def check_lines(match: QuoteMatch, note: Note) -> Text:
    """The detail panel's lines on the quote: status, the words said, what differs."""
    text = Text()
    if match.status is QuoteStatus.NO_TRANSCRIPT:
        text.append("\n" + _("no transcript: import one (i) or with 'trodden transcript'"), style="dim")
        return text
    if not match.found:
        text.append("\n" + _("transcript: not found among the participant's words"), style="bold red")
        if note.checked:
            text.append(" · " + _("checked by hand"), style="green")
        return text
    style = "bold green" if match.status is QuoteStatus.VERBATIM else "bold yellow"
    where = " " + _("at {time}").format(time=mm_ss(match.time)) if match.time is not None else ""
    status = f"{status_word(match.status)} ({match.score:.0f}%){where}"
    text.append("\n" + _("transcript: {status} · said:").format(status=status) + " ", style=style)
    text.append(visible(f"“{match.said}”"))
    if match.diffs:
        text.append("\n" + _("typed → said:") + " ", style="yellow")
        for number, change in enumerate(match.diffs):
            if number:
                text.append(" · ", style="dim")
            text.append(visible(change.typed or "∅"), style="strike")
            text.append(" → ")
            text.append(visible(change.said or "∅"), style="bold")
        text.append("   " + _("w: use the words said · < > narrow/widen"), style="dim")
    return text
