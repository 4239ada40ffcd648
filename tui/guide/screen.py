"""The interviewer's guide view: themes, time on each, questions, the note-taker's follow-ups.

Made to be glanced at while talking to a person: big clock, few colours, the current
theme always visible. Disk work happens off the UI thread, through ``GuideLink``
(models/guide/link.py): one thread worker follows both sides every ``poll_interval``
seconds, and the screen's ``Writer`` writes the interviewer's events in order. The UI
thread only recomputes the pure ``Progress``.

The screen is ``GuideView`` (view.py: layout, drawing) plus ``GuideRecording``
(recording.py: the keys); the keys are listed in keys.py, the styles in guide.tcss.
"""

from __future__ import annotations

from textual import work
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.worker import get_current_worker

from trodden.models.errors import StoreError
from trodden.models.guide.link import Snapshot
from trodden.models.storage.live import LiveEvent
from trodden.tui.base import literal
from trodden.tui.i18n import _

from .keys import ACTIONS, HELP_INTRO
from .recording import GuideRecording

WRITES_GRACE = 5.0
"""Seconds the follow worker waits, when the screen goes, for the interviewer's last events to be written."""


class GuideScreen(GuideRecording):
    """One interview seen by the interviewer. ``clock`` is injectable for tests."""

    CONTEXT = "guide"
    BINDINGS = ACTIONS
    HELP_INTRO = HELP_INTRO
    CSS_PATH = "guide.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    """Below 110 columns the big clock gives way to the theme's name and questions (``guide.tcss``)."""

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

    def on_mount(self) -> None:
        self.query_one("#themes", OptionList).border_title = _("Themes")
        self.query_one("#questions", OptionList).border_title = _("Questions")
        self.query_one("#followups", OptionList).border_title = _("Follow-ups")
        self.query_one("#feed", OptionList).border_title = _("Latest notes")
        self.query_one("#questions", OptionList).focus()
        self._follow()
        self.set_interval(1.0, self._tick_clock)

    def on_unmount(self) -> None:
        self._stop.set()

    @work(thread=True, group="guide-follow", exit_on_error=False)
    def _follow(self) -> None:
        """Open both sides, then follow them until the screen goes away; then close them after the last write."""
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
            self.writer.close(WRITES_GRACE)
            self.link.close()

    def on_guide_screen_opened(self, message: Opened) -> None:
        self._read_only = message.read_only
        if message.read_only:
            self._say(_("Another guide view already leads this interview: this one follows it and changes nothing."))

    def on_guide_screen_problem(self, message: Problem) -> None:
        self._say(message.text, error=True)
        if message.fatal:
            self.query_one("#theme-title", Static).update(literal(message.text, style="bold red"))

    def on_guide_screen_polled(self, message: Polled) -> None:
        self.snapshot = message.snapshot
        stored = {_key(event) for event in message.snapshot.guide_events}
        self._pending = [event for event in self._pending if _key(event) not in stored]
        self._redraw()

    def _tick_clock(self) -> None:
        if self.snapshot is not None:
            self._redraw(lists=False)


def _key(event: LiveEvent) -> tuple:
    """What makes an event the same one after a round trip through the file."""
    return (event.kind, event.value, event.at, event.by)
