"""Property tests of the transcript reader and the quote matcher: any input is read or refused
with a message naming the file, never a crash; a quote said word for word is always verbatim."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from trodden.models.errors import StoreError
from trodden.models.transcript.index import TranscriptIndex
from trodden.models.transcript.model import Cue, Transcript
from trodden.models.transcript.quotes import QuoteStatus, match_quote

LINES = st.one_of(
    st.text(max_size=40),
    st.builds(
        lambda h, m, s, t: f"[{h:02d}:{m:02d}:{s:02d}] Anna: {t}",
        st.integers(0, 9),
        st.integers(0, 59),
        st.integers(0, 59),
        st.text(max_size=20),
    ),
    st.just("WEBVTT"),
    st.just("00:00:01.000 --> 00:00:02.000"),
    st.just("1"),
)


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(LINES, max_size=12), name=st.sampled_from(["t.vtt", "t.srt", "t.txt", "t"]))
def test_any_text_is_read_or_refused_by_name(lines: list[str], name: str) -> None:
    from trodden.models.transcript.reading import parse_transcript

    raw = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    try:
        transcript = parse_transcript(raw, Path(name))
    except StoreError as error:
        assert name in str(error)
        return
    assert transcript.cues and all(cue.end >= cue.start >= 0 for cue in transcript.cues)


WORDS = st.lists(
    st.sampled_from(
        [
            "jag",
            "vill",
            "bara",
            "att",
            "mina",
            "växter",
            "ska",
            "må",
            "bra",
            "potten",
            "var",
            "knust",
            "ved",
            "levering",
        ]
    ),
    min_size=3,
    max_size=12,
)


@settings(max_examples=100, deadline=None)
@given(said=WORDS, start=st.integers(0, 5), length=st.integers(1, 8))
def test_words_said_are_found_verbatim(said: list[str], start: int, length: int) -> None:
    start = min(start, len(said) - 1)
    quote = " ".join(said[start : start + length])
    index = TranscriptIndex.of(Transcript(cues=[Cue(start=0, end=5, text=" ".join(said))]))
    match = match_quote(index, quote, around=0.0)
    assert match.status is QuoteStatus.VERBATIM
