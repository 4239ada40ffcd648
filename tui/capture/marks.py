"""How a note looks in the capture log: its time, kind symbols, feeling, channels, tags, words.

The symbols come from ``models/notes/marks.py`` (shared with every export), the colours from here,
so the log, the help legend, the footer and the guide view agree. The
symbols are single-cell characters every common terminal font has (no emoji, which
some terminals draw two cells wide).
"""

from __future__ import annotations

import re

from rich.markup import escape
from rich.text import Text

from trodden.models.domain import Kind, Note
from trodden.models.names import visible
from trodden.models.notes.commands import command_words
from trodden.models.notes.marks import CLOUD, HEART, KIND_SYMBOLS
from trodden.tui.i18n import N_, _

KIND_STYLES: dict[Kind, str] = {
    Kind.QUOTE: "bold cyan",
    Kind.TOUCHPOINT: "bold yellow",
    Kind.MOMENT: "bold magenta",
    Kind.BACKSTAGE: "bold bright_black",
    Kind.QUESTION: "bold green",
}
HEART_STYLE = "bold red"
CLOUD_STYLE = "bold bright_blue"
CHANNEL_STYLE = "green"
TAG_STYLE = "bright_cyan"
TIME_STYLE = "dim"
ASKED = " ✓ asked"
"""After a follow-up question the interviewer marked as asked in the guide view."""
ASKED_STYLE = "green"
DIVIDER_STYLE = "dim"

TIME_WIDTH = 6
"""``mm:ss`` and a space: the gutter the wrapped lines of a note are indented by."""

_TOKEN = re.compile(r"(?<![\w@#])([@#])\w+(?:-\w+)*")


def clock(seconds: float) -> str:
    """``mm:ss`` (minutes keep counting past 59: interviews run 45-90 minutes)."""
    whole = max(int(seconds), 0)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def feeling(valence: int | None) -> Text:
    """``♥``/``♥♥`` for a positive feeling, ``☁``/``☁☁`` for a negative one."""
    text = Text()
    if valence and valence > 0:
        text.append(HEART * valence, style=HEART_STYLE)
    elif valence:
        text.append(CLOUD * -valence, style=CLOUD_STYLE)
    return text


def marks(note: Note) -> Text:
    """The feeling and kind symbols of a note, in canonical order."""
    text = feeling(note.valence)
    for kind in note.kinds:
        text.append(KIND_SYMBOLS[kind], style=KIND_STYLES[kind])
    return text


def _pieces(note: Note, asked: bool = False) -> list[tuple[str, str]]:
    """(text, style) pieces of a note's line after the time; ``note_body`` and
    ``note_plain`` are both built from these, so a measured width is the drawn width."""
    pieces: list[tuple[str, str]] = []
    if note.valence:
        symbol, style = (HEART, HEART_STYLE) if note.valence > 0 else (CLOUD, CLOUD_STYLE)
        pieces.append((symbol * abs(note.valence), style))
    pieces += [(KIND_SYMBOLS[kind], KIND_STYLES[kind]) for kind in note.kinds]
    if pieces:
        pieces.append((" ", ""))
    pieces.append((visible(note.text), "italic" if note.has(Kind.QUOTE) else ""))
    if note.remark:  # the note-taker's own words after the quote: upright, after a dash
        pieces += [(" — ", "dim"), (visible(note.remark), "")]
    plain = f"{note.text} {note.remark}".casefold()
    for sign, words, style in (("@", note.channels, CHANNEL_STYLE), ("#", note.tags, TAG_STYLE)):
        for word in words:
            if f"{sign}{word}" not in plain:
                pieces += [(" ", ""), (f"{sign}{visible(word)}", style)]
    if asked and note.has(Kind.QUESTION):
        pieces.append((ASKED, ASKED_STYLE))
    return pieces


def note_plain(note: Note, asked: bool = False) -> str:
    """The note's line as plain text (cheap: for measuring)."""
    return "".join(text for text, _ in _pieces(note, asked))


def divider(theme: str | None, phase: str | None) -> Text:
    """The quiet line above the first note of a new theme or phase: ``── theme 2 Finding plants``."""
    parts = [
        f"theme {visible(theme, one_line=True)}" if theme else "",
        f"phase {visible(phase, one_line=True)}" if phase else "",
    ]
    return Text("── " + " · ".join(part for part in parts if part) + " ──", style=DIVIDER_STYLE, no_wrap=True)


def note_body(note: Note, asked: bool = False) -> Text:
    """Marks, then the words (user text: never markup, control characters made visible).

    Channels and tags are highlighted where they stand in the words; those that are not
    in the words (a quote's trailing ``@phone``) are listed after them.
    """
    body = Text()
    for text, style in _pieces(note, asked):
        body.append(text, style=style)
    for match in _TOKEN.finditer(body.plain):
        body.stylize(CHANNEL_STYLE if match.group(1) == "@" else TAG_STYLE, match.start(), match.end())
    return body


MARKERS = [
    ('"', N_("quote: the customer's own words (closing \" optional)")),
    ("+ ++", N_("heart: positive feeling (+1 / +2)")),
    ("- --", N_("thundercloud: negative feeling (-1 / -2)")),
    ("*", N_("touchpoint / interaction")),
    ("!", N_("moment-of-truth candidate")),
    ("%", N_("backstage: internal people, policies, systems")),
    ("?", N_("follow-up question for the interviewer")),
    ("\\", N_("the rest is plain text (escapes a leading marker)")),
]


def help_intro(language: str = "en") -> str:
    """The capture syntax for F1, in the interface's language; the commands named as ``language``'s."""
    theme, phase, pause, resume, end = command_words(language)
    rows = "\n".join(f"  [b]{escape(f'{marker:<4}')}[/b] {_(meaning)}" for marker, meaning in MARKERS)
    return (
        _("[b]Capture syntax[/b]  (markers at the start of a note, in any order, then the words)")
        + f"\n{rows}\n  "
        + _("Anywhere in the words: [b]@channel[/b] (@telefon, @webshop) and [b]#tag[/b] (#förpackning).")
        + "\n  "
        + _(
            "Example: [b]*- @phone on hold for 40 minutes[/b] is a touchpoint with a thundercloud on the phone channel."
        )
        + "\n\n"
        + _(
            "[b]Commands[/b]  [b]/{theme} N|name[/b] current guide theme · [b]/{phase} N|name[/b] current phase ·"
            " [b]/{pause}[/b] · [b]/{resume}[/b] · [b]/{end}[/b]"
        ).format(theme=theme, phase=phase, pause=pause, resume=resume, end=end)
        + ("" if language == "en" else "\n  " + _("The English names work too: /theme, /phase, /pause, /resume, /end."))
        + "\n  "
        + _("Every note carries the current theme and phase (the interviewer's theme changes arrive by themselves).")
        + "\n\n"
        + _(
            "[b]Fixing on the fly[/b]  The kind and feeling keys change the last note, or the note picked with"
            " ↑/↓. Enter sends; notes are saved to disk before they appear."
        )
    )
