"""Checking quotes against the interview's transcript, in the clean screen.

After the notes load, the transcript (if the interview has one) is read and aligned on a thread
worker (``models.transcript.check.align``); each quote's Check cell then shows its status and the
detail panel what was said. ``w`` replaces the quote's words with the span said (one undoable
step; the typed words stay in the note's history), ``<``/``>`` narrow or widen that span a word
each end, ``v`` still marks a quote checked by hand, ``[``/``]`` nudge the offset five seconds
(stored with the transcript), ``m`` says which speaker is the participant.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.message import Message

from trodden.models.domain import Kind, Note
from trodden.models.errors import StoreError
from trodden.models.names import visible
from trodden.models.storage.gc_policy import freeze_loaded_objects, paused_gc
from trodden.models.transcript.align import nudged
from trodden.models.transcript.check import Alignment, align, check_quote
from trodden.models.transcript.model import SpeakerRole, Transcript
from trodden.models.transcript.notes import with_said_words
from trodden.models.transcript.quotes import QuoteMatch, QuoteStatus, resized
from trodden.tui.i18n import N_, _, ngettext, number
from trodden.tui.widgets.dialogs import PickScreen

from .quote_rows import check_lines, offset_text, status_cell, status_word
from .view import CleanView

NUDGE = 5.0
ROLE_WORD = {
    SpeakerRole.INTERVIEWER: N_("interviewer"),
    SpeakerRole.PARTICIPANT: N_("participant"),
    SpeakerRole.NOTE_TAKER: N_("note-taker"),
}
"""A transcript speaker's role as the speakers' list says it."""


def match_key(note: Note) -> tuple:
    """What a quote's match depends on besides the alignment: its words and when it was typed."""
    return (note.text, note.t, note.wall)


