"""Marking the selected note: kinds, feeling, verbatim check, guide theme and journey phase.

Each is one step through ``_with_note``: stored at once, undoable with ctrl+z.
"""

from __future__ import annotations

from trodden.models.domain import Kind
from trodden.models.notes import cleaning
from trodden.tui.i18n import _
from trodden.tui.words import word

from .pick import NONE, NotePickScreen
from .view import CleanView


class NoteMarks(CleanView):
    """The quick keys (" * ! % ? + - 0 v) and the theme (t) and phase (p) pickers."""

    def action_toggle_kind(self, kind: str) -> None:
        self._with_note(
            _("{kind} on/off").format(kind=word(Kind(kind))),
            lambda note: cleaning.toggle_kind(note, Kind(kind), self.clock()),
        )

    def action_valence(self, step: int) -> None:
        self._with_note(_("feeling"), lambda note: cleaning.nudge_valence(note, step, self.clock()))

    def action_clear_valence(self) -> None:
        self._with_note(_("feeling cleared"), lambda note: cleaning.set_valence(note, None, self.clock()))

    def action_verbatim(self) -> None:
        self._with_note(_("verbatim check"), lambda note: cleaning.set_checked(note, not note.checked))

    def action_pick_theme(self) -> None:
        note = self.selected_note()
        if note is None or not self._writable():
            return
        choices = [(theme.id, theme.title) for theme in self.store.guide.themes]

        def chosen(key: str | None) -> None:
            if key is not None:
                self._with_note(_("theme"), lambda n: cleaning.set_theme(n, None if key == NONE else key))

        self.app.push_screen(
            NotePickScreen(_("Guide theme of this note"), choices, note.theme, _("(no theme)")), chosen
        )

    def action_pick_phase(self) -> None:
        note = self.selected_note()
        if note is None or not self._writable():
            return
        choices = [(phase.id, phase.name) for phase in self.store.phases]

        def chosen(key: str | None) -> None:
            if key is not None:
                self._with_note(_("phase"), lambda n: cleaning.set_phase(n, None if key == NONE else key))

        self.app.push_screen(
            NotePickScreen(_("Journey phase of this note"), choices, note.phase, _("(no phase)")), chosen
        )
