"""Where a study keeps its files: light to import (no pydantic), for quick checks."""

from __future__ import annotations

from pathlib import Path

STUDY_FILE = "study.json"


def looks_like_study(path: Path) -> bool:
    """True if ``path`` holds a study file (``StudyStore.open`` says what is wrong if not)."""
    return (Path(path) / STUDY_FILE).is_file()
