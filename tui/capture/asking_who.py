"""Capture's start asks who a customer with no customer type is (``trodden capture --participant``
without ``--segment`` or ``--staff``): the settings' participant dialog, suggested from the study.

Only on a fresh interview (no notes, nothing typed while it opened), so it never takes keys from a
note being written; escape skips it. The answer is stored with ``put_participant`` in the locked
update of ``study.json``, on the capture screen's writer.
"""

from __future__ import annotations

from textual.message import Message

from trodden.models.errors import StoreError
from trodden.models.participants import put_participant
from trodden.models.storage.study_file import StudyFile
from trodden.tui.i18n import _
from trodden.tui.settings.person import PersonAnswer, PersonDialog

from .base import CaptureBase


class AskingWho(CaptureBase):
    """Mixin of ``CaptureScreen``: who is this participant, asked once at the start."""

    class WhoSet(Message):
        def __init__(self, answer: PersonAnswer, problem: str = "") -> None:
            super().__init__()
            self.answer = answer
            self.problem = problem

    def ask_who(self) -> None:
        """Open the dialog if the participant is a customer with no type (staff are not asked)."""
        person = self.store.data.participant(self.interview.participant)
        if person is None or person.is_staff or person.segment:
            return
        self.app.push_screen(PersonDialog(self.store.participants, person, blink=self.blink), self._answered)

    def _answered(self, answer: PersonAnswer | None) -> None:
        if answer is None:
            return
        store = self.store

        def change(data: StudyFile) -> None:
            put_participant(data.participants, answer.code, answer.role, answer.text, new=False)

        def job() -> Message:
            try:
                store.update(change)
            except StoreError as error:
                return self.WhoSet(answer, str(error))
            return self.WhoSet(answer)

        self.writer.submit(job)

    def on_asking_who_who_set(self, message: WhoSet) -> None:
        answer = message.answer
        if message.problem:
            self.say(
                _("{code} was not changed: {problem}").format(code=answer.code, problem=message.problem), error=True
            )
            return
        person = self.store.data.participant(answer.code)
        self.say(f"{answer.code}: {person.kind_text if person else answer.text}")
