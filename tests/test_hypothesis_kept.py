"""The hypothesis journey is kept before the first interview, and compared with the map after."""

from __future__ import annotations

from datetime import datetime

import pytest

from trodden.models.domain import Phase, Study
from trodden.models.errors import CorruptFile
from trodden.models.map.hypothesis import Outcome, hypothesis_outcomes
from trodden.models.map.journey_map import ItemKind, JourneyMap, MapItem
from trodden.models.map.kept_hypothesis import (
    HypothesisExists,
    KeptHypothesis,
    Verdict,
    read_hypothesis,
    record_verdict,
    take_snapshot,
)
from trodden.models.map.map_session import read_map, write_hypothesis
from trodden.models.storage.interviews import find_or_start
from trodden.models.storage.store import StudyStore
from trodden.tui.cli.main import main

LATER = datetime(2026, 3, 2, 10, 0)


def item(item_id: int, title: str, phase: str = "ph1", evidence: tuple[str, ...] = (), **fields) -> MapItem:
    return MapItem(id=item_id, title=title, phase=phase, evidence=list(evidence), **fields)


def test_outcomes_confirmed_contradicted_unbacked_removed_and_new():
    kept = KeptHypothesis(
        items=[
            item(1, "Sees the shop's plants on Instagram"),
            item(2, "Calls customer service when the plant struggles", "ph2"),
            item(3, "Compares prices with other shops"),
            item(4, "Visits a garden centre to get ideas"),
            item(5, "Tracks the delivery by SMS", "ph2"),
        ],
        verdicts={3: Verdict(contradicted=True, reason="nobody compared prices"), 4: Verdict(contradicted=False)},
    )
    journey = JourneyMap(
        items=[
            item(1, "Sees the shop's plants on Instagram", evidence=("i1/1",)),  # backed: confirmed
            item(5, "Tracks the delivery by SMS", "ph2"),  # still without evidence
            item(7, "Calls customer service when the plant is struggling", "ph2", evidence=("i2/3",)),  # matches 2
            item(8, "Asks a neighbour to water the plants", "ph2", evidence=("i2/4",)),  # no one expected it
        ]
    )
    result = hypothesis_outcomes(kept, journey)
    by_id = {entry.item.id: entry for entry in result.outcomes}
    assert by_id[1].outcome is Outcome.CONFIRMED and by_id[1].now.id == 1
    assert by_id[2].outcome is Outcome.CONFIRMED and by_id[2].now.id == 7
    assert (by_id[3].outcome, by_id[3].reason) == (Outcome.CONTRADICTED, "nobody compared prices")
    assert by_id[4].outcome is Outcome.REMOVED
    assert by_id[5].outcome is Outcome.UNBACKED
    assert [new.id for new in result.new] == [8]
    assert result.counts() == {Outcome.CONFIRMED: 2, Outcome.CONTRADICTED: 1, Outcome.UNBACKED: 1, Outcome.REMOVED: 1}


def test_a_match_needs_the_same_phase_and_kind_and_an_undone_removal_is_no_contradiction():
    kept = KeptHypothesis(
        items=[item(1, "Tracks the delivery by SMS"), item(2, "Reads the care guide")],
        verdicts={2: Verdict(contradicted=True, reason="no")},
    )
    journey = JourneyMap(
        items=[
            item(3, "Tracks the delivery by SMS", "ph2", evidence=("i/1",)),  # another phase
            item(4, "Tracks the delivery by SMS", kind=ItemKind.BACKSTAGE, evidence=("i/2",)),  # another lane
            item(2, "Reads the care guide"),  # removed as contradicted, then undone: on the map again
            item(1, "Tracks the delivery by SMS"),
        ]
    )
    result = hypothesis_outcomes(kept, journey)
    assert [entry.outcome for entry in result.outcomes] == [Outcome.UNBACKED, Outcome.UNBACKED]
    assert [new.id for new in result.new] == [3, 4]


@pytest.fixture
def drafted(tmp_path) -> StudyStore:
    """A study with a hypothesis map (two items without evidence) and no interview yet."""
    store = StudyStore.create(tmp_path / "s", Study(name="Ett frodande hem"), [Phase(id="ph1", name="Hitta", order=1)])
    write_hypothesis(
        store.path,
        store.phases,
        [{"phase": 1, "title": "Söker på växtens namn"}, {"phase": 1, "title": "Frågar i butik"}],
    )
    return store


