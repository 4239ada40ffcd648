"""Babel's extraction method for trodden's screens (``babel.cfg`` names it).

Besides ``_("...")``, ``N_("...")`` and ``ngettext("...", "...", n)``, it takes the words of the
actions registry as declared: ``Action(id, key, action, label, help, short=...)`` and
``register(context, title, [...])``, so a screen's ``keys.py`` needs no markers and the footer, F1
and the palette translate them when they draw. Reads the source with ``ast`` (no imports run).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

Found = tuple[int, str | None, str | tuple[str, ...], list[str]]


@dataclass(frozen=True)
class Contextual:
    """A msgid with its context (``pgettext``, ``NC_``): the same English word meant otherwise."""

    context: str
    id: str


ACTION_ARGS = {3: "description", 4: "help"}
ACTION_KEYWORDS = ("description", "help", "short")


def _text(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value:
        return node.value
    return None


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def messages(source: str) -> Iterator[tuple[int, str | tuple[str, ...] | Contextual]]:
    """Every translatable string in ``source``: (line, msgid), (line, (singular, plural)) or
    (line, ``Contextual``)."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in ("_", "N_") and node.args:
            if (text := _text(node.args[0])) is not None:
                yield node.lineno, text
        elif name in ("pgettext", "NC_") and len(node.args) >= 2:
            context, text = _text(node.args[0]), _text(node.args[1])
            if context and text:
                yield node.lineno, Contextual(context, text)
        elif name == "ngettext" and len(node.args) >= 2:
            one, many = _text(node.args[0]), _text(node.args[1])
            if one and many:
                yield node.lineno, (one, many)
        elif name == "Action":
            found = [node.args[i] for i in ACTION_ARGS if i < len(node.args)]
            found += [kw.value for kw in node.keywords if kw.arg in ACTION_KEYWORDS]
            for arg in found:
                if (text := _text(arg)) is not None:
                    yield arg.lineno, text
        elif name == "register" and len(node.args) >= 2 and (text := _text(node.args[1])) is not None:
            yield node.lineno, text


def extract(fileobj: Any, keywords: Any, comment_tags: Any, options: dict) -> Iterator[Found]:
    """Babel's extractor interface (``pybabel extract -F babel.cfg``)."""
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    for line, message in messages(source):
        if isinstance(message, Contextual):
            yield line, "pgettext", (message.context, message.id), []
        else:
            yield line, "ngettext" if isinstance(message, tuple) else "_", message, []
