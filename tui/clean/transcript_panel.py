"""The transcript beside the notes: a panel of its lines around the selected note, and lines made quotes.

``T`` shows or hides the panel (an ``OptionList``: virtualised, so a 1,500-line transcript costs
only the lines on screen). It follows the selected note to the start of its span. Focus it (tab)
to walk the lines; ``q`` or enter makes the highlighted line a new quote note, at its time, in
the theme and phase of that moment (one undoable step). ``i`` imports a transcript file, asking
before it replaces one.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from trodden.models.errors import StoreError
from trodden.models.names import visible
from trodden.models.notes.cleaning import CleanError
from trodden.models.notes.redaction import Redactor
from trodden.models.transcript.model import SpeakerRole, Transcript
from trodden.models.transcript.notes import quote_from_cue
from trodden.models.transcript.reading import read_transcript
from trodden.tui.i18n import _, ngettext
from trodden.tui.widgets.dialogs import PickScreen, PromptScreen
from trodden.tui.widgets.option_list import SafeOptionList

from .quote_check import QuoteChecking
from .rows import mm_ss

ROLE_STYLE = {SpeakerRole.PARTICIPANT: "bold", SpeakerRole.INTERVIEWER: "dim", SpeakerRole.NOTE_TAKER: "dim italic"}


class TranscriptPanel(SafeOptionList):
    """One option a cue: its time, speaker and words."""

    def show(self, transcript: Transcript) -> None:
        roles = transcript.roles()
        options = []
        for number, cue in enumerate(transcript.cues):
            line = Text(f"{mm_ss(cue.start)} ", style="dim")
            role = roles.get(cue.speaker)
            if cue.speaker:
                line.append(visible(cue.speaker, one_line=True) + ": ", style="cyan")
            line.append(visible(cue.text, one_line=True), style=ROLE_STYLE.get(role, "") if role else "")
            options.append(Option(line, id=str(number)))
        self.clear_options()
        self.add_options(options)

    def follow(self, cue: int | None) -> None:
        """Highlight ``cue`` and scroll it near the top, unless the user is walking the lines here."""
        if cue is None or self.has_focus or not 0 <= cue < self.option_count:
            return
        self.highlighted = cue
        if self.size.height:  # laid out: scroll in this frame (after it, the panel was drawn twice a key)
            self.scroll_to(y=max(cue - 2, 0), animate=False, immediate=True)
        else:
            self.call_after_refresh(self.scroll_to, y=max(cue - 2, 0), animate=False)  # after a new panel's layout


class TranscriptPanelling(QuoteChecking):
    """``T`` toggles the panel, ``q``/enter make its line a quote, ``i`` imports a transcript."""

    class TranscriptStored(Message):
        def __init__(self, transcript: Transcript) -> None:
            super().__init__()
            self.transcript = transcript

    class TranscriptRead(Message):
        def __init__(self, transcript: Transcript | None, problem: str = "") -> None:
            super().__init__()
            self.transcript = transcript
            self.problem = problem

    def _panel(self) -> TranscriptPanel | None:
        found = self.query(TranscriptPanel)
        return found.first() if found else None

    def action_toggle_transcript(self) -> None:
        if self.transcript is None:
            self._say(_("no transcript: import one with i (or 'trodden transcript')"), error=True)
            return
        panel = self._panel()
        if panel is None:
            panel = TranscriptPanel(id="transcript")
            self.mount(panel, before="#detail")
            panel.show(self.transcript)
            self._follow()
            return
        panel.display = not panel.display
        self._follow()

    def transcript_changed(self) -> None:
        panel = self._panel()
        if panel is not None and self.transcript is not None:
            panel.show(self.transcript)
            self._follow()

    def _show_selected(self) -> None:
        super()._show_selected()
        self._follow()

    def _follow(self) -> None:
        panel = self._panel()
        note = self.selected_note()
        if panel is None or not panel.display or note is None or self.alignment is None:
            return
        match = self.quote_match(note)
        if match is not None and match.found:
            panel.follow(self.alignment.index.participant[match.start].cue)
            return
        span = self.alignment.spans.get(note.seq)
        panel.follow(span[0] if span else None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option_list, TranscriptPanel):
            event.stop()
            self.action_quote_from_line()

    def action_quote_from_line(self) -> None:
        panel = self._panel()
        if panel is None or not panel.display or panel.highlighted is None:
            self._say(_("show the transcript (T) and pick a line first"), error=True)
            return
        if self.transcript is None or self.alignment is None or self.session is None or not self._writable():
            return
        cue = self.transcript.cues[panel.highlighted]
        if self.transcript.roles().get(cue.speaker, SpeakerRole.PARTICIPANT) is not SpeakerRole.PARTICIPANT:
            self._say(_("that line is not the participant's: quotes are their words (m sets who is who)"), error=True)
            return
        try:
            note = quote_from_cue(
                cue,
                interview=self.session.interview,
                offset=self.alignment.offset,
                notes=self.state.ordered(),
                seq=self.state.next_seq(),
                at=self.clock(),
            )
        except CleanError as error:
            self._say(str(error), error=True)
            return
        self._apply(_("quote from the transcript"), [note], select=note.seq)

    # ------------------------------------------------------------ importing
    def action_import_transcript(self) -> None:
        if self.session is None or not self._writable():
            return

        def chosen(path: str | None) -> None:
            if path and path.strip():
                self._read_file(Path(path.strip()).expanduser())

        hint = _("a Teams/Zoom .vtt, .srt, Teams' Word .docx, or text with [hh:mm:ss] lines")
        self.app.push_screen(PromptScreen(_("Import a transcript file"), "", hint, blink=self.blink), chosen)

    @work(thread=True, exclusive=True, group="transcript-file")
    def _read_file(self, path: Path) -> None:
        try:
            self.post_message(self.TranscriptRead(read_transcript(path)))
        except StoreError as error:
            self.post_message(self.TranscriptRead(None, str(error)))

    def on_transcript_panelling_transcript_read(self, message: TranscriptRead) -> None:
        if message.transcript is None:
            self._say(message.problem, error=True)
            return
        new = message.transcript
        if new.warning:
            self.app.notify(new.warning, severity="warning")
        if self.transcript is None:
            self._store_transcript(new)
            return
        options = [
            (
                "replace",
                Text(
                    visible(
                        _("Replace it with {source} ({n} lines)").format(source=new.source, n=len(new.cues)),
                        one_line=True,
                    )
                ),
            ),
            ("keep", Text(_("Keep the transcript it has"))),
        ]

        def chosen(answer: str | None) -> None:
            if answer == "replace":
                self._store_transcript(new)
            else:
                self._say(_("transcript kept"))

        already = _("This interview already has a transcript ({source}).").format(source=self.transcript.source)
        intro = Text(visible(already, one_line=True))
        self.app.push_screen(PickScreen(_("Replace the transcript?"), intro, options), chosen)

    def _store_transcript(self, transcript: Transcript) -> None:
        interview_id = self.interview_id

        def job() -> Message:
            return self.TranscriptStored(self.store.save_transcript(interview_id, transcript, replace=True))

        self.writer.submit(job, on_error=self._not_saved)

    def on_transcript_panelling_transcript_stored(self, message: TranscriptStored) -> None:
        self.redactor = Redactor.for_study(self.store.data)  # the speakers' names are redacted now
        self._cell_cache.clear()
        self._rebuild()
        cues = len(message.transcript.cues)
        self._say(
            ngettext("transcript stored: {n} line; aligning…", "transcript stored: {n} lines; aligning…", cues).format(
                n=cues
            )
        )
        self.load_transcript(message.transcript)
        if not message.transcript.speakers and len(message.transcript.speaker_names()) > 1:
            self.transcript = message.transcript
            self.action_speakers()  # asked once, on import: whose words are the quotes?
