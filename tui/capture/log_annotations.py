"""What the capture log shows besides the notes: a quiet divider where the interview moved on to
another theme or phase, and ``✓ asked`` on the follow-ups the interviewer marked as asked.

A mixin of ``NotesLog`` (``notes_log.py``): it decides what to draw; the log measures and paints.
"""

from __future__ import annotations

from rich.text import Text

from trodden.models.domain import Note

from .marks import divider


class LogAnnotations:
    """Dividers and asked follow-ups for ``NotesLog`` (which owns ``_notes`` and the caches)."""

    _notes: list[Note]
    theme_names: dict[str, str] = {}  # replaced, never changed in place (``set_names``)
    phase_names: dict[str, str] = {}
    """what the quiet dividers call a theme or phase id (``set_names``)"""
    asked: frozenset[str] = frozenset()
    """ids of the follow-up notes the interviewer marked as asked (``set_asked``)"""

    def set_names(self, themes: dict[str, str], phases: dict[str, str]) -> None:
        """Names for the dividers: ``2 Finding plants`` for a theme id, ``Searching`` for a phase id."""
        self.theme_names, self.phase_names = themes, phases
        self._strips.clear()  # type: ignore[attr-defined]
        self.refresh()  # type: ignore[attr-defined]

    def set_asked(self, asked: frozenset[str]) -> None:
        """The interviewer's asked follow-ups: their notes say so (``✓ asked``) on the next paint."""
        if asked == self.asked:
            return
        changed = asked ^ self.asked
        self.asked = asked
        for note in self._notes:
            if note.id in changed:
                self._forget(note.seq)  # type: ignore[attr-defined]
        self._measure_all()  # type: ignore[attr-defined]

    def _divider(self, index: int) -> tuple[str | None, str | None] | None:
        """(theme, phase) ids that changed from the note before (None where unchanged), or None
        for no divider: a quiet line marks where the interview moved on."""
        if index <= 0 or index >= len(self._notes):
            return None
        before, note = self._notes[index - 1], self._notes[index]
        theme = note.theme if note.theme != before.theme else None
        phase = note.phase if note.phase != before.phase else None
        return (theme, phase) if theme or phase else None

    def _divider_text(self, changed: tuple[str | None, str | None]) -> Text:
        theme, phase = changed
        return divider(
            self.theme_names.get(theme, theme) if theme else None,
            self.phase_names.get(phase, phase) if phase else None,
        )
