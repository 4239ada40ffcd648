"""The interviewer's guide view: themes, time on each, questions, the note-taker's follow-ups.

Made to be glanced at while talking to a person: big clock, few colours, the current
theme always visible. All disk work happens in two thread workers (see ``guide_sync``):
one follows both sides every ``poll_interval`` seconds, one writes the interviewer's
events in order. The UI thread only recomputes the pure ``guide_progress.Progress``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Digits, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from trodden.models.domain import GuideTheme, InterviewStatus
from trodden.models.errors import StoreError
from trodden.models.guide.link import GuideLink, Snapshot
from trodden.models.guide.progress import Progress, clock_text, compute, step_theme
from trodden.models.storage.live import EventKind, LiveEvent
from trodden.models.storage.store import StudyStore
from trodden.tui.actions import Action, register
from trodden.tui.base import TroddenScreen, literal
from trodden.tui.widgets.footer import FittingFooter

from .rows import followup_row, note_row, question_row, theme_row

ACTIONS = register(
    "guide",
    "Interview guide",
    [
        Action("guide.next", "n", "step_theme(1)", "Next theme", "Move on to the next theme (the note-taker follows)"),
        Action("guide.prev", "p", "step_theme(-1)", "Previous", "Go back to the previous theme"),
        Action(
            "guide.tick",
            "space",
            "tick",
            "Tick",
            "Tick the highlighted question off, or mark the highlighted follow-up asked (again to undo)",
        ),
        Action("guide.asked", "a", "toggle_asked", "Asked", "Mark the highlighted follow-up question asked (or not)"),
        Action("guide.goto", "g", "go_to_theme", "Go to theme", "Make the highlighted theme the current one"),
        Action("guide.switch", "f", "switch_list", "Follow-ups", "Move between questions, follow-ups and themes"),
        Action("guide.edit", "e", "edit_guide", "Edit guide", "Add, edit and reorder themes and questions"),
        Action("guide.back", "escape", "back", "Back", "Back to the study overview", show=False),
    ],
)

FEED_SIZE = 200
"""Latest notes kept in the feed: enough to glance back, cheap to redraw."""


class GuideScreen(TroddenScreen):
    """One interview seen by the interviewer. ``clock`` is injectable for tests."""

    CONTEXT = "guide"
    BINDINGS = ACTIONS
    HELP_INTRO = (
        "[b]The interviewer's guide[/b]\n"
        "Left: the themes in order, the time spent on each ([b]▶[/b] current, [b]✓[/b] visited) and how many of "
        "its questions are ticked. Middle: the theme's questions, and the time on it in large figures. Right: "
        "follow-up questions from the note-taker ([b]?[/b] notes) and the latest notes.\n\n"
        "Moving to another theme here gives the note-taker's next notes that theme within a second; a "
        "[b]/theme[/b] typed by the note-taker moves this view too. This view writes only its own progress "
        "file, so it can never lose or change a note. Close and reopen it at any time: it picks up where the "
        "interview is.\n"
    )

    DEFAULT_CSS = """
    GuideScreen #guide-body { height: 1fr; }
    GuideScreen #themes-pane { width: 30%; max-width: 46; min-width: 26; }
    GuideScreen #main-pane { width: 1fr; padding: 0 1; }
    GuideScreen #side-pane { width: 32%; max-width: 60; min-width: 26; }
    GuideScreen OptionList { border: round $panel-lighten-2; background: $background; padding: 0 1; }
    GuideScreen OptionList:focus { border: round $accent; }
    GuideScreen #themes { height: 1fr; }
    GuideScreen #questions { height: 1fr; }
    GuideScreen #followups { height: 1fr; }
    GuideScreen #feed { height: 1fr; }
    GuideScreen #theme-head { height: 5; }
    GuideScreen #theme-title { width: 1fr; padding: 1 1 0 1; }
    GuideScreen #clock-box { width: auto; height: 4; }
    GuideScreen #theme-clock { width: auto; color: $accent; }
    GuideScreen #clock-label { width: 100%; text-align: center; }
    GuideScreen #message { height: auto; max-height: 2; padding: 0 1; }
    """

    class Opened(Message):
        def __init__(self, read_only: bool) -> None:
            super().__init__()
            self.read_only = read_only

    class Polled(Message):
        def __init__(self, snapshot: Snapshot) -> None:
            super().__init__()
            self.snapshot = snapshot

    class Problem(Message):
        def __init__(self, text: str, fatal: bool = False) -> None:
            super().__init__()
            self.text = text
            self.fatal = fatal

    class Written(Message):
        def __init__(self, event: LiveEvent, error: str | None) -> None:
            super().__init__()
            self.event = event
            self.error = error

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
        self._queue: queue.Queue[LiveEvent | None] = queue.Queue()
        self._stop = threading.Event()
        self._writer_done = threading.Event()
        self._shown_current: str | None = None
        self._feed_key: tuple = ()
        self._read_only = False

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Static(literal(f"trodden · {self.store.study.name}"), id="title", classes="screen-title")
        with Horizontal(id="guide-body"):
            with Vertical(id="themes-pane"):
                yield OptionList(id="themes")
            with Vertical(id="main-pane"):
                with Horizontal(id="theme-head"):
                    yield Static("", id="theme-title")
                    with Vertical(id="clock-box"):
                        yield Digits("00:00", id="theme-clock")
                        yield Static("on this theme", id="clock-label", classes="muted")
                yield OptionList(id="questions")
            with Vertical(id="side-pane"):
                yield OptionList(id="followups")
                feed = OptionList(id="feed")
                feed.can_focus = False
                yield feed
        yield Static("", id="message", classes="muted")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#themes", OptionList).border_title = "Themes"
        self.query_one("#questions", OptionList).border_title = "Questions"
        self.query_one("#followups", OptionList).border_title = "Follow-ups"
        self.query_one("#feed", OptionList).border_title = "Latest notes"
        self.query_one("#questions", OptionList).focus()
        self._follow()
        self._write_events()
        self.set_interval(1.0, self._tick_clock)

    def on_unmount(self) -> None:
        self._stop.set()
        self._queue.put(None)

    # ----------------------------------------------------------------- workers
    @work(thread=True, group="guide-follow", exit_on_error=False)
    def _follow(self) -> None:
        """Open both sides, then follow them until the screen goes away."""
        worker = get_current_worker()
        try:
            self.link.open()
        except StoreError as error:
            self.post_message(self.Problem(str(error), fatal=True))
            return
        self.post_message(self.Opened(self.link.read_only))
        first = True
        try:
            while not self._stop.is_set() and not worker.is_cancelled:
                try:
                    changed, snapshot = self.link.poll()
                except StoreError as error:
                    self.post_message(self.Problem(str(error)))
                else:
                    if changed or first:
                        self.post_message(self.Polled(snapshot))
                        first = False
                self._stop.wait(self.poll_interval)
        finally:
            self._writer_done.wait(timeout=5.0)
            self.link.close()

    @work(thread=True, group="guide-write", exit_on_error=False)
    def _write_events(self) -> None:
        """Write the interviewer's events durably and in the order they were made."""
        worker = get_current_worker()
        try:
            while True:
                try:
                    event = self._queue.get(timeout=0.5)
                except queue.Empty:
                    if self._stop.is_set() or worker.is_cancelled:
                        return
                    continue
                if event is None:
                    return
                try:
                    self.link.record(event.kind, event.value, event.at)
                except StoreError as error:
                    self.post_message(self.Written(event, str(error)))
                else:
                    self.post_message(self.Written(event, None))
        finally:
            self._writer_done.set()

    # ---------------------------------------------------------------- messages
    def on_guide_screen_opened(self, message: Opened) -> None:
        self._read_only = message.read_only
        if message.read_only:
            self._say("Another guide view already leads this interview: this one follows it and changes nothing.")

    def on_guide_screen_problem(self, message: Problem) -> None:
        self._say(message.text, error=True)
        if message.fatal:
            self.query_one("#theme-title", Static).update(literal(message.text, style="bold red"))

    def on_guide_screen_polled(self, message: Polled) -> None:
        self.snapshot = message.snapshot
        stored = {_key(event) for event in message.snapshot.guide_events}
        self._pending = [event for event in self._pending if _key(event) not in stored]
        self._redraw()

    def on_guide_screen_written(self, message: Written) -> None:
        if message.error is None:
            return
        if message.event in self._pending:
            self._pending.remove(message.event)
        self._say(f"Not saved: {message.error}", error=True)
        self._redraw()

    def _tick_clock(self) -> None:
        if self.snapshot is not None:
            self._redraw(lists=False)

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
        rows = [Option(theme_row(i, theme, progress), id=theme.id) for i, theme in enumerate(guide.themes, 1)]
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

    def _draw_title(self, progress: Progress) -> None:
        assert self.snapshot is not None
        interview = self.snapshot.interview
        text = Text(" trodden · ", style="bold")
        text.append_text(literal(self.store.study.name, style="bold"))
        text.append("  ·  participant ")
        text.append_text(literal(interview.participant, style="bold"))
        text.append(f"  ·  {clock_text(progress.elapsed)}")
        if interview.paused:
            text.append("  paused", style="bold yellow")
        elif interview.status in (InterviewStatus.DONE, InterviewStatus.CLEANED):
            text.append("  ended", style="bold cyan")
        if self._read_only:
            text.append("  ·  following another guide view", style="yellow")
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
        clock = self.query_one("#theme-clock", Digits)
        if not guide.themes:
            title.update(Text("This study has no interview guide yet. Press e to write one.", style="bold"))
            clock.update(clock_text(progress.elapsed))
            _replace(self.query_one("#questions", OptionList), [])
            return
        if theme is None:
            return
        number = guide.themes.index(theme) + 1
        head = Text()
        if theme.id == progress.current:
            by = " · set by the note-taker" if progress.current_by == "notes" else ""
            head.append(f"Theme {number} of {len(guide.themes)}{by}\n", style="dim")
        elif progress.current is None:
            head.append(f"Theme {number} of {len(guide.themes)} · press n to start\n", style="yellow")
        else:
            head.append(f"Theme {number} of {len(guide.themes)} · g makes it current\n", style="yellow")
        head.append_text(literal(theme.title, style="bold"))
        title.update(head)
        clock.update(clock_text(progress.seconds.get(theme.id, 0.0)))
        questions = self.query_one("#questions", OptionList)
        _replace(
            questions,
            [Option(question_row(q, q.id in progress.ticked), id=q.id) for q in theme.questions],
        )
        questions.border_title = f"Questions · {theme.title}" if theme.questions else "No questions in this theme"

    def _draw_followups(self, progress: Progress) -> None:
        followups = self.query_one("#followups", OptionList)
        _replace(followups, [Option(followup_row(n, n.id in progress.asked), id=n.id) for n in progress.followups])
        open_count = len(progress.open_followups())
        followups.border_title = f"Follow-ups · {open_count} open"

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
            feed.scroll_end(animate=False)

    def on_option_list_option_highlighted(self, message: OptionList.OptionHighlighted) -> None:
        if message.option_list.id == "themes" and self.progress is not None:
            self._draw_theme(self.progress)

    @on(OptionList.OptionSelected, "#themes")
    def _theme_selected(self) -> None:
        self.action_go_to_theme()

    @on(OptionList.OptionSelected, "#questions")
    @on(OptionList.OptionSelected, "#followups")
    def _item_selected(self) -> None:
        self.action_tick()

    def _say(self, text: str, error: bool = False) -> None:
        self.query_one("#message", Static).update(literal(text, style="bold red" if error else "yellow"))

    # ----------------------------------------------------------------- actions
    def _record(self, kind: EventKind, value: str | None) -> bool:
        if self.snapshot is None:
            return False
        if self._read_only:
            self._say("Another guide view leads this interview; this one only follows it.", error=True)
            return False
        event = LiveEvent(kind=kind, value=value, at=self.clock(), by="guide")
        self._pending.append(event)
        self._queue.put(event)
        self._say("")
        self._redraw()
        return True

    def action_step_theme(self, step: int) -> None:
        if self.snapshot is None or self.progress is None:
            return
        if not self.snapshot.guide.themes:
            self._say("This study has no interview guide yet: press e to write one.")
            return
        target = step_theme(self.snapshot.guide, self.progress.current, step)
        if target is None:
            self._say("That was the last theme." if step > 0 else "This is the first theme.")
            return
        self._record("theme", target.id)

    def action_go_to_theme(self) -> None:
        theme = self.viewed_theme()
        if theme is None or self.progress is None or theme.id == self.progress.current:
            return
        self._record("theme", theme.id)

    def action_tick(self) -> None:
        focused = self.focused
        if isinstance(focused, OptionList) and focused.id == "followups":
            self.action_toggle_asked()
            return
        if isinstance(focused, OptionList) and focused.id == "themes":
            self.action_go_to_theme()
            return
        option = self.query_one("#questions", OptionList).highlighted_option
        if option is None or option.id is None or self.progress is None:
            return
        done = option.id in self.progress.ticked
        self._record("question_undone" if done else "question_done", option.id)

    def action_toggle_asked(self) -> None:
        followups = self.query_one("#followups", OptionList)
        option = followups.highlighted_option
        if option is None and followups.option_count and self.progress is not None:
            open_ones = self.progress.open_followups()
            if open_ones:
                followups.highlighted = followups.get_option_index(open_ones[0].id)
                option = followups.highlighted_option
        if option is None or option.id is None or self.progress is None:
            self._say("No follow-up questions from the note-taker yet.")
            return
        asked = option.id in self.progress.asked
        self._record("followup_reopened" if asked else "followup_asked", option.id)

    def action_switch_list(self) -> None:
        order = ["questions", "followups", "themes"]
        focused = self.focused.id if self.focused is not None else None
        following = order[(order.index(focused) + 1) % len(order)] if focused in order else order[0]
        self.query_one(f"#{following}", OptionList).focus()

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_edit_guide(self) -> None:
        from .editor import GuideEditor

        self.app.push_screen(GuideEditor(self.store), lambda _: self._guide_edited())

    def _guide_edited(self) -> None:
        if self.snapshot is not None:
            self.snapshot = Snapshot(
                guide=self.store.guide,
                interview=self.snapshot.interview,
                guide_events=self.snapshot.guide_events,
                notes_events=self.snapshot.notes_events,
                notes=self.snapshot.notes,
            )
            self._redraw()


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


def _key(event: LiveEvent) -> tuple:
    """What makes an event the same one after a round trip through the file."""
    return (event.kind, event.value, event.at, event.by)
