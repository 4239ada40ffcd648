"""Enter in the capture input: a new note, a slash command, or the end of an edit (F9).

The input is cleared the moment Enter is pressed and the note is saved by the writer thread; it
appears in the log only once it is on disk, so whatever is on screen survives a crash. Until then
the screen keeps it as a ``Sent`` (``sent.py``), which keys pressed right after Enter act on. If the
save fails, the line is kept as a line of its own (never put back where the next one is being typed)
and the next Enter sends the kept lines again in the order they were typed, before the new one.
"""

from __future__ import annotations

from trodden.models.notes.syntax import Command, NoteDraft, parse
from trodden.tui.i18n import _

from .commands import SlashCommands
from .messages import NoteSaved
from .sent import WAITING, NotSaved, Sent, parsed_note


class SendingNotes(SlashCommands):
    """Turns each sent line into a saved note (or a command), and shows notes once they are stored."""

    def send(self, line: str) -> None:
        """Enter: a note, a command, or the end of an edit. The input is already empty."""
        if self.read_only:
            self.input.restore(line)
            self.say(_("This interview is open read-only; nothing typed here is saved."), error=True)
            return
        parsed = parse(line)
        if self.cleaned:
            if line.strip():
                self.hold(Sent(line, parsed_note(line), self.current("theme"), self.current("phase"), self.clock()))
            self.refuse_cleaned()
            return
        if isinstance(parsed, Command):
            if self.editing is not None:
                self.input.restore(line)
                self.say(_("Finish the edit first (enter saves, esc cancels)."), error=True)
                return
            self.run_command(parsed, line)
            return
        if self.editing is not None:
            self._save_edit(parsed, line)
            return
        again = bool(self.waiting)
        lines = self.in_order(line)
        if not lines:
            return
        self.say()
        self.retry()
        self.unpick()
        if again:
            self.writer.submit(self.gate.open)  # the kept lines go first, in order
        for sent in lines:
            self.submit(sent)

    def submit(self, sent: Sent) -> None:
        """Save one line: a note, the new words of a note (``edit_of``), or a command sent again."""
        sent.failed = False
        if sent.draft is None:
            parsed = parse(sent.line)
            if isinstance(parsed, Command):
                self.run_command(parsed, sent.line)
            return
        if sent.edit_of is not None:
            draft, at = sent.draft, self.clock()
            self.change_note(sent.edit_of, lambda session, seq: session.revise(seq, draft, at=at), "edit", sent=sent)
            return
        self.unsaved.append(sent)
        session, gate = self.session, self.gate
        draft, wall = sent.draft, sent.wall or self.clock()

        def add() -> NoteSaved:
            if gate.blocked:
                raise NotSaved(_(WAITING))
            try:
                note = session.add_note(draft, raw=sent.line, theme=sent.theme, phase=sent.phase, wall=wall)
            except Exception:
                gate.blocked = True
                raise
            sent.seq = note.seq  # before any change queued behind this save runs (same thread)
            return NoteSaved(note, sent=sent)

        self.save(add, sent)

    def unpick(self) -> None:
        """Back to typing: no note selected."""
        self.picked = None
        if self.log_view.selected is not None:
            self.log_view.select(None)

    def _save_edit(self, draft: NoteDraft, line: str) -> None:
        if draft.is_empty:
            self.input.restore(line)
            self.say(_("An empty note cannot be saved; esc cancels the edit, delete removes the note."), error=True)
            return
        target = self.editing
        assert target is not None
        self.editing = None
        if self._stash:
            self.input.restore(self._stash)
            self.input.cursor_position = len(self.input.value)
        self._stash = ""
        self.unpick()
        self.say()
        self.retry()
        self.submit(Sent(line, draft, edit_of=target))

    def on_note_saved(self, message: NoteSaved) -> None:
        note, sent, step = message.note, message.sent, message.step
        if sent is not None and sent in self.unsaved:
            self.unsaved.remove(sent)
        if step is not None and not step.done:
            self.history.forget(step)  # it changed nothing: ctrl+z skips it
        self.suggester.learn([note])
        self.log_view.upsert(note)
        if sent is not None and self.picked is sent:
            self.picked = None
            self.log_view.select(self.log_view.index_of(note.seq))
        if message.said:
            self.say(message.said)
        self.answered()

    def action_complete(self) -> None:
        """Tab: accept the suggested @channel or #tag, and a space to go on typing."""
        field = self.input
        completed = self.suggester.complete(field.value) if field.cursor_at_end else None
        if completed:
            field.value = completed + " "
            field.cursor_position = len(field.value)
            field.swallow_space = True

    def keep_unsent(self) -> None:
        """Quitting: lines not saved and words not sent become notes rather than vanish.

        Runs once the writer is idle, so every reply is known: the lines kept, then those whose
        failure never reached the screen, then the input. Saved in that order straight away, on the
        writer, with no reply (the screen is going away); any that still fail are listed in
        ``unsaved_lines`` for the command line to print. An interview marked cleaned takes none.
        """
        if self.read_only:
            return
        self.writer.wait_idle(30)
        field = self._field
        line = self._stash if self.editing is not None else (field.value if field is not None else "")
        self.waiting += [sent for sent in self.unsaved if sent.seq is None]
        self.unsaved = []
        ordered = self.in_order(line)
        kept = [sent for sent in ordered if sent.draft is not None and not sent.draft.is_empty]
        lost = self.lost
        lost.extend(sent.line for sent in ordered if sent.draft is None)  # a /command not run: said, not redone
        if self.cleaned:
            lost.extend(sent.line for sent in kept)
            return
        self.gate.open()  # the writer is idle
        for sent in kept:
            self.writer.submit(_keeper(self.session, sent, self.clock(), lost))


def _keeper(session, sent: Sent, now, lost: list[str]):
    """The job that saves one kept line on the way out (an edit stays an edit if its note is saved)."""
    draft = sent.draft
    assert draft is not None

    def keep() -> None:
        target = sent.edit_of
        seq = target if isinstance(target, int) else (target.seq if target is not None else None)
        try:
            if seq is not None:
                session.revise(seq, draft, at=now)
            else:
                session.add_note(draft, raw=sent.line, theme=sent.theme, phase=sent.phase, wall=sent.wall or now)
        except Exception:
            lost.append(sent.line)  # printed by the command line once the app has gone

    return keep
