"""Every interview's transcript set against its notes, for the study-wide readers: ``trodden check``,
the report (quotes verified against the transcript) and the map's evidence view.

Only interviews with a transcript cost anything; a damaged transcript is named in ``problems``
and its interview checked as if it had none.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from trodden.models.domain import Interview, Note
from trodden.models.errors import StoreError

if TYPE_CHECKING:  # imported on the first transcript: a study without any (most) never pays for aligning
    from .check import Alignment


def study_alignments(
    store, interviews: Iterable[Interview], notes: dict[str, list[Note]]
) -> tuple[dict[str, Alignment], list[StoreError]]:
    """(interview id → alignment, problems) for every interview of ``interviews`` with a transcript."""
    found: dict[str, Alignment] = {}
    problems: list[StoreError] = []
    for interview in interviews:
        try:
            transcript = store.transcript(interview.id)
        except StoreError as error:
            problems.append(error)
            continue
        if transcript is not None:
            from .check import align

            found[interview.id] = align(transcript, interview, notes.get(interview.id, []))
    return found, problems


def verified_ids(alignments: dict[str, Alignment], notes: dict[str, list[Note]]) -> frozenset[str]:
    """Ids of the quotes whose words are the participant's, word for word."""
    if not alignments:
        return frozenset()
    from .check import verified

    return frozenset(
        note.id
        for interview_id, alignment in alignments.items()
        for note in notes.get(interview_id, [])
        if verified(alignment, note)
    )


def notes_by_interview(notes: Iterable[Note]) -> dict[str, list[Note]]:
    grouped: dict[str, list[Note]] = {}
    for note in notes:
        grouped.setdefault(note.interview, []).append(note)
    return grouped
