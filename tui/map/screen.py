"""The mapping workshop: assemble the journey on a board from every interview's notes.

The screen holds the map in memory and applies each edit at once (a pure ``Change``
from ``models.map.edit``), then stores it on its writer thread, so the board answers
within milliseconds while every change is still durable a moment later. Several researchers
edit one map at once, each screen following the others' edits (``models.map.map_session``).

The screen is put together from one mixin per job, each in its own module of this
package (see ``view.py`` for why mixins):

- ``view.MapView``: the state every part shares, cursor helpers, redrawing, status line
- ``writing.MapWriting``: commit an edit, undo/redo, the writer thread
- ``loading.MapLoading``: load, reload, follow the other researchers' edits
- ``inbox_actions.InboxActions``: place, add to an item, quote, filter the inbox
- ``board_actions.BoardActions``: open, merge, move, promote, write, rename, remove items
- ``curve_actions.CurveActions``: hearts, thunderclouds, the curve
- ``phases.PhaseEditing``: rename, add, remove, reorder phases
- ``panels.MapPanels``: method checks and stats
- ``hypothesis.HypothesisActions``: what the interviews did to the hypothesis; removing one of its items
- ``changes.MapChanges``: who changed what, and edits made at the same time ("what changed")
- ``change_link.ChangeLink``: the problem-area screen (``tui/change``) and the target map
"""

from __future__ import annotations

from collections.abc import Callable

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
from trodden.tui.i18n import _
from trodden.tui.widgets.dialogs import RetryingPrompts
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.writer import Writer

from .actions import ACTIONS, HELP_INTRO
from .board import Board
from .board_actions import BoardActions
from .change_link import ChangeLink
from .changes import MapChanges, Shared
from .curve_actions import CurveActions
from .hypothesis import HypothesisActions
from .inbox import Inbox
from .inbox_actions import InboxActions
from .loading import MapLoading
from .panels import MapPanels
from .phases import PhaseEditing

HINT_DELAY = 0.25
"""seconds the inbox cursor rests before a similar item is looked for"""


def board_legend() -> str:
    """The map's symbols under the board (``models/notes/marks.py``; all of them in F1)."""
    return _(
        "{heart} heart · {cloud} thundercloud · {scale} feeling · n/N customers · ┆? hypothesis · F1: every symbol"
    ).format(heart=HEART, cloud=CLOUD, scale=f"{STRONG_UP}{UP}{LEVEL}{DOWN}{STRONG_DOWN}")


class MapScreen(
    MapLoading,
    InboxActions,
    BoardActions,
    CurveActions,
    PhaseEditing,
    MapPanels,
    HypothesisActions,
    MapChanges,
    ChangeLink,
    TroddenScreen,
):
    CONTEXT = "map"
    BINDINGS = ACTIONS
    HELP_INTRO = HELP_INTRO
    CSS_PATH = "map.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    """A short terminal (under 20 rows) draws the board and the inbox leaner (map.tcss), so the board keeps rows."""

    def __init__(
        self,
        store: StudyStore,
        *,
        blink: bool = True,
        follow_every: float = 0.5,
        hint_delay: float = HINT_DELAY,
        who: str | None = None,
        watch: bool = False,
        link: Callable[[MapSession], None] | None = None,
        live_note: str = "",
        focus_item: int | None = None,
    ) -> None:
        """``focus_item``: put the board's cursor on that item once the map is loaded (from search)."""
        super().__init__()
        self.focus_item = focus_item
        self.live_note = live_note
        """shown in the banner: how others join this map live (``--host``) or whom it joined"""
        self.link = link
        """``trodden map --host/--join``: given the session once it is open (the CLI's live link)"""
        self.who = who
        self.watch = watch
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
        self.kept = None
        self.writer = Writer(self, "map")
        self._collector_held = None
        self._unsaved = 0
        self._submitted = 0
        self._shown_version = 0
        self._following = False
        self.shared_state = Shared()
        self._others = ()
        self._armed_remove = None
        self._highlighted_note: str | None = None
        self._suggestion = None
        self._board_cache = {}
        self._board_builder = None
        self._curve_stale = False
        self._hint_timer = None
        self._titles = {}
        self._follow_timer = None
        self.reopened = []
        self.prompts = RetryingPrompts()

    def compose(self) -> ComposeResult:
        with Horizontal(id="map-top"):
            yield Static(
                literal(_("trodden · map · {name}").format(name=self.store.study.name), one_line=True), id="map-title"
            )
            yield Static("", id="map-saved")
        yield Static("", id="map-banner")
        board = Board(id="board")
        board.border_subtitle = board_legend()
        yield board
        with Vertical(id="inbox-box") as box:
            box.border_title = _("Inbox")
            field = LiteralInput(
                placeholder=_("filter: @channel #tag kind:quote theme:2 phase:1 P3 + - words"), id="inbox-filter"
            )
            field.cursor_blink = self.blink
            yield field
            yield Inbox(id="inbox")
            yield Static("", id="inbox-hint")
        yield Static(_("Loading the notes of every interview…"), id="map-status")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.board.focus()
        self.load()
