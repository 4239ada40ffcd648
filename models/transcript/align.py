"""Where the notes sit in the recording: the offset between trodden's clock and the recording's.

A recording rarely starts when trodden's interview clock did, and a note is typed 10 to 60
seconds after the words it records. The offset is estimated from the notes themselves:

1. **Candidates.** Each note's words (in compared form, ``words``) are looked up in an inverted
   index of the transcript's word stems (``index``), weighted by rarity (idf), so "telefon i kö i
   40 minuter" finds the cues that say *telefon*, *kö* and *minuter*, not every cue with *i*.
   Each note keeps its best few cue windows (a cue and the next) holding at least half its weight.
2. **Votes.** Each candidate votes for ``cue time - note time``, weighted by how much of the note
   it holds; the note's own best candidate counts double.
3. **Robust estimate.** The lag spreads the true votes over up to a minute; wrong candidates
   scatter over the whole interview. So the estimate is the 60-second band holding the most vote
   weight, and within it the weighted median. The offset therefore already includes the
   note-taker's typical lag: it is what places a note onto the speech it records (an offset and
   a steady lag cannot be told apart from timestamps alone).
4. **Pauses.** trodden records pauses. If the recording ran through them, a note's wall-clock
   time since the start places it; if the recording paused too, its talk time (pauses excluded)
   does. Both are tried and the one whose votes agree more wins.
5. **Confidence** is the share of notes whose best candidate falls in the winning band, scaled
   down while fewer than eight notes agree: ``high`` from 0.6, ``medium`` from 0.3, else ``low``.

A hand-set offset (``--offset``, or nudged in the clean screen) replaces the estimate. Each note
then gets its span: the cue window near its place in the recording (90 s before to 30 s after)
that holds most of its words, else the cue being said there. Quotes are checked in ``quotes``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from trodden.models.domain import Interview, Note

from .index import TranscriptIndex
from .words import normal_words

BAND = 60.0
"""Seconds of spread the note-taker's lag gives true votes."""
MIN_SHARE = 0.5
"""A candidate must hold at least this share of a note's word weight to vote."""
BEFORE, AFTER = 90.0, 30.0
"""Where a note's span is looked for, around its estimated place in the recording."""
FULL_CONFIDENCE_VOTES = 8


@dataclass(frozen=True)
class Offset:
    """Recording seconds = note time + ``seconds`` (note time on ``timeline``)."""

    seconds: float
    confidence: float
    """0..1 (see the module's docstring); 1.0 when set by hand."""
    agreeing: int
    """Notes whose best match lies in the winning band."""
    voting: int
    """Notes that had any match at all."""
    timeline: str = "wall"
    """``wall``: time since the start, pauses included (the recording ran on); ``talk``: pauses excluded."""
    by_hand: bool = False

    @property
    def level(self) -> str:
        if self.by_hand:
            return "set by hand"
        return "high" if self.confidence >= 0.6 else "medium" if self.confidence >= 0.3 else "low"


def note_time(note: Note, interview: Interview, timeline: str) -> float:
    """A note's seconds since the interview started, on ``timeline`` (``wall`` or ``talk``)."""
    if timeline == "wall" and interview.start is not None:
        return max((note.wall - interview.start).total_seconds(), 0.0)
    return note.t


@dataclass(frozen=True)
class _Vote:
    note: int
    delta: float
    weight: float
    best: bool


def _votes(index: TranscriptIndex, notes: list[Note], interview: Interview, timeline: str) -> list[_Vote]:
    votes = []
    for number, note in enumerate(notes):
        stems = index.stems(normal_words(note.text))
        if len(stems) < 2:
            continue
        at = note_time(note, interview, timeline)
        wanted = set(stems)
        for rank, (cue, share) in enumerate(index.candidates(stems)):
            if share >= MIN_SHARE:
                said = _first_saying(index, wanted, cue)
                votes.append(_Vote(number, index.starts[said] - at, share * (2 if rank == 0 else 1), rank == 0))
    return votes


def _first_saying(index: TranscriptIndex, stems: set[str], cue: int) -> int:
    """The first cue of the window starting at ``cue`` that says any of ``stems`` (a window may
    start with the interviewer's question before the participant's answer)."""
    if index.stems_at[cue] & stems or cue + 1 >= len(index.stems_at):
        return cue
    return cue + 1


