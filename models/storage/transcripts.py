"""An interview's transcript on disk: ``interviews/<id>/transcript.json``, one file of its own.

Written whole (atomic replace, fsynced, like ``interview.json``) under its own lock, so the
command line importing and the clean screen nudging the offset never interleave; the notes'
journal is not involved, so importing a transcript never touches a note. Reading a damaged
file names it and leaves it as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import EllipsisType
from typing import TYPE_CHECKING

from trodden.models.errors import StoreError
from trodden.models.i18n import _
from trodden.models.transcript.model import TRANSCRIPT_FORMAT, SpeakerRole, Transcript

from .atomic import atomic_write, drop_stale_temp_files
from .layout import TRANSCRIPT_FILE
from .lockfile import FileLock
from .model_json import json_bytes, read_model_file

if TYPE_CHECKING:
    from trodden.models.domain import Interview

    from .study_file import StudyFile

TRANSCRIPT_LOCK = "transcript.lock"


def read_transcript_file(folder: Path) -> Transcript | None:
    """The interview folder's transcript, ``None`` if it has none; ``CorruptFile`` if unreadable."""
    return read_model_file(Path(folder) / TRANSCRIPT_FILE, Transcript, TRANSCRIPT_FORMAT)


def write_transcript_file(
    folder: Path, change: Callable[[Transcript | None], Transcript], *, wait: float = 5.0
) -> Transcript:
    """Locked read-modify-write: ``change`` gets what is stored now (or ``None``) and returns the new one."""
    folder = Path(folder)
    if not folder.is_dir():
        raise StoreError(_("{folder} is not an interview folder").format(folder=folder))
    with FileLock(folder / TRANSCRIPT_LOCK, wait=wait):
        drop_stale_temp_files(folder, "transcript")
        current = read_transcript_file(folder)
        result = Transcript.model_validate(change(current).model_dump())
        atomic_write(folder / TRANSCRIPT_FILE, json_bytes(result))
    return result


class TranscriptStore:
    """``StudyStore``'s transcript methods: each interview's transcript, through the store like its notes."""

    file_data: StudyFile

    def interview_dir(self, interview_id: str) -> Path:  # pragma: no cover - StudyStore's
        raise NotImplementedError

    def load_interview(self, interview_id: str) -> Interview:  # pragma: no cover - StudyStore's
        raise NotImplementedError

    def update(self, change: Callable[[StudyFile], StudyFile | None]) -> StudyFile:  # pragma: no cover
        raise NotImplementedError

    def transcript(self, interview_id: str) -> Transcript | None:
        """The interview's imported transcript, or ``None``; ``CorruptFile`` names a damaged one."""
        return read_transcript_file(self.interview_dir(interview_id))

    def save_transcript(self, interview_id: str, transcript: Transcript, *, replace: bool = False) -> Transcript:
        """Store ``transcript`` beside the interview; one already there is replaced only if asked.

        Speakers mapped before keep their role when the new file names them too, and every
        speaker name joins the study's names to redact, before the transcript is written.
        """
        self.load_interview(interview_id)  # "no interview X", not a missing folder
        self._add_speaker_names(transcript.speaker_names())

        def put(current: Transcript | None) -> Transcript:
            if current is not None and not replace:
                raise StoreError(
                    _(
                        "interview {interview} already has a transcript (from {source}); replace it with --replace"
                    ).format(interview=interview_id, source=current.source or _("a file"))
                )
            kept = {name: role for name, role in (current.speakers if current else {}).items()}
            names = set(transcript.speaker_names())
            speakers = {**{n: r for n, r in kept.items() if n in names}, **transcript.speakers}
            return transcript.model_copy(update={"speakers": speakers})

        return write_transcript_file(self.interview_dir(interview_id), put)

    def update_transcript(
        self,
        interview_id: str,
        *,
        speakers: dict[str, SpeakerRole] | None = None,
        offset: float | EllipsisType | None = ...,
    ) -> Transcript:
        """Map speakers to roles and/or set the offset by hand (``None``: estimate it again)."""

        def change(current: Transcript | None) -> Transcript:
            if current is None:
                raise StoreError(
                    _("interview {interview} has no transcript; import one with 'trodden transcript'").format(
                        interview=interview_id
                    )
                )
            update: dict = {}
            if speakers is not None:
                update["speakers"] = {**current.speakers, **speakers}
            if offset is not ...:
                update["offset"] = offset
            return current.model_copy(update=update)

        return write_transcript_file(self.interview_dir(interview_id), change)

    def _add_speaker_names(self, names: list[str]) -> None:
        known = {name.casefold() for name in self.file_data.speaker_names}
        if all(name.casefold() in known for name in names):
            return

        def add(data: StudyFile) -> None:
            have = {name.casefold() for name in data.speaker_names}
            data.speaker_names.extend(name for name in names if name.casefold() not in have)

        self.update(add)
