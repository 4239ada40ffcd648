"""Capture commands in English, Swedish and Danish: parsed to one command, completed in the study's language."""

from __future__ import annotations

import pytest

from trodden.models.notes.commands import canonical, command_words, complete_command
from trodden.models.notes.syntax import Command, parse
from trodden.tui.capture.completion import TokenSuggester


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/theme 2", Command("theme", "2")),
        ("/tema Köpa", Command("theme", "Köpa")),
        ("/fas 3", Command("phase", "3")),
        ("/fase Købe", Command("phase", "Købe")),
        ("/paus", Command("pause")),
        ("/pause", Command("pause")),
        ("/fortsätt", Command("resume")),
        ("/FORTSÄTT", Command("resume")),
        ("/fortsæt", Command("resume")),
        ("/fortsatt", Command("resume")),
        ("/resume", Command("resume")),
        ("/slut", Command("end")),
        ("/end", Command("end")),
        ("/sluta", Command("sluta", known=False)),
    ],
)
def test_every_language_names_the_same_command(line, expected):
    assert parse(line) == expected


def test_each_language_has_all_five():
    for language in ("en", "sv", "da"):
        words = command_words(language)
        assert [canonical(word) for word in words] == ["theme", "phase", "pause", "resume", "end"]
    assert command_words("xx") == command_words("en")


def test_completion_offers_the_study_languages_names():
    assert complete_command("/pa", "sv") == "/paus"
    assert complete_command("/fo", "sv") == "/fortsätt"
    assert complete_command("/fo", "da") == "/fortsæt"
    assert complete_command("/fa", "da") == "/fase"
    assert complete_command("/re", "en") == "/resume"
    assert complete_command("/paus", "sv") is None
    assert complete_command("/tema 2", "sv") is None
    suggester = TokenSuggester("sv")
    assert suggester.complete("/sl") == "/slut"
    assert suggester.complete("note @te") is None


def test_the_other_interviews_words_are_replaced_and_this_ones_kept():
    from trodden.models.notes.syntax import parse

    def note(line: str):
        draft = parse(line)
        return type("N", (), {"channels": list(draft.channels), "tags": list(draft.tags)})()

    suggester = TokenSuggester("sv")
    suggester.learn([note("egen #förpackning")])
    suggester.learn_others([note("andra #förvaring @telefon")])
    assert suggester.complete("x #förv") == "x #förvaring" and suggester.complete("x @te") == "x @telefon"
    suggester.learn_others([note("andra #lager")])  # renamed elsewhere: the old name is gone
    assert suggester.complete("x #förv") is None and suggester.complete("x @te") is None
    assert suggester.complete("x #förp") == "x #förpackning"  # this interview's own stays
