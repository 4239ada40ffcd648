"""The capture screen's status line, fitted to the terminal's width.

A note-taker glances at it for the clock, the theme and whether the last note is saved.
A long study or theme name must not push the save indicator off an 80-column terminal,
so when the line is too long the separators narrow, then the study's name goes, then
the theme and phase names are shortened with "…" (the phase goes before the theme).
The participant, the clock and the save indicator always stay.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from trodden.models.names import visible
from trodden.tui.base import literal
from trodden.tui.i18n import _

WIDE = "  │  "
NARROW = " │ "
MIN_NAME = 6
"""Cells below which a shortened theme or phase name says too little to keep."""


@dataclass(frozen=True)
class HeaderParts:
    """What the line says, before it is fitted."""

    study: str
    participant: str
    clock: str
    clock_state: tuple[str, str] | None  # e.g. (" paused", "bold yellow")
    theme: str
    phase: str
    status: tuple[str, str]  # e.g. ("✓ saved", "green")


def _line(parts: HeaderParts, sep: str, *, study: bool, theme: str | None, phase: str | None) -> Text:
    pieces: list[Text] = []
    if study:
        pieces.append(literal(parts.study, "bold", one_line=True))
    pieces.append(literal(parts.participant, "bold", one_line=True))
    clock = Text(parts.clock, style="bold")
    if parts.clock_state:
        clock.append(*parts.clock_state)
    pieces.append(clock)
    for label, name in ((_("Theme") + " ", theme), (_("Phase") + " ", phase)):
        if name is not None:
            piece = Text(label)
            piece.append_text(literal(name, "bold", one_line=True))
            pieces.append(piece)
    pieces.append(Text(*parts.status))
    line = Text(sep).join(pieces)
    line.no_wrap = True
    line.overflow = "ellipsis"
    return line


def _shorten(name: str, cells: int) -> str:
    if cell_len(name) <= cells:
        return name
    shortened = Text(name)
    shortened.truncate(cells, overflow="ellipsis")
    return shortened.plain


def full_header(parts: HeaderParts) -> Text:
    return _line(parts, WIDE, study=True, theme=parts.theme, phase=parts.phase)


def fit_header(parts: HeaderParts, width: int) -> Text:
    """The most of ``parts`` that fits in ``width`` cells (see the module's docstring)."""
    for sep in (WIDE, NARROW):
        for study in (True, False):
            line = _line(parts, sep, study=study, theme=parts.theme, phase=parts.phase)
            if line.cell_len <= width:
                return line
    full_theme, full_phase = (visible(name, one_line=True) for name in (parts.theme, parts.phase))  # as shown
    room = width - _line(parts, NARROW, study=False, theme="", phase="").cell_len
    theme_cells, phase_cells = cell_len(full_theme), cell_len(full_phase)
    theme_room = max(room // 2, room - phase_cells)
    phase_room = room - min(theme_room, theme_cells)
    if theme_room >= min(theme_cells, MIN_NAME) and phase_room >= min(phase_cells, MIN_NAME):
        theme, phase = _shorten(full_theme, theme_room), _shorten(full_phase, phase_room)
        return _line(parts, NARROW, study=False, theme=theme, phase=phase)
    room = width - _line(parts, NARROW, study=False, theme="", phase=None).cell_len
    if room >= min(MIN_NAME, theme_cells):
        return _line(parts, NARROW, study=False, theme=_shorten(full_theme, room), phase=None)
    return _line(parts, NARROW, study=False, theme=None, phase=None)


class HeaderLine(Widget):
    """One line of status, fitted at each paint. Updating it repaints the line only
    (a Static would re-lay out the screen)."""

    DEFAULT_CSS = "HeaderLine { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: HeaderParts | None = None

    def show(self, parts: HeaderParts) -> None:
        if parts != self._parts:
            self._parts = parts
            self.refresh()

    def render(self) -> Text:
        if self._parts is None:
            return Text()
        return fit_header(self._parts, self.content_size.width)
