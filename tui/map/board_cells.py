"""Drawing the board's rows of cells, each cell once.

After an edit a new row in one column shifts every row below it, and each shifted row is a
new combination of cells; drawing cells, not rows, lets those rows reuse what was drawn.
Each cell ends with its dim divider, so a row joined from its cells has the segments of the
row drawn as one ``Text`` (the lane label is drawn with the first cell, as it merges with it).
"""

from __future__ import annotations

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from trodden.models.map.board_model import BoardModel, Line
from trodden.models.map.journey_map import Lane
from trodden.tui.words import word

from .board_text import LABEL_WIDTH, cell_text, line_text

CACHE = 20_000
"""cells and line texts kept; beyond that a cache starts again (a long workshop)"""


def render(text: Text, console: Console) -> Strip:
    return Strip([s for s in text.render(console) if s.text != "\n"])


CHANGED = "✎"
"""starts a mark that says who changed the item a moment ago (not where their cursor is)"""
COLOURS = ("magenta", "cyan", "yellow", "green", "bright_blue", "bright_red")


def researcher_colour(initials: str) -> str:
    """The same colour for a researcher on every screen (from their initials)."""
    return COLOURS[sum(initials.encode()) % len(COLOURS)]


class CellPainter:
    """Rows of cells as strips, each cell cached by (line, column width, under the cursor, focused)."""

    def __init__(self) -> None:
        self._cells: dict[tuple, Strip] = {}
        self._texts: dict[Line, Text] = {}
        """each line's text: a line is a value, so its text never goes stale"""

    def trim(self) -> None:
        if len(self._texts) > CACHE:
            self._texts.clear()
        if len(self._cells) > CACHE:
            self._cells.clear()

    def row(
        self,
        model: BoardModel,
        lane: Lane,
        row: int,
        column: int,
        cursor: int | None,
        focused: bool,
        console: Console,
        marks: dict[int, str] | None = None,
    ) -> Strip:
        """Row ``row`` of ``lane``; ``cursor``: the phase whose cell is highlighted (None: none);
        ``marks``: phases where another researcher's cursor is (their initials)."""
        label = word(lane) if row == 0 else ""
        if not model.phases:
            text = Text(label, style="bold")
            text.truncate(LABEL_WIDTH, pad=True)
            return render(text, console)
        strips = []
        for phase_index in range(len(model.phases)):
            entries = model.cell(lane, phase_index)
            line = entries[row].line if row < len(entries) else None
            first = label if phase_index == 0 else None
            mark = (marks or {}).get(phase_index)
            strips.append(self.cell(line, column, phase_index == cursor, focused, first, console, mark))
        return Strip.join(strips)

    def cell(
        self,
        line: Line | None,
        column: int,
        on_cursor: bool,
        focused: bool,
        label: str | None,
        console: Console,
        mark: str | None = None,
    ) -> Strip:
        """One cell (after the lane ``label`` for the first); the row's base style is the label's bold.
        ``mark``: another researcher's initials, drawn in their colour at the cell's right end
        (``✎AB``: AB changed the item a moment ago, in their colour without a background)."""
        focused = on_cursor and focused
        key = (line, column, on_cursor, focused, label, mark)
        strip = self._cells.get(key)
        if strip is None:
            text = Text(label or "", style="bold")
            start = 0
            if label is not None:
                text.truncate(LABEL_WIDTH, pad=True)
                start = LABEL_WIDTH
            text.append_text(cell_text(self.text(line) if line is not None else None, column))
            if on_cursor:
                text.stylize(
                    Style(reverse=True, bold=True) if focused else Style(reverse=True), start, start + column - 1
                )
            if mark and mark.startswith(CHANGED):  # changed by another researcher a moment ago
                tag = Text(mark, style=f"bold {researcher_colour(mark[1:])}")
                text = text[: max(start, start + column - 1 - len(tag))] + tag + Text("│", style="dim")
            elif mark:
                tag = Text(f"▐{mark}", style=f"bold black on {researcher_colour(mark)}")
                text = text[: max(start, start + column - 1 - len(tag))] + tag + Text("│", style="dim")
            strip = self._cells[key] = render(text, console)
        return strip

    def text(self, line: Line) -> Text:
        text = self._texts.get(line)
        if text is None:
            text = self._texts[line] = line_text(line)
        return text
