"""The search screen: type, and every matching note of the study is listed as you type.

The index is built once when the screen opens (a thread worker reads every interview);
after that a query is answered on the UI thread in a few milliseconds (models/search), so
the list follows each key. Enter opens the note in its interview on the clean screen, at
that note; ``m`` opens the map at the item the note backs.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Input, Static

from trodden.models.map.evidence import StudyMapData
from trodden.models.search.index import SearchIndex
from trodden.models.search.loading import load_search
from trodden.models.search.query import Query, QueryError, parse_query
from trodden.models.storage.store import StudyStore
from trodden.tui.base import LiteralInput, TroddenScreen, literal
from trodden.tui.i18n import _, ngettext
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.widgets.status_line import show_status

from .keys import ACTIONS, HELP_INTRO
from .results import ResultsList


class SearchScreen(TroddenScreen):
    """Every note of the study, found by words and filters."""

    CONTEXT = "search"
    BINDINGS = ACTIONS
    HELP_INTRO = HELP_INTRO
    CSS_PATH = "search.tcss"

    class Loaded(Message):
        def __init__(self, index: SearchIndex | None, loaded: StudyMapData | None, problem: str = "") -> None:
            super().__init__()
            self.index = index
            self.loaded = loaded
            self.problem = problem

    def __init__(self, store: StudyStore, query: str = "") -> None:
        super().__init__()
        self.store = store
        self.initial = query
        self.index: SearchIndex | None = None
        self.query_now = Query()
        self.problems = ""

    def compose(self) -> ComposeResult:
        title = _("Search · {study}").format(study=self.store.study.name)
        yield Static(literal(" " + title, one_line=True), classes="screen-title")
        yield LiteralInput(
            value=self.initial,
            placeholder=_("words (any ending), #tag @channel kind:quote feeling:- p:P3 type: theme: phase:"),
            id="query",
        )
        yield Static(_("reading the study…"), id="search-status", classes="muted")
        yield ResultsList(id="results")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        self.load()

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        try:
            index, loaded = load_search(self.store)
        except Exception as error:  # a damaged map or study file: said on screen, nothing is written
            self.post_message(self.Loaded(None, None, str(error)))
            return
        self.post_message(self.Loaded(index, loaded))

    def on_search_screen_loaded(self, message: Loaded) -> None:
        if message.index is None:
            self._status(_("cannot search: {problem}").format(problem=message.problem), error=True)
            return
        self.index = message.index
        if message.loaded is not None and message.loaded.problems:
            problems = "; ".join(str(problem) for problem in message.loaded.problems)
            self.problems = _("left out: {problems}").format(problems=problems)
        self.run_query(self.query_one("#query", Input).value)

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        self.run_query(event.value)

    def run_query(self, text: str) -> None:
        """Answer ``text`` at once (the index is in memory); a filter that means nothing is said."""
        if self.index is None:
            return
        try:
            query = parse_query(text)
        except QueryError as error:
            self._status(str(error), error=True)
            return
        self.query_now = query
        hits = self.index.search(query)
        self.query_one(ResultsList).show(hits, self.index, query)
        asked = " ".join(text.split())
        if query.is_empty:
            found = ngettext("all {n} note", "all {n} notes", len(hits)).format(n=len(hits))
        else:
            found = _("{n} of {total} notes: {query}").format(n=len(hits), total=len(self.index), query=asked)
        hint = " · " + _("enter opens it · tab to the list, m on the map") if hits else ""
        self._status(found + hint + (f" · {self.problems}" if self.problems else ""), error=bool(self.problems))

    def _status(self, text: str, *, error: bool = False) -> None:
        """The count and what it answers (the query is the user's: shown, never markup)."""
        status = self.query_one("#search-status", Static)
        show_status(status, text, "red" if error else "", one_line=True, layout=False)  # one line, but a failure

    # ------------------------------------------------------------------ actions
    def action_move(self, step: int) -> None:
        self.query_one(ResultsList).move(step)

    def action_page(self, step: int) -> None:
        results = self.query_one(ResultsList)
        results.move(step * max(results.size.height - 1, 1))

    def action_results(self) -> None:
        self.query_one(ResultsList).focus()

    def action_query(self) -> None:
        self.query_one("#query", Input).focus()

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        self.action_open_note()

    def action_open_note(self) -> None:
        from trodden.tui.clean.screen import CleanScreen

        hit = self.query_one(ResultsList).current
        if hit is None:
            self.notify(_("No note found to open: change the words or filters."))
            return
        self.app.push_screen(CleanScreen(self.store, hit.note.interview, select=hit.note.seq))

    def action_open_on_map(self) -> None:
        from trodden.tui.map.initials import open_map_screen

        hit = self.query_one(ResultsList).current
        if hit is None:
            return
        if not hit.items:
            self.notify(_("This note is not on the map yet: it waits in the map's inbox."))
            return
        open_map_screen(self.app, self.store, focus_item=hit.items[0])

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.dismiss()
        else:
            self.app.exit()
