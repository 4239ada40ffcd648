"""The quote checks against recorded transcripts: ``quote-unverified`` and ``quote-differs``.

Apart from ``checks.CHECKS`` because they need every interview's transcript aligned (read
through the store, ``models.transcript.study``), which the other checks never pay for. A quote
checked by hand (``v`` in the clean screen) is the note-taker's word and is not flagged.
A picked quote whose words were replaced by the words said is verbatim, so its
``quote-not-verbatim`` (words changed since typed) is dropped here too.
"""

from __future__ import annotations

from collections.abc import Iterable

from trodden.models.domain import Interview, Kind, Note
from trodden.models.storage.study_file import StudyFile
from trodden.models.transcript.check import Alignment
from trodden.models.transcript.quotes import QuoteStatus

from .check_messages import quote, say
from .finding import Finding


def transcript_findings(
    data: StudyFile, interviews: Iterable[Interview], notes: dict[str, list[Note]], alignments: dict[str, Alignment]
) -> list[Finding]:
    """A finding per quote that has a transcript to be checked against and does not match it."""
    findings = []
    for interview in interviews:
        alignment = alignments.get(interview.id)
        if alignment is None:
            continue
        for note in notes.get(interview.id, []):
            if note.deleted or not note.has(Kind.QUOTE) or note.checked:
                continue
            match = alignment.quote(note)
            if match.status is QuoteStatus.NOT_FOUND:
                text = say(data, "quote-unverified", note=note.id, text=quote(data, note.text))
                findings.append(Finding("quote-unverified", "warning", text, note.id))
            elif match.status is QuoteStatus.CLOSE:
                text = say(
                    data, "quote-differs", note=note.id, text=quote(data, note.text), said=quote(data, match.said)
                )
                findings.append(Finding("quote-differs", "warning", text, note.id))
    return findings


def without_verified(findings: list[Finding], verified: frozenset[str]) -> list[Finding]:
    """``findings`` less ``quote-not-verbatim`` on quotes the transcript shows are verbatim."""
    return [f for f in findings if not (f.code == "quote-not-verbatim" and f.subject in verified)]
