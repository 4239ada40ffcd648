"""Placing notes in a recording: the offset found from the notes, pauses and lag allowed for."""

from __future__ import annotations

import pytest
from transcript_kit import recorded

from trodden.models.transcript.align import estimate_offset, note_span
from trodden.models.transcript.check import align
from trodden.models.transcript.index import TranscriptIndex
from trodden.models.transcript.quotes import QuoteStatus


@pytest.mark.parametrize(
    ("offset", "lag"),
    [(95.0, (10.0, 60.0)), (-40.0, (10.0, 60.0)), (300.0, (28.0, 32.0)), (0.0, (10.0, 20.0))],
)
def test_a_known_offset_and_lag_are_recovered_within_five_seconds(offset: float, lag: tuple[float, float]) -> None:
    case = recorded(cues=600, notes=120, offset=offset, lag=lag)
    found = estimate_offset(TranscriptIndex.of(case.transcript), case.interview, case.notes)
    assert abs(found.seconds - case.true_shift) < 5
    assert found.level == "high"


def test_a_pause_the_recording_ran_through_is_allowed_for() -> None:
    case = recorded(cues=600, notes=120, offset=60.0, pause=(600.0, 300.0))
    found = estimate_offset(TranscriptIndex.of(case.transcript), case.interview, case.notes)
    assert found.timeline == "wall"
    assert abs(found.seconds - case.true_shift) < 5


def test_a_pause_the_recording_also_made_is_allowed_for() -> None:
    case = recorded(cues=600, notes=120, offset=60.0, pause=(600.0, 300.0), recording_paused=True)
    found = estimate_offset(TranscriptIndex.of(case.transcript), case.interview, case.notes)
    assert found.timeline == "talk"
    assert abs(found.seconds - case.true_shift) < 5


def test_few_notes_give_low_confidence_and_an_offset_set_by_hand_wins() -> None:
    case = recorded(cues=300, notes=3)
    index = TranscriptIndex.of(case.transcript)
    assert estimate_offset(index, case.interview, case.notes).level == "low"
    by_hand = case.transcript.model_copy(update={"offset": 12.5})
    found = estimate_offset(TranscriptIndex.of(by_hand), case.interview, case.notes)
    assert (found.seconds, found.level) == (12.5, "set by hand")


def test_each_note_gets_the_span_it_records() -> None:
    case = recorded(cues=600, notes=120)
    index = TranscriptIndex.of(case.transcript)
    offset = estimate_offset(index, case.interview, case.notes)
    hits = 0
    for note in case.notes:
        first, last = note_span(index, note, case.interview, offset)
        said = " ".join(cue.text for cue in case.transcript.cues[first : last + 1]).casefold()
        hits += all(word.casefold() in said for word in note.text.split())
    assert hits >= 0.95 * len(case.notes)


def test_the_synthetic_quotes_are_found_verbatim() -> None:
    case = recorded(cues=600, notes=120)
    result = align(case.transcript, case.interview, case.notes)
    assert result.summary()[QuoteStatus.VERBATIM] == len(result.quotes) > 0
