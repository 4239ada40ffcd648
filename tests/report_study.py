"""A small crafted study with a finished map, for the report tests (and hostile text)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from trodden.models.domain import (
    Guide,
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
from trodden.models.map.journey_map import BackstageKind, CurveOverride, ItemKind, MapItem, Mark, QuotePick
from trodden.models.map.map_session import MapSession
from trodden.models.storage.store import StudyStore

HOSTILE = "a | b `code` # not <b>html</b> **bold** [link](x) & ;: end"
"""Text that would break a table, a heading or a Mermaid line if it were not escaped."""

START = datetime(2026, 3, 2, 10, 0)

# (participant, [(t, text, kinds, valence, channels, phase)])
NOTES = {
    "P1": [
        (65, "Found the shop through a friend's garden", [Kind.TOUCHPOINT], 1, ["word of mouth"], "ph1"),
        (130, "I just wanted someone to tell me which plant survives my dark flat", [Kind.QUOTE], None, [], "ph1"),
        (300, "Checkout asked for my address twice", [Kind.TOUCHPOINT], -2, ["web"], "ph2"),
        (420, "Plant arrived wilted " + HOSTILE, [Kind.TOUCHPOINT, Kind.MOMENT], -2, ["delivery"], "ph3"),
    ],
    "P2": [
        (50, "Instagram ad with a lush balcony", [Kind.TOUCHPOINT], 2, ["instagram"], "ph1"),
        (200, "Checkout was quick with Klarna", [Kind.TOUCHPOINT], 1, ["web"], "ph2"),
        (210, "Det var så smidigt, jag blev glad", [Kind.QUOTE], 2, [], "ph2"),
        (3700, "Support answered within an hour, thanks to Malin", [Kind.TOUCHPOINT], 2, ["chat"], "ph3"),
    ],
    "P3": [
        (40, "Searched for 'pet safe plants'", [Kind.TOUCHPOINT], 0, ["google"], "ph1"),
        (310, "Address form rejected my å in Gävle", [Kind.TOUCHPOINT], -1, ["web"], "ph2"),
        (320, "Warehouse did not pack for frost", [Kind.BACKSTAGE], None, [], "ph3"),
        (400, "Why does nobody call when it goes wrong?", [Kind.QUOTE], -2, [], "ph3"),
    ],
}


def make_study(path: Path, *, language: str = "en", phase3: str = "Caring | for # it") -> StudyStore:
    """Three phases (one with a hostile name), three participants, a finished map."""
    phases = [
        Phase(id="ph1", name="Dreaming of green", order=1, description="Looking for ideas"),
        Phase(id="ph2", name="Choosing and buying", order=2),
        Phase(id="ph3", name=phase3, order=3),
    ]
    guide = Guide(themes=[GuideTheme(id="th1", title="Inspiration")])
    participants = [Participant(code=code, real_name=f"Secret Name {code}") for code in NOTES]
    study = Study(
        name="Creating a thriving home",
        purpose="Fix the biggest pains of buying plants online",
        state=JourneyState.CURRENT,
        language=language,
    )
    store = StudyStore.create(path, study, phases, guide, participants, ["Malin"])
    for number, (code, rows) in enumerate(NOTES.items()):
        interview_id = f"2026-03-0{2 + number}-{code}"
        start = START + timedelta(days=number)
        notes = [
            Note(
                id=note_id(interview_id, seq),
                interview=interview_id,
                seq=seq,
                t=t,
                wall=start + timedelta(seconds=t),
                text=text,
                kinds=kinds,
                valence=valence,
                channels=channels,
                phase=phase,
                theme="th1",
            )
            for seq, (t, text, kinds, valence, channels, phase) in enumerate(rows, start=1)
        ]
        interview = Interview(
            id=interview_id,
            participant=code,
            date=date(2026, 3, 2 + number),
            status=InterviewStatus.CLEANED,
            start=start,
            end=start + timedelta(hours=1, minutes=5),
        )
        write_interview(store, interview, notes)
    with MapSession(store.path, writable=True) as session:
        session.put_item(
            MapItem(
                id=1,
                phase="ph1",
                order=1,
                title="Gets inspired by others' homes",
                evidence=["2026-03-02-P1/1", "2026-03-03-P2/1"],
                mark=Mark.HEART,
            )
        )
        session.put_item(
            MapItem(id=2, phase="ph1", order=2, title="Searches for plants " + HOSTILE, evidence=["2026-03-04-P3/1"])
        )
        session.put_item(
            MapItem(
                id=3,
                phase="ph2",
                order=1,
                title="Fills in the address",
                evidence=["2026-03-02-P1/3", "2026-03-04-P3/2"],
                mark=Mark.CLOUD,
            )
        )
        session.put_item(
            MapItem(
                id=4,
                phase="ph2",
                order=2,
                title="Pays with Klarna",
                evidence=["2026-03-03-P2/2"],
                mark=Mark.HEART,
                channels=["app"],
            )
        )
        session.put_item(
            MapItem(
                id=5, phase="ph3", order=1, title="Unpacks the plant", evidence=["2026-03-02-P1/4"], mark=Mark.CLOUD
            )
        )
        session.put_item(
            MapItem(
                id=6, phase="ph3", order=2, title="Asks support for help", evidence=["2026-03-03-P2/4"], mark=Mark.HEART
            )
        )
        session.put_item(
            MapItem(
                id=7,
                kind=ItemKind.MOMENT,
                phase="ph3",
                order=3,
                title="The plant arrives",
                evidence=["2026-03-02-P1/4"],
                design_question="How might we make the first hour with a new plant a joy?",
            )
        )
        session.put_item(
            MapItem(
                id=8,
                kind=ItemKind.BACKSTAGE,
                phase="ph3",
                order=4,
                title="Packing for frost",
                evidence=["2026-03-04-P3/3"],
                backstage=BackstageKind.POLICY,
            )
        )
        session.put_item(MapItem(id=9, phase="ph3", order=5, title="Gets a care reminder"))  # a hypothesis
        session.put_quote(QuotePick(id=1, note="2026-03-02-P1/2", phase="ph1"))
        session.put_quote(QuotePick(id=2, note="2026-03-03-P2/3", phase="ph2"))
        session.put_quote(QuotePick(id=3, note="2026-03-04-P3/4", phase="ph3"))
        session.set_override(store.phases, CurveOverride(phase="ph3", value=-1.5, reason="workshop call"), "ph3")
    return store
