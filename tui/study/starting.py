"""Starting an interview from the overview, and opening the tags: the overview as home.

``n`` asks for the participant (one already in the study, or a new code); for a new one, or a
customer with no customer type yet, it asks who they are (the settings' participant dialog:
customer type or staff and team, suggested from the study; escape skips). Then it stores that
(``put_participant`` in the locked update of ``study.json``) and starts (or joins) their
interview through the same rule as ``trodden capture --participant --new`` (``find_or_start``),
both on the overview's writer, and opens capture on it.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.message import Message

from trodden.models.domain import Participant
from trodden.models.errors import StoreError
from trodden.models.names import participant_code_as_typed
from trodden.models.participants import put_participant
from trodden.models.storage.interviews import find_or_start
from trodden.models.storage.study_file import StudyFile
from trodden.tui.base import TroddenScreen, literal
from trodden.tui.i18n import _
from trodden.tui.settings.person import PersonAnswer, PersonDialog
from trodden.tui.widgets.dialogs import PickScreen, PromptScreen

NEW = "+new"
"""The pick list's "a new participant" line (no participant code holds a +)."""


class StartingInterviews(TroddenScreen):
    """Mixin for the study screen: ``n`` new interview, ``t`` tags."""

    class Started(Message):
        def __init__(self, interview_id: str | None, problem: str = "") -> None:
            super().__init__()
            self.interview_id = interview_id
            self.problem = problem

    def action_new_interview(self) -> None:
        options = [(NEW, Text(_("+ a new participant…"), style="bold"))]
        for person in self.store.participants:
            line = literal(person.code, one_line=True)
            if person.kind_text:
                line.append_text(literal(f"  {person.kind_text}", "dim", one_line=True))
            options.append((person.code, line))
        intro = Text(_("Whose interview? It opens in capture (their unfinished interview, if they have one)."))
        self.app.push_screen(PickScreen(_("Start an interview"), intro, options), self._picked)

    def _picked(self, code: str | None) -> None:
        if code == NEW:
            prompt = PromptScreen(_("New participant"), hint=_("a code like P7: letters, digits, - and _"))
            self.app.push_screen(prompt, self._named)
        elif code:
            self._ask_who(code)

    def _named(self, code: str | None) -> None:
        if not code:
            return
        try:
            code = participant_code_as_typed(code)  # as trodden capture --participant: never changed
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self._ask_who(code)

    def _ask_who(self, code: str) -> None:
        """A new participant or a customer with no type: ask who they are before starting (esc: start anyway)."""
        person = self.store.data.participant(code)
        if person is not None and (person.is_staff or person.segment):
            self._start(code)
            return
        shown = person or Participant(code=code)
        dialog = PersonDialog(self.store.participants, shown)
        self.app.push_screen(dialog, lambda answer: self._start(shown.code, answer))

    def _start(self, code: str, answer: PersonAnswer | None = None) -> None:
        store = self.store

        def who(data: StudyFile) -> None:
            assert answer is not None
            new = data.participant(code) is None  # decided under the lock: someone may have added them
            put_participant(data.participants, code, answer.role, answer.text, new=new)

        def job() -> Message:
            try:
                if answer is not None:
                    store.update(who)
                # new=True: a participant whose last interview is cleaned gets another one (that is
                # what "New interview" asks for); an unfinished one is still joined, never doubled
                return self.Started(find_or_start(store, participant=code, new=True, clock=datetime.now).id)
            except StoreError as error:
                return self.Started(None, str(error))

        self.writer.submit(job)

    def on_starting_interviews_started(self, message: Started) -> None:
        from trodden.tui.capture.screen import capture_screen_for

        if message.interview_id is None:
            self.notify(message.problem, severity="error", timeout=10)
            return
        screen = capture_screen_for(self.store, message.interview_id, self.notify)
        if screen is not None:
            self.app.push_screen(screen, lambda _: self.action_refresh())

    def on_unmount(self) -> None:
        self.writer.close()

    def action_tags(self) -> None:
        from trodden.tui.tags.screen import TagsScreen

        self.app.push_screen(TagsScreen(self.store), lambda _: self.action_refresh())
