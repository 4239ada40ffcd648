"""Pydantic models as the JSON files a study keeps: how they are written, and how a bad
one is described to the person who has to fix it."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError


def json_bytes(model: BaseModel) -> bytes:
    """``model`` as an indented, newline-terminated JSON file (readable and diffable in git)."""
    return (model.model_dump_json(indent=2) + "\n").encode("utf-8")


def first_problem(error: ValidationError) -> str:
    """A pydantic error as one readable line: where, then what (the first problem)."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ())) or "top level"
    return f"{where}: {first.get('msg', 'invalid')}"
