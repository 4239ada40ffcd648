"""Following the interviewer, and learning the study's words: reads that run beside the note-taker.

The interviewer moves through the guide's themes in their own terminal (``trodden guide``), writing
``guide.*`` events; twice a second a thread worker looks for new ones, so the header and every later
note carry the interviewer's theme within a second. Read-only, the same look also picks up the
writer's new notes. Shortly after opening, the other interviews' notes are read once for @channel and
#tag completion (not before the first frame: reading every interview competes with it).
"""

from __future__ import annotations

from textual import work
from textual.worker import Worker

from trodden.models.errors import StoreError
from trodden.models.guide.progress import asked_followups

from .messages import Followed, TokensLoaded
from .status import SaveStatus

TOKENS_AFTER = 0.5
"""Seconds after opening before the study's channels and tags are read for completion."""

TOKENS_EVERY = 5.0
"""Seconds between looks (a few hundred ``stat`` calls) at whether another interview's notes changed:
a tag renamed elsewhere stops being completed. Read again only when they did."""

FOLLOW_EVERY = 0.5
"""Seconds between looks at the interviewer's events: theme changes show within a second."""


class FollowingGuide(SaveStatus):
    """Keeps ``guide_events`` (and, read-only, the notes) up to date, and feeds the completer."""

    def follow(self) -> None:
        """Look for the interviewer's new events (and, read-only, the writer's new notes)."""
        if self._follower is not None and not self._follower.is_finished:
            return
        self._follower = self._follow()

    @work(thread=True, group="follow", exit_on_error=False)
    def _follow(self) -> None:
        guide = notes = events = None
        log = self.source.guide_log
        try:
            if log is not None and log.refresh():
                guide = log.events()
            if self.read_only and self.session.refresh():
                notes = self.session.notes(include_deleted=True)
                events = self.session.events()
        except StoreError:
            return
        if guide is not None or notes is not None:
            self.post_message(Followed(guide, notes, events))

    def on_followed(self, message: Followed) -> None:
        if message.guide is not None:
            self.guide_events = message.guide
            self.log_view.set_asked(asked_followups(message.guide))  # the interviewer's ticks show here
        if message.events is not None:
            self.note_events = message.events
        if message.notes is not None:
            self.log_view.set_notes(message.notes)
        self.refresh_header()

    _tokens_stamp: tuple | None = None
    """The other interviews' notes files as last read for completion (None: not read yet)."""
    _tokens_reader: Worker | None = None

    def load_tokens(self) -> None:
        """Look (one look at a time: a large study takes a while to read) for the study's words."""
        if self._tokens_reader is None or self._tokens_reader.is_finished:
            self._tokens_reader = self._load_tokens()

    @work(thread=True, group="tokens", exit_on_error=False)
    def _load_tokens(self) -> None:
        """Read the other interviews' channels and tags, if their files changed since the last time."""
        own = self.interview.id
        stamp = self.store.notes_stamp(leaving_out=own)  # before reading: a change meanwhile is read next time
        if stamp == self._tokens_stamp:
            return
        by_interview, _problems = self.store.all_notes(leaving_out=own)  # its own notes are on screen already
        others = [note for notes in by_interview.values() for note in notes]
        self.post_message(TokensLoaded(others, stamp))

    def on_tokens_loaded(self, message: TokensLoaded) -> None:
        self._tokens_stamp = message.stamp
        self.suggester.learn_others(message.notes)
