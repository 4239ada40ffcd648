"""How the guide view draws its rows: themes, questions, follow-ups and the notes feed.

Kept apart from the screen so the look is in one place. User text always goes through
``literal`` (never markup, control characters made visible).
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from trodden.models.domain import GuideQuestion, GuideTheme, Kind, Note
from trodden.models.guide.progress import Progress, clock_text
from trodden.models.notes.marks import KIND_SYMBOLS, feeling_symbol
from trodden.tui.base import literal
from trodden.tui.capture.marks import CLOUD_STYLE, HEART_STYLE, KIND_STYLES

KIND_MARKS = {kind: (KIND_SYMBOLS[kind], KIND_STYLES[kind]) for kind in KIND_SYMBOLS}
"""The capture screen's symbols and colours, so both sides of the interview read alike."""


def theme_row(number: int, theme: GuideTheme, progress: Progress, *, compact: bool = False) -> Table:
    """``▶  2 Finding the shop ···· 1/3  03:12``: current mark, number, title, ticks, time on it.

    A one-row grid so the title takes what room there is (ellipsis) and the figures stay
    right-aligned, whatever the width of the pane. ``compact`` (a narrow terminal) keeps the
    title and the time only: the ticks are in the questions beside it.
    """
    seconds = progress.seconds.get(theme.id, 0.0)
    is_current = theme.id == progress.current
    if is_current:
        mark, style = Text("▶", style="bold green"), "bold"
    elif seconds > 0:
        mark, style = Text("✓", style="green"), ""
    else:
        mark, style = Text(" "), ""
    title = Text(f"{number} " if compact else f"{number:>2} ", style="dim")
    title.append_text(literal(theme.title, style=style, one_line=True))
    figures = Text()
    if theme.questions and not compact:
        done = sum(1 for question in theme.questions if question.id in progress.ticked)
        figures.append(f"{done}/{len(theme.questions)}  ", style="dim")
    if seconds > 0 or is_current:
        figures.append(clock_text(seconds), style="bold" if is_current else "dim")
    elif not compact:
        figures.append("  ·  ", style="dim")
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(width=1)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", no_wrap=True)
    grid.add_row(mark, title, figures)
    return grid


def question_row(question: GuideQuestion, ticked: bool) -> Text:
    text = Text("☑ " if ticked else "☐ ", style="green" if ticked else "")
    text.append_text(literal(question.text, style="dim strike" if ticked else ""))
    return text


def followup_row(note: Note, asked: bool) -> Text:
    text = Text("✓ " if asked else "? ", style="green" if asked else "bold yellow")
    text.append(clock_text(note.t) + " ", style="dim")
    text.append_text(literal(note.text, style="dim" if asked else "bold"))
    return text


def note_row(note: Note) -> Text:
    """One line of the read-only feed: time, feeling, kind marks, text."""
    text = Text(clock_text(note.t) + " ", style="dim")
    if note.valence:
        text.append(feeling_symbol(note.valence), style=HEART_STYLE if note.valence > 0 else CLOUD_STYLE)
        text.append(" ")
    marks = [KIND_MARKS[kind] for kind in note.kinds if kind in KIND_MARKS]
    for symbol, style in marks:
        text.append(symbol, style=style)
    if marks:
        text.append(" ")
    # channels and tags stay inside the text as typed (@telefon, #kö)
    text.append_text(literal(note.text, style="italic" if note.has(Kind.QUOTE) else ""))
    if note.remark:
        text.append(" — ", style="dim")
        text.append_text(literal(note.remark))
    return text
