"""The capture syntax: what a note-taker types, parsed into a note draft or a command.

Markers at the start of a line, in any order, then the words (a quote mark may also
follow the other markers after a space: ``++ "I love it"``)::

    "   quote (closing quote optional)      +  / ++   heart (+1 / +2)
    *   touchpoint                           -  / --   thundercloud (-1 / -2)
    !   moment-of-truth candidate            %         backstage
    ?   follow-up question                   \\         the rest is plain text

After a quote's closing mark, words are the note-taker's own (``"Det var jobbigt" sa hon``:
the quote ``Det var jobbigt``, the remark ``sa hon``). Anywhere in the words, ``@word`` is a channel and ``#word`` a tag. A line starting with
``/`` is a command (``/theme 2``, ``/phase Searching``, ``/pause``, ``/resume``, ``/end``; Swedish and
Danish names too, ``/tema``, ``/fas``, ``/fortsätt``..., see ``commands.py``).

``parse`` never raises, whatever it is given, and ``render`` writes a draft back so that
``parse(render(d)) == d``: the capture screen, text import and the clean screen all
rely on both.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from trodden.models.domain import Kind
from trodden.models.notes.commands import canonical

QUOTE_OPENERS = '"“”„»«'
"""ASCII and typographic quotes (Swedish ”…”, Danish »…« and „…“) all open a quote."""
QUOTE_CLOSERS = '"“”»«'

KIND_MARKERS: dict[str, Kind] = {
    "*": Kind.TOUCHPOINT,
    "!": Kind.MOMENT,
    "%": Kind.BACKSTAGE,
    "?": Kind.QUESTION,
}
MARKER_OF_KIND: dict[Kind, str] = {kind: marker for marker, kind in KIND_MARKERS.items()}
MARKER_OF_KIND[Kind.QUOTE] = '"'
ESCAPE = "\\"
MARKER_CHARS = frozenset(QUOTE_OPENERS + "+-" + "".join(KIND_MARKERS) + ESCAPE)


# A channel or tag: a sign not glued to a preceding word (so e-mail addresses are
# not channels), then a word in any script, inner hyphens allowed.
_TOKEN = re.compile(r"(?<![\w@#])([@#])(\w+(?:-\w+)*)")


@dataclass(frozen=True)
class NoteDraft:
    """A note as parsed from one typed line, before it gets an id and a time."""

    text: str = ""
    kinds: tuple[Kind, ...] = ()
    valence: int | None = None
    channels: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    remark: str = ""
    """A quote's words after its closing mark: the note-taker's own, not the customer's."""

    @property
    def is_empty(self) -> bool:
        return not (self.text.strip() or self.remark or self.kinds or self.valence or self.channels or self.tags)

    def with_kind(self, kind: Kind, present: bool) -> NoteDraft:
        kinds = set(self.kinds) | {kind} if present else set(self.kinds) - {kind}
        if kind is Kind.QUOTE and not present and Kind.QUOTE in self.kinds:  # no longer a quote: one line of words
            words = f"{self.text} {self.remark}".strip()
            shown = find_tokens(words)  # a channel or tag after the closing mark stays one of the words
            extra = [f"@{c}" for c in self.channels if c not in shown.channels]
            extra += [f"#{t}" for t in self.tags if t not in shown.tags]
            return _draft(" ".join([words, *extra]).strip(), kinds, self.valence, self.channels, self.tags)
        return _draft(self.text, kinds, self.valence, self.channels, self.tags, self.remark)

    def with_valence(self, valence: int | None) -> NoteDraft:
        if valence is not None:
            valence = max(-2, min(2, valence)) or None
        return _draft(self.text, self.kinds, valence, self.channels, self.tags, self.remark)


@dataclass(frozen=True)
class Command:
    """A ``/command arg`` line. ``known`` is False for a command trodden does not have."""

    name: str
    arg: str = ""
    known: bool = True


@dataclass(frozen=True)
class Tokens:
    channels: tuple[str, ...] = field(default=())
    tags: tuple[str, ...] = field(default=())


def _draft(text: str, kinds, valence, channels, tags, remark: str = "") -> NoteDraft:
    return NoteDraft(
        text=text,
        kinds=tuple(sorted(set(kinds), key=list(Kind).index)),
        valence=valence,
        channels=tuple(channels),
        tags=tuple(tags),
        remark=remark if Kind.QUOTE in kinds else "",
    )


def find_tokens(text: str) -> Tokens:
    """Channels and tags in ``text``, lower-cased, without their sign, first-seen order."""
    channels: dict[str, None] = {}
    tags: dict[str, None] = {}
    for sign, word in _TOKEN.findall(text):
        (channels if sign == "@" else tags)[word.lower()] = None
    return Tokens(tuple(channels), tuple(tags))


