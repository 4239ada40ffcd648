"""The study on disk: the only way the rest of trodden reads or writes study data.

A study is a folder, laid out so that one interview's size never slows another and a
team can sync the folder (shared drive, git) without merge conflicts, one writer a file::

    study.json                    study, phases, guide, participants (small; locked
                                  read-modify-write, atomic replace)
    interviews/<id>/interview.json  the interview's metadata (written by the notes writer)
    interviews/<id>/notes.*       the notes: a DurableDB (snapshot + fsynced journal)

Other features add their own file sets next to these (the interviewer's guide
progress, the journey map) using the same ``DurableDB``.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from pydantic import Field, TypeAdapter, ValidationError

from trodden.models.domain import (
    Guide,
    Interview,
    InterviewStatus,
    Model,
    Note,
    Participant,
    Pause,
    Phase,
    Revision,
    Study,
    note_id,
)
from trodden.models.errors import CorruptFile, Locked, ReadOnly, StoreError, StudyNotFound, WriteFailed
from trodden.models.names import clean_participant_code, safe_filename
from trodden.models.notes.cleaning import revised
from trodden.models.notes.syntax import NoteDraft, render

from .atomic import atomic_write, drop_stale_temp_files, make_dir
from .durable import Doc, DurableDB, Put, paused_gc, request_freeze
from .layout import STUDY_FILE
from .live import EVENTS_TABLE, GUIDE_DB, EventsLog, LiveEvent
from .lockfile import FileLock

INTERVIEWS_DIR = "interviews"
INTERVIEW_FILE = "interview.json"
NOTES_DB = "notes"
STUDY_FORMAT = 1
GITIGNORE = "# written by trodden: lock and temp files are per machine, not study data\n*.lock\n*.tmp\n"


class StudyFile(Model):
    """Everything study-level, as stored in ``study.json``."""

    format: int = STUDY_FORMAT
    study: Study
    phases: list[Phase] = Field(default_factory=list)
    guide: Guide = Field(default_factory=Guide)
    participants: list[Participant] = Field(default_factory=list)
    redaction_terms: list[str] = Field(default_factory=list)

    def participant(self, code: str) -> Participant | None:
        folded = code.casefold()
        return next((p for p in self.participants if p.code.casefold() == folded), None)

    def find_phase(self, key: str) -> Phase | None:
        """A phase by 1-based number, id, or case-insensitive name (or name prefix)."""
        key = key.strip()
        ordered = sorted(self.phases, key=lambda phase: phase.order)
        if key.isdigit():
            index = int(key) - 1
            return ordered[index] if 0 <= index < len(ordered) else None
        folded = key.casefold()
        for phase in ordered:
            if phase.id == key or phase.name.casefold() == folded:
                return phase
        return next((p for p in ordered if folded and p.name.casefold().startswith(folded)), None)


def _dump(model: Model) -> bytes:
    return (model.model_dump_json(indent=2) + "\n").encode("utf-8")


def new_id(prefix: str, existing: Iterable[str]) -> str:
    """The next free ``prefix<N>`` id (``ph1``, ``th3``...)."""
    taken = set(existing)
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


class StudyStore:
    """A study folder. Cheap to open: interviews' notes load only when asked for."""

    def __init__(self, path: Path, data: StudyFile) -> None:
        self.path = Path(path)
        self.data = data
        self._stamp = self._study_stamp()

    # ------------------------------------------------------------ create / open
    @classmethod
    def create(
        cls,
        path: Path | str,
        study: Study,
        phases: Iterable[Phase] = (),
        guide: Guide | None = None,
        participants: Iterable[Participant] = (),
        redaction_terms: Iterable[str] = (),
    ) -> StudyStore:
        path = Path(path)
        if (path / STUDY_FILE).exists():
            raise StoreError(f"{path} already holds a study")
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path} is a file, not a folder")
        if path.exists() and any(path.iterdir()):
            raise StoreError(f"{path} is not empty; choose a new or empty folder")
        data = StudyFile(
            study=study,
            phases=list(phases),
            guide=guide or Guide(),
            participants=list(participants),
            redaction_terms=list(redaction_terms),
        )
        existed = path.exists()
        try:
            make_dir(path / INTERVIEWS_DIR)
            atomic_write(path / STUDY_FILE, _dump(data))
        except WriteFailed:
            # Leave no half-made study behind (a retry would find the folder "not empty").
            for folder in (path / INTERVIEWS_DIR, *(() if existed else (path,))):
                try:
                    folder.rmdir()
                except OSError:
                    pass
            raise
        try:  # a team syncing the folder with git should not share who holds which lock
            (path / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
        except OSError:
            pass  # a courtesy, not data
        return cls(path, data)

    @classmethod
    def open(cls, path: Path | str) -> StudyStore:
        path = Path(path)
        return cls(path, cls._read_study_file(path))

    @staticmethod
    def _read_study_file(path: Path) -> StudyFile:
        file = path / STUDY_FILE
        try:
            raw = file.read_bytes()
        except FileNotFoundError:
            if not path.exists():
                raise StudyNotFound(f"{path} does not exist") from None
            raise StudyNotFound(
                f"{path} is not a trodden study (no {STUDY_FILE}); create one with 'trodden new'"
            ) from None
        except OSError as error:
            raise CorruptFile(file, f"cannot be read ({error.strerror})") from error
        try:
            payload = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise CorruptFile(file, f"is not valid JSON ({error})") from None
        if isinstance(payload, dict) and isinstance(payload.get("format"), int) and payload["format"] > STUDY_FORMAT:
            raise CorruptFile(file, "was written by a newer trodden; upgrade to open it")
        try:
            return StudyFile.model_validate(payload)
        except ValidationError as error:
            raise CorruptFile(file, _first_problem(error)) from None

    def _study_stamp(self) -> tuple[int, int] | None:
        try:
            stat = (self.path / STUDY_FILE).stat()
            return (stat.st_mtime_ns, stat.st_size)
        except OSError:
            return None

    def reload(self) -> bool:
        """Re-read ``study.json`` if another process changed it; True if it did."""
        stamp = self._study_stamp()
        if stamp == self._stamp:
            return False
        self.data = self._read_study_file(self.path)
        self._stamp = stamp
        return True

    # ------------------------------------------------------------- study level
    @property
    def study(self) -> Study:
        return self.data.study

    @property
    def phases(self) -> list[Phase]:
        return sorted(self.data.phases, key=lambda phase: phase.order)

    @property
    def guide(self) -> Guide:
        return self.data.guide

    @property
    def participants(self) -> list[Participant]:
        return list(self.data.participants)

    def update(self, change: Callable[[StudyFile], StudyFile | None]) -> StudyFile:
        """Locked read-modify-write of ``study.json``: re-read, change, atomic replace.

        ``change`` gets a fresh copy and may mutate it or return a new one. Other
        processes' changes made meanwhile are kept, because the file is re-read under
        the lock.
        """
        with FileLock(self.path / "study.lock", wait=5.0):
            drop_stale_temp_files(self.path, "study")
            current = self._read_study_file(self.path).model_copy(deep=True)
            result = change(current) or current
            result = StudyFile.model_validate(result.model_dump())
            atomic_write(self.path / STUDY_FILE, _dump(result))
            self.data = result
            self._stamp = self._study_stamp()
        return result

    def ensure_participant(self, code: str) -> Participant:
        """The participant with ``code``, created if new."""
        code = clean_participant_code(code)
        existing = self.data.participant(code)
        if existing is not None:
            return existing

        def add(data: StudyFile) -> None:
            if data.participant(code) is None:
                data.participants.append(Participant(code=code))

        return self.update(add).participant(code)  # type: ignore[return-value]

    # --------------------------------------------------------------- interviews
    @property
    def interviews_dir(self) -> Path:
        return self.path / INTERVIEWS_DIR

    def interview_dir(self, interview_id: str) -> Path:
        safe = safe_filename(interview_id, fallback="")
        if not safe or safe != interview_id:
            raise StoreError(f"{interview_id!r} is not an interview id")
        return self.interviews_dir / interview_id

    def interview_ids(self) -> list[str]:
        try:
            return sorted(entry.name for entry in self.interviews_dir.iterdir() if (entry / INTERVIEW_FILE).exists())
        except FileNotFoundError:
            return []

    def load_interview(self, interview_id: str) -> Interview:
        file = self.interview_dir(interview_id) / INTERVIEW_FILE
        try:
            raw = file.read_bytes()
        except FileNotFoundError:
            raise StoreError(f"no interview {interview_id!r} in {self.path}") from None
        except OSError as error:
            raise CorruptFile(file, f"cannot be read ({error.strerror})") from error
        try:
            interview = Interview.model_validate_json(raw)
        except ValidationError as error:
            raise CorruptFile(file, _first_problem(error)) from None
        if interview.id != interview_id:
            raise CorruptFile(file, f"says its id is {interview.id!r}, but its folder is {interview_id!r}")
        return interview

    def interviews(self) -> tuple[list[Interview], list[StoreError]]:
        """Every readable interview (by date, then id), and an error per unreadable one.

        A folder holding notes but no ``interview.json`` is reported too, so notes
        never go silently missing.
        """
        found: list[Interview] = []
        problems: list[StoreError] = []
        for interview_id in self.interview_ids():
            try:
                found.append(self.load_interview(interview_id))
            except StoreError as error:
                problems.append(error)
        for orphan in self._orphan_note_folders():
            problems.append(
                CorruptFile(orphan / INTERVIEW_FILE, "is missing, so the notes in this folder cannot be shown")
            )
        found.sort(key=lambda interview: (interview.date, interview.start or datetime.min, interview.id))
        return found, problems

    def _orphan_note_folders(self) -> list[Path]:
        try:
            folders = [entry for entry in self.interviews_dir.iterdir() if entry.is_dir()]
        except OSError:
            return []
        return sorted(
            folder
            for folder in folders
            if not (folder / INTERVIEW_FILE).exists()
            and any(child.name.startswith(f"{NOTES_DB}.") and child.suffix != ".lock" for child in folder.iterdir())
        )

    def find_interview(self, key: str) -> Interview:
        """An interview by id, or the latest one of a participant code."""
        if key in self.interview_ids():
            return self.load_interview(key)
        found, _ = self.interviews()
        folded = key.casefold()
        matches = [i for i in found if i.participant.casefold() == folded]
        if not matches:
            raise StoreError(f"no interview {key!r} in {self.path} (give an interview id or a participant code)")
        return matches[-1]

    def unfinished_interview(self, participant: str) -> Interview | None:
        found, _ = self.interviews()
        folded = participant.casefold()
        open_ones = [
            i
            for i in found
            if i.participant.casefold() == folded and i.status in (InterviewStatus.PLANNED, InterviewStatus.LIVE)
        ]
        return open_ones[-1] if open_ones else None

    def new_interview(self, participant: str, *, start: datetime | None = None, **fields) -> Interview:
        """Create an interview for ``participant`` (created too if new).

        Made under the study lock, so two processes starting the same participant's
        interview at once (capture and guide) end up in one interview, not two.
        """
        code = self.ensure_participant(participant).code
        with FileLock(self.path / "study.lock", wait=5.0):
            if fields.get("status") in (None, InterviewStatus.PLANNED, InterviewStatus.LIVE):
                existing = self.unfinished_interview(code)
                if existing is not None and not fields.get("force_new"):
                    return existing
            fields.pop("force_new", None)
            moment = start or datetime.now()
            day = fields.pop("date", None) or moment.date()
            base = f"{day.isoformat()}-{code}"
            interview_id = base
            counter = 2
            while (self.interviews_dir / interview_id).exists():
                interview_id = f"{base}-{counter}"
                counter += 1
            fields.setdefault("status", InterviewStatus.LIVE)
            interview = Interview(id=interview_id, participant=code, date=day, start=moment, **fields)
            folder = self.interviews_dir / interview_id
            make_dir(folder)
            atomic_write(folder / INTERVIEW_FILE, _dump(interview))
        return interview

    def open_interview(self, interview_id: str, *, writable: bool = True) -> InterviewSession:
        """Open an interview's notes. Writable sessions hold its lock until ``close``."""
        interview = self.load_interview(interview_id)
        return InterviewSession(self, interview, writable=writable).open()

    def guide_events(self, interview_id: str, *, writable: bool = False) -> EventsLog:
        """The interviewer's live events of an interview (open it; ``refresh`` to follow)."""
        return EventsLog(self.interview_dir(interview_id), GUIDE_DB, writable=writable, side="guide")

    def all_notes(self, *, include_deleted: bool = False) -> tuple[dict[str, list[Note]], list[StoreError]]:
        """The notes of every interview (read-only), keyed by interview id."""
        notes: dict[str, list[Note]] = {}
        problems: list[StoreError] = []
        found, problems = self.interviews()
        for interview in found:
            try:
                session = self.open_interview(interview.id, writable=False)
            except StoreError as error:
                problems.append(error)
                continue
            notes[interview.id] = session.notes(include_deleted=include_deleted)
        return notes, problems


_NOTES = TypeAdapter(list[Note])


class InterviewSession:
    """One interview's metadata and notes, open for writing (one process) or reading."""

    def __init__(self, store: StudyStore, interview: Interview, *, writable: bool) -> None:
        self.store = store
        self.interview = interview
        self.writable = writable
        self.folder = store.interview_dir(interview.id)
        self.db = DurableDB(self.folder, NOTES_DB, writable=writable)
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
        return self

    def _validate(self, docs: list[Doc]) -> list[Note]:
        try:
            with paused_gc():
                request_freeze(len(docs))
                return _NOTES.validate_python(docs)
        except ValidationError as error:
            first = error.errors()[0]
            loc = first.get("loc", ())
            index = loc[0] if loc and isinstance(loc[0], int) else None
            which = f"note {docs[index].get('seq', '?')}" if index is not None else "a note"
            field = ".".join(str(part) for part in loc[1:]) or "top level"
            raise CorruptFile(
                self.db.path.with_name(f"{NOTES_DB}.*"),
                f"{which} is not valid ({field}: {first.get('msg', 'invalid')})",
            ) from None

    def _rebuild_cache(self) -> None:
        pairs = list(self.db.docs("notes"))
        notes = self._validate([doc for _, doc in pairs])
        for (key, _), note in zip(pairs, notes, strict=True):
            if note.seq != key:  # hand-edited: two entries could claim one number
                raise CorruptFile(self.db.path.with_name(f"{NOTES_DB}.*"), f"entry {key} says it is note {note.seq}")
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
            note = Note(
                id=note_id(self.interview.id, seq),
                interview=self.interview.id,
                seq=seq,
                t=round(self.elapsed(wall) if t is None else t, 3),
                wall=wall,
                text=draft.text,
                kinds=list(draft.kinds),
                valence=draft.valence,
                channels=list(draft.channels),
                tags=list(draft.tags),
                phase=phase,
                theme=theme,
                history=[Revision(at=wall, raw=raw if raw is not None else render(draft))],
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
            raise StoreError(f"interview {self.interview.id} has no note {seq}")
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
                raise StoreError(f"note {seq}: {_first_problem(error)}") from None
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
            raise StoreError(f"interview {self.interview.id} cannot be saved as {interview.id}")
        atomic_write(self.folder / INTERVIEW_FILE, _dump(interview))
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


def first_problem(error: ValidationError) -> str:
    """A pydantic error as one readable line: where, then what (the first problem)."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ())) or "top level"
    return f"{where}: {first.get('msg', 'invalid')}"


_first_problem = first_problem


def disk_free_bytes(path: Path) -> int | None:
    try:
        stats = os.statvfs(path)
    except (OSError, AttributeError):
        return None
    return stats.f_bavail * stats.f_frsize


__all__ = [
    "CorruptFile",
    "InterviewSession",
    "ReadOnly",
    "StoreError",
    "StudyFile",
    "StudyStore",
    "WriteFailed",
    "clean_participant_code",
    "disk_free_bytes",
    "first_problem",
    "new_id",
]
