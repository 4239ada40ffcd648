"""The study as every export reads it: redacted as a whole, before any format sees it.

Markdown, Word, CSV, the interview notes and JSON build their output from what this module
returns, so no renderer decides what to redact and a field added to the study, a note or the
map is redacted in every format at once (``redact_model`` redacts every text field but ids and
codes). ``private`` (``--include-private``) hands the study through unchanged.

The journey report takes its notes one way further (``shown_notes``): it counts every note but
shows a few hundred, so each note is redacted as it is read (``ShownNotes``), and what counts
the notes reads only facts with no text in them. Any note a report shows is still redacted as a
whole by ``redact_model``; the notes it does not show are simply never read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from trodden.models.change.plan import ChangePlan
from trodden.models.domain import Interview, Note
from trodden.models.map.journey_map import JourneyMap
from trodden.models.notes.redact_models import Redact, memo, redact_all, redact_model
from trodden.models.notes.redaction import Redactor
from trodden.models.notes.shown_notes import ShownNotes
from trodden.models.storage.study_file import StudyFile


def no_redaction(text: str) -> str:
    return text


def study_redactor(data: StudyFile, language: str | None = None) -> Redact:
    """The study's redaction (names, terms, likely names, e-mail, phones, numbers, addresses), memoised;
    its markers in the export's ``language`` (``[namn]`` in Swedish), else the study's."""
    return memo(Redactor.for_study(data, language).redact)


def study_redactors(
    data: StudyFile, language: str | None = None
) -> tuple[Redact, Callable[[Sequence[str]], list[str]]]:
    """The study's redaction twice, from one ``Redactor``: memoised, for what repeats (channels, tags,
    remarks), and for a whole column of what hardly ever does (the notes' texts: remembering 50,000
    answers costs more than the few repeats save; ``Redactor.redact_many`` looks at them at once)."""
    redactor = Redactor.for_study(data, language)
    return memo(redactor.redact), redactor.redact_many


def document_author(data: StudyFile, author: str | None, *, private: bool = False, language: str | None = None) -> str:
    """The author a Word file's properties name: ``--author`` or the study's, on one line, redacted like
    every user-written field unless ``private``. Properties travel with the file as far as its text does,
    and an author is often a person (the note-taker's own name)."""
    text = " ".join((data.study.author if author is None else author).split())
    return text if private or not text else study_redactor(data, language)(text)


@dataclass(frozen=True)
class StudyInputs:
    """What an export is built from; every piece of user text already redacted unless private."""

    data: StudyFile
    interviews: list[Interview]
    notes: dict[str, list[Note]]
    journey: JourneyMap
    plan: ChangePlan = field(default_factory=ChangePlan)
    """problem areas, ideas and the target map"""


def export_inputs(
    data: StudyFile,
    interviews: list[Interview],
    notes: dict[str, list[Note]],
    journey: JourneyMap,
    *,
    private: bool = False,
    language: str | None = None,
    plan: ChangePlan | None = None,
) -> StudyInputs:
    """The study, its interviews, notes, map and change plan, redacted as a whole unless ``private``
    (markers in ``language``, the export's)."""
    plan = plan or ChangePlan()
    if private:
        return StudyInputs(data, interviews, notes, journey, plan)
    redact = study_redactor(data, language)
    return StudyInputs(
        data=redact_model(data, redact),
        interviews=redact_all(interviews, redact),
        notes={key: redact_all(batch, redact) for key, batch in notes.items()},
        journey=redact_model(journey, redact),
        plan=redact_model(plan, redact),
    )


def shown_notes(
    data: StudyFile, *, private: bool = False, language: str | None = None
) -> Callable[[dict[str, Note]], Mapping[str, Note]] | None:
    """For ``NotesIndex.build(shown=...)``: the study's notes by id, each redacted the first time a
    format reads it (``ShownNotes``) unless ``private``. A report counts every note but shows a few
    hundred; it reads the rest only as ``ShownNotes.facts``, which hold no text."""
    if private:
        return None
    redact = study_redactor(data, language)
    return lambda notes: ShownNotes(notes, redact)
