"""The search results: one line per note, drawn with the Line API so 20,000 hits cost what 20 do.

Only the rows on screen are rendered (``render_line``), so showing every note of a large
study is as quick as showing a few; a row is who, when, the note's marks and its words,
with the words that matched highlighted.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from trodden.models.names import visible
from trodden.models.notes.marks import CLOUD, HEART, KIND_SYMBOLS
from trodden.models.search.index import Hit, SearchIndex
from trodden.models.search.query import Query

MARKS_WIDTH = 4


def clock(seconds: float) -> str:
    whole = max(int(seconds), 0)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def marks_of(hit: Hit) -> str:
    note = hit.note
    feeling = (HEART if (note.valence or 0) > 0 else CLOUD) * min(abs(note.valence or 0), 2)
    return (feeling + "".join(KIND_SYMBOLS[kind] for kind in note.kinds))[:MARKS_WIDTH]


BOLD, DIM, ITALIC = Style(bold=True), Style(dim=True), Style(italic=True)
PLAIN, CYAN, GREEN = Style(), Style(color="cyan"), Style(color="green")
MATCH = Style(bold=True, reverse=True)

Pieces = list[tuple[str, Style]]


def row_pieces(hit: Hit, index: SearchIndex | None, query: Query) -> Pieces:
    """``P2     24:40 ☁◆  words with the match marked  ▣`` (▣: the note backs a map item).

    Plain (text, style) pieces rather than a Rich ``Text``: a row is drawn on every key typed,
    and rendering a ``Text`` costs several times more than handing Textual its segments.
    """
    note = hit.note
    pieces: Pieces = [
        (visible(hit.participant, one_line=True)[:7].ljust(8), BOLD),
        (f"{clock(note.t)} ", DIM),
        (marks_of(hit).ljust(MARKS_WIDTH), PLAIN),
    ]
    shown = visible(note.text, one_line=True)
    words_style = ITALIC if "quote" in note.kinds else PLAIN
    spans = index.spans(note.text, query) if index is not None and len(shown) == len(note.text) else []
    at = 0
    for begin, end in spans:  # visible() keeps one character for one, so the spans still fit
        pieces += [(shown[at:begin], words_style), (shown[begin:end], words_style + MATCH)]
        at = end
    pieces.append((shown[at:], words_style))
    words = note.text.casefold()
    extra = [f"#{tag}" for tag in note.tags if f"#{tag}" not in words]
    extra += [f"@{channel}" for channel in note.channels if f"@{channel}" not in words]
    if extra:
        pieces.append((" " + visible(" ".join(extra), one_line=True), CYAN))
    if hit.items:
        pieces.append(("  ▣", GREEN))
    return [(text, style) for text, style in pieces if text]


def row_text(hit: Hit, index: SearchIndex | None, query: Query) -> str:
    """The row as plain text (tests, and the command line's look)."""
    return "".join(text for text, _ in row_pieces(hit, index, query))


class ResultsList(ScrollView, can_focus=True):
    """The hits, one per line; ``cursor`` is the highlighted one (Enter opens it)."""

    DEFAULT_CSS = """
    ResultsList { height: 1fr; padding: 0 1; overflow-x: hidden; overflow-y: auto; scrollbar-size-vertical: 1; }
    ResultsList > .results--cursor { background: $accent 40%; }
    ResultsList:focus > .results--cursor { background: $accent 70%; }
    """
    COMPONENT_CLASSES = {"results--cursor"}

    class Highlighted(Message):
        def __init__(self, hit: Hit | None) -> None:
            super().__init__()
            self.hit = hit

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: Sequence[Hit] = ()
        self.cursor = 0
        self.index: SearchIndex | None = None
        self.query_shown = Query()
        self._cache: dict[int, Pieces] = {}

    def show(self, hits: Sequence[Hit], index: SearchIndex | None, query: Query) -> None:
        self.hits, self.index, self.query_shown = hits, index, query
        self._cache = {}
        self.cursor = 0
        size = Size(self.size.width, len(hits))
        if size != self.virtual_size:
            # Setting ``virtual_size`` lays the whole screen out again (20-50 ms a key on a busy
            # laptop); only the scrollbar depends on it, so it is set quietly and the scrollbar
            # updated as ScrollView does on a resize (Textual is pinned: tests cover the list).
            self.set_reactive(ResultsList.virtual_size, size)
            self._scroll_update(size)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    @property
    def current(self) -> Hit | None:
        return self.hits[self.cursor] if 0 <= self.cursor < len(self.hits) else None

    def move(self, step: int) -> None:
        """Move the highlight (``step`` rows, clamped); the page keys pass the height."""
        if not self.hits:
            return
        self.cursor = max(0, min(self.cursor + step, len(self.hits) - 1))
        self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, immediate=True)
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    def render_lines(self, crop: Region) -> list[Strip]:
        """The styles are looked up once per frame, not once per line (each walks the DOM)."""
        self._styles = (self.rich_style, self.get_component_rich_style("results--cursor"))
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        base, cursor = getattr(self, "_styles", None) or (self.rich_style, Style())
        if row >= len(self.hits):
            return Strip([Segment(" " * width, base)], width)
        pieces = self._cache.get(row)
        if pieces is None:
            pieces = self._cache[row] = row_pieces(self.hits[row], self.index, self.query_shown)
        style = base + cursor if row == self.cursor else base
        strip = Strip([Segment(text, style + piece) for text, piece in pieces])
        if strip.cell_length > width > 1:  # cut: say so with … rather than stopping mid-word
            return Strip([*strip.crop(0, width - 1), Segment("…", style)], width)
        return strip.crop_extend(0, width, style)
