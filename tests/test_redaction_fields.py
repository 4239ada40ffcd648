"""Every text field of the study and the JSON document is redacted, bar an explicit list of ids.

``redact_model`` redacts by default; these tests pin the list of text fields so a new one is
looked at (is it prose, to redact, or an id, to keep?) and prove each listed field really is
redacted by filling every field of every model with a personal detail.
"""

from __future__ import annotations

import typing
from datetime import date, datetime
from enum import Enum

from pydantic import BaseModel

from trodden.models.domain import Interview
from trodden.models.interchange import StudyDocument
from trodden.models.notes.redact_models import KEEP, kept_fields, redact_model, text_fields
from trodden.models.notes.redaction import Redactor
from trodden.models.storage.study_file import StudyFile

REDACTED = {
    "StudyDocument": {
        "study",
        "phases",
        "guide",
        "participants",
        "redaction_terms",
        "interviews",
        "map",
        "change",
        "hypothesis",
    },
    "StudyFile": {"study", "phases", "guide", "participants", "redaction_terms", "not_names", "speaker_names"},
    "Study": {"name", "purpose", "author"},
    "Phase": {"name", "description"},
    "Guide": {"themes"},
    "GuideTheme": {"title", "questions"},
    "GuideQuestion": {"text"},
    "Participant": {"real_name", "segment", "team"},
    "Interview": {"interviewer", "note_taker"},
    "InterviewRecord": {"interviewer", "note_taker", "notes"},
    "Note": {"text", "remark", "channels", "tags", "history"},
    "Revision": {"raw"},
    "JourneyMap": {"items", "overrides"},
    "MapItem": {"title", "channels", "design_question"},
    "QuotePick": set(),
    "CurveOverride": {"reason"},
    "Pause": set(),
    "ChangePlan": {"areas", "ideas", "target_items", "target_curve"},
    "ProblemArea": {"title", "experience", "design_questions"},
    "Idea": {"text", "owner", "effect", "outcome"},
    "TargetItem": {"title", "change"},
    "TargetPoint": {"reason"},
    "KeptHypothesis": {"items", "verdicts"},
    "Verdict": {"reason"},
}
"""Every model reachable from the document, the study file and an interview, and its redacted text fields."""

DETAIL = "Malin Erik Johansson 070-123 45 67"


def _models(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}

    def visit(annotation) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation.__name__ not in found:
                found[annotation.__name__] = annotation
                for info in annotation.model_fields.values():
                    visit(info.annotation)
            return
        for arg in typing.get_args(annotation):
            visit(arg)

    visit(root)
    return found


def test_every_text_field_is_redacted_or_kept_on_purpose() -> None:
    models = _models(StudyDocument) | _models(StudyFile) | _models(Interview)  # what exports read
    assert set(models) == set(REDACTED), "a model was added or removed: list its text fields in REDACTED"
    for name, model in models.items():
        assert set(text_fields(model)) == REDACTED[name], (
            f"{name}: text fields changed; a new field is redacted by default: add it to REDACTED here, "
            f"or to KEEP in redact_models.py if it only holds ids or codes"
        )
    for name, kept in KEEP.items():  # no stale entries: each kept field exists
        assert name in models and kept <= set(models[name].model_fields), name


def _sample(annotation, kept: bool):
    """A value of ``annotation`` with a personal detail in every string (ids get plain ids)."""
    origin = typing.get_origin(annotation)
    if annotation is str:
        return "p1" if kept else DETAIL
    if origin is typing.Literal:
        return typing.get_args(annotation)[0]
    if origin is list:
        return [_sample(typing.get_args(annotation)[0], kept)]
    if origin is dict:
        key, value = typing.get_args(annotation)
        return {_sample(key, True): _sample(value, kept)}
    if origin is not None or isinstance(annotation, typing.types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _sample(args[0], kept)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return next(iter(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _filled(annotation)
    return {int: 1, float: 1.0, bool: False, datetime: datetime(2026, 1, 1), date: date(2026, 1, 1)}[annotation]


def _filled(model: type[BaseModel]) -> BaseModel:
    kept = kept_fields(model)
    values = {name: _sample(info.annotation, name in kept) for name, info in model.model_fields.items()}
    return model.model_construct(**values)


def test_a_detail_in_every_field_is_gone_after_redaction() -> None:
    redact = Redactor().redact
    for root in (StudyDocument, StudyFile):
        filled = _filled(root)
        assert DETAIL in filled.model_dump_json()  # the test is not vacuous
        text = redact_model(filled, redact).model_dump_json()
        for part in ("Malin", "Johansson", "070-123"):
            # Malin is caught as a likely name here, with no study terms at all
            assert part not in text, f"{part} left in a {root.__name__}: {text[:400]}"


def test_ids_and_codes_are_left_alone() -> None:
    filled = _filled(StudyDocument)
    redacted = redact_model(filled, lambda text: "[x]")
    assert redacted.interviews[0].notes[0].id == "p1"
    assert redacted.interviews[0].participant == "p1"
    assert redacted.map.items[0].evidence == ["p1"]
    assert redacted.format == "trodden-study"
    assert redacted.interviews[0].notes[0].text == "[x]"
    assert redacted.guide.themes[0].questions[0].text == "[x]"
    assert redacted.map.overrides[0].reason == "[x]"
    assert redacted.hypothesis.items[0].title == "[x]" and redacted.hypothesis.items[0].evidence == ["p1"]
    assert redacted.hypothesis.verdicts[1].reason == "[x]"


def test_every_note_text_field_is_shown_redacted_or_left_out_of_the_csv() -> None:
    """The CSV redacts a note's text fields as it makes the row (``note_rows.SHOWN``); a new text
    field of ``Note`` fails here until it is put in SHOWN (redacted) or NOT_SHOWN (never written)."""
    from trodden.exporters.note_rows import NOT_SHOWN, SHOWN
    from trodden.models.domain import Note

    assert sorted(SHOWN + NOT_SHOWN) == sorted(text_fields(Note))
    assert not set(SHOWN) & set(NOT_SHOWN)
