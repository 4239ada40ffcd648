"""Transcripts as lines of text: plain-text exports and Teams' Word transcript (its paragraphs).

The shapes met in practice, all handled by one reader so a Word file and its text copy agree:

- ``[00:01:23] Anna Lind: words`` or ``[00:01:23] words`` (timestamped notes, Otter, Meet copies);
- ``00:01:23 Anna Lind: words`` (the same without brackets);
- ``Anna Lind   1:23`` or ``Anna Lind 00:01:23`` on its own line, the words on the lines after
  (Teams' Word transcript since 2023, and its "Copy" text);
- ``0:0:3.120 --> 0:0:7.450`` then the speaker's name, then the words (Teams' older Word files).

A cue without an end time ends where the next one starts (the last gets a few seconds).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Cue

_TIME = r"(\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?)"
_BRACKETED = re.compile(rf"^\s*\[{_TIME}\]\s*(?:(?P<speaker>[^:\[\]]{{1,60}}?):\s+)?(?P<text>.*)$")
_LEADING = re.compile(rf"^\s*{_TIME}\s+(?P<speaker>[^:\d][^:]{{0,59}}?):\s*(?P<text>.*)$")
_HEADER = re.compile(rf"^\s*(?P<speaker>\S.{{0,60}}?)[\s\u00a0]+{_TIME}\s*$")
_RANGE = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}\s*$")
LAST_CUE_SECONDS = 5.0


def seconds(stamp: str) -> float:
    """``1:23``, ``01:02:03``, ``0:0:3.120`` or ``00:00:03,120`` as seconds."""
    parts = stamp.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


def read_lines(lines: Iterable[str]) -> list[Cue]:
    """Cues from a transcript's lines; lines before the first timestamp (a title) are skipped."""
    pending: list[dict] = []
    current: dict | None = None
    want_speaker = False
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if match := _RANGE.match(line):
            current = {"start": seconds(match.group(1)), "end": seconds(match.group(2)), "speaker": "", "words": []}
            pending.append(current)
            want_speaker = True
            continue
        if match := _BRACKETED.match(line) or _LEADING.match(line):
            speaker = (match.group("speaker") or "").strip()
            current = {"start": seconds(match.group(1)), "end": None, "speaker": speaker, "words": []}
            current["words"].append(match.group("text").strip())
            pending.append(current)
            want_speaker = False
            continue
        if (match := _HEADER.match(line)) and not line.endswith((".", "?", "!")):
            current = {"start": seconds(match.group(2)), "end": None, "speaker": match.group("speaker").strip()}
            current["words"] = []
            pending.append(current)
            want_speaker = False
            continue
        if current is None:
            continue
        if want_speaker:
            current["speaker"] = line
            want_speaker = False
            continue
        current["words"].append(line)
    return _cues(pending)


def _cues(pending: list[dict]) -> list[Cue]:
    cues = []
    for index, item in enumerate(pending):
        text = " ".join(word for word in item["words"] if word)
        if not text:
            continue
        end = item["end"]
        if end is None:
            following = next((later["start"] for later in pending[index + 1 :] if later["start"] > item["start"]), None)
            end = following if following is not None else item["start"] + LAST_CUE_SECONDS
        cues.append(Cue(start=item["start"], end=end, speaker=item["speaker"], text=text))
    return cues
