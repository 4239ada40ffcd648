"""Redaction of whole models: every piece of text in a study, a note or a document, in one place.

Exports do not pick the fields to redact: they hand the study (or the JSON document) to
``redact_model``, which walks every pydantic field that can hold text (strings, lists and
dicts of them, nested models) and redacts it, except the fields in ``KEEP``: ids, codes
and fixed values that other fields point at and that no one writes prose in. A field added
to a model later is therefore redacted by default; ``tests/test_redaction_fields.py`` lists
every text field and fails on a new one until someone has looked at it.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable
from enum import Enum
from functools import cache
from operator import is_not
from typing import Any, TypeVar

from pydantic import BaseModel

Redact = Callable[[str], str]
M = TypeVar("M", bound=BaseModel)

KEEP: dict[str, frozenset[str]] = {
    "StudyDocument": frozenset({"format"}),
    "Study": frozenset({"language"}),
    "Phase": frozenset({"id"}),
    "GuideTheme": frozenset({"id"}),
    "GuideQuestion": frozenset({"id"}),
    "Guide": frozenset({"retired_ids"}),
    "Participant": frozenset({"code"}),
    "Interview": frozenset({"id", "participant"}),
    "Note": frozenset({"id", "interview", "phase", "theme"}),
    "MapItem": frozenset({"phase", "evidence"}),
    "QuotePick": frozenset({"note", "phase"}),
    "CurveOverride": frozenset({"phase"}),
    "ProblemArea": frozenset({"source_ref", "phase", "notes", "quotes"}),
    "TargetItem": frozenset({"phase"}),
    "TargetPoint": frozenset({"phase"}),
}
"""Per model (by class name, inherited by subclasses), the text fields left as they are:
ids and references to ids (a phase id, a note id), participant codes (the pseudonyms the
export is meant to show), the format's own name and the language code."""


def _holds_text(annotation: Any) -> bool:
    """Whether a field of this type can hold user text (enums and literals are fixed values)."""
    if annotation is str:
        return True
    if isinstance(annotation, type):
        if issubclass(annotation, Enum):
            return False
        return issubclass(annotation, BaseModel) and bool(text_fields(annotation))
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return False
    if origin is typing.Annotated:
        return _holds_text(typing.get_args(annotation)[0])
    if origin is None and not isinstance(annotation, types.UnionType):
        return False
    return any(_holds_text(arg) for arg in typing.get_args(annotation))


def kept_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields of ``model`` left unredacted (``KEEP`` of the class and its bases)."""
    return frozenset().union(*(KEEP.get(cls.__name__, frozenset()) for cls in model.__mro__))


@cache
def text_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that are redacted: every field that can hold text, less ``kept_fields``."""
    kept = kept_fields(model)
    return tuple(name for name, info in model.model_fields.items() if name not in kept and _holds_text(info.annotation))


def _shape(annotation: Any) -> str:
    """How a text field is walked: ``str`` (also ``str | None``), ``strs`` (``list[str]``),
    ``model``, ``models`` (a list of models), or ``any`` (looked at value by value)."""
    if annotation is str or annotation == (str | None):
        return "str"
    if annotation == list[str]:
        return "strs"
    args = typing.get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model"
    if typing.get_origin(annotation) is list and args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        return "models"
    return "any"


@cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    return tuple((name, _shape(model.model_fields[name].annotation)) for name in text_fields(model))


def _value(value: Any, redact: Redact) -> Any:
    """``value`` redacted, whatever its shape; the very same object when nothing in it changed."""
    if type(value) is str:
        return redact(value)
    if isinstance(value, BaseModel):
        return redact_model(value, redact)
    if isinstance(value, list | tuple):
        items = [_value(item, redact) for item in value]
        if not any(map(is_not, items, value)):
            return value
        return type(value)(items)
    if isinstance(value, dict):
        redacted = {key: _value(item, redact) for key, item in value.items()}
        return value if all(redacted[key] is value[key] for key in value) else redacted
    return value  # numbers, dates, enums, None


def redact_model(model: M, redact: Redact) -> M:
    """``model`` with every text field (nested ones too) passed through ``redact``, ``KEEP`` aside;
    the very same object when nothing changed. Hot: 50,000 notes and their revisions each pass
    through here in every export, hence the shapes, and ``map`` (a loop in C) over lists."""
    update = None
    fields = model.__dict__
    for name, shape in _plan(type(model)):
        old = fields[name]
        if shape == "str":
            if old is None or (new := redact(old)) == old:
                continue
        elif shape == "strs":
            if not old or (new := list(map(redact, old))) == old:
                continue
        elif shape == "models":
            if not old:
                continue
            new = [redact_model(item, redact) for item in old]
            if not any(map(is_not, new, old)):
                continue
        elif old is None or (new := _value(old, redact)) is old:
            continue
        if update is None:
            update = {}
        update[name] = new
    return model.model_copy(update=update) if update else model


def memo(redact: Redact) -> Redact:
    """``redact`` remembering its answers: a study repeats channels, tags, and a note's typed line."""
    answers: dict[str, str] = {}

    def remembered(text: str) -> str:
        answer = answers.get(text)
        if answer is None:
            answer = answers[text] = redact(text)
        return answer if answer != text else text

    return remembered


def redact_all(models: Iterable[M], redact: Redact) -> list[M]:
    return [redact_model(model, redact) for model in models]