def test_the_first_interview_keeps_the_hypothesis_once(drafted):
    assert read_hypothesis(drafted.path) is None
    find_or_start(drafted, participant="P1", clock=lambda: LATER)
    kept = read_hypothesis(drafted.path)
    assert kept is not None and kept.how == "first-interview"
    assert [i.title for i in kept.items] == ["Söker på växtens namn", "Frågar i butik"]
    write_hypothesis(drafted.path, drafted.phases, [{"phase": 1, "title": "Drafted later"}])
    find_or_start(drafted, participant="P2", clock=lambda: LATER)  # not the first: nothing changes
    assert read_hypothesis(drafted.path) == kept


def test_no_snapshot_without_hypothesis_items(tmp_path):
    store = StudyStore.create(tmp_path / "s", Study(name="Tom"), [Phase(id="ph1", name="Hitta", order=1)])
    find_or_start(store, participant="P1", clock=lambda: LATER)
    assert read_hypothesis(store.path) is None


def test_a_snapshot_by_hand_refuses_to_overwrite_unless_replace(drafted, capsys):
    assert main(["map", str(drafted.path), "--snapshot", "hypothesis"]) == 0
    assert "2 items" in capsys.readouterr().out
    assert main(["map", str(drafted.path), "--snapshot", "hypothesis"]) == 1
    refused = capsys.readouterr().err
    assert "already kept" in refused and "--replace" in refused
    record_verdict(drafted.path, 1, Verdict(contradicted=True, reason="ingen söker så"))
    write_hypothesis(drafted.path, drafted.phases, [{"phase": 1, "title": "Tredje"}])
    assert main(["map", str(drafted.path), "--snapshot", "hypothesis", "--replace"]) == 0
    kept = read_hypothesis(drafted.path)
    assert len(kept.items) == 3 and kept.verdicts[1].reason == "ingen söker så"  # verdicts of kept items stay
    with pytest.raises(HypothesisExists):
        take_snapshot(drafted.path)
    assert read_map(drafted.path).items  # the map itself is untouched


def test_a_damaged_snapshot_is_named(drafted):
    (drafted.path / "hypothesis.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CorruptFile, match=r"hypothesis\.json"):
        read_hypothesis(drafted.path)


def test_importing_the_first_interview_keeps_the_hypothesis(drafted, tmp_path):
    notes = tmp_path / "p1.txt"
    notes.write_text("00:30 *- söker på växtens namn @webb\n", encoding="utf-8")
    assert main(["import", str(drafted.path), str(notes), "--participant", "P1", "--date", "2026-03-02"]) == 0
    kept = read_hypothesis(drafted.path)
    assert kept is not None and len(kept.items) == 2


@pytest.mark.parametrize("how", ["capture", "import"])
def test_a_damaged_snapshot_never_stops_the_first_interview(drafted, tmp_path, how):
    """The note-taker must be able to start; the damaged file is left as it is (the map and report name it)."""
    damaged = drafted.path / "hypothesis.json"
    damaged.write_bytes(b'{"format": 1, "items": [')
    if how == "capture":
        assert find_or_start(drafted, participant="P1", clock=lambda: LATER).participant == "P1"
    else:
        notes = tmp_path / "p1.txt"
        notes.write_text("00:30 söker på växtens namn\n", encoding="utf-8")
        assert main(["import", str(drafted.path), str(notes), "--participant", "P1", "--date", "2026-03-02"]) == 0
    assert damaged.read_bytes() == b'{"format": 1, "items": ['


def test_a_snapshot_by_hand_of_an_empty_map_is_refused(tmp_path, capsys):
    """An empty snapshot kept by hand before the map was drafted stopped the first interview keeping the real one."""
    store = StudyStore.create(tmp_path / "s", Study(name="Tom"), [Phase(id="ph1", name="Hitta", order=1)])
    assert main(["map", str(store.path), "--snapshot", "hypothesis"]) == 1
    assert "nothing to keep" in capsys.readouterr().err
    assert read_hypothesis(store.path) is None
    write_hypothesis(store.path, store.phases, [{"phase": 1, "title": "Söker på växtens namn"}])
    find_or_start(store, participant="P1", clock=lambda: LATER)  # the first interview keeps the drafted one
    assert [item.title for item in read_hypothesis(store.path).items] == ["Söker på växtens namn"]
