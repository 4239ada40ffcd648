"""The quote checks against recorded transcripts: ``quote-unverified`` and ``quote-differs``.

Apart from ``checks.CHECKS`` because they need every interview's transcript aligned (read
through the store, ``models.transcript.study``), which the other checks never pay for. A quote
checked by hand (``v`` in the clean screen) is the note-taker's word and is not flagged.
A picked quote whose words were replaced by the words said is verbatim, so its
``quote-not-verbatim`` (words changed since typed) is dropped here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from trodden.models.domain import Interview, Kind, Note
from trodden.models.errors import StoreError
from trodden.models.storage.study_file import StudyFile
from trodden.models.transcript.study import study_alignments, verified_ids

if TYPE_CHECKING:  # aligning is imported with the first transcript (models.transcript.study)
    from trodden.models.transcript.check import Alignment

from .check_messages import quote, say
from .finding import Finding


def transcript_findings(
    data: StudyFile,
    interviews: Iterable[Interview],
    notes: dict[str, list[Note]],
    alignments: dict[str, Alignment],
    redact: Callable[[str], str] = str,
) -> list[Finding]:
    """A finding per quote that has a transcript to be checked against and does not match it.

    ``redact``: for an export, the study's redaction of the words said (the notes' own words come
    redacted with ``notes``; the transcript's are read raw)."""
    findings = []
    for interview in interviews:
        alignment = alignments.get(interview.id)
        if alignment is None:
            continue
        from trodden.models.transcript.quotes import QuoteStatus

        for note in notes.get(interview.id, []):
            if note.deleted or not note.has(Kind.QUOTE) or note.checked:
                continue
            match = alignment.quote(note)
            if match.status is QuoteStatus.NOT_FOUND:
                text = say(data, "quote-unverified", note=note.id, text=quote(data, note.text))
                findings.append(Finding("quote-unverified", "warning", text, note.id))
            elif match.status is QuoteStatus.CLOSE:
                text = say(
                    data,
                    "quote-differs",
                    note=note.id,
                    text=quote(data, note.text),
                    said=quote(data, redact(match.said)),
                )
                findings.append(Finding("quote-differs", "warning", text, note.id))
    return findings


def without_verified(findings: list[Finding], verified: frozenset[str]) -> list[Finding]:
    """``findings`` less ``quote-not-verbatim`` on quotes the transcript shows are verbatim."""
    return [f for f in findings if not (f.code == "quote-not-verbatim" and f.subject in verified)]


def with_transcripts(
    store, data: StudyFile, interviews: list[Interview], notes: dict[str, list[Note]], findings: list[Finding]
) -> tuple[list[Finding], list[StoreError]]:
    """(``findings`` and the quotes checked against the interviews' transcripts, damaged transcripts
    left out): what ``trodden check`` and the map's checks panel show. A picked quote verified
    against its transcript is verbatim, so its ``quote-not-verbatim`` goes."""
    alignments, problems = study_alignments(store, interviews, notes)
    extra = transcript_findings(data, interviews, notes, alignments)
    return without_verified(findings, verified_ids(alignments, notes)) + extra, problems