class QuoteChecking(CleanView):
    """The transcript's alignment and every quote's match, kept beside the notes."""

    class TranscriptChecked(Message):
        """The transcript read and aligned (or why not)."""

        def __init__(self, transcript: Transcript | None, alignment: Alignment | None, problem: str = "") -> None:
            super().__init__()
            self.transcript = transcript
            self.alignment = alignment
            self.problem = problem
            self.matched: dict[tuple, QuoteMatch] = {}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.transcript: Transcript | None = None
        self.alignment: Alignment | None = None
        self._matches: dict[int, tuple[str, QuoteMatch]] = {}
        """A quote's span as widened or narrowed (< >), with the text it was made for."""
        self._matched: dict[tuple, QuoteMatch] = {}
        """Every match made against this alignment, by the quote's words and time: a key re-matches
        only a quote whose words changed, and an undo finds the old words' match here."""

    # ------------------------------------------------------------ loading
    def load_transcript(self, transcript: Transcript | None = None) -> None:
        """Read (unless given) and align the transcript on a thread; the notes as they are now."""
        interview = self.session.interview if self.session else None
        if interview is None:
            return
        self._align(interview, self.state.ordered(), transcript)

    @work(thread=True, exclusive=True, group="transcript")
    def _align(self, interview, notes: list[Note], transcript: Transcript | None) -> None:
        try:
            if transcript is None:
                transcript = self.store.transcript(interview.id)
        except StoreError as error:
            self.post_message(self.TranscriptChecked(None, None, str(error)))
            return
        with paused_gc():  # the index is tens of thousands of objects, kept while the screen is open:
            result = align(transcript, interview, notes) if transcript is not None else None
            freeze_loaded_objects()  # out of the collector's scans (a full pass stalled keys 100+ ms)
        checked = self.TranscriptChecked(transcript, result)
        if result is not None:  # the quotes matched here are not matched again on the UI thread
            checked.matched = {match_key(n): result.quotes[n.seq] for n in notes if n.seq in result.quotes}
        self.post_message(checked)

    def on_quote_checking_transcript_checked(self, message: TranscriptChecked) -> None:
        if message.problem:
            self._say(message.problem, error=True)
            return
        self.transcript, self.alignment = message.transcript, message.alignment
        self._matches, self._matched = {}, dict(message.matched)
        quotes = [note.seq for note in self.state.ordered() if note.has(Kind.QUOTE)]
        self._refresh(quotes)
        if message.alignment is not None:
            self._say(self._summary())
        self.transcript_changed()

    def transcript_changed(self) -> None:
        """Hook for the transcript panel (it shows the new lines)."""

    def _summary(self) -> str:
        assert self.alignment is not None
        counts = {}
        for note in self.state.ordered():
            match = self.quote_match(note)
            if match is not None:
                key = _("checked by hand") if note.checked and not match.found else status_word(match.status)
                counts[key] = counts.get(key, 0) + 1
        quotes = " · ".join(f"{count} {status}" for status, count in counts.items()) or _("no quotes")
        guessed = "" if self.transcript and self.transcript.speakers else " · " + _("speakers guessed: m to set")
        summary = _("transcript: {offset} · quotes: {quotes}").format(
            offset=offset_text(self.alignment.offset), quotes=quotes
        )
        return summary + guessed

    # ------------------------------------------------------------ matches
    def quote_match(self, note: Note) -> QuoteMatch | None:
        """The quote's match (None for a note that is not a quote or with no transcript loaded)."""
        if self.alignment is None or self.session is None or not note.has(Kind.QUOTE):
            return None
        resized = self._matches.get(note.seq)
        if resized is not None and resized[0] == note.text:
            return resized[1]
        key = match_key(note)
        match = self._matched.get(key)
        if match is None:
            match = self._matched[key] = check_quote(self.alignment, note, self.session.interview)
        return match

    def quote_needs_check(self, note: Note) -> bool:
        """Close, not found or not yet matched, and not accepted by hand: a verbatim quote is done."""
        if not super().quote_needs_check(note):
            return False
        match = self.quote_match(note)
        return match is None or match.status is not QuoteStatus.VERBATIM

    def _cells(self, note: Note) -> list[Text]:
        cells = super()._cells(note)
        match = self.quote_match(note) if not note.deleted else None
        if match is None:
            return cells
        return [*cells[:-1], status_cell(match, note)]

    def _detail(self, note: Note | None) -> Text:
        text = super()._detail(note)
        match = self.quote_match(note) if note is not None else None
        if note is not None and match is not None:
            text.append_text(check_lines(match, note))
        return text

    # ------------------------------------------------------------ actions
    def _selected_match(self) -> tuple[Note, QuoteMatch] | None:
        note = self.selected_note()
        if note is None:
            return None
        if not note.has(Kind.QUOTE):
            self._say(_('not a quote: " marks it as one'), error=True)
            return None
        match = self.quote_match(note)
        if match is None:
            self._say(_("no transcript: import one with i (or 'trodden transcript')"), error=True)
            return None
        return note, match

    def action_use_said(self) -> None:
        """w: the quote becomes the words said (the typed ones stay in its history; ctrl+z undoes)."""
        found = self._selected_match()
        if found is None or not self._writable():
            return
        match = found[1]
        if not match.said:
            self._say(_("nothing found in the transcript to use: widen (>) or check by hand (v)"), error=True)
            return
        self._with_note(_("the transcript's words"), lambda n: with_said_words(n, match.said, self.clock()))

    def action_resize_span(self, words: int) -> None:
        """< and >: the span a word shorter or longer at each end."""
        found = self._selected_match()
        if found is None or self.alignment is None:
            return
        note, match = found
        if not match.said:
            self._say(_("no span to resize: the quote was not found"), error=True)
            return
        changed = resized(self.alignment.index, note.text, match, words)
        self._matches[note.seq] = (note.text, changed)
        self._refresh([note.seq])
        self._say(
            ngettext("span: {n} word · {status}", "span: {n} words · {status}", len(changed.said.split())).format(
                n=len(changed.said.split()), status=status_word(changed.status)
            )
        )

    def action_nudge_offset(self, seconds: float) -> None:
        """[ and ]: the recording offset five seconds earlier or later, kept with the transcript."""
        if self.transcript is None or self.alignment is None:
            self._say(_("no transcript: import one with i (or 'trodden transcript')"), error=True)
            return
        if not self._writable():
            return
        value = nudged(self.alignment.offset, seconds)
        interview_id = self.interview_id

        def job() -> str:
            self.store.update_transcript(interview_id, offset=value)
            return _("offset set to {value} s (saved with the transcript)").format(value=number(value))

        self._submit(job)
        self.load_transcript(self.transcript.model_copy(update={"offset": value}))

    def action_speakers(self) -> None:
        """m: which speaker is the participant (the others are the interviewer)."""
        if self.transcript is None:
            self._say(_("no transcript: import one with i (or 'trodden transcript')"), error=True)
            return
        roles = self.transcript.roles()
        options = [
            (name, Text(visible(f"{name}  ({_(ROLE_WORD.get(roles[name], roles[name].value))})", one_line=True)))
            for name in self.transcript.speaker_names()
        ]

        def chosen(name: str | None) -> None:
            if name is not None:
                self._set_participant(name)

        intro = Text(_("Whose words are the quotes? The others are taken as the interviewer."))
        self.app.push_screen(PickScreen(_("The participant in the transcript"), intro, options), chosen)

    def _set_participant(self, name: str) -> None:
        if self.transcript is None or not self._writable():
            return
        speakers = {
            speaker: SpeakerRole.PARTICIPANT if speaker == name else SpeakerRole.INTERVIEWER
            for speaker in self.transcript.speaker_names()
            if self.transcript.speakers.get(speaker) is not SpeakerRole.NOTE_TAKER
        }
        interview_id = self.interview_id

        def job() -> str:
            self.store.update_transcript(interview_id, speakers=speakers)
            return _("{name} is the participant (saved with the transcript)").format(name=name)

        self._submit(job)
        merged = {**self.transcript.speakers, **speakers}
        self.load_transcript(self.transcript.model_copy(update={"speakers": merged}))
