"""Is a quote what the participant really said? The best-matching span of their words, and a status.

Only the participant's words are searched (``index``: the speakers mapped, or guessed, as
participant), first near where the note sits in the recording, then wherever the quote's rarer
words were said. In a region, rapidfuzz's ``partial_ratio_alignment`` finds the best stretch of
text in C, and the span's ends are then moved a word or two each way to the best ``fuzz.ratio``.
Words are compared in their normal form (``words``: case, punctuation, fillers, æ/ä ø/ö and
spoken spellings set aside), so the score is about the words, not the typing.

Statuses: ``verbatim`` (the same words), ``close`` (a ratio of at least ``CLOSE``: the differences
are shown word by word), ``not found``, and ``no transcript``.

rapidfuzz (pinned) because it is maintained, fast (C++; a 90-minute transcript's quotes check
in milliseconds) and MIT-licensed; its ratio is the normalised Indel similarity difflib gives,
so the score means what a reader expects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .index import TranscriptIndex
from .words import WordDiff, diff, normal_words

CLOSE = 75.0
"""Ratio (0..100) from which a quote is close to what was said (a word or two differ)."""
AROUND = 150.0
"""Seconds either side of the note's place in the recording searched first."""
REFINE = 2
"""Words each end of a span may move to improve the match."""


class QuoteStatus(StrEnum):
    VERBATIM = "verbatim"
    CLOSE = "close"
    NOT_FOUND = "not found"
    NO_TRANSCRIPT = "no transcript"


@dataclass(frozen=True)
class QuoteMatch:
    """The participant's words that best match a quote: ``participant[start:end]`` of the index."""

    status: QuoteStatus
    score: float = 0.0
    start: int = 0
    end: int = 0
    said: str = ""
    """The words as the transcript wrote them (what replacing the quote puts in)."""
    time: float | None = None
    """Recording seconds at which the span starts."""
    diffs: tuple[WordDiff, ...] = field(default_factory=tuple)

    @property
    def found(self) -> bool:
        return self.status in (QuoteStatus.VERBATIM, QuoteStatus.CLOSE)


NO_TRANSCRIPT = QuoteMatch(QuoteStatus.NO_TRANSCRIPT)


def _region_best(index: TranscriptIndex, quote: str, count: int, first: int, last: int) -> tuple[float, int, int]:
    """(ratio, start, end) of the best span of participant words ``first..last`` for ``quote``."""
    norms = [said.norm for said in index.participant[first:last]]
    if not norms:
        return 0.0, first, first
    offsets, position = [], 0
    for word in norms:
        offsets.append(position)
        position += len(word) + 1
    text = " ".join(norms)
    from rapidfuzz import fuzz  # here: a report of a study without transcripts never loads it

    aligned = fuzz.partial_ratio_alignment(quote, text)
    if aligned is None:
        return 0.0, first, first
    start = max(bisect_index(offsets, aligned.dest_start), 0)
    end = max(bisect_index(offsets, max(aligned.dest_end - 1, 0)) + 1, start + 1)
    best = (-1.0, start, end)
    for a in range(max(start - REFINE, 0), min(start + REFINE, len(norms) - 1) + 1):
        for b in range(max(end - REFINE, a + 1), min(end + REFINE, len(norms)) + 1):
            score = fuzz.ratio(quote, " ".join(norms[a:b]))
            if score > best[0] or (score == best[0] and b - a == count):
                best = (score, a, b)
    return best[0], first + best[1], first + best[2]


def bisect_index(offsets: list[int], char: int) -> int:
    """The word holding character ``char`` of the joined text."""
    low, high = 0, len(offsets)
    while low + 1 < high:
        middle = (low + high) // 2
        if offsets[middle] <= char:
            low = middle
        else:
            high = middle
    return low


def _regions(index: TranscriptIndex, words: list[str], around: float | None) -> list[tuple[int, int]]:
    regions = []
    if around is not None:
        cues = index.cues_between(around - AROUND, around + AROUND)
        if cues:
            regions.append((index.participant_at_cue[cues.start], _after(index, cues.stop)))
    for cue, _ in index.candidates(index.stems(words), limit=4, reach=2):
        regions.append((index.participant_at_cue[max(cue - 1, 0)], _after(index, cue + 4)))
    return regions


def _after(index: TranscriptIndex, cue: int) -> int:
    return index.participant_at_cue[cue] if cue < len(index.participant_at_cue) else len(index.participant)


def match_quote(index: TranscriptIndex | None, text: str, around: float | None = None) -> QuoteMatch:
    """The best span of the participant's words for the quote ``text`` (near ``around`` seconds first)."""
    if index is None or not index.participant:
        return NO_TRANSCRIPT
    words = normal_words(text)
    if not words:
        return QuoteMatch(QuoteStatus.NOT_FOUND)
    quote = " ".join(words)
    best = (0.0, 0, 0)
    for first, last in _regions(index, words, around):
        found = _region_best(index, quote, len(words), first, last)
        if found[0] > best[0]:
            best = found
        if best[0] >= 100:
            break
    return span_match(index, text, best[1], best[2]) if best[2] > best[1] else QuoteMatch(QuoteStatus.NOT_FOUND)


def span_match(index: TranscriptIndex, text: str, start: int, end: int) -> QuoteMatch:
    """The quote ``text`` against the participant's words ``start..end`` (also after widening a span)."""
    start, end = max(start, 0), min(end, len(index.participant))
    if end <= start:
        return QuoteMatch(QuoteStatus.NOT_FOUND)
    words = index.participant[start:end]
    said = index.said(start, end)
    typed = normal_words(text)
    norms = [word.norm for word in words]
    from rapidfuzz import fuzz  # here: a report of a study without transcripts never loads it

    score = fuzz.ratio(" ".join(typed), " ".join(norms))
    if typed == norms:
        status = QuoteStatus.VERBATIM
    elif score >= CLOSE:
        status = QuoteStatus.CLOSE
    else:
        status = QuoteStatus.NOT_FOUND
    time = index.starts[words[0].cue]
    changes = tuple(change for change in diff(text, said) if change.op != "equal")
    return QuoteMatch(status, round(score, 1), start, end, said, time, changes)


def resized(index: TranscriptIndex, text: str, match: QuoteMatch, words: int) -> QuoteMatch:
    """``match``'s span ``words`` longer at each end (shorter when negative), kept at one word at least."""
    if not match.found and match.end <= match.start:
        return match
    start, end = match.start - words, match.end + words
    if end - start < 1:
        middle = (match.start + match.end) // 2
        start, end = middle, middle + 1
    return span_match(index, text, start, end)
