"""Notes typed outside trodden (text import) and guides as Markdown."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trodden.models.domain import Guide, GuideQuestion, GuideTheme, Kind, Study
from trodden.models.guide.markdown import parse_guide, render_guide
from trodden.models.notes.textimport import parse_notes_text, parse_timestamp
from trodden.models.storage.study_file import StudyFile

STUDY = StudyFile(
    study=Study(name="x"),
    guide=Guide(themes=[GuideTheme(id="th1", title="Hemma"), GuideTheme(id="th2", title="Köpa växter")]),
)


def test_timestamps() -> None:
    assert parse_timestamp("01:30 text") == (90.0, "text")
    assert parse_timestamp("1:02:03 x") == (3723.0, "x")
    assert parse_timestamp("12:75 not a time") == (None, "12:75 not a time")
    assert parse_timestamp("no time") == (None, "no time")


def test_a_notes_file_with_themes_times_and_problems() -> None:
    text = "\n".join(
        [
            "/theme 2",
            '00:10 "Det var så krångligt" @webbshop',
            "",
            "00:05 *- kundtjänst @telefon",
            "/theme Nonexistent",
            "/frobnicate",
            "++",
            "/end",
        ]
    )
    result = parse_notes_text(text, STUDY)
    assert [n.draft.text for n in result.notes] == [
        "Det var så krångligt",
        "kundtjänst @telefon",
        "/theme Nonexistent",
        "/frobnicate",
        "",  # a bare feeling: a heart with no words
    ]
    first, second = result.notes[:2]
    assert (first.t, first.theme, first.draft.kinds) == (10.0, "th2", (Kind.QUOTE,))
    assert (second.t, second.draft.valence) == (5.0, -1)
    assert result.notes[-1].draft.valence == 2 and result.end is None
    assert len(result.problems) == 3  # time going back, unknown theme, unknown command
    assert any("earlier than the line before" in p for p in result.problems)


@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=300))
def test_text_import_never_raises(text: str) -> None:
    result = parse_notes_text(text, STUDY)
    assert all(note.line_number >= 1 for note in result.notes)


@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=300))
def test_guide_parse_never_raises(text: str) -> None:
    parse_guide(text)


def test_guide_round_trip() -> None:
    guide = Guide(
        themes=[
            GuideTheme(
                id="th1", title="Växter hemma", questions=[GuideQuestion(id="th1q1", text="Berätta om dina växter")]
            ),
            GuideTheme(id="th2", title="Købe planter", questions=[GuideQuestion(id="th2q1", text="Hvor?")]),
        ]
    )
    assert parse_guide(render_guide(guide)) == guide
