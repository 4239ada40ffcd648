"""The interviewer's keys: move between themes, tick questions, mark follow-ups asked, edit the guide.

Each key records one ``guide.*`` event: shown at once as pending, then written durably by the
screen's ``Writer`` in the order the keys were pressed. A poll that finds the event on disk
confirms it; a failed write takes it back out and says so.
"""

from __future__ import annotations

from textual import on
from textual.message import Message
from textual.widgets import OptionList

from trodden.models.guide.link import Snapshot
from trodden.models.guide.progress import step_theme
from trodden.models.storage.live import EventKind, LiveEvent
from trodden.tui.i18n import _

from .served import served_of
from .view import GuideView


class GuideRecording(GuideView):
    """The guide view's actions; everything they store goes through ``_record``."""

    class NotSaved(Message):
        """Writing one of the interviewer's events failed: it leaves the view again."""

        def __init__(self, event: LiveEvent, error: str) -> None:
            super().__init__()
            self.event = event
            self.error = error

    def _record(self, kind: EventKind, value: str | None) -> bool:
        """Show the event at once (pending) and queue its durable write, in the order made."""
        if self.snapshot is None:
            return False
        if self._read_only:
            self._say(_("Another guide view leads this interview; this one only follows it."), error=True)
            return False
        event = LiveEvent(kind=kind, value=value, at=self.clock(), by="guide")
        self._pending.append(event)
        link = self.link

        def write() -> None:
            link.record(event.kind, event.value, event.at)

        self.writer.submit(write, on_error=lambda error: self.NotSaved(event, str(error)))
        self._say("")
        self._redraw()
        return True

    def on_guide_recording_not_saved(self, message: NotSaved) -> None:
        if message.event in self._pending:
            self._pending.remove(message.event)
        self._say(_("Not saved: {error}").format(error=message.error), error=True)
        self._redraw()

    @on(OptionList.OptionSelected, "#themes")
    def _theme_selected(self) -> None:
        self.action_go_to_theme()

    @on(OptionList.OptionSelected, "#questions")
    @on(OptionList.OptionSelected, "#followups")
    def _item_selected(self) -> None:
        self.action_tick()

    def action_step_theme(self, step: int) -> None:
        if self.snapshot is None or self.progress is None:
            return
        if not self.snapshot.guide.themes:
            self._say(_("This study has no interview guide yet: press e to write one."))
            return
        target = step_theme(self.snapshot.guide, self.progress.current, step)
        if target is None:
            self._say(_("That was the last theme.") if step > 0 else _("This is the first theme."))
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
            self._say(_("No follow-up questions from the note-taker yet."))
            return
        asked = option.id in self.progress.asked
        self._record("followup_reopened" if asked else "followup_asked", option.id)

    def action_switch_list(self) -> None:
        order = ["questions", "followups", "themes"]
        focused = self.focused.id if self.focused is not None else None
        following = order[(order.index(focused) + 1) % len(order)] if focused in order else order[0]
        self.query_one(f"#{following}", OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Served in a browser, the guide view is the whole app: no way back, no editor unless allowed."""
        served = served_of(self)
        if served is not None and not served.allows_guide_action(action):
            return False
        return super().check_action(action, parameters)

    def action_back(self) -> None:
        if self.check_action("back", ()) is False:
            return
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_edit_guide(self) -> None:
        if self.check_action("edit_guide", ()) is False:
            self._say(_("The guide cannot be edited from this browser (trodden serve --allow-edit-guide)."), error=True)
            return
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
