"""Loading the map, and following the other researchers' edits.

Reading every interview's notes takes a while, so it runs on a worker thread and comes
back as a message; how the session opens is decided in ``models.map.opening``. Every screen
(editing or watching) merges the others' map files and re-reads the study every
``follow_every`` seconds. The look runs on the screen's writer thread, behind the edits
already handed to it, so the map it reads back holds them; a look that an edit overtook
on the way back is dropped and the next one shows both. The kept hypothesis is
reread when its file's size or time changes (a verdict, a new snapshot).
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError
from textual import work
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from trodden.models.errors import StoreError
from trodden.models.map.evidence import StudyMapData
from trodden.models.map.journey_map import JourneyMap
from trodden.models.map.kept_hypothesis import KeptHypothesis, hypothesis_stamp, read_hypothesis
from trodden.models.map.map_session import MapSession
from trodden.models.map.opening import open_map
from trodden.models.map.presence import Presence
from trodden.models.storage.study_file import StudyFile
from trodden.tui.base import literal
from trodden.tui.i18n import _, ngettext

from .changes import Shared, conflicts_text
from .writing import MapWriting


def same_records(one: JourneyMap, other: JourneyMap) -> bool:
    """The same items, quotes and overrides, in any order (what the inbox depends on)."""
    return (
        {item.id: item for item in one.items} == {item.id: item for item in other.items}
        and {pick.id: pick for pick in one.quotes} == {pick.id: pick for pick in other.quotes}
        and one.overrides == other.overrides
    )


class MapLoading(MapWriting):
    """Load, reload (F5) and follow (a mixin of ``MapScreen``)."""

    follow_every: float
    link: Callable[[MapSession], None] | None
    live_note: str
    """seconds between looks at the editor's changes (0: never)"""
    _follow_timer: Timer | None
    _kept_stamp: tuple[int, int] | None = None
    """``hypothesis.json`` as last read (size, mtime): the follower rereads it when this changes"""

    class Loaded(Message):
        def __init__(
            self,
            loaded: StudyMapData,
            session: MapSession | None,
            readonly: str,
            shared: Shared,
            kept: KeptHypothesis | None = None,
            stamp: tuple[int, int] | None = None,
            kept_problem: str = "",
        ) -> None:
            super().__init__()
            self.loaded = loaded
            self.session = session
            self.readonly = readonly
            self.kept = kept
            self.shared = shared
            self.stamp = stamp
            self.kept_problem = kept_problem

    class Followed(Message):
        def __init__(
            self,
            journey: JourneyMap | None,
            data: StudyFile | None,
            version: int,
            sent: int,
            shared: Shared | None,
            others: tuple[Presence, ...] = (),
        ) -> None:
            super().__init__()
            self.others = others
            self.journey = journey
            self.shared = shared
            self.data = data
            self.version = version
            self.sent = sent

    class KeptFollowed(Message):
        """The kept hypothesis changed on disk (``problem``: it could not be read; the old one stays)."""

        def __init__(self, kept: KeptHypothesis | None, stamp: tuple[int, int] | None, problem: str = "") -> None:
            super().__init__()
            self.kept = kept
            self.stamp = stamp
            self.problem = problem

    class LoadFailed(Message):
        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    @work(thread=True, exclusive=True, group="load", description="load the map")
    def load(self) -> None:
        try:
            opened = open_map(self.store, self.session, self.readonly, who=self.who, watch=self.watch)
        except (StoreError, ValidationError) as error:
            self.post_message(self.LoadFailed(error))
            return
        stamp = hypothesis_stamp(self.store.path)  # before reading: a change meanwhile is seen next tick
        kept, kept_problem = None, ""
        try:
            kept = read_hypothesis(self.store.path)
        except StoreError as error:  # the map still opens; the damaged snapshot is named (and by H)
            opened.loaded.problems.append(error)
            kept = None
            kept_problem = str(error)
        self.post_message(
            self.Loaded(
                opened.loaded, opened.session, opened.readonly, Shared.of(opened.session), kept, stamp, kept_problem
            )
        )

    def _hand_over(self, session: MapSession | None) -> None:
        """The session this load opened (None: none) to the screens over the map whose write
        failed and that wait for a fresh one (``ChangeLink.reopen_session``)."""
        waiting, self.reopened[:] = list(self.reopened), []
        for then in waiting:
            then(session)

    def on_map_loading_load_failed(self, message: LoadFailed) -> None:
        """Nothing is changed on disk; the file is named so it can be repaired or restored."""
        self._hand_over(None)
        if self.after_reload is not None and self.after_reload[2] is not None:
            said, _style, retry = self.after_reload  # the map cannot be read again: the words are still shown
            self.after_reload = None
            retry(said)
        banner = self.query_one("#map-banner", Static)
        banner.update(literal(_("The map cannot be opened: {error}").format(error=message.error)))
        banner.add_class("shown")
        self.status(
            _("Nothing was changed. Restore the file from a backup, or move it away to start a new map."), "red"
        )

    def on_map_loading_loaded(self, message: Loaded) -> None:
        if self.link is not None and message.session is not None:
            self.link(message.session)
            self.link = None
        self.session = message.session
        self.readonly = message.readonly
        self.loaded = message.loaded
        self.journey = message.loaded.journey
        self.kept = message.kept
        self._shown_version = self.session.version if self.session else 0
        self.shared_state = message.shared
        self.stamps_at_load = message.shared.stamps  # changes.MapChanges: later ones get a mark
        self._kept_stamp = message.stamp
        self.kept_problem = message.kept_problem
        self._board_cache = {}
        self._hand_over(None if self.readonly else self.session)
        banner = self.query_one("#map-banner", Static)
        banner.update(literal(self.readonly or self.live_note))
        banner.set_class(bool(self.readonly or self.live_note), "shown")
        self._show_saved()
        if self._follow_timer is not None:
            self._follow_timer.stop()
            self._follow_timer = None
        if self.follow_every:
            self._follow_timer = self.set_interval(self.follow_every, self.follow, name="follow")
        self.refresh_inbox()
        problems = "; ".join(str(p) for p in message.loaded.problems)
        index = message.loaded.index
        people = ngettext("{n} customer", "{n} customers", len(index.participants)).format(n=len(index.participants))
        if index.staff:
            people += ", " + ngettext("{n} staff", "{n} staff", len(index.staff)).format(n=len(index.staff))
        notes = ngettext("{n} note", "{n} notes", len(index.notes)).format(n=len(index.notes))
        held = len(message.loaded.interviews)
        interviews = ngettext("{n} interview", "{n} interviews", held).format(n=held)
        status = _("{notes} from {interviews}, {people}").format(notes=notes, interviews=interviews, people=people)
        if message.shared.conflicts and not problems:
            status += " · " + conflicts_text(message.shared.conflicts)
        left_out = " · " + _("left out: {problems}").format(problems=problems) if problems else ""
        if self.after_reload is not None:  # why the map was reloaded (a failed write) outranks the counts
            said, style, retry = self.after_reload
            self.after_reload = None
            self.status(said, style)
            if retry is not None:
                retry(said)  # the prompt again, with what was typed and why
        else:
            self.status(status + left_out, "red" if problems else "")
        if self.focus_item is not None:
            self._focus_item(self.focus_item)
            self.focus_item = None

    def follow(self) -> None:
        """Look for the others' edits (map and phases) on the writer thread, behind our own; reread
        the kept hypothesis there too when its file changed (a stat, a read only then)."""
        session = self.session
        if session is None or self.loaded is None or self._following:
            return
        sent, shown, store, kept_stamp = self._submitted, self._shown_version, self.store, self._kept_stamp

        def look() -> Message:
            stamp = hypothesis_stamp(store.path)
            if stamp != kept_stamp:
                try:
                    self.post_message(self.KeptFollowed(read_hypothesis(store.path), stamp))
                except StoreError as error:
                    self.post_message(self.KeptFollowed(None, stamp, str(error)))
            changed = session.refresh()
            data_changed = store.reload()
            journey = session.load() if changed or data_changed or session.version != shown else None
            shared = Shared.of(session) if journey is not None else None
            data = store.data if data_changed else None
            return self.Followed(journey, data, session.version, sent, shared, session.others())

        try:
            self.writer.submit(look, on_error=lambda error: self.Followed(None, None, shown, -1, None))
        except RuntimeError:
            return  # the screen is closing
        self._following = True

    def on_map_loading_followed(self, message: Followed) -> None:
        self._following = False
        if self.loaded is None:
            return
        self._others = message.others
        if message.data is not None:
            self.loaded.data = message.data
        if message.journey is not None and message.sent == self._submitted:
            # after each own edit the map is read back (the version moved): when it is the map
            # shown, the 20,000-note inbox is not rebuilt and redrawn (~25 ms on the UI thread
            # half a second after every key, in the way of the next one)
            same = message.data is None and message.journey == self.journey
            reordered = not same and message.data is None and same_records(message.journey, self.journey)
            if not same:  # the same map keeps its objects: the board's columns stay built (``BoardBuilder``)
                self.journey = message.journey
            self._shown_version = message.version
            if reordered:  # a new item read back in the document's order: the inbox is the same
                self.refresh_board()
            elif not same:
                self.refresh_inbox()
            self.show_shared(message.shared)
        elif message.data is not None:
            self.refresh_inbox()
        self.show_others()

    def on_map_loading_kept_followed(self, message: KeptFollowed) -> None:
        if self.loaded is None:
            return
        self._kept_stamp = message.stamp
        if message.problem:  # a damaged file: the hypothesis shown stays as it was
            self.status(_("The kept hypothesis cannot be read: {problem}").format(problem=message.problem), "red")
            return
        self.kept = message.kept

    def action_reload(self) -> None:
        self.flush_writes()
        self.status(_("Reloading…"))
        self.load()
