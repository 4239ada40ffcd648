"""How the board's entries look: Rich ``Text`` for the plain lines of ``models.map.board_model``.

The model decides what each line says (which item, how many participants back it, its
feeling); this module decides glyphs and colours. User text goes through ``visible`` and
is appended as plain text, never parsed as markup.
"""

from __future__ import annotations

from rich.text import Text

from trodden.models.map.board_model import (
    ChannelLine,
    CurveLine,
    ItemLine,
    Line,
    QuestionLine,
    QuoteLine,
    SuggestionLine,
)
from trodden.models.map.curve import CurvePoint
from trodden.models.map.journey_map import Mark
from trodden.models.names import visible
from trodden.models.notes.marks import CLOUD, HEART, feeling_level
from trodden.tui.i18n import _, number, quote_marks
from trodden.tui.words import word

LABEL_WIDTH = 14
"""columns of the lane titles, left of the phases"""
MARK_GLYPH = {Mark.HEART: (HEART, "bold red"), Mark.CLOUD: (CLOUD, "bold blue")}
"""Single-width glyphs (☁ draws as a double-width emoji in many terminals)."""


def feeling_glyph(value: float | None) -> tuple[str, str]:
    """The symbol (``models/notes/marks.py``: one vocabulary) and colour of an averaged feeling."""
    style = "dim" if value is None else "green" if value > 0 else "red" if value < 0 else "yellow"
    return feeling_level(value), style


def line_text(line: Line) -> Text:
    """The text of one board line (the caller copies it before changing it)."""
    if isinstance(line, ItemLine):
        return item_text(line)
    if isinstance(line, QuestionLine):
        return Text("   " + visible(line.text), style="italic")
    if isinstance(line, SuggestionLine):
        text = Text(f"{MARK_GLYPH[line.mark][0]}? ", style="dim")
        text.append(f"{line.key}: {visible(line.title)}", style="dim italic")
        return text
    if isinstance(line, ChannelLine):
        return Text(f"@{visible(line.name)} ×{line.count}", style="cyan")
    if isinstance(line, QuoteLine):
        return quote_text(line.words, line.participant, changed=line.changed)
    assert isinstance(line, CurveLine)
    return Text("")


def item_text(line: ItemLine) -> Text:
    """``♥▲3/5 title``: mark, feeling, participants backing it, title (hypotheses dim and dashed)."""
    text = Text()
    if line.selected:
        text.append("● ", style="bold magenta")
    if line.hypothesis:
        text.append("┆? ", style="dim italic")
    elif line.flagged:
        text.append("!", style="bold yellow")  # a note-taker flagged a moment-of-truth candidate
    if line.mark is not None:
        glyph, style = MARK_GLYPH[line.mark]
        text.append(glyph, style=style)
    glyph, style = feeling_glyph(line.feeling)
    text.append(glyph, style=style)
    text.append(backing_short(line) + " ", style="dim italic" if line.hypothesis else "bold dim")
    if line.backstage:
        text.append(word(line.backstage) + ": ", style="cyan")
    text.append(visible(line.title), style="dim italic" if line.hypothesis else "")
    return text


def backing_short(line: ItemLine) -> str:
    """``3/5``: customers of customers interviewed (staff never count in it); backstage backed by
    staff says so apart, as the report's map does: ``staff 2`` or ``1/5 · staff 2``, never ``0/5``."""
    backing = f"{line.n}/{line.total}"
    if not line.staff_n:
        return backing
    staff = _("staff {n}").format(n=line.staff_n)
    return f"{backing} · {staff}" if line.n else staff


def quote_text(words: str, participant: str, *, changed: bool = False) -> Text:
    """Verbatim, in quotation marks, with who said it; ``≠`` when edited since it was typed."""
    text = Text("≠ ", style="bold red") if changed else Text()
    opening, closing = quote_marks()
    text.append(opening, style="italic")
    text.append(visible(words), style="italic")
    text.append(closing, style="italic")
    text.append(f" {visible(participant, one_line=True)}", style="dim")
    return text


def curve_label(point: CurvePoint) -> Text:
    """``+1.2 n=4 ±0.5`` or ``override +1 (was +0.4)``."""
    text = Text()
    if point.override is not None:
        text.append(_("override {value}").format(value=number(point.override.value)), style="bold yellow")
        if point.value is not None:
            text.append(" " + _("(data {value})").format(value=number(point.value)), style="dim")
        return text
    if point.value is None:
        return Text(_("no feelings yet"), style="dim")
    text.append(number(point.value), style="bold")
    text.append(f" n={point.n} ±{number(point.spread, '.1f')}", style="dim")
    return text


def cell_text(text: Text | None, column: int) -> Text:
    """A board cell: ``text`` (copied) cut to the column's width, then the column's divider."""
    text = text.copy() if text is not None else Text("")
    text.no_wrap = True
    text.truncate(column - 1, overflow="ellipsis", pad=True)
    text.append("│", style="dim")
    return text
