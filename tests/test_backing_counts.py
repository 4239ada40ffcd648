"""n of N counts participants, not notes, everywhere the map shows it.

The method's strength of evidence is how many *people* said something: a talkative
participant whose three notes back one item is still one voice. The model, the board and
the report each print the count, so each is checked on the same crafted map.
"""

from __future__ import annotations

import pytest

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.exporters import report_md
from trodden.exporters.report_assemble import assemble
from trodden.exporters.report_reading import read_study
from trodden.models.map.board_model import build_board
from trodden.models.map.curve import emotion_curve
from trodden.models.map.edit import add_evidence, place_note
from trodden.models.map.evidence import load_study_map
from trodden.models.map.journey_map import Change, JourneyMap, Lane
from trodden.models.map.map_session import MapSession, read_map
from trodden.models.storage.store import StudyStore
from trodden.tui.map.board_text import line_text

P1_NOTES = ["1|-- the pot arrived crushed @delivery", "1|- the box was crushed too", "1|-- soil all over the hall"]


@pytest.fixture
def store(tmp_path) -> StudyStore:
    """Two participants; all three notes about the crushed delivery come from P1."""
    store = build_study(
        tmp_path / "s",
        ["Buying a plant", "Getting it home"],
        {"P1": P1_NOTES, "P2": ["2|++ found the care guide @web"]},
    )
    index = load_study_map(store).index
    p1 = sorted((note for note in index.notes.values() if note.interview.endswith("P1")), key=lambda note: note.t)
    assert len(p1) == 3
    ids = iter(range(1, 100))
    journey = place_note(JourneyMap(), p1[0], "ph1", lambda table: next(ids)).applied_to(JourneyMap())
    journey = add_evidence(journey, 1, p1[1:]).applied_to(journey)
    assert len(journey.item(1).evidence) == 3
    with MapSession(store.path, writable=True) as session:
        session.apply(Change(items=(journey.item(1),)))
    return store


def test_the_model_counts_one_voice_per_participant(store: StudyStore) -> None:
    loaded = load_study_map(store)
    (item,) = read_map(store.path).items
    assert loaded.index.backers(item) == {"P1"}
    assert loaded.index.backing(item) == (1, 2)


def test_the_board_says_1_of_2(store: StudyStore) -> None:
    loaded = load_study_map(store)
    journey = read_map(store.path)
    curve = emotion_curve(store.phases, loaded.index, journey)
    board = build_board(store.phases, journey, loaded.index, curve)
    (entry,) = [entry for entry in board.cell(Lane.TOUCHPOINTS, 0) if entry.kind == "item"]
    assert "1/2 " in line_text(entry.line).plain
    assert "3/2" not in line_text(entry.line).plain


def test_the_report_says_1_of_2(store: StudyStore) -> None:
    study = read_study(store)
    report = assemble(study.data, study.interviews, study.notes, study.journey, language="en")
    (item,) = report.items
    assert (item.n, item.total, item.backing, item.backing_short) == (1, 2, "1 of 2 customers", "1/2")
    assert item.backers == ("P1",)
    assert len(item.evidence) == 3  # every note is still shown as evidence
    markdown = report_md.render(report)
    assert "1 of 2 customers" in markdown
    assert "3 of 2" not in markdown and "3/2" not in markdown
