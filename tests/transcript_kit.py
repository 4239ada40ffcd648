"""A synthetic recorded interview: a long Swedish transcript and the notes a note-taker typed
with a known recording offset and lag, for the alignment tests and bench/transcript.py."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from trodden.models.domain import Interview, InterviewStatus, Kind, Note, Pause, Revision
from trodden.models.transcript.model import Cue, SpeakerRole, Transcript

START = datetime(2026, 3, 2, 10, 0)
COMMON = [
    "jag",
    "det",
    "och",
    "att",
    "som",
    "är",
    "på",
    "en",
    "inte",
    "har",
    "var",
    "med",
    "så",
    "men",
    "för",
    "den",
    "till",
    "om",
    "kan",
]
STEMS = [
    "växt",
    "kruka",
    "jord",
    "vatten",
    "ljus",
    "fönster",
    "leverans",
    "paket",
    "kartong",
    "butik",
    "webbshop",
    "telefon",
    "kundtjänst",
    "mejl",
    "faktura",
    "pris",
    "rabatt",
    "skötsel",
    "gödning",
    "blad",
    "rot",
    "blomma",
    "krukväxt",
    "monstera",
    "kaktus",
    "orkidé",
    "balkong",
    "sovrum",
    "kök",
    "vardagsrum",
    "grannen",
    "mamma",
    "kollega",
    "instagram",
    "youtube",
    "forum",
    "guide",
    "app",
    "påminnelse",
    "vattning",
    "torka",
    "övervattning",
    "mögel",
    "insekt",
    "kvalster",
    "ompotning",
    "sticklingar",
    "present",
    "födelsedag",
    "flytt",
    "semester",
    "vinter",
    "sommar",
    "höst",
    "vår",
    "morgon",
    "kväll",
    "helg",
    "vecka",
    "månad",
]
ENDINGS = ("", "en", "er", "erna", "et", "ar", "arna", "n")
SYLLABLES = [
    "ka",
    "lo",
    "sti",
    "mer",
    "vå",
    "ng",
    "bär",
    "tå",
    "fri",
    "gö",
    "ka",
    "sla",
    "mo",
    "rå",
    "dé",
    "pen",
    "ter",
    "öl",
    "ly",
    "sk",
    "bo",
    "na",
]


def _vocabulary(rng: random.Random) -> list[str]:
    """About 1,500 words, real ones first: a conversation's spread of words, the rare ones telling."""
    words = [stem + ending for stem in STEMS for ending in ENDINGS[:3]]
    while len(words) < 1500:
        words.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return list(dict.fromkeys(words))


@dataclass
class Recorded:
    transcript: Transcript
    interview: Interview
    notes: list[Note]
    lags: list[float]
    """Seconds from the end of each note's cue to the note (its cue duration included)."""
    offset: float
    """Recording seconds when trodden's clock started."""

    @property
    def true_shift(self) -> float:
        """What the estimate should find: the offset less the typical (median) lag."""
        ordered = sorted(self.lags)
        return self.offset - ordered[len(ordered) // 2]


def _sentence(rng: random.Random, vocabulary: list[str], weights: list[float], words: int) -> str:
    picked = []
    for _ in range(words):
        if rng.random() < 0.45:
            picked.append(rng.choice(COMMON))
        else:
            picked.append(rng.choices(vocabulary, weights)[0])
    picked[0] = picked[0].capitalize()
    return " ".join(picked) + "."


def recorded(
    *,
    cues: int = 1500,
    notes: int = 300,
    offset: float = 95.0,
    lag: tuple[float, float] = (10.0, 60.0),
    pause: tuple[float, float] | None = None,
    recording_paused: bool = False,
    seed: int = 7,
) -> Recorded:
    """``cues`` cues over about 3.6 s each (1,500 = 90 minutes), 2 of 3 the participant's; ``notes``
    notes on participant cues, typed ``lag`` seconds after the cue ended; every fifth a quote.

    ``pause`` (start, length in trodden's seconds) pauses trodden's clock; the recording runs on
    unless ``recording_paused``.
    """
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    rng.shuffle(vocabulary)
    weights = [1 / (rank + 5) for rank in range(len(vocabulary))]  # Zipf-like: a few words often
    made = []
    for number in range(cues):
        start = number * 3.6
        speaker = "Bo Ek" if number % 3 == 0 else "Anna Lind"
        made.append(
            Cue(
                start=start,
                end=start + 3.4,
                speaker=speaker,
                text=_sentence(rng, vocabulary, weights, rng.randint(8, 13)),
            )
        )
    transcript = Transcript(source="möte.vtt", kind="vtt", cues=made, speakers={"Anna Lind": SpeakerRole.PARTICIPANT})
    participant = [cue for cue in made if cue.speaker == "Anna Lind"]
    step = max(len(participant) // notes, 1)
    chosen = participant[::step][:notes]
    pauses = []
    if pause is not None:
        pauses = [Pause(start=START + timedelta(seconds=pause[0]), end=START + timedelta(seconds=pause[0] + pause[1]))]
    result, lags = [], []
    for seq, cue in enumerate(chosen, start=1):
        delay = rng.uniform(*lag)
        talk = cue.end + delay - offset  # trodden's talk seconds (pauses excluded) if the recording paused too
        wall = talk
        if pause is not None:
            if recording_paused and talk > pause[0]:
                wall = talk + pause[1]
            elif not recording_paused and talk > pause[0] + pause[1]:
                talk = talk - pause[1]
        if wall < 0:
            continue
        words = cue.text.rstrip(".").split()
        quote = seq % 5 == 0
        text = " ".join(words[:6]).lower() if quote else " ".join(w for w in words if w.lower() not in COMMON)
        at = START + timedelta(seconds=wall)
        result.append(
            Note(
                id=f"i/{seq}",
                interview="i",
                seq=seq,
                t=round(talk, 3),
                wall=at,
                text=text,
                kinds=[Kind.QUOTE] if quote else [],
                history=[Revision(at=at, raw=text)],
            )
        )
        lags.append(cue.end - cue.start + delay)
    interview = Interview(
        id="i",
        participant="P1",
        start=START,
        end=START + timedelta(seconds=cues * 3.6),
        pauses=pauses,
        status=InterviewStatus.DONE,
    )
    return Recorded(transcript, interview, result, lags, offset)


def _stamp(seconds: float) -> str:
    whole = max(seconds, 0.0)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"


def teams_vtt(
    notes: list[Note],
    start: datetime,
    *,
    offset: float = 37.0,
    lag: float = 20.0,
    said: dict[int, str] | None = None,
    participant: str = "Anna Lind",
    interviewer: str = "Bo Ek",
) -> str:
    """A Teams WebVTT of an interview whose participant said each note's words (or ``said[seq]``),
    ``lag`` seconds before it was typed, the recording started ``offset`` seconds into trodden's clock."""
    said = said or {}
    blocks = ["WEBVTT", ""]
    for number, note in enumerate(notes):
        at = (note.wall - start).total_seconds() + offset - lag
        words = said.get(note.seq, f"Ja, alltså, {note.text}")
        for cue, (begin, end, who, text) in enumerate(
            ((at - 9, at - 1, interviewer, "Och hur var det sen?"), (at, at + 6, participant, words))
        ):
            blocks += [f"5c1e2f3a-0b9d-4c8e-9f21-7d6a1b2c3d4e/{number + 10}-{cue}"]
            blocks += [f"{_stamp(begin)} --> {_stamp(end)}", f"<v {who}>{text}</v>", ""]
    return "\n".join(blocks)
