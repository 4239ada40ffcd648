"""The mapping workshop: assemble the journey on a board from every interview's notes.

The screen holds the map in memory and applies each edit at once (a pure ``Change``
from ``models.map.edit``), then stores it on its writer thread, so the board answers
within milliseconds while every change is still durable a moment later. One editor at a
time: a second ``trodden map`` opens read-only and follows the editor's changes.

The screen is put together from one mixin per job, each in its own module of this
package (see ``view.py`` for why mixins):

- ``view.MapView``: the state every part shares, cursor helpers, redrawing, status line
- ``writing.MapWriting``: commit an edit, undo/redo, the writer thread
- ``loading.MapLoading``: load, reload, follow the editor when read-only
- ``inbox_actions.InboxActions``: place, add to an item, quote, filter the inbox
- ``board_actions.BoardActions``: open, merge, move, promote, write, rename, remove items
- ``curve_actions.CurveActions``: hearts, thunderclouds, the curve
- ``phases.PhaseEditing``: rename, add, remove, reorder phases
- ``panels.MapPanels``: method checks and stats
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from trodden.models.map.evidence import StudyMapData
from trodden.models.map.history import History
from trodden.models.map.inbox_filter import PLAIN_MODES, InboxFilter
from trodden.models.map.journey_map import JourneyMap
from trodden.models.map.map_session import MapSession
from trodden.models.notes.marks import CLOUD, DOWN, HEART, LEVEL, STRONG_DOWN, STRONG_UP, UP
from trodden.models.storage.store import StudyStore
from trodden.tui.base import LiteralInput, TroddenScreen, literal
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.writer import Writer

from .actions import ACTIONS, HELP_INTRO
from .board import Board
from .board_actions import BoardActions
from .curve_actions import CurveActions
from .inbox import Inbox
from .inbox_actions import InboxActions
from .loading import MapLoading
from .panels import MapPanels
from .phases import PhaseEditing

HINT_DELAY = 0.25
"""seconds the inbox cursor rests before a similar item is looked for"""


BOARD_LEGEND = (
    f"{HEART} heart · {CLOUD} thundercloud · {STRONG_UP}{UP}{LEVEL}{DOWN}{STRONG_DOWN} feeling"
    " · n/N customers · ┆? hypothesis · F1: every symbol"
)
"""The map's symbols under the board (``models/notes/marks.py``; all of them in F1)."""


class MapScreen(MapLoading, InboxActions, BoardActions, CurveActions, PhaseEditing, MapPanels, TroddenScreen):
    CONTEXT = "map"
    BINDINGS = ACTIONS
    HELP_INTRO = HELP_INTRO
    CSS_PATH = "map.tcss"

    def __init__(
        self, store: StudyStore, *, blink: bool = True, follow_every: float = 1.0, hint_delay: float = HINT_DELAY
    ) -> None:
        super().__init__()
        self.hint_delay = hint_delay
        self.store = store
        self.blink = blink
        self.follow_every = follow_every
        self.session: MapSession | None = None
        self.readonly = ""
        self.loaded: StudyMapData | None = None
        self.journey = JourneyMap()
        self.selected: set[int] = set()
        self.filter = InboxFilter()
        self.plain_notes = PLAIN_MODES[0]
        self.curve_mode = ""
        self.history = History()
        self.writer = Writer(self, "map")
        self._unsaved = 0
        self._armed_remove = None
        self._suggestion = None
        self._board_cache = {}
        self._hint_timer = None
        self._titles = {}
        self._follow_timer = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="map-top"):
            yield Static(literal(f"trodden · map · {self.store.study.name}", one_line=True), id="map-title")
            yield Static("", id="map-saved")
        yield Static("", id="map-banner")
        board = Board(id="board")
        board.border_subtitle = BOARD_LEGEND
        yield board
        with Vertical(id="inbox-box") as box:
            box.border_title = "Inbox"
            field = LiteralInput(
                placeholder="filter: @channel #tag kind:quote theme:2 phase:1 P3 + - words", id="inbox-filter"
            )
            field.cursor_blink = self.blink
            yield field
            yield Inbox(id="inbox")
            yield Static("", id="inbox-hint")
        yield Static("Loading the notes of every interview…", id="map-status")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.board.focus()
        self.load()
