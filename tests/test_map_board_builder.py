"""The board rebuilt phase by phase after an edit is the board built whole, whatever the edits."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.map.board_builder import BoardBuilder
from trodden.models.map.board_model import build_board
from trodden.models.map.curve import emotion_curve
from trodden.models.map.edit import (
    EditError,
    add_evidence,
    merge_items,
    move_item,
    pick_quote,
    place_note,
    promote_moment,
    remove_item,
    remove_quote,
    reorder_item,
    set_mark,
)
from trodden.models.map.evidence import load_study_map
from trodden.models.map.journey_map import JourneyMap, Mark

PHASES = ["Finding a plant", "Choosing", "Getting it home"]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    store = build_study(
        tmp_path_factory.mktemp("builder") / "s",
        PHASES,
        {
            "P1": [
                "1|++* finds the shop @instagram",
                "1|+! the first order",
                '2|"Det kom i perfekt skick"',
                "3|-% staff",
            ],
            "P2": ["1|--* calls support @phone", "2|- box was crushed @delivery", "3|++* lovely box", "0|* no phase"],
            "P3": ["2|-* called about an invoice @phone", '3|"Helt ärligt, kanonbra"', "1|+ plain happy"],
        },
    )
    return store, load_study_map(store)


class Ids:
    def __init__(self, start: int) -> None:
        self.n = start

    def __call__(self, table: str) -> int:
        self.n += 1
        return self.n


EDITS = st.lists(
    st.tuples(
        st.sampled_from(
            ["place", "quote", "move", "merge", "mark", "order", "moment", "add", "drop", "unquote", "select"]
        ),
        st.integers(0, 50),
        st.integers(0, 50),
    ),
    max_size=25,
)


def edit(journey: JourneyMap, what: str, a: int, b: int, notes: list, ids: Ids, selected: set[int]):
    """One edit picked by ``what`` with ``a``/``b`` choosing its note, item or phase (None: not possible)."""
    items = [item.id for item in journey.items]
    phase = f"ph{b % len(PHASES) + 1}"
    item = items[a % len(items)] if items else None
    other = items[b % len(items)] if items else None
    if what == "place":
        return place_note(journey, notes[a % len(notes)], phase, ids)
    if what == "quote":
        return pick_quote(journey, notes[a % len(notes)], phase, ids)
    if what == "unquote":
        return remove_quote(journey, journey.quotes[a % len(journey.quotes)].id) if journey.quotes else None
    if item is None:
        return None
    if what == "select":
        selected.symmetric_difference_update({item})
        return None
    return {
        "move": lambda: move_item(journey, item, phase),
        "merge": lambda: merge_items(journey, item, [other]),
        "mark": lambda: set_mark(journey, item, [Mark.HEART, Mark.CLOUD, None][b % 3]),
        "order": lambda: reorder_item(journey, item, 1 if b % 2 else -1),
        "moment": lambda: promote_moment(journey, item, f"How might we {b}?"),
        "add": lambda: add_evidence(journey, item, [notes[b % len(notes)]]),
        "drop": lambda: remove_item(journey, item),
    }[what]()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(EDITS)
def test_the_board_built_phase_by_phase_is_the_board_built_whole(loaded, edits) -> None:
    store, data = loaded
    index, phases = data.index, store.phases
    notes = sorted(index.notes.values(), key=lambda note: note.id)
    journey, ids, selected, cache = JourneyMap(), Ids(0), set(), {}
    builder = BoardBuilder(index, cache)
    for what, a, b in edits:
        try:
            change = edit(journey, what, a, b, notes, ids, selected)
        except EditError:
            continue
        if change is not None:
            journey = change.applied_to(journey)
        curve = emotion_curve(phases, index, journey)
        waiting = {"ph1": a}
        incremental = builder.build(phases, journey, curve, frozenset(selected), waiting)
        assert incremental == build_board(phases, journey, index, curve, frozenset(selected), None, waiting)


def test_an_edit_builds_again_only_the_phases_it_touched(loaded) -> None:
    store, data = loaded
    index, phases = data.index, store.phases
    notes = sorted(index.notes.values(), key=lambda note: note.id)
    ids, journey = Ids(0), JourneyMap()
    for number, note in enumerate(notes[:6]):
        journey = place_note(journey, note, f"ph{number % 3 + 1}", ids).applied_to(journey)
    builder = BoardBuilder(index, {})
    builder.build(phases, journey, [])
    assert builder.rebuilt == ["ph1", "ph2", "ph3"]
    moved = next(item for item in journey.items if item.phase == "ph1")
    journey = move_item(journey, moved.id, "ph2").applied_to(journey)
    builder.build(phases, journey, [])
    assert builder.rebuilt == ["ph1", "ph2"]  # the third column is the one built before
    builder.build(phases, journey, [], frozenset({moved.id}))
    assert builder.rebuilt == ["ph2"]  # selecting redraws the selected item's column
