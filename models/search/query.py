"""A search query: free words plus filters, typed (``växt #förpackning kind:quote``) or given as options.

The same ``Query`` comes from the search box and from ``trodden search DIR QUERY --tag ...``, so
the two always find the same notes. Filters use the capture syntax's own signs where it has
them (``#tag``, ``@channel``) and ``name:value`` for the rest; a ``name:`` that is not a filter
is just words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from trodden.models.domain import Kind

from ..i18n import _, in_quotes
from .words import words

FILTER_NAMES = {
    "tag": "tags",
    "channel": "channels",
    "kind": "kinds",
    "feeling": "feelings",
    "participant": "participants",
    "p": "participants",
    "type": "types",
    "theme": "themes",
    "phase": "phases",
}
"""``name:`` in a query -> the ``Query`` field it adds to (``p:`` is short for participant)."""

EXAMPLES = {
    "tags": "#packaging",
    "channels": "@phone",
    "kinds": "kind:quote",
    "feelings": "feeling:-",
    "participants": "p:P3",
    "types": "type:collector",
    "themes": "theme:2",
    "phases": "phase:home",
}
"""A filter written right, for the message when one is given no value."""

_PIECE = re.compile(r'(?P<name>\w+):"(?P<quoted>[^"]*)"?|(?P<sign>[#@])(?P<token>[\w-]+)|(?P<plain>\S+)')

FEELINGS = {
    "++": (2,),
    "+": (1, 2),
    "--": (-2,),
    "-": (-1, -2),
    "positive": (1, 2),
    "heart": (1, 2),
    "negative": (-1, -2),
    "cloud": (-1, -2),
    "none": (None,),
    "0": (None,),
    "2": (2,),
    "1": (1,),
    "-1": (-1,),
    "-2": (-2,),
}
"""``feeling:`` values -> the valences they take (``+`` is any heart, ``++`` a strong one)."""


class QueryError(ValueError):
    """A filter value that means nothing (``kind:banana``); the message is user-ready."""


@dataclass(frozen=True)
class Query:
    """What to find. Every filter is a tuple: a note matches if it matches any value of each
    filter given, and every word."""

    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    kinds: tuple[Kind, ...] = ()
    feelings: tuple[int | None, ...] = ()
    participants: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self == Query()

    def plus(self, name: str, value: str) -> Query:
        """This query with one more filter value (``name`` as typed: ``tag``, ``p``, ``kind``...)."""
        attribute = FILTER_NAMES[name]
        value = unicodedata.normalize("NFC", value)  # as the index has the notes' words
        value = value.strip().lstrip("#@") if attribute in ("tags", "channels") else value.strip()
        if not value:  # "p:" alone found the word "p", or nothing, without a word why
            raise QueryError(_("{name}: needs a value, as in {example}").format(name=name, example=EXAMPLES[attribute]))
        if attribute == "kinds":
            return replace(self, kinds=(*self.kinds, kind_named(value)))
        if attribute == "feelings":
            return replace(self, feelings=(*self.feelings, *feelings_named(value)))
        return replace(self, **{attribute: (*getattr(self, attribute), value.casefold())})


def kind_named(value: str) -> Kind:
    folded = value.casefold()
    found = [kind for kind in Kind if kind.value.startswith(folded)]
    if len(found) != 1:
        choices = ", ".join(kind.value for kind in Kind)
        raise QueryError(_("kind {value} is not one of: {choices}").format(value=in_quotes(value), choices=choices))
    return found[0]


def feelings_named(value: str) -> tuple[int | None, ...]:
    found = FEELINGS.get(value.casefold())
    if found is None:
        wanted = _("feeling {value} is not one of: + ++ - -- positive negative none (or -2..2)")
        raise QueryError(wanted.format(value=in_quotes(value)))
    return found


def parse_query(text: str, base: Query | None = None) -> Query:
    """``text`` as typed in the search box, added to ``base`` (the command line's options).

    Raises ``QueryError`` for a filter value that means nothing; words are never refused.
    """
    query = base or Query()
    text = unicodedata.normalize("NFC", text)  # as the notes are (models/notes/syntax.py)
    free: list[str] = []
    for match in _PIECE.finditer(text):
        if match["sign"]:
            query = query.plus("tag" if match["sign"] == "#" else "channel", match["token"])
            continue
        piece = match.group()
        name, colon, value = piece.partition(":")
        if match["name"] and match["name"].casefold() in FILTER_NAMES:
            query = query.plus(match["name"].casefold(), match["quoted"] or "")
        elif colon and name.casefold() in FILTER_NAMES:
            query = query.plus(name.casefold(), value)
        else:
            free.append(piece)
    found = tuple(word for piece in free for word in words(piece))
    return replace(query, words=(*query.words, *found))
