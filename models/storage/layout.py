"""Where a study keeps its files: light to import (no pydantic), for quick checks.

::

    study.json                      study, guide, participants, phases until a map exists (``StudyFile``)
    map/<who>.updates               the journey map and its phases (``models.map.map_session``)
    interviews/<id>/interview.json  the interview's metadata (written by the notes writer)
    interviews/<id>/notes.*         the notes: a ``DurableDB`` (snapshot + fsynced journal)
    hypothesis.json                 the hypothesis journey as kept before the interviews
    interviews/<id>/transcript.json the recording's transcript, if imported (``transcripts``)
"""

from __future__ import annotations

from pathlib import Path

STUDY_FILE = "study.json"
INTERVIEWS_DIR = "interviews"
INTERVIEW_FILE = "interview.json"
NOTES_DB = "notes"
HYPOTHESIS_FILE = "hypothesis.json"
TRANSCRIPT_FILE = "transcript.json"


def study_language(path: Path) -> str | None:
    """The study's language from its file, read without a lock or validation (None if unreadable):
    enough to choose the interface's language before the study is opened in the background."""
    import json

    try:
        language = json.loads((Path(path) / STUDY_FILE).read_text(encoding="utf-8")).get("study", {}).get("language")
    except (OSError, ValueError, AttributeError):
        return None
    return language if isinstance(language, str) else None


def looks_like_study(path: Path) -> bool:
    """True if ``path`` holds a study file (``StudyStore.open`` says what is wrong if not)."""
    return (Path(path) / STUDY_FILE).is_file()
