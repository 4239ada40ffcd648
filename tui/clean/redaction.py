"""Setting what redaction looks for, from the clean screen: the participant's real name, the study's
terms, and the verdict on a likely name (``a``: a name, it joins the terms; ``o``: not a name).

All live in the study, not the interview, so the change is a locked read-modify-write of the
study (``StudyStore.update``), queued on the screen's writer like every other write.
"""

from __future__ import annotations

from textual.message import Message

from trodden.models.names import visible
from trodden.models.notes.redaction import Redactor
from trodden.models.storage.study_file import StudyFile
from trodden.tui.i18n import _, ngettext

from .terms import RedactionScreen, RedactionSettings
from .view import CleanView


class RedactionEditing(CleanView):
    """r opens the redaction form; saving it re-highlights every note."""

    class RedactionChanged(Message):
        """The study now holds the new name and terms."""

        def __init__(self, text: str = "") -> None:
            super().__init__()
            self.text = text

    def action_redaction(self) -> None:
        interview = self.session.interview if self.session else None
        if interview is None:
            return
        participant = self.store.data.participant(interview.participant)
        screen = RedactionScreen(
            interview.participant,
            (participant.real_name or "") if participant else "",
            list(self.store.data.redaction_terms),
            blink=self.blink,
        )

        def chosen(settings: RedactionSettings | None) -> None:
            if settings is not None:
                self.save_redaction(interview.participant, settings)

        self.app.push_screen(screen, chosen)

    def save_redaction(self, code: str, settings: RedactionSettings) -> None:
        """Store the name and terms in the study (locked read-modify-write), then re-highlight."""

        def change(data: StudyFile) -> None:
            data.redaction_terms = settings.terms
            for participant in data.participants:
                if participant.code == code:
                    participant.real_name = settings.real_name or None

        def job() -> Message:
            self.store.update(change)
            return self.RedactionChanged()

        self.writer.submit(job, on_error=self._not_saved)

    def _likely_name(self) -> str | None:
        """The first likely name in the selected note, as written there."""
        note = self.selected_note()
        if note is None:
            return None
        spans = self.redactor.likely_names(note.text)
        return note.text[spans[0].start : spans[0].end] if spans else None

    def action_confirm_name(self) -> None:
        """a: the likely name is a name; it becomes one of the study's redaction terms."""
        self._judge_name(is_name=True)

    def action_not_a_name(self) -> None:
        """o: the likely name is not a name in this study; it is no longer highlighted or replaced."""
        self._judge_name(is_name=False)

    def _judge_name(self, *, is_name: bool) -> None:
        name = self._likely_name()
        if name is None:
            self._say(_("no likely name in this note"))
            return
        shown = visible(name)

        def change(data: StudyFile) -> None:
            target = data.redaction_terms if is_name else data.not_names
            if name.casefold() not in {word.casefold() for word in target}:
                target.append(name)

        def job() -> Message:
            self.store.update(change)
            verdict = (
                _("added to the study's redaction terms") if is_name else _("not a name: left as it is in exports")
            )
            return self.RedactionChanged(f"{shown}: {verdict}")

        self.writer.submit(job, on_error=self._not_saved)

    def on_redaction_editing_redaction_changed(self, message: RedactionChanged) -> None:
        self.redactor = Redactor.for_study(self.store.data)
        self._cell_cache.clear()
        self._rebuild()
        count = sum(1 for note in self.state.ordered() if self.redactor.find(note.text))
        first = message.text or _("redaction saved")
        highlighted = ngettext(
            "{count} note with personal details highlighted", "{count} notes with personal details highlighted", count
        )
        self._say(f"{first} · " + highlighted.format(count=count))