def _estimate(votes: list[_Vote]) -> tuple[float, float, int, int] | None:
    """(offset, confidence, agreeing, voting) from the votes: densest band, weighted median in it."""
    if not votes:
        return None
    ordered = sorted(votes, key=lambda vote: vote.delta)
    deltas = [vote.delta for vote in ordered]
    prefix = [0.0]
    for vote in ordered:
        prefix.append(prefix[-1] + vote.weight)
    best_start, best_weight = 0, -1.0
    for start in range(len(ordered)):
        stop = bisect_right(deltas, deltas[start] + BAND)
        if prefix[stop] - prefix[start] > best_weight:
            best_start, best_weight = start, prefix[stop] - prefix[start]
    low, high = deltas[best_start], deltas[best_start] + BAND
    inside = ordered[best_start : bisect_right(deltas, high)]
    half, running, median = best_weight / 2, 0.0, inside[0].delta
    for vote in inside:
        running += vote.weight
        if running >= half:
            median = vote.delta
            break
    voting = {vote.note for vote in votes}
    agreeing = {vote.note for vote in inside if vote.best and low <= vote.delta <= high}
    confidence = len(agreeing) / len(voting) * min(1.0, len(agreeing) / FULL_CONFIDENCE_VOTES)
    return median, confidence, len(agreeing), len(voting)


def estimate_offset(index: TranscriptIndex, interview: Interview, notes: list[Note]) -> Offset:
    """The offset that places ``notes`` onto the transcript, with its confidence (see above)."""
    manual = index.transcript.offset
    if manual is not None:
        return Offset(manual, 1.0, 0, 0, "wall", by_hand=True)
    found = []
    timelines = ("wall", "talk") if interview.pauses and interview.start is not None else ("wall",)
    for timeline in timelines:
        result = _estimate(_votes(index, notes, interview, timeline))
        if result is not None:
            found.append((result[1], result[2], timeline, result))
    if not found:
        return Offset(0.0, 0.0, 0, 0)
    _, _, timeline, (seconds, confidence, agreeing, voting) = max(found, key=lambda item: (item[0], item[1]))
    return Offset(round(seconds, 1), round(confidence, 2), agreeing, voting, timeline)


def nudged(offset: Offset, seconds: float) -> float:
    """The offset to set by hand when the user nudges ``offset`` by ``seconds``."""
    return round(offset.seconds + seconds, 1)


def note_span(index: TranscriptIndex, note: Note, interview: Interview, offset: Offset) -> tuple[int, int] | None:
    """The cues (first, last) a note records: the best-matching window near its place, else the
    cue being said there; ``None`` for an empty transcript."""
    place = note_time(note, interview, offset.timeline) + offset.seconds
    nearby = index.cues_between(place - BEFORE, place + AFTER)
    words = set(normal_words(note.text))
    stems = set(index.stems(list(words)))
    best, best_score, best_share = None, -1.0, 0.0
    if stems and nearby:
        total = index.weight(list(stems)) or 1.0
        for cue in nearby:
            two = cue + 1 < len(index.words)
            said = index.words[cue] | index.words[cue + 1] if two else index.words[cue]
            said_stems = index.stems_at[cue] | index.stems_at[cue + 1] if two else index.stems_at[cue]
            share = index.weight(list(stems & said_stems)) / total
            exact = len(words & said) / len(words)
            # the words decide; among equals, the cue nearest the note's place (ties: the earlier)
            score = share + exact - abs(index.starts[cue] - place) / 600
            if score > best_score + 1e-9:
                best, best_score, best_share = cue, score, share
    if best is not None and best_share >= MIN_SHARE:
        best = _first_saying(index, stems, best)
        last = best + 1 if best + 1 < len(index.starts) and _helps(index, stems, best) else best
        return best, last
    cue = index.cue_near(place)
    return None if cue is None else (cue, cue)


def _helps(index: TranscriptIndex, stems: set[str], cue: int) -> bool:
    """Whether the next cue holds words of the note the cue itself lacks."""
    own = {word[:5] for word in index.norms[cue]}
    return any(word[:5] in stems and word[:5] not in own for word in index.norms[cue + 1])


def recording_time(note: Note, interview: Interview, offset: Offset) -> float:
    """Where ``note`` sits in the recording, in seconds."""
    return note_time(note, interview, offset.timeline) + offset.seconds


def spans(
    index: TranscriptIndex, notes: list[Note], interview: Interview, offset: Offset
) -> dict[int, tuple[int, int]]:
    """Every note's span (by ``seq``)."""
    found = {}
    for note in notes:
        span = note_span(index, note, interview, offset)
        if span is not None:
            found[note.seq] = span
    return found
