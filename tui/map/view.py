"""What every part of the map screen shares: its state, the cursor helpers, redrawing, the status line.

``MapScreen`` is assembled from mixins, one per job (loading, writing, inbox, board, curve,
phases, panels). Each mixin derives from ``MapView`` (those that edit the map through
``writing.MapWriting``), so the attributes it relies on are declared here, once, with their
types, and a newcomer reads one short class to know what ``self`` holds. Mixins rather than controller objects because Textual looks actions
(``action_*``) and message handlers (``on_*``) up on the screen itself: a controller would
need a forwarding method for each of the ~50 keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.geometry import Region
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static

from trodden.models.domain import Phase
from trodden.models.map.board_builder import BoardBuilder
from trodden.models.map.curve import emotion_curve
from trodden.models.map.evidence import StudyMapData, inbox
from trodden.models.map.history import History
from trodden.models.map.inbox_filter import InboxFilter, plain_interviews
from trodden.models.map.journey_map import ItemKind, JourneyMap, Lane, MapItem, Mark
from trodden.models.map.map_session import MapSession
from trodden.models.notes.marks import CLOUD, HEART
from trodden.models.storage.store import StudyStore
from trodden.tui.i18n import _, ngettext
from trodden.tui.widgets.dialogs import PromptScreen, RetryingPrompts
from trodden.tui.widgets.status_line import show_status
from trodden.tui.words import word
from trodden.tui.writer import Writer

from .board import Board
from .evidence import backing_text
from .inbox import Inbox

if TYPE_CHECKING:
    from .changes import Shared


def set_border_title(widget: Widget, title: str) -> None:
    """Set ``widget``'s border title, redrawing only the border line that shows it.

    Textual's ``border_title`` setter redraws the whole widget: on the board that is every
    line, after every edit that changes the item count. This stores the title as that
    setter does (Textual 8.2) and marks only the top border line dirty.
    """
    widget._border_title = widget.render_str(title).expand_tabs(4).split()[0]
    offset = widget.content_offset
    widget.refresh(Region(-offset.x, -offset.y, widget.outer_size.width, 1))


class MapView:
    """The map screen's state and the helpers every mixin uses (a mixin of ``MapScreen``)."""

    store: StudyStore
    blink: bool
    """False in tests and snapshots: prompts get a steady cursor"""
    session: MapSession | None
    """the map on disk (None until loaded)"""
    readonly: str
    """why this screen may not edit ("" when it may)"""
    loaded: StudyMapData | None
    """study, interviews and notes index (None until loaded)"""
    journey: JourneyMap
    """the map as shown: edits apply here at once and are stored a moment later"""
    selected: set[int]
    """items selected for merging"""
    filter: InboxFilter
    plain_notes: str
    """which notes without a marker the inbox shows (``inbox_filter.PLAIN_MODES``)"""
    curve_mode: str
    history: History
    writer: Writer
    _armed_remove: object | None
    """what the last delete key asked to remove (a second press removes it)"""
    _suggestion: int | None
    """the item the highlighted inbox note most likely belongs to"""
    _hint_timer: Timer | None
    _board_cache: dict
    """item lines, feelings and channels for the board, valid while the notes stay the same (cleared on load)"""
    _board_builder: BoardBuilder | None
    """the board's columns as last built (a new one with a new notes index or cache)"""
    _curve_stale: bool
    """the board shows the curve from before the last edit (it follows after the edit's frame)"""
    _titles: dict[str, str]
    _unsaved: int
    """map writes handed to the writer and not yet on disk"""
    _submitted: int
    """map writes ever handed to the writer (a look at the others' edits older than one is dropped)"""
    _collector_held: Callable[[], None] | None
    """ends the garbage collector's hold from an edit to its frame (None: not held)"""
    _shown_version: int
    """the session's ``version`` the map on screen was read at"""
    _following: bool
    """a look at the others' edits is on its way"""
    who: str | None
    """the researcher's initials (None: from the environment or the user's config)"""
    watch: bool
    """--read-only: only watch the map"""
    shared_state: Shared
    """who last changed each item, and how many edits clashed (``changes.Shared``)"""

    # ------------------------------------------------------------- widgets
    @property
    def board(self) -> Board:
        return self.query_one(Board)

    @property
    def inbox_widget(self) -> Inbox:
        return self.query_one(Inbox)

    @property
    def inbox_focused(self) -> bool:
        return self.inbox_widget.has_focus

    # ------------------------------------------------------------ the cursor
    @property
    def phases(self) -> list[Phase]:
        data = self.loaded.data if self.loaded else self.store.data
        return sorted(data.phases, key=lambda p: p.order)

    def current_phase(self) -> Phase | None:
        phases = self.phases
        return phases[self.board.cursor.phase] if phases and self.board.cursor.phase < len(phases) else None

    def current_item(self) -> MapItem | None:
        entry = self.board.entry()
        if entry is None or entry.kind != "item":
            return None
        return self.journey.item(int(entry.ref))  # type: ignore[arg-type]

    def _need_item(self) -> MapItem | None:
        """The board's item a key acts on; none while the inbox has the focus (keys act on the
        focused panel: an item key pressed in the inbox must not change an item out of sight)."""
        if self.inbox_focused:
            self.status(_("This key changes a map item: tab to the board first"), "yellow")
            return None
        item = self.current_item()
        if item is None:
            self.status(_("Put the board's cursor on an item first"), "yellow")
        return item

    def _new_id(self, table: str) -> int:
        assert self.session is not None
        return self.session.next_id(table)

    def phase_name(self, phase_id: str | None) -> str:
        return next((p.name for p in self.phases if p.id == phase_id), _("no phase"))

    def _focus_item(self, item_id: int) -> None:
        found = self.board.find(item_id, (Lane.TOUCHPOINTS, Lane.MOMENTS, Lane.BACKSTAGE))
        if found is not None:
            self.board.go_to(found[0], found[1], item_id)

    _status_said: int = 0
    """how many status messages were set: a message put off to the next frame yields to a newer one"""
    reopened: list[Callable[[MapSession | None], None]]
    """who waits for the session the next load opens (``ChangeLink.reopen_session``)"""
    after_reload: tuple[str, str, Callable[[str], None] | None] | None = None
    """what the status line says once a reload is shown, instead of the study's counts (a failed write's
    reason: the reload takes the edit off the screen, and the user must still see why), and the prompt
    to ask again with the words the edit was made from"""

    # ------------------------------------------------------------- redrawing
    def refresh_board(self, *, curve_later: bool = False) -> None:
        """Show the map as it is now. ``curve_later`` (a key's edit): the customer curve, the one
        part that reads every item's evidence, is worked out once the edit's frame is drawn."""
        if self.loaded is None:
            return
        index = self.loaded.index
        shown = self.board.model
        if curve_later and shown is not None and [p.id for p in shown.phases] == [p.id for p in self.phases]:
            curve = shown.curve
            if not self._curve_stale:
                self._curve_stale = True
                self.board.call_after_refresh(self._curve_after_frame)
        else:
            curve = emotion_curve(self.phases, index, self.journey)
            self._curve_stale = False
        self.board.curve_mode = self.curve_mode
        waiting = dict(self.inbox_widget.waiting)  # kept up to date by the inbox as notes leave it
        builder = self._board_builder
        if builder is None or builder.index is not index or builder.cache is not self._board_cache:
            builder = self._board_builder = BoardBuilder(index, self._board_cache)
        # only the phases the edit touched are built again
        self.board.set_model(builder.build(self.phases, self.journey, curve, frozenset(self.selected), waiting))
        self._update_titles()

    def _curve_after_frame(self) -> None:
        if self._curve_stale:  # not drawn afresh since: the curve now (the columns are kept)
            self.refresh_board()

    def refresh_inbox(self) -> None:
        if self.loaded is None:
            return
        index = self.loaded.index
        notes = inbox(index, self.journey, plain_interviews(self.loaded.interviews, self.plain_notes))
        if not self.filter.empty:
            match = self.filter.predicate(index)
            notes = [note for note in notes if match(note)]
        self.inbox_widget.set_notes(notes, index.participant_of, self.phases)
        self.refresh_board()  # the column headers count the inbox's notes

    def _update_titles(self) -> None:
        hearts = sum(1 for i in self.journey.items if i.mark is Mark.HEART)
        clouds = sum(1 for i in self.journey.items if i.mark is Mark.CLOUD)
        moments = sum(1 for i in self.journey.items if i.kind is ItemKind.MOMENT)
        title = _("Map: {items} items · {heart} {hearts}/3-5 · {cloud} {clouds}/3-5 · moments {moments}/2-4").format(
            items=len(self.journey.items), heart=HEART, hearts=hearts, cloud=CLOUD, clouds=clouds, moments=moments
        )
        if self._titles.get("board") != title:
            self._titles["board"] = title
            set_border_title(self.board, title)
        box = self.query_one("#inbox-box")
        shown = len(self.inbox_widget.notes)
        title = ngettext("Inbox: {shown} note to place", "Inbox: {shown} notes to place", shown).format(shown=shown) + (
            "" if self.filter.empty else " " + _("(filtered)")
        )
        if self._titles.get("inbox") != title:
            self._titles["inbox"] = title
            set_border_title(box, title)

    # ------------------------------------------------------------ status line
    def status(self, message: str, style: str = "") -> None:
        self._status_said += 1
        show_status(self.query_one("#map-status", Static), message, style, layout=False)

    def status_after_frame(self, message: str, style: str = "") -> None:
        """An edit's message, in the frame after the edit's: the status line is the screen's
        bottom row, and in the edit's frame it made Textual visit every widget between it and
        the board (~1-1.5 ms). A message set meanwhile (a later key's) is not overwritten."""
        said = self._status_said = self._status_said + 1

        def show() -> None:
            if self._status_said == said:
                self.status(message, style)

        self.board.call_after_refresh(show)

    def _show_saved(self) -> None:
        label = self.query_one("#map-saved", Static)
        if self.readonly:
            label.update(Text(_("read-only"), style="bold yellow"), layout=False)
        elif self._unsaved:
            label.update(Text(_("saving…"), style="yellow"), layout=False)
        else:
            label.update(Text(_("saved ✓"), style="green"), layout=False)

    def _fail(self, error: Exception) -> None:
        self.status(str(error), "bold red")

    # ---------------------------------------------------------------- prompts
    prompts: RetryingPrompts
    """the prompts whose answers become edits (``ask``)"""

    def ask(self, prompt: PromptScreen, done: Callable[[str | None], None]) -> None:
        """Show ``prompt``; ``done`` gets the answer. An edit made from the answer that the disk then
        refuses asks again with the words typed (``answer_retry``): what was typed is never lost."""
        self.prompts.ask(self.app, prompt, done)

    def answer_retry(self) -> Callable[[str], None] | None:
        """Asking the prompt being answered again, with its answer and why (None outside an answer)."""
        return self.prompts.retry(self.app)

    # ------------------------------------------------------------ navigation
    def action_cursor(self, dx: int, dy: int) -> None:
        if self.inbox_focused:
            if dy:
                self.inbox_widget.move(dy)
            return
        self.board.move(phase=dx, row=dy)

    def action_lane(self, step: int) -> None:
        if self.inbox_focused:
            self.inbox_widget.move(step * 10)
        else:
            self.board.move(lane=step)

    def action_switch(self) -> None:
        if self.inbox_focused or self.query_one("#inbox-filter", Input).has_focus:
            self.board.focus()
        else:
            self.inbox_widget.focus()

    def on_board_cursor_moved(self, message: Board.CursorMoved) -> None:
        if message.by_user:  # a redraw (another researcher's edit coming in) must not disarm a remove
            self._armed_remove = None
        self.share_cursor()  # type: ignore[attr-defined]  # changes.MapChanges
        if not message.by_user:  # moved after an edit: leave the edit's message to be read
            return
        item = self.current_item()
        if item is not None and self.loaded is not None and self.board.has_focus:
            n, total = self.loaded.index.backing(item)
            what = _("hypothesis") if item.is_hypothesis else backing_text(item, self.loaded.index, n, total)
            self.status(
                _("{title} · {value} · {what} · enter: evidence").format(
                    title=item.title, value=word(item.kind), what=what + self.changed_by(item.id)
                )
            )

    def changed_by(self, item_id: int, *, others_only: bool = False) -> str:
        """`` · last changed by AB 14:02 UTC`` for the status line ("" when unknown; ``others_only``:
        also when it was this researcher)."""
        who, at = self.shared_state.stamps.get(str(item_id), ("", ""))
        if others_only and self.session is not None and who == self.session.who:
            return ""
        return " · " + _("last changed by {who} {at} UTC").format(who=who, at=at[11:16]) if who else ""
