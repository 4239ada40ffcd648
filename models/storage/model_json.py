"""Pydantic models as the JSON files a study keeps: how they are written, and how a bad
one is described to the person who has to fix it."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from trodden.models.errors import NEWER, CorruptFile, unreadable
from trodden.models.i18n import _

M = TypeVar("M", bound=BaseModel)


def json_bytes(model: BaseModel) -> bytes:
    """``model`` as an indented, newline-terminated JSON file (readable and diffable in git)."""
    return (model.model_dump_json(indent=2) + "\n").encode("utf-8")


def first_problem(error: ValidationError) -> str:
    """A pydantic error as one readable line: where, then what (the first problem)."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ())) or "top level"
    return f"{where}: {first.get('msg', 'invalid')}"


def read_model_file(file: Path, model: type[M], newest_format: int) -> M | None:
    """The versioned JSON file ``file`` as ``model``; ``None`` if there is none. An unreadable,
    invalid or newer-format file is a ``CorruptFile`` naming it (the file is never changed)."""
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise CorruptFile(file, unreadable(error)) from error
    try:
        loaded = model.model_validate_json(raw)
    except ValidationError as error:
        raise CorruptFile(file, first_problem(error)) from None
    if getattr(loaded, "format", 0) > newest_format:
        raise CorruptFile(file, _(NEWER))
    return loaded
