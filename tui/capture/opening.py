"""The capture screen's first frame: ready to type before the study has even been read.

Importing the domain models (pydantic) and opening the interview take about as long as
starting Textual itself. The note-taker should not wait for that: this screen shows the
input at once, opens everything in a worker, then hands over to the real capture screen
with whatever was typed meanwhile (sent lines are saved then, in order, and the line
being typed stays in the input). It imports nothing but Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from trodden.models.names import visible
from trodden.tui.base import literal
from trodden.tui.i18n import _, ngettext
from trodden.tui.widgets.footer import FittingFooter

from .note_input import CaptureInput

if TYPE_CHECKING:
    from .session import CaptureSource


class OpeningCaptureScreen(Screen):
    """The first frame: a working input and "opening…" while ``open_source`` runs in a thread."""

    CSS_PATH = "capture.tcss"

    class Opened(Message):
        def __init__(self, source: CaptureSource) -> None:
            super().__init__()
            self.source = source

    class Failed(Message):
        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    def __init__(
        self, open_source: Callable[[], CaptureSource], title: str, *, blink: bool = True, ask_who: bool = False
    ) -> None:
        super().__init__()
        self.open_source = open_source
        self.ask_who = ask_who
        self.title_text = title
        self.blink = blink
        self.queued: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(literal(f"{self.title_text}  │  " + _("opening…"), "bold", one_line=True), id="opening-header")
        yield Static(id="opening-space")
        field = CaptureInput(
            on_send=self.queue, placeholder=_("type a note: it is saved as soon as the interview is open")
        )
        field.cursor_blink = self.blink
        yield field
        yield FittingFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one(CaptureInput).focus()
        self.open()

    def queue(self, line: str) -> None:
        """Enter before the interview is open: kept, and saved first thing once it is."""
        self.queued.append(line)
        waiting = ngettext("{n} waiting to be saved", "{n} waiting to be saved", len(self.queued)).format(
            n=len(self.queued)
        )
        header = f"{self.title_text}  │  " + _("opening…") + f"  │  {waiting}"
        self.query_one("#opening-header", Static).update(literal(header, "bold", one_line=True))

    @work(thread=True, exit_on_error=False)
    def open(self) -> None:
        try:
            source = self.open_source()
        except Exception as error:  # shown by the command line as one line, never a traceback
            self.post_message(self.Failed(error))
        else:
            self.post_message(self.Opened(source))

    def on_opening_capture_screen_opened(self, message: Opened) -> None:
        from .screen import CaptureScreen

        typed = self.query_one(CaptureInput).value
        self.app.capture_source = message.source  # type: ignore[attr-defined]
        self.app.store = message.source.store  # type: ignore[attr-defined]
        self.app.sub_title = visible(message.source.store.study.name, one_line=True)
        screen = CaptureScreen(
            message.source, blink=self.blink, queued=list(self.queued), typed=typed, ask_who=self.ask_who
        )
        self.app.switch_screen(screen)

    def on_opening_capture_screen_failed(self, message: Failed) -> None:
        typed = [*self.queued, self.query_one(CaptureInput).value]
        self.app.startup_error = message.error  # type: ignore[attr-defined]
        self.app.unsaved_lines = [line for line in typed if line.strip()]  # type: ignore[attr-defined]
        self.app.exit(return_code=1)
