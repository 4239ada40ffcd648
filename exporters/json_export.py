"""The whole study as the versioned JSON interchange document."""

from __future__ import annotations

from trodden.models.interchange import build_document, dumps
from trodden.models.storage.store import StudyStore


def study_json(store: StudyStore, *, include_private: bool = False) -> tuple[str, list[str]]:
    """(JSON text, problems): interviews that could not be read are left out and named."""
    document, problems = build_document(store, include_private=include_private)
    return dumps(document), [str(problem) for problem in problems]
