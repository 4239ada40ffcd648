"""A transcript prepared once for matching: every cue's words in compared form, the participant's
words as one stream, and an inverted index from word stems to cues.

Built in a few milliseconds for a 90-minute transcript, then shared by the offset estimate, the
notes' spans and every quote check, so none of them compares a note against every cue.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from .model import SpeakerRole, Transcript
from .words import normal

STEM = 5
"""Words are indexed by their first letters, so ``växter``/``växterna`` and small spelling
differences past the stem still meet (Swedish and Danish inflect at the end)."""
MIN_WORD = 3
"""Shorter words (``i``, ``på``, ``og``) say nothing about where a note is."""


@dataclass(frozen=True)
class Said:
    """One word the participant said: as the transcript wrote it, its compared form, its cue."""

    text: str
    norm: str
    cue: int
    before: str = ""
    """Fillers said just before it (``öh,``): kept when the span's words are used, never matched."""


@dataclass
class TranscriptIndex:
    """What matching needs from a transcript, computed once (``TranscriptIndex.of``)."""

    transcript: Transcript
    starts: list[float]
    norms: list[list[str]]
    participant: list[Said]
    participant_at_cue: list[int]
    """For each cue, the index in ``participant`` of the first word said at or after it."""
    postings: dict[str, list[int]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)
    words: list[frozenset[str]] = field(default_factory=list)
    """Each cue's words in compared form, as a set (a note's span is looked for with them)."""
    stems_at: list[frozenset[str]] = field(default_factory=list)
    """Each cue's word stems, as a set."""
    _window_cache: dict[tuple[str, int], tuple[int, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, transcript: Transcript) -> TranscriptIndex:
        roles = transcript.roles()
        cues = transcript.cues
        norms = [[form for form in (normal(word) for word in cue.text.split()) if form] for cue in cues]
        participant: list[Said] = []
        at_cue: list[int] = []
        everyone_speaks_for_themselves = not any(cue.speaker for cue in cues)
        for number, cue in enumerate(cues):
            at_cue.append(len(participant))
            if everyone_speaks_for_themselves or roles.get(cue.speaker) is SpeakerRole.PARTICIPANT:
                fillers: list[str] = []
                for word in cue.text.split():
                    form = normal(word)
                    if form:
                        participant.append(Said(word, form, number, " ".join(fillers)))
                        fillers = []
                    else:
                        fillers.append(word)
        postings: dict[str, list[int]] = defaultdict(list)
        for number, words in enumerate(norms):
            for stem in {word[:STEM] for word in words if len(word) >= MIN_WORD}:
                postings[stem].append(number)
        total = max(len(cues), 1)
        idf = {stem: math.log(1 + total / len(found)) for stem, found in postings.items()}
        sets = [frozenset(words) for words in norms]
        stems = [frozenset(word[:STEM] for word in words if len(word) >= MIN_WORD) for words in sets]
        starts = [cue.start for cue in cues]
        return cls(transcript, starts, norms, participant, at_cue, dict(postings), idf, sets, stems)

    def said(self, start: int, end: int) -> str:
        """The participant's words ``start..end`` as the transcript wrote them, inner fillers kept."""
        words = self.participant[start:end]
        parts = [words[0].text] if words else []
        for word in words[1:]:
            parts += [word.before, word.text] if word.before else [word.text]
        return " ".join(parts)

    def stems(self, words: list[str]) -> list[str]:
        """The stems of ``words`` that can say where they were said: long enough, and not in
        one cue in twenty (``jag``, ``det``, ``og``), which would only cost time and add noise."""
        common = max(20, len(self.starts) // 20)
        found = dict.fromkeys(word[:STEM] for word in words if len(word) >= MIN_WORD)
        return [stem for stem in found if len(self.postings.get(stem, ())) <= common]

    def weight(self, stems: list[str]) -> float:
        """How much finding all of ``stems`` says: rare words count, "jag" and "det" hardly."""
        fallback = math.log(1 + max(len(self.starts), 1))
        return sum(self.idf.get(stem, fallback) for stem in stems)

    def candidates(self, stems: list[str], *, limit: int = 3, reach: int = 1) -> list[tuple[int, float]]:
        """Up to ``limit`` cues (with ``reach`` cues after each, as one window) sharing the most
        weight with ``stems``: (first cue, share of the weight found 0..1), best first."""
        total = self.weight(stems)
        if not total:
            return []
        scores: dict[int, float] = defaultdict(float)
        for stem in stems:
            if stem not in self.postings:
                continue
            weight = self.idf[stem]
            for cue in self._windows(stem, reach):
                scores[cue] += weight
        best = heapq.nlargest(limit, scores, key=scores.__getitem__)
        return [(cue, scores[cue] / total) for cue in best]

    def _windows(self, stem: str, reach: int) -> tuple[int, ...]:
        """The first cues of the windows (a cue and ``reach`` after it) that say ``stem``; cached."""
        key = (stem, reach)
        found = self._window_cache.get(key)
        if found is None:
            found = tuple(
                sorted({first for number in self.postings[stem] for first in range(max(number - reach, 0), number + 1)})
            )
            self._window_cache[key] = found
        return found

    def cue_near(self, seconds: float) -> int | None:
        """The cue being said at ``seconds`` (or the last one before it); ``None`` with no cues."""
        if not self.starts:
            return None
        return max(bisect_left(self.starts, seconds + 1e-9) - 1, 0)

    def cues_between(self, start: float, end: float) -> range:
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))
