"""The capture commands in the study's three languages: ``/tema``, ``/fas``, ``/paus``, ``/fortsätt``,
``/slut`` (Swedish), ``/tema``, ``/fase``, ``/pause``, ``/fortsæt``, ``/slut`` (Danish).

A command is stored and run by its English name (``theme``, ``phase``, ``pause``, ``resume``, ``end``);
every language's words are accepted whatever the study's language, so a note-taker never has to
remember which one this study uses. The English ones always work.
"""

from __future__ import annotations

COMMANDS = ("theme", "phase", "pause", "resume", "end")

WORDS: dict[str, tuple[str, ...]] = {
    "en": COMMANDS,
    "sv": ("tema", "fas", "paus", "fortsätt", "slut"),
    "da": ("tema", "fase", "pause", "fortsæt", "slut"),
}

SPELLINGS: dict[str, str] = {"fortsatt": "resume", "fortsaett": "resume", "fortsaet": "resume"}
"""Keyboards without å ä ö æ ø: the usual ASCII spellings."""

CANONICAL: dict[str, str] = {
    word: command for words in WORDS.values() for word, command in zip(words, COMMANDS, strict=True)
} | SPELLINGS


def canonical(name: str) -> str | None:
    """The English command for a typed name in any of the languages (case-insensitive), else None."""
    return CANONICAL.get(name.casefold())


def command_words(language: str) -> tuple[str, ...]:
    """theme, phase, pause, resume and end as ``language`` says them (English if unknown)."""
    return WORDS.get(language, COMMANDS)


def complete_command(value: str, language: str) -> str | None:
    """``/pa`` → ``/paus`` in a Swedish study: the first of the language's commands the line starts."""
    if not value.startswith("/") or " " in value or len(value) < 2:
        return None
    typed = value[1:]
    folded = typed.casefold()
    for word in command_words(language):
        if word.startswith(folded) and word != folded:
            return value + word[len(typed) :]
    return None