def parse(line: str) -> NoteDraft | Command:
    """Parse one typed line. Never raises; anything it cannot read is plain text."""
    if not isinstance(line, str):
        line = str(line)
    # one spelling of each letter: "ö" pasted as o + U+0308 (macOS) would end a #tag at the "o"
    stripped = unicodedata.normalize("NFC", line).strip()
    if stripped.startswith("/") and not stripped.startswith("//"):
        name, _, arg = stripped[1:].partition(" ")
        name = name.lower()
        if name.isidentifier():
            command = canonical(name)
            return Command(command or name, arg.strip(), known=command is not None)
    return _parse_note(stripped)


def _parse_note(line: str) -> NoteDraft:
    kinds: set[Kind] = set()
    plus = minus = 0
    i = 0
    while i < len(line):
        char = line[i]
        if char == ESCAPE:
            i += 1
            break
        if char in QUOTE_OPENERS:
            kinds.add(Kind.QUOTE)
        elif char == "+":
            plus += 1
        elif char == "-":
            minus += 1
        elif char in KIND_MARKERS:
            kinds.add(KIND_MARKERS[char])
        elif char.isspace() and i and Kind.QUOTE not in kinds and line[i:].lstrip()[:1] in QUOTE_OPENERS:
            # ``++ "I love it"``: a quote after feelings and a space is still a quote.
            i = len(line) - len(line[i:].lstrip())
            continue
        else:
            break
        i += 1
    rest = line[i:].strip() if i else line
    if i and line[i - 1] == ESCAPE:
        rest = line[i:]
    valence = max(-2, min(2, plus - minus)) or None

    tokens = find_tokens(rest)
    text, remark = rest, ""
    if Kind.QUOTE in kinds:
        text, remark = split_quote(rest)
    return _draft(text, kinds, valence, tokens.channels, tokens.tags, remark)


def split_quote(rest: str) -> tuple[str, str]:
    """(the quoted words, the note-taker's own words after them) of a quote's body.

    The quote ends at its last closing mark that ends a word (a space, the end of the line, or
    only channels and tags after it); words after it are a remark, not the customer's: ``Det var
    jobbigt" sa hon`` -> (``Det var jobbigt``, ``sa hon``). A closing mark inside a word
    (``"abc"def``) or none at all (the closing quote is optional) leaves every word quoted.
    """
    for index in range(len(rest) - 1, -1, -1):
        if rest[index] not in QUOTE_CLOSERS:
            continue
        tail = rest[index + 1 :]
        only_tokens = not _TOKEN.sub("", tail).strip()
        if only_tokens or tail[:1].isspace():
            return rest[:index].rstrip(), "" if only_tokens else tail.strip()
    return rest, ""


_BULLET = re.compile(r"^(\s*)-[ \t]+(?=\S)")


def unbullet(line: str) -> str:
    """A pasted or imported line without its leading list bullet (``- item`` -> ``item``).

    Typed in capture, ``- words`` is a thundercloud; but text pasted from a document or read
    from a notes file is often a bulleted list, and every item would become a thundercloud.
    So there the first ``- `` (a dash and a space) is a bullet; a feeling is then written
    after it (``- - slow delivery``) or without the space (``-slow``, ``--`` both stay).
    ``Study.bullets_are_clouds`` says the dash means a thundercloud after all.
    """
    return _BULLET.sub(r"\1", line, count=1)


def render(draft: NoteDraft) -> str:
    """The line that parses back to ``draft``: canonical marker order, then the words."""
    markers = ""
    if Kind.QUOTE in draft.kinds:
        markers += '"'
    if draft.valence:
        markers += ("+" if draft.valence > 0 else "-") * abs(draft.valence)
    for kind in draft.kinds:
        if kind is not Kind.QUOTE:
            markers += MARKER_OF_KIND[kind]

    text = draft.text
    in_text = find_tokens(f"{text} {draft.remark}" if draft.remark else text)
    extra = [f"@{c}" for c in draft.channels if c not in in_text.channels]
    extra += [f"#{t}" for t in draft.tags if t not in in_text.tags]

    if Kind.QUOTE in draft.kinds:
        escape = text[:1] in MARKER_CHARS or text[:1].isspace() or not text  # an empty quote: "\" stays one
        leading = ESCAPE if escape else ""
        line = markers[1:] + f'"{leading}{text}"'  # the body's opening quote is the marker
        if draft.remark:
            line += " " + draft.remark
        return " ".join([line, *extra]) if extra else line

    needs_escape = (
        text[:1] in MARKER_CHARS
        or text[:1].isspace()
        or (not markers and text.lstrip().startswith("/"))
        or text[-1:].isspace()
    )
    if needs_escape:
        body = ESCAPE + text
    else:
        body = text
    if markers and body and not needs_escape:
        line = f"{markers} {body}"
    else:
        line = markers + body
    return " ".join([line, *extra]) if extra else line
