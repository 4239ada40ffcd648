"""A transcript as trodden keeps it: timed cues, who spoke them, and who each speaker is.

Stored beside the interview (``interviews/<id>/transcript.json``, see ``layout``) and read by
the clean screen, ``trodden check``, the exports and the map's evidence view. The speaker names
are personal data: every export redacts them (they join the study's names on import).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field, model_validator

from trodden.models.defaults import new_dict, new_list
from trodden.models.domain import Model

TRANSCRIPT_FORMAT = 1


class SpeakerRole(StrEnum):
    """Who a transcript's speaker was in the interview: only the participant's words are quoted."""

    INTERVIEWER = "interviewer"
    PARTICIPANT = "participant"
    NOTE_TAKER = "note-taker"


class Cue(Model):
    """One timed piece of speech: seconds from the start of the recording."""

    start: float = Field(ge=0)
    end: float = Field(ge=0)
    speaker: str = ""
    text: str

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Cue:
        if self.end < self.start:
            self.end = self.start
        return self


class Transcript(Model):
    """A whole recording's transcript, as imported, plus the choices made about it."""

    format: int = TRANSCRIPT_FORMAT
    source: str = ""
    """The file's name (not its folder), to say what was imported."""
    kind: str = ""
    """The format it was read from: ``vtt``, ``srt``, ``docx`` or ``text``."""
    imported: datetime | None = None
    cues: list[Cue] = Field(default_factory=new_list)
    speakers: dict[str, SpeakerRole] = Field(default_factory=new_dict)
    """Each speaker name mapped once to a role; unmapped speakers are guessed (``roles``)."""
    warning: str | None = Field(default=None, exclude=True)
    """How the file was read when that was a guess (Windows-1252), for the import to say; never stored."""
    offset: float | None = None
    """Seconds into the recording when trodden's interview clock started, if set by hand
    (``--offset``, or nudged in the clean screen); ``None``: estimated from the notes."""

    def speaker_names(self) -> list[str]:
        """Every speaker, in order of first words."""
        return list(dict.fromkeys(cue.speaker for cue in self.cues if cue.speaker))

    def roles(self) -> dict[str, SpeakerRole]:
        """Every speaker's role: as mapped, else guessed: the one who speaks most is the
        participant (an interview is them talking), the rest the interviewer."""
        words: dict[str, int] = {}
        for cue in self.cues:
            if cue.speaker:
                words[cue.speaker] = words.get(cue.speaker, 0) + len(cue.text.split())
        guessed = {name: SpeakerRole.INTERVIEWER for name in words}
        unmapped = [name for name in words if name not in self.speakers]
        if unmapped and SpeakerRole.PARTICIPANT not in self.speakers.values():
            guessed[max(unmapped, key=lambda name: words[name])] = SpeakerRole.PARTICIPANT
        return {**guessed, **{name: role for name, role in self.speakers.items() if name in words}}

    @property
    def duration(self) -> float:
        return max((cue.end for cue in self.cues), default=0.0)
