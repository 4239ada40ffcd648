"""The capture syntax on the examples the issues give, in English, Swedish and Danish."""

from __future__ import annotations

import pytest

from trodden.models.domain import Kind
from trodden.models.notes.syntax import Command, NoteDraft, find_tokens, parse, render, unbullet

Q, T, M, B, F = Kind.QUOTE, Kind.TOUCHPOINT, Kind.MOMENT, Kind.BACKSTAGE, Kind.QUESTION


@pytest.mark.parametrize(
    ("line", "text", "kinds", "valence", "channels", "tags"),
    [
        ("*- @phone on hold for 40 minutes", "@phone on hold for 40 minutes", (T,), -1, ("phone",), ()),
        ('"Jag vill bara att den ska överleva"', "Jag vill bara att den ska överleva", (Q,), None, (), ()),
        ("”Det var så krångligt” @webbshop", "Det var så krångligt", (Q,), None, ("webbshop",), ()),
        ("»Jeg elsker planterne« @nabo #ø", "Jeg elsker planterne", (Q,), None, ("nabo",), ("ø",)),
        ('-- "broken pot on arrival" @store', "broken pot on arrival", (Q,), -2, ("store",), ()),
        (
            "++! found the care guide @webshop #skötsel",
            "found the care guide @webshop #skötsel",
            (M,),
            2,
            ("webshop",),
            ("skötsel",),
        ),
        (
            "% lager skickade fel kruka #förpackning",
            "lager skickade fel kruka #förpackning",
            (B,),
            None,
            (),
            ("förpackning",),
        ),
        ("? ask about the watering app", "ask about the watering app", (F,), None, (), ()),
        ("mail anna@example.com about it", "mail anna@example.com about it", (), None, (), ()),
        ("kund@företag.se skrev #kö", "kund@företag.se skrev #kö", (), None, (), ("kö",)),
        ("\\+ is not a feeling", "+ is not a feeling", (), None, (), ()),
        ("\\/theme is text", "/theme is text", (), None, (), ()),
        ("@Telefon and @TELEFON", "@Telefon and @TELEFON", (), None, ("telefon",), ()),
        ("[bold]markup[/bold] stays text", "[bold]markup[/bold] stays text", (), None, (), ()),
        ("emoji 🌱 ok @grannen", "emoji 🌱 ok @grannen", (), None, ("grannen",), ()),
    ],
)
def test_examples(line, text, kinds, valence, channels, tags) -> None:
    draft = parse(line)
    assert draft == NoteDraft(text=text, kinds=kinds, valence=valence, channels=channels, tags=tags)
    assert parse(render(draft)) == draft


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("/theme 2", Command("theme", "2")),
        ("/phase Söka information", Command("phase", "Söka information")),
        ("  /PAUSE  ", Command("pause")),
        ("/resume", Command("resume")),
        ("/end", Command("end")),
        ("/frobnicate now", Command("frobnicate", "now", known=False)),
    ],
)
def test_commands(line: str, command: Command) -> None:
    assert parse(line) == command


def test_double_slash_and_odd_slashes_are_text() -> None:
    assert parse("//not a command") == NoteDraft(text="//not a command")
    assert parse("/ spaced").text == "/ spaced"
    assert parse("/1 two") == NoteDraft(text="/1 two")


def test_tokens_keep_inner_hyphens_and_drop_trailing_ones() -> None:
    assert find_tokens("@web-shop #a-b- #c").channels == ("web-shop",)
    assert find_tokens("@web-shop #a-b- #c").tags == ("a-b", "c")


def test_markers_only_and_empty_lines_are_empty_drafts() -> None:
    assert parse("").is_empty
    assert parse("   ").is_empty
    assert parse("+").valence == 1 and parse("+").text == ""
    assert parse("+-").valence is None  # heart and thundercloud cancel out


def test_valence_is_capped_at_two() -> None:
    assert parse("+++++ yes").valence == 2
    assert parse("----- no").valence == -2


def test_escape_keeps_leading_space_and_markers() -> None:
    draft = parse('*\\ "text with leading space')
    assert draft.kinds == (T,)
    assert draft.text == ' "text with leading space'
    assert parse(render(draft)) == draft


def test_with_kind_and_with_valence() -> None:
    draft = parse("called support @phone")
    retagged = draft.with_kind(Kind.TOUCHPOINT, True).with_valence(-5)
    assert retagged.kinds == (T,) and retagged.valence == -2
    assert retagged.with_valence(0).valence is None
    assert parse(render(retagged)) == retagged


def test_never_raises_on_non_strings() -> None:
    assert parse(None).text == "None"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "quote", "remark", "channels"),
    [
        ('"Det var jobbigt" sa hon', "Det var jobbigt", "sa hon", ()),
        ("”Det var så krångligt” sa han om @webbshop", "Det var så krångligt", "sa han om @webbshop", ("webbshop",)),
        ("»Det var besværligt« sagde hun", "Det var besværligt", "sagde hun", ()),
        ('"I just want it to live" ++', "I just want it to live", "++", ()),
        ("„Planten døde efter en uge“ --", "Planten døde efter en uge", "--", ()),
        ('"He said "no" to me" @phone', 'He said "no" to me', "", ("phone",)),
        ('"ett ord"utan mellanrum', 'ett ord"utan mellanrum', "", ()),
        ('"no closing quote at all', "no closing quote at all", "", ()),
    ],
)
def test_words_after_a_closing_quote_are_the_notes_own(line, quote, remark, channels) -> None:
    draft = parse(line)
    assert (draft.text, draft.remark, draft.channels) == (quote, remark, channels)
    assert draft.kinds == (Q,)
    assert parse(render(draft)) == draft


def test_a_remark_joins_the_words_when_the_note_stops_being_a_quote() -> None:
    draft = parse('"Det var jobbigt" sa hon')
    plain = draft.with_kind(Q, False)
    assert (plain.text, plain.remark, plain.kinds) == ("Det var jobbigt sa hon", "", ())


@pytest.mark.parametrize(
    ("pasted", "line"),
    [
        ("- leveransen kom sent", "leveransen kom sent"),
        ("  - la hem kartan", "  la hem kartan"),
        ("- - leveransen kom aldrig", "- leveransen kom aldrig"),
        ("-- riktigt dåligt", "-- riktigt dåligt"),
        ("-dåligt", "-dåligt"),
        ("* en kontaktpunkt", "* en kontaktpunkt"),
    ],
)
def test_a_pasted_lines_dash_bullet_is_a_bullet_not_a_thundercloud(pasted, line) -> None:
    assert unbullet(pasted) == line


def test_after_unbullet_a_feeling_needs_its_own_dash() -> None:
    assert parse(unbullet("- leveransen kom sent")).valence is None
    assert parse(unbullet("- - leveransen kom aldrig")).valence == -1
