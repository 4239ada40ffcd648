"""Quotes against what the participant said: verbatim, close (word by word) or not found, in Swedish and Danish."""

from __future__ import annotations

import pytest

from trodden.models.transcript.index import TranscriptIndex
from trodden.models.transcript.model import Cue, SpeakerRole, Transcript
from trodden.models.transcript.quotes import QuoteStatus, match_quote, resized
from trodden.models.transcript.words import diff, normal_words

SAID = [
    ("Bo Ek", "Kan du berätta om senaste gången du köpte en växt?"),
    ("Anna Lind", "Ja, alltså, jag ringde dom tre gånger innan någon svarade."),
    ("Anna Lind", "Öh, jag vill bara att mina växter ska må bra, liksom."),
    ("Bo Ek", "Jeg elsker at have planter i stuen, siger du?"),
    ("Mette Holm", "Ja, altså, jeg elsker at have planter i stuen."),
    ("Mette Holm", "Potten var knust ved levering, øh, helt smadret."),
]


@pytest.fixture(scope="module")
def index() -> TranscriptIndex:
    cues = [Cue(start=i * 5.0, end=i * 5.0 + 4, speaker=who, text=text) for i, (who, text) in enumerate(SAID)]
    roles = {"Anna Lind": SpeakerRole.PARTICIPANT, "Mette Holm": SpeakerRole.PARTICIPANT}
    return TranscriptIndex.of(Transcript(cues=cues, speakers={"Bo Ek": SpeakerRole.INTERVIEWER, **roles}))


@pytest.mark.parametrize(
    "quote",
    [
        "Jag vill bara att mina växter ska må bra",  # Swedish, fillers and commas left out
        "jag ringde dem tre gånger innan någon svarade",  # "dom" said, "dem" typed: one word
        "Jeg elsker at have planter i stuen",  # Danish
        "Potten var knust ved levering helt smadret",
    ],
)
def test_verbatim_quotes_match_the_participants_words(index: TranscriptIndex, quote: str) -> None:
    match = match_quote(index, quote, around=10.0)
    assert match.status is QuoteStatus.VERBATIM
    assert match.score == 100
    assert match.diffs == ()


def test_the_interviewers_words_are_never_the_quote(index: TranscriptIndex) -> None:
    match = match_quote(index, "Kan du berätta om senaste gången du köpte en växt")
    assert match.status is QuoteStatus.NOT_FOUND


def test_a_close_swedish_quote_shows_the_differing_words(index: TranscriptIndex) -> None:
    match = match_quote(index, "jag vill bara att mina blommor ska må bra", around=10.0)
    assert match.status is QuoteStatus.CLOSE
    assert 75 <= match.score < 100
    assert [(d.op, d.typed, d.said) for d in match.diffs] == [("replace", "blommor", "växter")]
    assert match.said == "jag vill bara att mina växter ska må bra,"
    assert match.time == 10.0


def test_a_close_danish_quote(index: TranscriptIndex) -> None:
    match = match_quote(index, "potten var knust ved leveringen helt smadret")
    assert match.status is QuoteStatus.CLOSE
    assert [(d.op, d.typed, d.said) for d in match.diffs] == [("replace", "leveringen", "levering,")]


@pytest.mark.parametrize("quote", ["de levererade aldrig paketet till dörren", "vi købte aldrig en kaktus"])
def test_words_nobody_said_are_not_found(index: TranscriptIndex, quote: str) -> None:
    assert match_quote(index, quote).status is QuoteStatus.NOT_FOUND


def test_no_transcript_says_so() -> None:
    assert match_quote(None, "vad som helst").status is QuoteStatus.NO_TRANSCRIPT


def test_a_span_widens_and_narrows_by_a_word_each_end(index: TranscriptIndex) -> None:
    quote = "vill bara att mina växter"
    match = match_quote(index, quote, around=10.0)
    assert match.said == "vill bara att mina växter"
    wider = resized(index, quote, match, 1)
    assert wider.said == "jag vill bara att mina växter ska"
    assert wider.status is QuoteStatus.CLOSE
    assert resized(index, quote, wider, -1).said == match.said


def test_normal_words_set_fillers_spelling_and_letters_aside() -> None:
    assert normal_words("Öh, jag tycker MEJ, alltså, nåt.") == ["jag", "tycker", "mig", "något"]
    assert normal_words("Jeg synes, øh, det er godt") == normal_words("jeg synes det er godt")
    assert normal_words("sø") == normal_words("sö")


def test_diff_lists_what_was_typed_against_what_was_said() -> None:
    changes = [
        (d.op, d.typed, d.said) for d in diff("vi ringde två gånger", "Vi ringde, öh, tre gånger.") if d.op != "equal"
    ]
    assert changes == [("replace", "två", "tre")]
