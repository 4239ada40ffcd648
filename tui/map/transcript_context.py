"""The map's evidence view: where the highlighted note sits in its interview's transcript.

When an interview has a recording's transcript, the lines said around the note (its span in bold,
a line before and after) show under the evidence list, so a workshop can read what was really
said behind a note. Transcripts are read and aligned on a thread, once per interview per view.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import OptionList, Static

from trodden.models.errors import StoreError
from trodden.models.map.evidence import NotesIndex
from trodden.models.names import visible
from trodden.models.transcript.check import Alignment, align
from trodden.models.transcript.model import SpeakerRole
from trodden.tui.i18n import N_, _

from .inbox import mm_ss

AROUND = 1
"""Transcript lines shown before and after a note's span."""


class TranscriptContext(Static):
    DEFAULT_CSS = """
    TranscriptContext { display: none; height: auto; max-height: 9; padding: 0 1; border-top: solid $accent; }
    """


ROLE_WORD = {
    SpeakerRole.INTERVIEWER: N_("interviewer"),
    SpeakerRole.PARTICIPANT: N_("participant"),
    SpeakerRole.NOTE_TAKER: N_("note-taker"),
}
LEVEL_WORD = {"set by hand": N_("set by hand"), "high": N_("high"), "medium": N_("medium"), "low": N_("low")}
"""A speaker's role and the offset's confidence as the panel says them (the models' values are English keys)."""


def context_text(alignment: Alignment, seq: int) -> Text:
    """The note's span and a line either side, speakers by role (the panel is on this machine)."""
    span = alignment.spans.get(seq)
    if span is None:
        return Text(_("not placed in the transcript"), style="dim")
    transcript = alignment.index.transcript
    roles = transcript.roles()
    first, last = max(span[0] - AROUND, 0), min(span[1] + AROUND, len(transcript.cues) - 1)
    offset = alignment.offset
    level = _(LEVEL_WORD.get(offset.level, offset.level))
    text = Text()
    text.append(
        _("in the transcript (offset {offset} s, {level}):").format(offset=f"{offset.seconds:+.0f}", level=level),
        style="dim",
    )
    for number in range(first, last + 1):
        cue = transcript.cues[number]
        role = roles.get(cue.speaker)
        inside = span[0] <= number <= span[1]
        text.append(f"\n{mm_ss(cue.start)} ", style="dim")
        said_by = _(ROLE_WORD[role]) if role in ROLE_WORD else _("speaker")
        text.append(f"{said_by}: ", style="cyan" if role is SpeakerRole.PARTICIPANT else "dim")
        text.append(visible(cue.text, one_line=True), style="bold" if inside else "dim")
    return text


class TranscriptContextView:
    """Mixed into ``ItemScreen``: follows the highlighted evidence note into its transcript."""

    class ContextReady(Message):
        def __init__(self, note_id: str, text: Text | None) -> None:
            super().__init__()
            self.note_id = note_id
            self.text = text

    store = None
    index: NotesIndex

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._alignments: dict[str, Alignment | None] = {}
        """Each interview's alignment (None: no transcript), made once per view."""

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        note_id = event.option.id
        if self.store is None or note_id is None or note_id not in self.index.notes:
            return
        self._load_context(note_id)

    @work(thread=True, exclusive=True, group="transcript-context")
    def _load_context(self, note_id: str) -> None:
        note = self.index.notes[note_id]
        interview_id = note.interview
        if interview_id not in self._alignments:
            self._alignments[interview_id] = None
            try:
                transcript = self.store.transcript(interview_id)
                if transcript is not None:
                    interview = self.store.load_interview(interview_id)
                    notes = [n for n in self.index.notes.values() if n.interview == interview_id]
                    self._alignments[interview_id] = align(transcript, interview, notes)
            except StoreError as error:
                self.post_message(self.ContextReady(note_id, Text(str(error), style="red")))
                return
        alignment = self._alignments[interview_id]
        self.post_message(self.ContextReady(note_id, context_text(alignment, note.seq) if alignment else None))

    def on_transcript_context_view_context_ready(self, message: ContextReady) -> None:
        widget = self.query_one(TranscriptContext)
        widget.display = message.text is not None
        if message.text is not None:
            widget.update(message.text)
