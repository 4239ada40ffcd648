"""The recording's transcript at the end of an interview's notes export (``--with-transcript``).

Speakers are named by their role (participant, interviewer, note-taker), never by the names the
transcript gives them, and every line goes through the study's redaction like the notes: the
speakers' names are among the study's names (``StudyFile.speaker_names``), so "Anna sa..." in a
line becomes ``[name] sa...`` too. With ``--include-private`` the names are shown beside the role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trodden.models.storage.study_file import StudyFile
from trodden.models.transcript.model import Transcript

from .redacted import no_redaction, study_redactor

_UNSTORABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")

LABELS = {
    "en": {
        "title": "Transcript",
        "intro": "The recording's transcript, as imported; speakers by their role.",
        "participant": "Participant",
        "interviewer": "Interviewer",
        "note-taker": "Note-taker",
    },
    "sv": {
        "title": "Transkript",
        "intro": "Inspelningens transkript, som det importerades; talarna efter sin roll.",
        "participant": "Deltagare",
        "interviewer": "Intervjuare",
        "note-taker": "Antecknare",
    },
    "da": {
        "title": "Transskription",
        "intro": "Optagelsens transskription, som den blev importeret; talerne efter deres rolle.",
        "participant": "Deltager",
        "interviewer": "Interviewer",
        "note-taker": "Referent",
    },
}


@dataclass(frozen=True)
class TranscriptLine:
    time: str
    who: str
    text: str


@dataclass(frozen=True)
class TranscriptSection:
    title: str
    intro: str
    lines: tuple[TranscriptLine, ...]


def _clock(seconds: float) -> str:
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def transcript_section(
    data: StudyFile, transcript: Transcript, *, include_private: bool = False, language: str | None = None
) -> TranscriptSection:
    """Every cue as a line (time, role, words), redacted unless ``include_private``."""
    labels = LABELS.get(language or data.study.language, LABELS["en"])
    redact = no_redaction if include_private else study_redactor(data)
    roles = transcript.roles()
    lines = []
    for cue in transcript.cues:
        role = roles.get(cue.speaker)
        who = labels[role.value] if role is not None else ""
        if include_private and cue.speaker:
            who = f"{cue.speaker} ({who})" if who else cue.speaker
        lines.append(
            TranscriptLine(
                _clock(cue.start), _UNSTORABLE.sub("\ufffd", who), _UNSTORABLE.sub("\ufffd", redact(cue.text))
            )
        )
    return TranscriptSection(labels["title"], labels["intro"], tuple(lines))
