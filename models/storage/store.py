"""The study on disk: the only way the rest of trodden reads or writes study data.

A study is a folder (see ``layout``), laid out so that one interview's size never slows
another and a team can sync the folder (shared drive, git) without merge conflicts, one
writer a file: ``study.json`` (``StudyFile``: locked read-modify-write, atomic replace),
and per interview its ``interview.json`` and notes (``InterviewSession``).

Other features add their own file sets next to these (the interviewer's guide
progress, the journey map) using the same ``DurableDB``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from trodden.models.domain import Guide, Interview, InterviewStatus, Note, Participant, Phase, Study
from trodden.models.errors import CorruptFile, StoreError, WriteFailed, unreadable
from trodden.models.i18n import _, ngettext
from trodden.models.names import clean_participant_code, safe_filename
from trodden.models.natural_sort import natural_key

from .atomic import atomic_write, drop_stale_temp_files, make_dir
from .gc_policy import paused_gc
from .layout import INTERVIEW_FILE, INTERVIEWS_DIR, NOTES_DB, STUDY_FILE
from .live import GUIDE_DB, EventsLog
from .lockfile import FileLock, held_elsewhere
from .model_json import first_problem, json_bytes
from .notes_stamp import NotesStamp
from .phases import StudyPhases
from .session import InterviewSession
from .study_file import StudyFile, read_study_file
from .transcripts import TranscriptStore

GITIGNORE = (
    "# written by trodden: lock, temp and cursor files are per machine, not study data\n*.lock\n*.tmp\n*.presence\n"
)


def _folder_participants(folder: str) -> set[str]:
    """Whose interview folder this may be (``2026-03-05-P1``, ``...-P1-2``): casefolded codes."""
    match = re.fullmatch(r"\d{4}-\d{2}-\d{2}-(.+)", folder)
    if not match:
        return set()
    code = match.group(1).casefold()
    return {code, re.sub(r"-\d+$", "", code)}


class StudyStore(StudyPhases, TranscriptStore, NotesStamp):
    """A study folder. Cheap to open: interviews' notes load only when asked for."""

    def __init__(self, path: Path, data: StudyFile) -> None:
        self.path = Path(path)
        self.file_data = data
        """``study.json`` as stored (its phases are those of before the shared map: see ``data``)"""
        self._stamp = self._study_stamp()
        self._phases: list[Phase] | None = None
        self._phases_seen: object = None
        self._live_map = None
        self._data: StudyFile | None = None
        self.damage: list[CorruptFile] = []
        """Damage found in files opened through this store (read-only, with the rest
        shown), once each, so a command can name it and exit non-zero."""

    def saw_damage(self, problems: Iterable[CorruptFile]) -> None:
        """Remember damaged files a read found (each once)."""
        known = {str(problem) for problem in self.damage}
        self.damage += [problem for problem in problems if str(problem) not in known]

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
            raise StoreError(_("{path} already holds a study").format(path=path))
        if path.exists() and not path.is_dir():
            raise StoreError(_("{path} is a file, not a folder").format(path=path))
        if path.exists() and any(path.iterdir()):
            raise StoreError(_("{path} is not empty; choose a new or empty folder").format(path=path))
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
            atomic_write(path / STUDY_FILE, json_bytes(data))
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
        return cls(path, read_study_file(path))

    def _study_stamp(self) -> tuple[int, int] | None:
        try:
            stat = (self.path / STUDY_FILE).stat()
            return (stat.st_mtime_ns, stat.st_size)
        except OSError:
            return None

    def reload(self) -> bool:
        """Re-read ``study.json`` and the phases if another process changed them; True if they did."""
        changed = False
        stamp = self._study_stamp()
        if stamp != self._stamp:
            self.file_data = read_study_file(self.path)
            self._stamp = stamp
            self._data = None
            changed = True
        return self._phases_changed(changed) or changed

    # ------------------------------------------------------------- study level
    @property
    def study(self) -> Study:
        return self.file_data.study

    @property
    def guide(self) -> Guide:
        return self.file_data.guide

    @property
    def participants(self) -> list[Participant]:
        return list(self.file_data.participants)

    def update(self, change: Callable[[StudyFile], StudyFile | None]) -> StudyFile:
        """Locked read-modify-write of ``study.json``: re-read, change, atomic replace.

        ``change`` gets a fresh copy and may mutate it or return a new one. Other
        processes' changes made meanwhile are kept, because the file is re-read under
        the lock.
        """
        with FileLock(self.path / "study.lock", wait=5.0):
            drop_stale_temp_files(self.path, "study")
            current = read_study_file(self.path).model_copy(deep=True)
            result = change(current) or current
            result = StudyFile.model_validate(result.model_dump())
            atomic_write(self.path / STUDY_FILE, json_bytes(result))
            self.file_data = result
            self._data = None
            self._stamp = self._study_stamp()
        return self.data

    def ensure_participant(self, code: str) -> Participant:
        """The participant with ``code``, created if new."""
        code = clean_participant_code(code)
        existing = self.file_data.participant(code)
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
            raise StoreError(_("{id} is not an interview id").format(id=repr(interview_id)))
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
            raise StoreError(_("no interview {id} in {path}").format(id=repr(interview_id), path=self.path)) from None
        except OSError as error:
            raise CorruptFile(file, unreadable(error)) from error
        try:
            interview = Interview.model_validate_json(raw)
        except ValidationError as error:
            raise CorruptFile(file, first_problem(error)) from None
        if interview.id != interview_id:
            raise CorruptFile(
                file,
                _("says its id is {id}, but its folder is {folder}").format(
                    id=repr(interview.id), folder=repr(interview_id)
                ),
            )
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
                CorruptFile(orphan / INTERVIEW_FILE, _("is missing, so the notes in this folder cannot be shown"))
            )
        found.sort(key=lambda interview: (interview.date, interview.start or datetime.min, natural_key(interview.id)))
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
        found, problems = self.interviews()
        folded = key.casefold()
        matches = [i for i in found if i.participant.casefold() == folded]
        damaged = [  # P1's interview.json is damaged: name it, never "no interview" or an older one
            problem
            for problem in problems
            if isinstance(problem, CorruptFile) and folded in _folder_participants(Path(problem.path).parent.name)
        ]
        latest = max((Path(problem.path).parent.name for problem in damaged), default="")
        if matches and (not damaged or matches[-1].id > latest):
            return matches[-1]
        if damaged:
            raise next(problem for problem in damaged if Path(problem.path).parent.name == latest)
        raise _no_interview(key, self.path, problems)

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
            atomic_write(folder / INTERVIEW_FILE, json_bytes(interview))
        return interview

    def being_written(self, interview_id: str) -> bool:
        """True while another process writes this interview's notes (it is being captured now)."""
        return held_elsewhere(self.interview_dir(interview_id) / f"{NOTES_DB}.lock")

    def open_interview(self, interview_id: str, *, writable: bool = True) -> InterviewSession:
        """Open an interview's notes. Writable sessions hold its lock until ``close``."""
        interview = self.load_interview(interview_id)
        return InterviewSession(self, interview, writable=writable).open()

    def read_notes(self, interview: Interview) -> InterviewSession:
        """An interview (as ``interviews`` gave it) open read-only to read its notes once, for an
        export: faster (``notes_snapshot``), the same notes and the same errors. Close it after."""
        return InterviewSession(self, interview, writable=False, once=True).open()

    def guide_events(self, interview_id: str, *, writable: bool = False) -> EventsLog:
        """The interviewer's live events of an interview (open it; ``refresh`` to follow)."""
        return EventsLog(self.interview_dir(interview_id), GUIDE_DB, writable=writable, side="guide")

    def all_notes(
        self, *, include_deleted: bool = False, leaving_out: str | None = None
    ) -> tuple[dict[str, list[Note]], list[StoreError]]:
        """The notes of every interview (read-only; ``leaving_out`` one, as ``notes_stamp``), keyed by id.
        The collector is paused over the whole read, not only each interview's (``gc_policy``)."""
        notes: dict[str, list[Note]] = {}
        found, problems = self.interviews()
        with paused_gc():
            for interview in found:
                if interview.id == leaving_out:
                    continue
                try:
                    session = self.read_notes(interview)
                except StoreError as error:
                    problems.append(error)
                    continue
                notes[interview.id] = session.notes(include_deleted=include_deleted)
                session.close()
                problems.extend(session.problems)  # damaged lines: named, the rest is in ``notes``
        return notes, problems


def _no_interview(key: str, path: Path, problems: list[StoreError]) -> StoreError:
    """ "No interview KEY", naming the interviews that could not be read (one of them may be it)."""
    said = _("no interview {key} in {path} (give an interview id or a participant code)").format(
        key=repr(key), path=path
    )
    if problems:
        unreadable = ngettext(
            "{n} interview could not be read, e.g. {problem}",
            "{n} interviews could not be read, e.g. {problem}",
            len(problems),
        )
        said += "; " + unreadable.format(n=len(problems), problem=problems[0])
    return StoreError(said)
