"""What the guide view shows: the themes, the viewed theme's questions and clock, follow-ups, the feed.

``GuideView`` holds the screen's state (the last ``Snapshot`` from disk, the interviewer's events
not yet confirmed on disk) and redraws from the pure ``Progress`` computed from them; it never
touches the disk. The keys that record events are in recording.py, the disk work in screen.py.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, OptionList, Static
from textual.widgets.option_list import Option

from trodden.models.domain import GuideTheme, InterviewStatus
from trodden.models.guide.link import GuideLink, Snapshot
from trodden.models.guide.progress import Progress, clock_text, compute
from trodden.models.storage.live import LiveEvent
from trodden.models.storage.store import StudyStore
from trodden.tui.base import TroddenScreen, literal
from trodden.tui.i18n import _
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.widgets.option_list import SafeOptionList
from trodden.tui.widgets.status_line import show_status
from trodden.tui.writer import Writer

from .rows import followup_row, note_row, question_row, theme_row

FEED_SIZE = 200
"""Latest notes kept in the feed: enough to glance back, cheap to redraw."""


class GuideView(TroddenScreen):
    """One interview seen by the interviewer: layout and drawing. ``clock`` is injectable for tests."""

    def __init__(
        self,
        store: StudyStore,
        interview_id: str,
        *,
        clock: Callable[[], datetime] | None = None,
        poll_interval: float = 0.5,
    ) -> None:
        super().__init__()
        self.store = store
        self.interview_id = interview_id
        self.clock = clock or datetime.now
        self.poll_interval = poll_interval
        self.link = GuideLink(store, interview_id)
        self.snapshot: Snapshot | None = None
        self.progress: Progress | None = None
        self._pending: list[LiveEvent] = []
        self.writer = Writer(self, "guide")
        self._stop = threading.Event()
        self._shown_current: str | None = None
        self._feed_key: tuple = ()
        self._read_only = False

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Static(literal(f"trodden · {self.store.study.name}", one_line=True), id="title", classes="screen-title")
        with Horizontal(id="guide-body"):
            with Vertical(id="themes-pane"):
                yield SafeOptionList(id="themes")
            with Vertical(id="main-pane"):
                with Horizontal(id="theme-head"):
                    yield Static("", id="theme-title")
                    with Vertical(id="clock-box"):
                        yield Digits("00:00", id="theme-clock")
                        yield Static(_("on this theme"), id="clock-label", classes="muted")
                yield Static("", id="clock-line", classes="muted")  # the clock on narrow terminals
                yield SafeOptionList(id="questions")
            with Vertical(id="side-pane"):
                yield SafeOptionList(id="followups")
                feed = SafeOptionList(id="feed")
                feed.can_focus = False
                yield feed
        yield Static("", id="message", classes="muted")
        yield FittingFooter()

    # ----------------------------------------------------------------- drawing
    def _compute(self) -> Progress | None:
        snap = self.snapshot
        if snap is None:
            return None
        return compute(
            snap.guide,
            snap.interview,
            [*snap.guide_events, *self._pending],
            snap.notes_events,
            snap.notes,
            self.clock(),
        )

    def _redraw(self, lists: bool = True) -> None:
        progress = self._compute()
        if progress is None or self.snapshot is None:
            return
        self.progress = progress
        guide = self.snapshot.guide
        self._draw_title(progress)
        themes = self.query_one("#themes", OptionList)
        compact = self.has_class("-narrow")
        rows = [
            Option(theme_row(i, theme, progress, compact=compact), id=theme.id)
            for i, theme in enumerate(guide.themes, 1)
        ]
        _replace(themes, rows)
        if progress.current != self._shown_current:
            self._shown_current = progress.current
            index = progress.theme_index(guide)
            if index is not None:
                themes.highlighted = index
        if themes.highlighted is None and rows:
            themes.highlighted = 0
        self._draw_theme(progress)
        if lists:
            self._draw_followups(progress)
            self._draw_feed()

    def on_resize(self) -> None:
        """The themes list is drawn for the width (``theme_row``'s compact rows below 110 columns)."""
        if self.progress is not None and self.snapshot is not None:
            self.call_after_refresh(self._redraw, False)
            self._feed_to_end()

    def _draw_title(self, progress: Progress) -> None:
        assert self.snapshot is not None
        interview = self.snapshot.interview
        text = Text(" trodden · ", style="bold")
        text.append_text(literal(self.store.study.name, style="bold", one_line=True))
        text.append("  ·  " + _("participant") + " ")
        text.append_text(literal(interview.participant, style="bold", one_line=True))
        text.append(f"  ·  {clock_text(progress.elapsed)}")
        if interview.paused:
            text.append("  " + _("paused"), style="bold yellow")
        elif interview.status in (InterviewStatus.DONE, InterviewStatus.CLEANED):
            text.append("  " + _("ended"), style="bold cyan")
        if self._read_only:
            text.append("  ·  " + _("following another guide view"), style="yellow")
        self.query_one("#title", Static).update(text)

    def viewed_theme(self) -> GuideTheme | None:
        """The theme highlighted in the themes list (the current one unless moved)."""
        if self.snapshot is None:
            return None
        themes = self.query_one("#themes", OptionList)
        option = themes.highlighted_option
        if option is None:
            return None
        return next((theme for theme in self.snapshot.guide.themes if theme.id == option.id), None)

    def _draw_theme(self, progress: Progress) -> None:
        assert self.snapshot is not None
        guide = self.snapshot.guide
        theme = self.viewed_theme()
        title = self.query_one("#theme-title", Static)
        if not guide.themes:
            title.update(Text(_("This study has no interview guide yet. Press e to write one."), style="bold"))
            self._show_clock(clock_text(progress.elapsed))
            _replace(self.query_one("#questions", OptionList), [])
            return
        if theme is None:
            return
        number = guide.themes.index(theme) + 1
        head = Text()
        if theme.id == progress.current:
            by = " · " + _("set by the note-taker") if progress.current_by == "notes" else ""
            head.append(_("Theme {number} of {n}{by}\n").format(number=number, n=len(guide.themes), by=by), style="dim")
        elif progress.current is None:
            head.append(
                _("Theme {number} of {n} · press n to start\n").format(number=number, n=len(guide.themes)),
                style="yellow",
            )
        else:
            head.append(
                _("Theme {number} of {n} · g makes it current\n").format(number=number, n=len(guide.themes)),
                style="yellow",
            )
        head.append_text(literal(theme.title, style="bold"))
        title.update(head)
        self._show_clock(clock_text(progress.seconds.get(theme.id, 0.0)))
        questions = self.query_one("#questions", OptionList)
        _replace(
            questions,
            [Option(question_row(q, q.id in progress.ticked), id=q.id) for q in theme.questions],
        )
        # A theme title is user text: as a plain str Textual would read it as markup (and crash on "[/b]").
        questions.border_title = (
            literal(_("Questions · {title}").format(title=theme.title), one_line=True)
            if theme.questions
            else _("No questions in this theme")
        )

    def _show_clock(self, shown: str) -> None:
        """The theme's clock: big digits on a wide terminal, one line under the title on a narrow
        one (``guide.tcss``: the digits take 16 columns, the theme's name needs them more)."""
        self.query_one("#theme-clock", Digits).update(shown)
        self.query_one("#clock-line", Static).update(Text(_("{time} on this theme").format(time=shown)))

    def _draw_followups(self, progress: Progress) -> None:
        followups = self.query_one("#followups", OptionList)
        _replace(followups, [Option(followup_row(n, n.id in progress.asked), id=n.id) for n in progress.followups])
        open_count = len(progress.open_followups())
        followups.border_title = _("Follow-ups · {open_count} open").format(open_count=open_count)

    def _draw_feed(self) -> None:
        assert self.snapshot is not None
        notes = self.snapshot.notes[-FEED_SIZE:]
        key = tuple((note.seq, note.text, tuple(note.kinds), note.valence) for note in notes)
        if key == self._feed_key:
            return
        self._feed_key = key
        feed = self.query_one("#feed", OptionList)
        feed.set_options([Option(note_row(note)) for note in notes])
        if notes:
            feed.highlighted = None
            self._feed_to_end()

    def _feed_to_end(self) -> None:
        """The newest note in view, however the feed is laid out: anchored to its end (a resize or a
        longer wrap moves the end; a plain scroll_end could land a line short)."""
        feed = self.query_one("#feed", OptionList)
        feed.anchor()
        feed.call_after_refresh(feed.scroll_end, animate=False)

    def on_option_list_option_highlighted(self, message: OptionList.OptionHighlighted) -> None:
        if message.option_list.id == "themes" and self.progress is not None:
            self._draw_theme(self.progress)

    def _say(self, text: str, error: bool = False) -> None:
        show_status(self.query_one("#message", Static), text, "bold red" if error else "yellow")


def _replace(option_list: OptionList, options: list[Option]) -> None:
    """Swap an OptionList's rows, keeping the highlight where it was (clamped)."""
    before = option_list.highlighted
    same_ids = [o.id for o in option_list.options] == [o.id for o in options]
    if same_ids:
        for index, option in enumerate(options):
            option_list.replace_option_prompt_at_index(index, option.prompt)
        return
    option_list.set_options(options)
    if options:
        option_list.highlighted = min(before if before is not None else 0, len(options) - 1)
