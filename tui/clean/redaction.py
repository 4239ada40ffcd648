"""Setting what redaction looks for, from the clean screen: the participant's real name, the study's terms.

Both live in the study, not the interview, so the change is a locked read-modify-write of the
study (``StudyStore.update``), queued on the screen's writer like every other write.
"""

from __future__ import annotations

from textual.message import Message

from trodden.models.notes.redaction import Redactor
from trodden.models.storage.study_file import StudyFile

from .terms import RedactionScreen, RedactionSettings
from .view import CleanView


class RedactionEditing(CleanView):
    """r opens the redaction form; saving it re-highlights every note."""

    class RedactionChanged(Message):
        """The study now holds the new name and terms."""

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

    def on_redaction_editing_redaction_changed(self, message: RedactionChanged) -> None:
        self.redactor = Redactor.for_study(self.store.data)
        self._cell_cache.clear()
        self._rebuild()
        count = sum(1 for note in self.state.ordered() if self.redactor.find(note.text))
        self._say(f"redaction saved · {count} notes with personal details highlighted")
