"""A study whose every user-text field is hostile: markup, escape sequences, controls, bidi.

Built through the models API (as an imported or mailed study would arrive), for
test_hostile_text.py: nothing in it may be read as markup or reach a terminal raw.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from trodden.models.domain import (
    Guide,
    GuideQuestion,
    GuideTheme,
    Interview,
    InterviewStatus,
    JourneyState,
    Kind,
    Note,
    Participant,
    Phase,
    Study,
    note_id,
)
from trodden.models.interchange import write_interview
from trodden.models.map.journey_map import CurveOverride, ItemKind, JourneyMap, MapItem, Mark, QuotePick
from trodden.models.map.kept_hypothesis import Verdict, record_verdict, take_snapshot
from trodden.models.map.map_session import MapSession
from trodden.models.storage.store import StudyStore

CLICK = "[@click=app.quit]Welcome[/]"
SHOT = "[@click=app.screenshot('x.svg','/tmp')]Shot[/]"
LINK = "[link=https://evil.example]Link[/link]"
STYLE = "[bold red]Loud[/]"
MARKUP = (CLICK, SHOT, LINK, STYLE)
ESCAPES = (
    "\x1b]0;PWNED-TITLE\x07",  # OSC 0: window title
    "\x1b]8;;https://evil.example\x07hyper\x1b]8;;\x07",  # OSC 8: hyperlink
    "\x1b]52;c;cHduZWQ=\x07",  # OSC 52: clipboard
    "\x1b[2J",  # CSI: clear screen
    "\x9b2J",  # C1 CSI
    "\x85\x90\x9d",  # more C1
    "\u202eevil\u202c \u2066iso\u2069 \u200e",  # bidi override, isolate, mark
    "nul\x00\x07\x7f",
    "a\rb",  # a carriage return would overwrite what was shown before it
)
NORDIC = "Blåbär på Ærø, søndag i Göteborg"
ATTACK = " ".join((*MARKUP, *ESCAPES, NORDIC))
LONG = ("Lång text " + ATTACK + " ") * 40
assert len(LONG) > 10_000

PHASES = ("ph1", "ph2")
THEME, QUESTION = "th1", "q1"
CODES = ("Åsa-1", "P2")
"""Participant codes follow the CLI's rule (letters, digits, - and _), so they are not hostile."""


def hostile(label: str) -> str:
    """``label`` (to tell fields apart on screen) followed by every attack."""
    return f"{label}: {CLICK} {ATTACK}"


def make_hostile_study(path: Path) -> tuple[StudyStore, str, str]:
    """(store, a cleaned interview with every kind of note, a live interview for capture)."""
    phases = [
        Phase(id=pid, name=hostile(f"Phase{n}"), order=n, description=hostile(f"PhaseDesc{n}"))
        for n, pid in enumerate(PHASES, 1)
    ]
    guide = Guide(
        themes=[
            GuideTheme(id=THEME, title=hostile("Theme"), questions=[GuideQuestion(id=QUESTION, text=hostile("Q"))]),
            GuideTheme(id="th2", title=CLICK),
        ]
    )
    participants = [Participant(code=code, real_name=hostile("RealName"), segment=hostile("Segment")) for code in CODES]
    study = Study(name=hostile("Study"), purpose=hostile("Purpose"), state=JourneyState.CURRENT, language="sv")
    store = StudyStore.create(path, study, phases, guide, participants, [hostile("Term"), "Blåbär"])
    start = datetime(2026, 3, 2, 10, 0)
    cleaned = "2026-03-02-Åsa-1"
    rows = [
        (hostile("Touch"), [Kind.TOUCHPOINT], -2),
        (hostile("Quote"), [Kind.QUOTE], 2),
        (hostile("Moment"), [Kind.MOMENT, Kind.TOUCHPOINT], -1),
        (hostile("Follow"), [Kind.QUESTION], None),
        (f"Back {CLICK}", [Kind.BACKSTAGE], None),  # short: its hostile channels and tags show after it
        (LONG, [Kind.TOUCHPOINT], 1),
    ]
    notes = [
        Note(
            id=note_id(cleaned, seq),
            interview=cleaned,
            seq=seq,
            t=60.0 * seq,
            wall=start + timedelta(minutes=seq),
            text=text,
            kinds=kinds,
            valence=valence,
            channels=[f"c{ESCAPES[2]}{ESCAPES[4]}{CLICK}", hostile("Chan")],  # short first: escapes in sight
            tags=[f"t{ESCAPES[0]}{ESCAPES[6]}{CLICK}", hostile("Tag")],
            phase=PHASES[seq % 2],
            theme=THEME,
        )
        for seq, (text, kinds, valence) in enumerate(rows, start=1)
    ]
    interview = Interview(
        id=cleaned,
        participant=CODES[0],
        date=date(2026, 3, 2),
        interviewer=hostile("Interviewer"),
        note_taker=hostile("NoteTaker"),
        status=InterviewStatus.CLEANED,
        start=start,
        end=start + timedelta(hours=1),
    )
    write_interview(store, interview, notes)
    live = "2026-03-03-P2"
    live_notes = [
        note.model_copy(update={"id": note_id(live, note.seq), "interview": live})
        for note in notes[:4]  # a touchpoint, a quote, a moment, a follow-up question
    ]
    interview = interview.model_copy(
        update={"id": live, "participant": CODES[1], "status": InterviewStatus.LIVE, "end": None}
    )
    write_interview(store, interview, live_notes)
    _write_map(store, cleaned)
    return StudyStore.open(store.path), cleaned, live


def _write_map(store: StudyStore, interview: str) -> None:
    with MapSession(store.path, writable=True) as session:
        session.put_item(
            MapItem(id=1, phase="ph1", title=hostile("Item"), evidence=[f"{interview}/1"], mark=Mark.CLOUD)
        )
        session.put_item(
            MapItem(
                id=2,
                kind=ItemKind.MOMENT,
                phase="ph2",
                title=hostile("Moment item"),
                evidence=[f"{interview}/3"],
                design_question=hostile("Design"),
            )
        )
        session.put_item(MapItem(id=3, phase="ph2", title=hostile("Item"), evidence=[f"{interview}/6"]))
        session.put_quote(QuotePick(id=1, note=f"{interview}/2", phase="ph1"))
        session.set_override(store.phases, CurveOverride(phase="ph2", value=-1.5, reason=hostile("Reason")), "ph2")
    drafted = [MapItem(id=9, phase="ph1", title=hostile("Hypothesis")), MapItem(id=3, phase="ph2", title="x")]
    take_snapshot(store.path, journey=JourneyMap(items=drafted))  # the hypothesis, as if kept before
    record_verdict(store.path, 9, Verdict(contradicted=True, reason=hostile("Contradicted")))
