"""Enter in the capture input: a new note, a slash command, or the end of an edit (F9).

The input is cleared the moment Enter is pressed and the note is saved by the writer thread; it
appears in the log only once it is on disk, so whatever is on screen survives a crash. If the save
fails, the words go back into the input with the reason, so nothing typed is ever lost.
"""

from __future__ import annotations

from trodden.models.notes.syntax import Command, NoteDraft, parse

from .commands import SlashCommands
from .marks import clock
from .messages import NoteSaved


class SendingNotes(SlashCommands):
    """Turns each sent line into a saved note (or a command), and shows notes once they are stored."""

    def send(self, line: str) -> None:
        """Enter: a note, a command, or the end of an edit. The input is already empty."""
        if self.read_only:
            self.input.restore(line)
            self.say("This interview is open read-only; nothing typed here is saved.", error=True)
            return
        parsed = parse(line)
        if isinstance(parsed, Command):
            if self.editing is not None:
                self.input.restore(line)
                self.say("Finish the edit first (enter saves, esc cancels).", error=True)
                return
            self.run_command(parsed, line)
            return
        if self.editing is not None:
            self._save_edit(parsed, line)
            return
        if parsed.is_empty:
            return
        self.say()
        self.retry()
        if self.log_view.selected is not None:
            self.log_view.select(None)
        theme, phase, wall = self.current("theme"), self.current("phase"), self.clock()
        session = self.session

        def add() -> NoteSaved:
            note = session.add_note(parsed, raw=line, theme=theme, phase=phase, wall=wall)
            return NoteSaved(note, new=True)

        self.save(add, line)

    def _save_edit(self, draft: NoteDraft, line: str) -> None:
        if draft.is_empty:
            self.input.restore(line)
            self.say("An empty note cannot be saved; esc cancels the edit, delete removes the note.", error=True)
            return
        seq = self.editing
        assert seq is not None
        self.editing = None
        if self._stash:
            self.input.restore(self._stash)
            self.input.cursor_position = len(self.input.value)
        self._stash = ""
        self.log_view.select(None)
        self.say()
        self.retry()
        self.update_note(seq, lambda session: session.revise(seq, draft, at=self.clock()), line)

    def on_note_saved(self, message: NoteSaved) -> None:
        note = message.note
        self.suggester.learn([note])
        self.log_view.upsert(note)
        if message.undo_of is not None:
            self.say(f"Note {clock(note.t)} is back.")
        self.answered()

    def action_complete(self) -> None:
        """Tab: accept the suggested @channel or #tag, and a space to go on typing."""
        field = self.input
        completed = self.suggester.complete(field.value) if field.cursor_at_end else None
        if completed:
            field.value = completed + " "
            field.cursor_position = len(field.value)

    def keep_unsent(self) -> None:
        """Quitting with words typed but not sent: they become a note rather than vanish.

        Submitted straight to the writer, with no reply: the screen is going away.
        """
        if self.read_only:
            return
        field = self._field
        line = self._stash if self.editing is not None else (field.value if field is not None else "")
        draft = parse(line)
        if not isinstance(draft, NoteDraft) or draft.is_empty:
            return
        theme, phase, wall, session = self.current("theme"), self.current("phase"), self.clock(), self.session

        def add() -> None:
            session.add_note(draft, raw=line, theme=theme, phase=phase, wall=wall)

        self.writer.submit(add)
