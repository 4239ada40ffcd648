"""The mapping workshop: assemble the journey on a board from every interview's notes.

The screen holds the map in memory and applies each edit at once (a pure ``Change``
from ``map_edit``), then stores it on a single writer thread, so the board answers
within milliseconds while every change is still durable a moment later. One editor at a
time: a second ``trodden map`` opens read-only and follows the editor's changes.
"""

from __future__ import annotations

import gc
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor

from pydantic import ValidationError
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from trodden.models.domain import Kind, Note, Phase
from trodden.models.errors import Locked, StoreError
from trodden.models.map.curve import emotion_curve
from trodden.models.map.edit import (
    EditError,
    add_evidence,
    cycle_backstage,
    inverse,
    merge_items,
    move_item,
    new_item,
    pick_quote,
    place_note,
    promote_moment,
    remove_evidence,
    remove_item,
    remove_quote,
    rename_item,
    reorder_item,
    set_kind,
    set_mark,
)
from trodden.models.map.evidence import StudyMapData, inbox, load_study_map
from trodden.models.map.inbox_filter import InboxFilter, parse_filter
from trodden.models.map.journey_map import Change, CurveOverride, ItemKind, JourneyMap, Lane, Mark
from trodden.models.map.map_session import MapSession
from trodden.models.map.similarity import duplicate_items, similar_items
from trodden.models.names import visible
from trodden.models.notes.marks import CLOUD, HEART
from trodden.models.storage.store import StudyStore
from trodden.models.storage.study_file import StudyFile
from trodden.tui.base import TroddenScreen, literal
from trodden.tui.widgets.dialogs import PickScreen, PromptScreen, TextPanel
from trodden.tui.widgets.footer import FittingFooter

from .actions import ACTIONS, HELP_INTRO
from .board import Board
from .board_model import LANE_KIND, build_board
from .evidence import ItemScreen
from .inbox import Inbox
from .panels import MapPanels, quote_panel
from .phases import PhaseEditing

UNDO_DEPTH = 200
"""changes the undo key can take back"""
HINT_DELAY = 0.25
"""seconds the inbox cursor rests before a similar item is looked for"""


