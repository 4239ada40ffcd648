"""One interview open for writing (the note-taker's process) or reading (everyone else).

Its notes live in a ``DurableDB`` (``notes.*``) and are cached as validated ``Note``
objects, so screens read them without touching the disk; a reader's ``refresh`` validates
only the notes that changed. Its metadata is ``interview.json``, written only by the
session that holds the notes lock.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import TypeAdapter, ValidationError

from trodden.models.domain import Interview, InterviewStatus, Note, Pause, Revision
from trodden.models.errors import CorruptFile, Locked, ReadOnly, StoreError
from trodden.models.i18n import _
from trodden.models.notes.cleaning import revised
from trodden.models.notes.syntax import NoteDraft, render

from .atomic import atomic_write, drop_stale_temp_files
from .durable import DurableDB
from .gc_policy import paused_gc, request_freeze
from .journal import Doc, Put
from .layout import INTERVIEW_FILE, NOTES_DB
from .live import EVENTS_TABLE, LiveEvent
from .model_json import first_problem, json_bytes
from .notes_snapshot import parse_notes_snapshot
from .snapshot import parse_snapshot

if TYPE_CHECKING:
    from .store import StudyStore

_NOTES = TypeAdapter(list[Note])


class InterviewSession:
    """One interview's metadata and notes, open for writing (one process) or reading."""

    def __init__(self, store: StudyStore, interview: Interview, *, writable: bool, once: bool = False) -> None:
        """``once``: read-only, to read the notes once (an export): the snapshot's notes are parsed
        and validated in one pass (``notes_snapshot``)."""
        self.store = store
        self.interview = interview
        self.writable = writable
        self.folder = store.interview_dir(interview.id)
        parse = parse_notes_snapshot if once and not writable else parse_snapshot
        self.db = DurableDB(self.folder, NOTES_DB, writable=writable, parse=parse)
        self._notes: dict[int, Note] = {}
        self._max_seq = 0  # kept, not computed: adding a note must not be O(n)
        self._mutex = threading.RLock()

    def open(self) -> InterviewSession:
        try:
            self.db.open()
        except Locked as error:  # name the interview, not just its files
            raise Locked(f"interview {self.interview.id} ({error.path})", error.holder) from None
        try:
            if self.writable:
                drop_stale_temp_files(self.folder, "interview")  # ours: we hold the notes lock
            self._rebuild_cache()
        except BaseException:
            self.db.abandon()  # never close(): its snapshot would rewrite the refused files
            raise
        self.store.saw_damage(self.problems)
        return self

    @property
    def problems(self) -> list[CorruptFile]:
        """Damaged lines skipped in the notes' journal (read-only sessions only: a
        writable open refuses damaged files). The notes on every other line are here."""
        return self.db.damage

    def _validate(self, docs: list[Doc]) -> list[Note]:
        try:
            with paused_gc():
                request_freeze(len(docs))
                return _NOTES.validate_python(docs)
        except ValidationError as error:
            first = error.errors()[0]
            loc = first.get("loc", ())
            index = loc[0] if loc and isinstance(loc[0], int) else None
            which = _("note {seq}").format(seq=docs[index].get("seq", "?")) if index is not None else _("a note")
            field = ".".join(str(part) for part in loc[1:]) or _("top level")
            raise CorruptFile(
                self.db.path.with_name(f"{NOTES_DB}.*"),
                _("{which} is not valid ({field}: {problem})").format(
                    which=which, field=field, problem=first.get("msg", "invalid")
                ),
            ) from None

    def _rebuild_cache(self) -> None:
        pairs = list(self.db.docs("notes"))
        docs = [doc for _, doc in pairs if type(doc) is dict]  # all but notes validated with the snapshot
        if len(docs) == len(pairs):
            notes = self._validate(docs)
        else:  # each note validated once: in the snapshot's pass, or here (from the journal)
            validated = iter(self._validate(docs))
            notes = [doc if type(doc) is not dict else next(validated) for _, doc in pairs]
        for (key, _doc), note in zip(pairs, notes, strict=True):
            if note.seq != key:  # hand-edited: two entries could claim one number
                raise CorruptFile(
                    self.db.path.with_name(f"{NOTES_DB}.*"),
                    _("entry {key} says it is note {seq}").format(key=key, seq=note.seq),
                )
        self._notes = {note.seq: note for note in notes}
        self._max_seq = max(self._notes, default=0)
        self.db.take_changes()

    def _apply_changes(self) -> None:
        """Bring the cache up to date with what ``refresh`` read: only changed notes."""
        changes = self.db.take_changes()
        if changes is None:
            self._rebuild_cache()
            return
        seqs = sorted(id for table, id in changes if table == "notes")
        present = [(seq, self.db.get("notes", seq)) for seq in seqs]
        notes = self._validate([doc for _, doc in present if doc is not None])
        if [note.seq for note in notes] != [seq for seq, doc in present if doc is not None]:
            self._rebuild_cache()  # says which entry is wrong
            return
        with self._mutex:
            for seq, doc in present:
                if doc is None:
                    self._notes.pop(seq, None)
            for note in notes:
                self._notes[note.seq] = note
            self._max_seq = max(self._notes, default=0)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> InterviewSession:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------- reads
    def notes(self, *, include_deleted: bool = False) -> list[Note]:
        with self._mutex:
            ordered = [self._notes[seq] for seq in sorted(self._notes)]
        return ordered if include_deleted else [note for note in ordered if not note.deleted]

    def note(self, seq: int) -> Note | None:
        return self._notes.get(seq)

    def __len__(self) -> int:
        return len(self._notes)

    def next_seq(self) -> int:
        return self._max_seq + 1

    def refresh(self) -> bool:
        """Follow the writer (for read-only sessions): reload metadata and new notes.

        Only notes that changed are validated again, so following a long interview
        stays cheap.
        """
        changed = self.db.refresh()
        if changed:
            self._apply_changes()
        try:
            interview = self.store.load_interview(self.interview.id)
        except StoreError:
            return changed
        if interview != self.interview:
            self.interview = interview
            changed = True
        return changed

    # ------------------------------------------------------------------ writes
    def _require_writable(self) -> None:
        if not self.writable:
            raise ReadOnly(f"interview {self.interview.id} is open read-only")

    def elapsed(self, now: datetime | None = None) -> float:
        return self.interview.elapsed(now or datetime.now())

    def add_note(
        self,
        draft: NoteDraft,
        *,
        raw: str | None = None,
        theme: str | None = None,
        phase: str | None = None,
        t: float | None = None,
        wall: datetime | None = None,
    ) -> Note:
        """Durably add a note. Returns only once it is on disk; raises ``WriteFailed``."""
        self._require_writable()
        wall = wall or datetime.now()
        with self._mutex:
            seq = self.next_seq()
            note = Note.from_draft(
                draft,
                interview=self.interview.id,
                seq=seq,
                t=round(self.elapsed(wall) if t is None else t, 3),
                wall=wall,
                history=[Revision(at=wall, raw=raw if raw is not None else render(draft))],
                phase=phase,
                theme=theme,
            )
            self._write([note])
        return note

    def _write(self, notes: list[Note]) -> None:
        self.db.write([Put("notes", note.seq, note.model_dump(mode="json")) for note in notes])
        for note in notes:
            self._notes[note.seq] = note
            self._max_seq = max(self._max_seq, note.seq)

    def _existing(self, seq: int) -> Note:
        note = self._notes.get(seq)
        if note is None:
            raise StoreError(_("interview {interview} has no note {seq}").format(interview=self.interview.id, seq=seq))
        return note

    def save_notes(self, notes: list[Note]) -> None:
        """Durably store whole notes as given (import, merge, split): one fsync for all."""
        self._require_writable()
        with self._mutex:
            self._write(notes)

    def revise(self, seq: int, draft: NoteDraft, *, at: datetime | None = None, **fields) -> Note:
        """Change a note's content from ``draft``; the new raw line joins its history."""
        self._require_writable()
        with self._mutex:
            updated = revised(self._existing(seq), draft, at or datetime.now())
            if fields:
                updated = updated.model_copy(update=fields)
            self._write([updated])
        return updated

    def update_note(self, seq: int, **fields) -> Note:
        """Change fields that are not content (theme, phase, deleted...)."""
        self._require_writable()
        with self._mutex:
            try:
                updated = Note.model_validate({**self._existing(seq).model_dump(), **fields})
            except ValidationError as error:
                raise StoreError(_("note {seq}: {problem}").format(seq=seq, problem=first_problem(error))) from None
            self._write([updated])
        return updated

    def delete_note(self, seq: int) -> Note:
        return self.update_note(seq, deleted=True)

    def restore_note(self, seq: int) -> Note:
        return self.update_note(seq, deleted=False)

    # -------------------------------------------------------------- metadata
    def save_interview(self, interview: Interview) -> Interview:
        """Atomically replace ``interview.json`` (the notes writer owns it)."""
        self._require_writable()
        interview = Interview.model_validate(interview.model_dump())
        if interview.id != self.interview.id:
            raise StoreError(
                _("interview {interview} cannot be saved as {other}").format(
                    interview=self.interview.id, other=interview.id
                )
            )
        atomic_write(self.folder / INTERVIEW_FILE, json_bytes(interview))
        self.interview = interview
        return interview

    def pause(self, now: datetime | None = None) -> Interview:
        if self.interview.paused or self.interview.end is not None:
            return self.interview
        pauses = [*self.interview.pauses, Pause(start=now or datetime.now())]
        return self.save_interview(self.interview.model_copy(update={"pauses": pauses}))

    def resume(self, now: datetime | None = None) -> Interview:
        if not self.interview.paused:
            return self.interview
        pauses = list(self.interview.pauses)
        pauses[-1] = pauses[-1].model_copy(update={"end": now or datetime.now()})
        return self.save_interview(self.interview.model_copy(update={"pauses": pauses}))

    def end(self, now: datetime | None = None) -> Interview:
        now = now or datetime.now()
        interview = self.resume(now)
        return self.save_interview(interview.model_copy(update={"end": now, "status": InterviewStatus.DONE}))

    # ------------------------------------------------------------ live events
    def events(self) -> list[LiveEvent]:
        """This side's live events (theme and phase changes...), oldest first."""
        return [LiveEvent.model_validate(doc) for _, doc in self.db.docs(EVENTS_TABLE)]

    def record_event(self, kind: str, value: str | None, *, at: datetime | None = None) -> LiveEvent:
        """Durably record a theme/phase change made by the note-taker."""
        self._require_writable()
        event = LiveEvent(kind=kind, value=value, at=at or datetime.now(), by="notes")
        with self._mutex:
            self.db.put(EVENTS_TABLE, self.db.count(EVENTS_TABLE) + 1, event.model_dump(mode="json"))
        return event

    def set_status(self, status: InterviewStatus) -> Interview:
        return self.save_interview(self.interview.model_copy(update={"status": status}))
