"""What the map's Line-API lists (board, inbox) share: quiet scrollbars, the width and style
every line of a drawing pass is cut and padded with, worked out once a pass, and the styled
lines drawn before reused when the same line shows on another row.

Textual computes ``scrollable_content_region`` (from the scrollbar styles) and ``rich_style``
(from the ancestors, ~0.1 ms) afresh on each access; asked once per line, they cost a key's
frame a few milliseconds on a tall board.

Textual has no terminal scrolling: when the board scrolls a row, or a placed note leaves the
inbox and the notes below move up, every row below is drawn again, each through the styles
pipeline (border, padding, background, colour filter: new strips at every step), which was most
of a place's frame. Yet each of those rows shows a line the list has already drawn, as the same
``Strip`` (the lists cache their lines). ``RowMemo`` keeps the styled row drawn for each line,
so a moved line costs a look-up, and the compositor's own caches on that strip (its filtered,
cut and terminal-text forms) are hits as well.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME, TerminalTheme
from textual._styles_cache import StylesCache
from textual.color import Color
from textual.content import Content
from textual.css.styles import StylesBase
from textual.geometry import Region, Size, Spacing
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .scrollbars import QuietScrollbars

ROWS_KEPT = 1000
"""styled rows kept per list; beyond that the memo starts again"""


class RowMemo(StylesCache):
    """Textual's styles cache, reusing the styled row drawn for a line of content it drew before.

    A content row's styled form depends only on its line and on what is the same for every
    content row of the widget (styles, sizes, colours); those are compared at each drawing pass
    and the memo is emptied when any differs, as it is whenever Textual clears the cache (a whole
    redraw: focus, a theme, a new size). Textual is pinned (8.2.8): ``render`` and ``render_line``
    keep its signatures, and tests compare the screen after keys with a fresh drawing.
    """

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[int, tuple[Strip, Strip]] = {}
        """id(line) -> (the line, its styled row); the line is kept, so its id stays its own"""
        self._context: tuple | None = None
        self.reused = 0
        """rows served from the memo (for tests and the bench)"""

    def clear(self) -> None:
        super().clear()
        self._rows.clear()

    def render(
        self,
        styles: StylesBase,
        size: Size,
        base_background: Color,
        background: Color,
        render_content_line: Callable[[int], Strip],
        filters,
        border_title: tuple[Content, Color, Color, Style] | None,
        border_subtitle: tuple[Content, Color, Color, Style] | None,
        content_size: Size | None = None,
        padding: Spacing | None = None,
        crop: Region | None = None,
        opacity: float = 1.0,
        ansi_theme: TerminalTheme = DEFAULT_TERMINAL_THEME,
        native_ansi: bool = False,
    ) -> list[Strip]:
        hatch = styles.hatch if styles.has_rule("hatch") else None
        context = (size, content_size, padding, base_background, background, opacity, id(ansi_theme), native_ansi)
        context += (styles.border, styles.outline, styles.tint, styles.text_opacity, styles.padding, hatch)
        if context != self._context or len(self._rows) > ROWS_KEPT:
            self._rows.clear()
            self._context = context
        return super().render(
            styles,
            size,
            base_background,
            background,
            render_content_line,
            filters,
            border_title,
            border_subtitle,
            content_size=content_size,
            padding=padding,
            crop=crop,
            opacity=opacity,
            ansi_theme=ansi_theme,
            native_ansi=native_ansi,
        )

    def render_line(
        self,
        styles: StylesBase,
        y: int,
        size: Size,
        content_size: Size,
        padding: Spacing,
        base_background: Color,
        background: Color,
        render_content_line: Callable[[int], Strip],
        border_title,
        border_subtitle,
        opacity: float,
        ansi_theme: TerminalTheme,
        native_ansi: bool,
    ) -> Strip:
        args = (padding, base_background, background)
        rest = (border_title, border_subtitle, opacity, ansi_theme, native_ansi)
        gutter = styles.gutter
        content_y = y - gutter.top
        if not (0 <= content_y < content_size.height and y < size.height - gutter.bottom):
            return super().render_line(styles, y, size, content_size, *args, render_content_line, *rest)
        line = render_content_line(content_y)
        found = self._rows.get(id(line))
        if found is not None and found[0] is line:
            self.reused += 1
            return found[1]
        row = super().render_line(styles, y, size, content_size, *args, lambda _y: line, *rest)
        self._rows[id(line)] = (line, row)
        return row


class LineList(QuietScrollbars, ScrollView):
    """A Line-API list whose ``render_line`` reads ``_width`` and ``_style``, set for each pass."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._styles_cache = RowMemo()
        self._width = 0
        """the content width of the lines being drawn (set by ``render_lines``)"""
        self._style = Style()
        """the widget's style for the padding of the lines being drawn (set by ``render_lines``)"""

    def render_lines(self, crop: Region) -> list[Strip]:
        self._width = self.scrollable_content_region.width
        self._style = self.rich_style
        return super().render_lines(crop)