class MapScreen(PhaseEditing, MapPanels, TroddenScreen):
    CONTEXT = "map"
    BINDINGS = ACTIONS
    HELP_INTRO = HELP_INTRO
    DEFAULT_CSS = """
    MapScreen #map-top { height: 1; background: $primary-background; }
    MapScreen #map-title { width: 1fr; padding: 0 1; }
    MapScreen #map-saved { width: 12; padding: 0 1; text-align: right; }
    MapScreen #map-banner { height: auto; padding: 0 1; background: $warning 30%; display: none; }
    MapScreen #map-banner.shown { display: block; }
    MapScreen #board { height: 3fr; border: round $primary 50%; }
    MapScreen #board:focus { border: round $accent; }
    MapScreen #inbox-box { height: 2fr; border: round $primary 50%; }
    MapScreen #inbox-box:focus-within { border: round $accent; }
    MapScreen #inbox-filter { display: none; height: 1; border: none; padding: 0 1; }
    MapScreen #inbox-filter.shown { display: block; }
    MapScreen #inbox-hint { height: 1; padding: 0 1; color: $text-muted; }
    MapScreen #map-status { height: 1; padding: 0 1; }
    """

    class Loaded(Message):
        def __init__(self, loaded: StudyMapData, session: MapSession | None, readonly: str) -> None:
            super().__init__()
            self.loaded = loaded
            self.session = session
            self.readonly = readonly

    class Followed(Message):
        def __init__(self, journey: JourneyMap, data: StudyFile | None) -> None:
            super().__init__()
            self.journey = journey
            self.data = data

    class LoadFailed(Message):
        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    class Written(Message):
        """A map write finished on the writer thread (``error`` if it failed)."""

        def __init__(self, error: BaseException | None) -> None:
            super().__init__()
            self.error = error

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
        self.curve_mode = ""
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="map-writer")
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._unsaved = 0
        """map writes handed to the writer thread and not yet on disk"""
        self._armed_remove: object | None = None
        self._suggestion: int | None = None
        self._item_texts: dict = {}
        """item texts for the board, valid while the notes stay the same (cleared on load)"""
        self._hint_timer: Timer | None = None
        self._titles: dict[str, str] = {}
        self._follow_timer: Timer | None = None

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="map-top"):
            yield Static(literal(f"trodden · map · {self.store.study.name}"), id="map-title")
            yield Static("", id="map-saved")
        yield Static("", id="map-banner")
        yield Board(id="board")
        with Vertical(id="inbox-box") as box:
            box.border_title = "Inbox"
            field = Input(
                placeholder="filter: @channel #tag kind:quote theme:2 phase:1 P3 + - words", id="inbox-filter"
            )
            field.cursor_blink = self.blink
            yield field
            yield Inbox(id="inbox")
            yield Static("", id="inbox-hint")
        yield Static("Loading the notes of every interview…", id="map-status")
        yield FittingFooter()

    @property
    def board(self) -> Board:
        return self.query_one(Board)

    @property
    def inbox_widget(self) -> Inbox:
        return self.query_one(Inbox)

    def on_mount(self) -> None:
        self.board.focus()
        self.load()

    # ----------------------------------------------------------------- loading
    @work(thread=True, exclusive=True, group="load", description="load the map")
    def load(self) -> None:
        try:
            self._load()
        except (StoreError, ValidationError) as error:
            self.post_message(self.LoadFailed(error))

    def _load(self) -> None:
        self.store.reload()
        session: MapSession | None = self.session
        readonly = self.readonly
        if session is None:
            try:
                session = MapSession(self.store.path, writable=True).open()
            except Locked:
                session = MapSession(self.store.path, writable=False).open()
                readonly = (
                    "Read-only: someone else is editing this map. You see their changes as they make them;"
                    " press F5 to take over once they have closed it."
                )
            except StoreError as error:
                readonly = f"Read-only: the map cannot be opened for editing ({error})."
                session = MapSession(self.store.path, writable=False).open()
        elif not session.writable:
            try:  # the editor may have left: take over editing
                writable = MapSession(self.store.path, writable=True).open()
            except StoreError:
                session.refresh()
            else:
                session.close()
                session, readonly = writable, ""
        else:
            session.refresh()
        loaded = load_study_map(self.store, session.load())
        self.post_message(self.Loaded(loaded, session, readonly))

    def on_map_screen_load_failed(self, message: LoadFailed) -> None:
        """Nothing is changed on disk; the file is named so it can be repaired or restored."""
        banner = self.query_one("#map-banner", Static)
        banner.update(literal(f"The map cannot be opened: {message.error}"))
        banner.add_class("shown")
        self.status("Nothing was changed. Restore the file from a backup, or move it away to start a new map.", "red")

    def on_map_screen_loaded(self, message: Loaded) -> None:
        self.session = message.session
        self.readonly = message.readonly
        self.loaded = message.loaded
        self.journey = message.loaded.journey
        # tens of thousands of long-lived notes: keep the garbage collector from rescanning
        # them on every full collection (a 300 ms pause in the middle of placing otherwise)
        gc.freeze()
        self._item_texts = {}
        banner = self.query_one("#map-banner", Static)
        banner.update(literal(self.readonly))
        banner.set_class(bool(self.readonly), "shown")
        self._show_saved()
        if self._follow_timer is not None:
            self._follow_timer.stop()
            self._follow_timer = None
        if self.readonly and self.follow_every:
            self._follow_timer = self.set_interval(self.follow_every, self.follow, name="follow")
        self.refresh_inbox()
        problems = "; ".join(str(p) for p in message.loaded.problems)
        index = message.loaded.index
        status = f"{len(index.notes)} notes from {len(message.loaded.interviews)} interviews, {len(index.participants)} participants"
        self.status(status + (f" · left out: {problems}" if problems else ""), "red" if problems else "")

    @work(thread=True, exclusive=True, group="follow", description="follow the editor")
    def follow(self) -> None:
        """Read-only screens: pick up the editor's changes (map and phases)."""
        if self.session is None:
            return
        changed = self.session.refresh()
        data_changed = self.store.reload()
        if changed or data_changed:
            self.post_message(self.Followed(self.session.load(), self.store.data if data_changed else None))

    def on_map_screen_followed(self, message: Followed) -> None:
        if self.loaded is None:
            return
        self.journey = message.journey
        if message.data is not None:
            self.loaded.data = message.data
        self.refresh_inbox()

    def action_reload(self) -> None:
        self.flush_writes()
        self.status("Reloading…")
        self.load()

    # -------------------------------------------------------------- rendering
    @property
    def phases(self) -> list[Phase]:
        data = self.loaded.data if self.loaded else self.store.data
        return sorted(data.phases, key=lambda p: p.order)

    def refresh_board(self) -> None:
        if self.loaded is None:
            return
        index = self.loaded.index
        curve = emotion_curve(self.phases, index, self.journey)
        self.board.curve_mode = self.curve_mode
        waiting = Counter(note.phase for note in self.inbox_widget.notes if note.phase)
        self.board.set_model(
            build_board(self.phases, self.journey, index, curve, frozenset(self.selected), self._item_texts, waiting)
        )
        self._update_titles()

    def refresh_inbox(self) -> None:
        if self.loaded is None:
            return
        index = self.loaded.index
        notes = inbox(index, self.journey)
        if not self.filter.empty:
            match = self.filter.predicate(index)
            notes = [note for note in notes if match(note)]
        self.inbox_widget.set_notes(notes, index.participant_of, self.phases)
        self.refresh_board()  # the column headers count the inbox's notes

    def _update_titles(self) -> None:
        hearts = sum(1 for i in self.journey.items if i.mark is Mark.HEART)
        clouds = sum(1 for i in self.journey.items if i.mark is Mark.CLOUD)
        moments = sum(1 for i in self.journey.items if i.kind is ItemKind.MOMENT)
        title = f"Map: {len(self.journey.items)} items · {HEART} {hearts}/3-5 · {CLOUD} {clouds}/3-5 · moments {moments}/2-4"
        if self._titles.get("board") != title:
            self._titles["board"] = self.board.border_title = title
        box = self.query_one("#inbox-box")
        shown = len(self.inbox_widget.notes)
        title = f"Inbox: {shown} notes to place" + ("" if self.filter.empty else " (filtered)")
        if self._titles.get("inbox") != title:
            self._titles["inbox"] = box.border_title = title

    def status(self, message: str, style: str = "") -> None:
        self.query_one("#map-status", Static).update(literal(message, style), layout=False)

    # ----------------------------------------------------------------- writing
    def commit(
        self,
        change: Change,
        message: str = "",
        *,
        inbox_changed: bool = False,
        placed: set[str] = frozenset(),
        history: list[Change] | None = None,
    ) -> None:
        """Apply ``change`` on screen now and store it on the writer thread.

        Its inverse goes on ``history`` (the undo stack unless undoing or redoing).
        """
        if self.session is None or self.loaded is None:
            return
        if self.readonly:
            self.status("Read-only: this map is being edited elsewhere", "yellow")
            return
        if not (change.items or change.quotes or change.drop_items or change.drop_quotes):
            return
        (self._undo if history is None else history).append(inverse(self.journey, change))
        del self._undo[:-UNDO_DEPTH]
        if history is None:
            self._redo.clear()
        self.journey = change.applied_to(self.journey)
        self.store_later(self.session.apply, change)
        if inbox_changed:
            self.refresh_inbox()  # redraws the board too
        else:
            if placed:
                self.inbox_widget.remove(set(placed))
            self.refresh_board()
        if message:
            self.status(message, "green")

    def action_undo(self) -> None:
        self._step_history(self._undo, self._redo, "Undone", "Nothing to undo")

    def action_redo(self) -> None:
        self._step_history(self._redo, self._undo, "Redone", "Nothing to redo")

    def _step_history(self, source: list[Change], target: list[Change], done: str, empty: str) -> None:
        if not source:
            self.status(empty, "yellow")
            return
        change = source.pop()
        ids = [item.id for item in change.items]
        self.commit(change, done, inbox_changed=True, history=target)
        if ids and self.journey.item(ids[0]) is not None:
            self._focus_item(ids[0])

    def action_cycle_kind(self) -> None:
        item = self._need_item()
        if item is None:
            return
        kind = ItemKind.BACKSTAGE if item.kind is ItemKind.TOUCHPOINT else ItemKind.TOUCHPOINT
        self._edit(lambda: set_kind(self.journey, item.id, kind), f"Now a {kind.value} item")
        self._focus_item(item.id)

    def store_later(self, write, *args) -> None:
        """Run a map write on the writer thread (in order); the title says "saving…" until it is on disk."""
        self._unsaved += 1
        self._show_saved()
        self._writer.submit(write, *args).add_done_callback(self._written)

    def _written(self, future: Future) -> None:
        # on the writer thread: post_message is thread-safe and never waits for the UI
        self.post_message(self.Written(future.exception()))

    def on_map_screen_written(self, message: Written) -> None:
        self._unsaved = max(0, self._unsaved - 1)
        self._show_saved()
        if message.error is not None:
            self.status(f"Not saved: {message.error}. Reloading the map as stored.", "bold red")
            self.load()

    def _show_saved(self) -> None:
        label = self.query_one("#map-saved", Static)
        if self.readonly:
            label.update(Text("read-only", style="bold yellow"), layout=False)
        elif self._unsaved:
            label.update(Text("saving…", style="yellow"), layout=False)
        else:
            label.update(Text("saved ✓", style="green"), layout=False)

    def flush_writes(self) -> None:
        """Wait until every change is on disk (tests, reload, quit)."""
        self._writer.submit(lambda: None).result()

    def on_unmount(self) -> None:
        self._writer.shutdown(wait=True)
        if self.session is not None:
            self.session.close()

    def _fail(self, error: Exception) -> None:
        self.status(str(error), "bold red")

    # ---------------------------------------------------------------- helpers
    @property
    def inbox_focused(self) -> bool:
        return self.inbox_widget.has_focus

    def current_phase(self) -> Phase | None:
        phases = self.phases
        return phases[self.board.cursor.phase] if phases and self.board.cursor.phase < len(phases) else None

    def current_item(self):
        entry = self.board.entry()
        if entry is None or entry.kind != "item":
            return None
        return self.journey.item(int(entry.ref))  # type: ignore[arg-type]

    def _need_item(self):
        item = self.current_item()
        if item is None:
            self.status("Put the board's cursor on an item first", "yellow")
        return item

    def _new_id(self, table: str) -> int:
        assert self.session is not None
        return self.session.next_id(table)

    def phase_name(self, phase_id: str | None) -> str:
        return next((p.name for p in self.phases if p.id == phase_id), "no phase")

    def _focus_item(self, item_id: int) -> None:
        found = self.board.find(item_id, (Lane.TOUCHPOINTS, Lane.MOMENTS, Lane.BACKSTAGE))
        if found is not None:
            self.board.go_to(found[0], found[1], item_id)

    # ------------------------------------------------------------- navigation
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
        self._armed_remove = None
        if not message.by_user:  # moved after an edit: leave the edit's message to be read
            return
        item = self.current_item()
        if item is not None and self.loaded is not None and self.board.has_focus:
            n, total = self.loaded.index.backing(item)
            what = "hypothesis" if item.is_hypothesis else f"{n} of {total} participants"
            self.status(f"{item.title} · {item.kind.value} · {what} · enter: evidence")

    def on_inbox_highlighted(self, message: Inbox.Highlighted) -> None:
        self._armed_remove = None
        self._show_hint()

    class Hint(Message):
        def __init__(self, note: Note, item_id: int, title: str) -> None:
            super().__init__()
            self.note = note
            self.item_id = item_id
            self.title = title

    def _show_hint(self) -> None:
        self._suggestion = None
        self.query_one("#inbox-hint", Static).update(
            Text(
                "1-9 place in phase · enter place in its own phase · a add to the board's item · q quote", style="dim"
            ),
            layout=False,
        )
        if self._hint_timer is not None:
            self._hint_timer.stop()
        # wait until the cursor rests: typing through the inbox should not compute every step
        self._hint_timer = self.set_timer(max(self.hint_delay, 0.001), self._start_hint)

    def _start_hint(self) -> None:
        self._hint_timer = None
        note = self.inbox_widget.note
        if note is not None and self.loaded is not None:
            self.find_similar(note, self.journey)

    @work(thread=True, exclusive=True, group="hint", description="find similar items")
    def find_similar(self, note: Note, journey: JourneyMap) -> None:
        """Off the UI thread: the item this inbox note most likely belongs to."""
        assert self.loaded is not None
        matches = similar_items(note, journey, self.loaded.index, note.phase)[:1]
        if matches:
            self.post_message(self.Hint(note, matches[0][0].id, matches[0][0].title))

    def on_map_screen_hint(self, message: Hint) -> None:
        if message.note is not self.inbox_widget.note:
            return
        self._suggestion = message.item_id
        text = Text("similar item: ", style="dim")
        text.append(visible(message.title), style="bold")
        text.append("  (= to add the note to it)", style="dim")
        self.query_one("#inbox-hint", Static).update(text, layout=False)

    # ------------------------------------------------------------------ inbox
    def action_place(self, number: int) -> None:
        phases = self.phases
        if not 1 <= number <= len(phases):
            self.status(f"There is no phase {number} (the map has {len(phases)})", "yellow")
            return
        phase = phases[number - 1]
        if self.inbox_focused:
            self._place(self.inbox_widget.note, phase)
        else:
            item = self._need_item()
            if item is not None:
                self._edit(lambda: move_item(self.journey, item.id, phase.id), f"Moved to {phase.name}")
                self._focus_item(item.id)

    def _place(self, note: Note | None, phase: Phase) -> None:
        if note is None:
            self.status("The inbox is empty (or the filter hides everything)", "yellow")
            return
        try:
            if Kind.QUOTE in note.kinds and not ({Kind.TOUCHPOINT, Kind.BACKSTAGE, Kind.MOMENT} & set(note.kinds)):
                change = pick_quote(self.journey, note, phase.id, self._new_id)
                self.commit(change, f"Quote picked for {phase.name}", placed={note.id})
                self.board.go_to(Lane.QUOTES, self.phases.index(phase), change.quotes[0].id)
                return
            change = place_note(self.journey, note, phase.id, self._new_id)
        except EditError as error:
            self._fail(error)
            return
        self.commit(change, f"Placed in {phase.name}", placed={note.id})
        self._focus_item(change.items[0].id)

    def action_open(self) -> None:
        if self.inbox_focused:
            note = self.inbox_widget.note
            if note is None:
                return
            phase = next((p for p in self.phases if p.id == note.phase), None) or self.current_phase()
            if phase is None:
                self.status("Add a phase first (A)", "yellow")
                return
            self._place(note, phase)
            return
        entry = self.board.entry()
        if entry is None or self.loaded is None:
            return
        if entry.kind == "curve":
            self.action_participant_lines()
            return
        if entry.kind == "quote":
            pick = next((q for q in self.journey.quotes if q.id == entry.ref), None)
            note = self.loaded.index.notes.get(pick.note) if pick else None
            if note is not None:
                self.app.push_screen(TextPanel("Quote", quote_panel(note, self.loaded.index.participant(note))))
            return
        item = self.current_item()
        if item is None:
            return
        screen = ItemScreen(item, self.loaded.index, self.phase_name(item.phase), readonly=bool(self.readonly))

        def done(result: str | None) -> None:
            if result == "rename":
                self.action_rename()
            elif result and result.startswith("quote:") and self.loaded is not None:
                note = self.loaded.index.notes.get(result.removeprefix("quote:"))
                if note is not None and item.phase:
                    self._edit(
                        lambda: pick_quote(self.journey, note, item.phase, self._new_id),
                        f"Quote picked for {self.phase_name(item.phase)}",
                    )
            elif result and result.startswith("detach:"):
                note_id = result.removeprefix("detach:")
                self._edit(
                    lambda: remove_evidence(self.journey, item.id, note_id), "Note back in the inbox", inbox=True
                )

        self.app.push_screen(screen, done)

    def action_attach(self) -> None:
        item = self.current_item()
        if item is None:
            self.status("Put the board's cursor on the item the note backs, then press a in the inbox", "yellow")
            return
        self._attach_note(item.id)

    def action_attach_similar(self) -> None:
        if self._suggestion is None:
            self.status("No similar item suggested for this note", "yellow")
            return
        self._attach_note(self._suggestion)

    def _attach_note(self, item_id: int) -> None:
        note = self.inbox_widget.note
        if note is None:
            self.status("Highlight a note in the inbox first", "yellow")
            return
        try:
            change = add_evidence(self.journey, item_id, [note])
        except EditError as error:
            self._fail(error)
            return
        self.commit(change, "Added as evidence", placed={note.id})
        self._focus_item(item_id)

    def action_quote(self) -> None:
        note = self.inbox_widget.note
        if note is None:
            return
        phase = next((p for p in self.phases if p.id == note.phase), None) or self.current_phase()
        if phase is None:
            return
        try:
            change = pick_quote(self.journey, note, phase.id, self._new_id)
        except EditError as error:
            self._fail(error)
            return
        self.commit(change, f"Quote picked for {phase.name}", placed={note.id})

    def action_column_filter(self) -> None:
        """The inbox notes of the board's current column: where they will land."""
        phase = self.current_phase()
        field = self.query_one("#inbox-filter", Input)
        if phase is None:
            return
        query = f"phase:{self.phases.index(phase) + 1}"
        field.value = "" if field.value == query else query
        field.set_class(bool(field.value), "shown")

    def action_filter(self) -> None:
        field = self.query_one("#inbox-filter", Input)
        field.add_class("shown")
        field.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "inbox-filter" or self.loaded is None:
            return
        self.filter = parse_filter(event.value, self.loaded.data, self.loaded.index.participants)
        self.refresh_inbox()
        if self.filter.problems:
            self.status("; ".join(self.filter.problems), "yellow")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "inbox-filter":
            event.stop()
            if not event.value.strip():
                event.input.remove_class("shown")
            self.inbox_widget.focus()

    def action_clear_filter(self) -> None:
        field = self.query_one("#inbox-filter", Input)
        if field.has_focus or not self.filter.empty:
            field.value = ""
            field.remove_class("shown")
            self.filter = InboxFilter()
            self.refresh_inbox()
            self.inbox_widget.focus()
        elif self.selected:
            self.selected.clear()
            self.refresh_board()
        elif len(self.app.screen_stack) > 2:  # opened from another screen: go back to it
            self.app.pop_screen()

    # -------------------------------------------------------------- the board
    def _edit(self, make, message: str = "", *, inbox: bool = False) -> None:
        try:
            change = make()
        except EditError as error:
            self._fail(error)
            return
        self.commit(change, message, inbox_changed=inbox)

    def action_select(self) -> None:
        item = self._need_item()
        if item is None:
            return
        self.selected.symmetric_difference_update({item.id})
        self.refresh_board()
        self.status(f"{len(self.selected)} selected: put the cursor on the item to keep and press g to merge")

    def action_merge(self) -> None:
        item = self._need_item()
        if item is None:
            return
        sources = [i for i in self.selected if i != item.id]
        try:
            change = merge_items(self.journey, item.id, sources)
        except EditError as error:
            self._fail(error)
            return
        self.selected.clear()
        self.commit(change, f"Merged {len(sources)} into {item.title}; all evidence kept")
        self._focus_item(item.id)

    def action_move_phase(self, step: int) -> None:
        item = self._need_item()
        if item is None:
            return
        ids = [p.id for p in self.phases]
        target = ids.index(item.phase) + step if item.phase in ids else 0
        if 0 <= target < len(ids):
            self._edit(lambda: move_item(self.journey, item.id, ids[target]))
            self._focus_item(item.id)

    def action_reorder(self, step: int) -> None:
        item = self._need_item()
        if item is None:
            return
        self._edit(lambda: reorder_item(self.journey, item.id, step))
        self._focus_item(item.id)

    def action_mark(self, mark: str) -> None:
        item = self._need_item()
        if item is None:
            return
        self._edit(lambda: set_mark(self.journey, item.id, Mark(mark)))
        count = sum(1 for i in self.journey.items if i.mark is Mark(mark))
        self.status(f"{count} {'hearts' if mark == 'heart' else 'thunderclouds'} on the map (the method: 3-5)")

    def action_promote(self) -> None:
        item = self._need_item()
        if item is None or self.readonly:
            return
        question = item.design_question or "How might we "

        def done(answer: str | None) -> None:
            if answer is None:
                return
            self._edit(lambda: promote_moment(self.journey, item.id, answer), "Moment of truth")
            self._focus_item(item.id)

        self.app.push_screen(
            PromptScreen(f"Moment of truth: {item.title}", question, "the design question it raises", blink=self.blink),
            done,
        )

    def action_new_moment(self) -> None:
        self._write_item(ItemKind.MOMENT)

    def action_new_item(self) -> None:
        kind = LANE_KIND.get(self.board.lane, ItemKind.TOUCHPOINT)
        self._write_item(kind)

    def _write_item(self, kind: ItemKind) -> None:
        phase = self.current_phase()
        if phase is None or self.readonly:
            return

        def titled(title: str | None) -> None:
            if not title:
                return
            if kind is ItemKind.MOMENT:

                def questioned(question: str | None) -> None:
                    self._create(phase, kind, title, question or "")

                self.app.push_screen(PromptScreen("Design question", "How might we ", blink=self.blink), questioned)
            else:
                self._create(phase, kind, title, "")

        label = {ItemKind.MOMENT: "moment of truth", ItemKind.BACKSTAGE: "backstage item"}.get(kind, "touchpoint")
        self.app.push_screen(
            PromptScreen(
                f"New {label} in {phase.name}", "", "no notes back it yet: it starts as a hypothesis", blink=self.blink
            ),
            titled,
        )

    def _create(self, phase: Phase, kind: ItemKind, title: str, question: str) -> None:
        try:
            change = new_item(self.journey, phase.id, kind, title, self._new_id, question=question)
        except EditError as error:
            self._fail(error)
            return
        self.commit(change, "Written (a hypothesis until notes back it)")
        self._focus_item(change.items[0].id)

    def action_rename(self) -> None:
        item = self._need_item()
        if item is None or self.readonly:
            return

        def done(title: str | None) -> None:
            if title is not None:
                self._edit(lambda: rename_item(self.journey, item.id, title), "Renamed")

        self.app.push_screen(PromptScreen("Rename item", item.title, blink=self.blink), done)

    def action_backstage(self) -> None:
        item = self._need_item()
        if item is None:
            return
        if item.kind is not ItemKind.BACKSTAGE:
            self.status("Only backstage items have a kind (people, policy, system, staff)", "yellow")
            return
        self._edit(lambda: cycle_backstage(self.journey, item.id))

    def action_remove(self) -> None:
        entry = self.board.entry()
        if entry is None or entry.kind not in ("item", "quote") or self.inbox_focused:
            return
        key = (entry.kind, entry.ref)
        if self._armed_remove != key:
            self._armed_remove = key
            self.status("Press delete again to remove it (its notes go back to the inbox)", "yellow")
            return
        self._armed_remove = None
        if entry.kind == "quote":
            self._edit(lambda: remove_quote(self.journey, int(entry.ref)), "Quote removed", inbox=True)
        else:
            self._edit(lambda: remove_item(self.journey, int(entry.ref)), "Item removed", inbox=True)

    def action_override(self) -> None:
        phase = self.current_phase()
        if phase is None or self.session is None or self.readonly:
            return
        current = self.journey.override_for(phase.id)

        def done(answer: str | None) -> None:
            if answer is None:
                return
            answer = answer.strip()
            if not answer:
                override = None
            else:
                value_text, _, reason = answer.partition(" ")
                try:
                    value = float(value_text.replace(",", "."))
                    override = CurveOverride(phase=phase.id, value=value, reason=reason.strip())
                except ValueError:
                    self._fail(ValueError(f"{value_text!r} is not a value from -2 to 2"))
                    return
            self._set_override(phase, override)

        self.app.push_screen(
            PromptScreen(
                f"Curve value for {phase.name} (-2..2, then an optional reason; empty to use the data)",
                f"{current.value:+g} {current.reason}".strip() if current else "",
                blink=self.blink,
            ),
            done,
        )

    def _set_override(self, phase: Phase, override: CurveOverride | None) -> None:
        assert self.session is not None
        overrides = [o for o in self.journey.overrides if o.phase != phase.id]
        if override is not None:
            overrides.append(override)
        self.journey = JourneyMap(items=self.journey.items, quotes=self.journey.quotes, overrides=overrides)
        self.store_later(self.session.set_override, self.phases, override, phase.id)
        self.refresh_board()
        self.status("Curve value set by hand (shown as an override)" if override else "Curve from the data again")

    def action_participant_lines(self) -> None:
        """Cycle the curve's detail: the curve, + one line per participant, + item by item."""
        modes = ["", "participants", "touchpoints"]
        self.curve_mode = modes[(modes.index(self.curve_mode) + 1) % len(modes)]
        self.refresh_board()
        shown = {"": "the curve", "participants": "one line per participant", "touchpoints": "the curve per touchpoint"}
        self.status(f"Curve: {shown[self.curve_mode]} (l for more)")

    def action_duplicates(self) -> None:
        if self.loaded is None:
            return
        suggestions = duplicate_items(self.journey, self.loaded.index)
        if not suggestions:
            self.status("No likely duplicates (similar text, same phase and channel)")
            return
        options = []
        for suggestion in suggestions[:200]:
            first, second = self.journey.item(suggestion.first), self.journey.item(suggestion.second)
            if first is None or second is None:
                continue
            text = Text(f"{suggestion.score:.2f}  ", style="dim")
            text.append(visible(first.title), style="bold")
            text.append("  ⟵  ")
            text.append(visible(second.title))
            text.append(f"  ({visible(self.phase_name(first.phase))})", style="dim")
            options.append((f"{first.id}:{second.id}", text))

        def done(key: str | None) -> None:
            if not key:
                return
            keep, other = (int(part) for part in key.split(":"))
            self._edit(lambda: merge_items(self.journey, keep, [other]), "Merged; all evidence kept")
            self._focus_item(keep)

        intro = Text("Enter merges the right item into the left one (all evidence is kept). Esc closes.")
        self.app.push_screen(PickScreen("Likely duplicates", intro, options), done)
