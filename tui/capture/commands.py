"""The note-taker's slash commands: /theme and /phase tag the notes that follow; /pause, /resume, /end.

A theme change must apply to the very next note even if the disk has not acknowledged it yet (a fast
typist sends "/theme 2" and a note within milliseconds), so an accepted change is held in
``pending_events`` until it is on disk; the writer stores it before the notes queued after it.
"""

from __future__ import annotations

from trodden.models.domain import InterviewStatus
from trodden.models.errors import StoreError
from trodden.models.notes.commands import command_words
from trodden.models.notes.syntax import Command
from trodden.models.storage.interviews import reopened
from trodden.models.storage.live import LiveEvent
from trodden.tui.i18n import N_, _, language

from .messages import EventFailed, EventSaved, InterviewSaved, failure_text
from .sent import Sent
from .status import SaveStatus

COMMAND_HELP = N_("commands: /{theme} N|name, /{phase} N|name, /{pause}, /{resume}, /{end}")

KEPT = N_("Your text is still in the input.")

CLEANED = N_("marked cleaned: notes are not added to it. ctrl+o reopens it (it will then need cleaning again)")


def command_help() -> str:
    """The commands as the interface's language names them (the English ones work too)."""
    theme, phase, pause, resume, end = command_words(language())
    return _(COMMAND_HELP).format(theme=theme, phase=phase, pause=pause, resume=resume, end=end)


class SlashCommands(SaveStatus):
    """Runs a parsed ``/command``; anything not understood goes back into the input with the reason."""

    @property
    def cleaned(self) -> bool:
        return self.interview.status is InterviewStatus.CLEANED

    def refuse_cleaned(self) -> bool:
        """True (and says why) if the interview is marked cleaned: it takes no new notes or changes."""
        if not self.cleaned or self.read_only:
            return False
        kept = self.kept_text()
        said = _("Interview {id} is {cleaned}.").format(id=self.interview.id, cleaned=_(CLEANED))
        self.say(said + (f" {kept}" if kept else ""), error=True)
        return True

    def action_reopen(self) -> None:
        """ctrl+o: an interview marked cleaned takes notes again (and will need cleaning again)."""
        if self.read_only or not self.cleaned:
            self.say(_("Only an interview marked cleaned needs reopening; this one takes notes."))
            return
        session = self.session
        said = _("Interview {id} reopened: notes can be added (clean it again afterwards).").format(
            id=self.interview.id
        )
        self.save(lambda: InterviewSaved(session.save_interview(reopened(session.interview)), said))

    def run_command(self, command: Command, line: str) -> None:
        if not command.known:
            self.input.restore(line)
            unknown = _("Unknown command /{name}; {commands}.").format(name=command.name, commands=command_help())
            self.say(f"{unknown} {_(KEPT)}", error=True)
            return
        if command.name in ("theme", "phase"):
            self._change_theme_or_phase(command, line)
            return
        now = self.clock()
        change, said = {
            "pause": (self.session.pause, _("Paused: the clock stops until /resume.")),
            "resume": (self.session.resume, _("Resumed.")),
            "end": (self.session.end, _("Interview ended. ctrl+q quits (everything is saved).")),
        }[command.name]
        self.save(lambda: InterviewSaved(change(now), said), Sent(line, None))

    def _change_theme_or_phase(self, command: Command, line: str) -> None:
        found, problem = self._find(command.name, command.arg)
        if found is None:
            self.input.restore(line)
            self.say(problem, error=True)
            return
        self.say()
        pending = LiveEvent(kind=command.name, value=found, at=self.clock(), by="notes")
        self.pending_events.append(pending)
        self.refresh_header()
        session = self.session

        def record() -> EventSaved:
            return EventSaved(session.record_event(pending.kind, pending.value, at=pending.at))

        self.save(record, on_error=lambda error: EventFailed(pending, failure_text(error), Sent(line, None)))

    def _find(self, kind: str, arg: str) -> tuple[str | None, str]:
        """The theme/phase id for ``arg``, or None and what to tell the note-taker."""
        if kind == "theme":
            names = [theme.title for theme in self.store.guide.themes]
            missing = _("This study's interview guide has no themes yet.")
            found = self.store.guide.find_theme(arg) if arg and names else None
        else:
            try:  # the workshop may have added or renamed a phase on the shared map meanwhile
                self.store.reload()
            except StoreError:
                pass  # a half-synced study.json: the phases as last read
            names = [phase.name for phase in self.store.phases]
            missing = _("This study has no phases yet.")
            found = self.store.data.find_phase(arg) if arg and names else None
        if not names:
            return None, f"{missing} {_(KEPT)}"
        if found is None:
            listing = ", ".join(f"{n} {name}" for n, name in enumerate(names, 1))
            no = (
                _("No theme {arg!r}; give a number or name: {listing}.")
                if kind == "theme"
                else _("No phase {arg!r}; give a number or name: {listing}.")
            )
            return None, f"{no.format(arg=arg, listing=listing)} {_(KEPT)}"
        return found.id, ""

    def on_event_saved(self, message: EventSaved) -> None:
        self.note_events.append(message.event)
        if message.event in self.pending_events:
            self.pending_events.remove(message.event)
        self.answered()

    def on_event_failed(self, message: EventFailed) -> None:
        if message.event in self.pending_events:
            self.pending_events.remove(message.event)
        self.hold(message.sent)
        self.show_failure(message.error)
        self.answered()

    def on_interview_saved(self, message: InterviewSaved) -> None:
        self.say(message.said)
        self.answered()
