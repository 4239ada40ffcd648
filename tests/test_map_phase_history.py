"""Undo and redo of phase edits as plain data, on the one stack with item edits (no terminal).

``Stored`` stands in for the shared map's phases: a phase edit is worked out from the phases as
stored (as the screen's writer thread does), filled into its step, then written.
"""

from __future__ import annotations

import pytest

from trodden.models.domain import Phase
from trodden.models.map import phase_doc
from trodden.models.map.edit import rename_item
from trodden.models.map.history import History
from trodden.models.map.journey_map import Change, JourneyMap, MapItem
from trodden.models.map.phase_history import PhaseStep, Refused, carried, described, refused, takes_away


class Stored:
    """The live phases of a map: ``write`` puts records and drops ids, as ``MapSession.write`` does."""

    def __init__(self, *names: str) -> None:
        self.records = {f"ph{n}": Phase(id=f"ph{n}", name=name, order=n * 1024) for n, name in enumerate(names, 1)}

    def names(self) -> list[str]:
        return [p.name for p in phase_doc.ordered(list(self.records.values()))]

    def write(self, puts: list[Phase], drops: list[str]) -> None:
        self.records.update({p.id: p for p in puts})
        for key in drops:
            del self.records[key]

    def edit(self, history: History, step: PhaseStep, make) -> PhaseStep:
        """A fresh phase edit: recorded as the key is pressed, filled and written by the job."""
        history.record_phases(step)
        records = list(self.records.values())
        puts, drops = make(records)
        step.fill(records, puts, drops)
        self.write(puts, drops)
        return step

    def carry(self, step: PhaseStep, *, back: bool, used: dict[str, int] | None = None) -> None:
        self.write(*carried(step, back=back, phases=list(self.records.values()), used=used or {}))


def rename(key: str, name: str):
    return lambda records: (phase_doc.renamed(records, key, name), [])


def add(name: str, after: str | None):
    return lambda records: (phase_doc.added(records, name, after)[1], [])


def remove(key: str):
    return lambda records: ([], [key])


def move(key: str, step: int):
    return lambda records: (phase_doc.moved(records, key, step), [])


def test_each_phase_edit_is_taken_back_newest_first_and_done_again() -> None:
    history, stored = History(), Stored("Finding", "Buying", "Using")
    stored.edit(history, PhaseStep("ph1"), rename("ph1", "Searching"))
    stored.edit(history, PhaseStep(), add("Paying", "ph2"))
    stored.edit(history, PhaseStep("ph3"), move("ph3", -1))
    stored.edit(history, PhaseStep("ph2"), remove("ph2"))
    assert stored.names() == ["Searching", "Using", "Paying"]

    seen = []
    while (step := history.undo(JourneyMap())) is not None:
        stored.carry(step, back=True)
        seen.append((described(step, back=True), stored.names()))
    assert seen == [
        ("Undone: removing the phase “Buying”", ["Searching", "Buying", "Using", "Paying"]),
        ("Undone: moving the phase “Using”", ["Searching", "Buying", "Paying", "Using"]),
        ("Undone: adding the phase “Paying”", ["Searching", "Buying", "Using"]),
        ("Undone: renaming the phase “Finding” to “Searching”", ["Finding", "Buying", "Using"]),
    ]
    assert stored.records["ph2"] == Phase(id="ph2", name="Buying", order=2048)  # back as it was

    step = history.redo(JourneyMap())
    stored.carry(step, back=False)
    assert described(step, back=False) == "Redone: renaming the phase “Finding” to “Searching”"
    for _ in range(3):
        stored.carry(history.redo(JourneyMap()), back=False)
    assert stored.names() == ["Searching", "Using", "Paying"]
    assert history.redo(JourneyMap()) is None and history.can_undo


def test_item_and_phase_edits_share_one_stack_in_the_order_made() -> None:
    history, stored = History(), Stored("Finding", "Buying")
    journey = JourneyMap()
    placed = Change(items=(MapItem(id=1, phase="ph1", title="Calls support"),))
    history.record(journey, placed)
    journey = placed.applied_to(journey)
    step = stored.edit(history, PhaseStep("ph1"), rename("ph1", "Searching"))
    renamed = rename_item(journey, 1, "Calls the shop")
    history.record(journey, renamed)
    journey = renamed.applied_to(journey)

    back = history.undo(journey)
    assert isinstance(back, Change)  # the newest: the item's rename
    journey = back.applied_to(journey)
    assert history.undo(journey) is step  # then the phase's
    stored.carry(step, back=True)
    assert isinstance(history.undo(journey), Change)  # then the placing
    assert stored.names() == ["Finding", "Buying"] and not history.can_undo

    assert history.redo(journey) is not None  # the placing again
    assert history.redo(journey) is step  # then the phase's rename
    history.record(journey, placed)  # a fresh edit of either kind forgets the redoable
    assert not history.can_redo
    history.undo(journey)
    stored.edit(history, PhaseStep("ph2"), rename("ph2", "Paying"))
    assert not history.can_redo


def test_one_depth_for_both_kinds() -> None:
    history, stored = History(depth=3), Stored("Finding")
    for n in range(5):
        stored.edit(history, PhaseStep("ph1"), rename("ph1", f"Name {n}"))
        history.record(JourneyMap(), Change(items=(MapItem(id=n, phase="ph1", title="x"),)))
    kept = 0
    while history.undo(JourneyMap()) is not None:
        kept += 1
    assert kept == 3


def test_undo_works_against_the_phases_as_they_are_now() -> None:
    """Another researcher moved the renamed phase meanwhile: the undo sets the name back, not the place."""
    history, stored = History(), Stored("Finding", "Buying", "Using")
    step = stored.edit(history, PhaseStep("ph1"), rename("ph1", "Searching"))
    stored.write(phase_doc.moved(list(stored.records.values()), "ph1", 2), [])  # someone else's move
    stored.carry(history.undo(JourneyMap()), back=True)
    assert stored.names() == ["Buying", "Using", "Finding"]
    stored.carry(step, back=False)
    assert stored.names() == ["Buying", "Using", "Searching"]


@pytest.mark.parametrize(
    ("make", "meanwhile", "why"),
    [
        (
            rename("ph1", "Searching"),
            lambda s: s.write([], ["ph1"]),
            "the phase “Searching” was removed meanwhile",
        ),
        (move("ph1", 1), lambda s: s.write([], ["ph1"]), "the phase “Finding” was removed meanwhile"),
        (
            rename("ph1", "Searching"),
            lambda s: s.write(phase_doc.renamed(list(s.records.values()), "ph2", "finding "), []),
            "another phase is already called “Finding”",
        ),
        (
            remove("ph1"),
            lambda s: s.write(phase_doc.added(list(s.records.values()), "Finding", None)[1], []),
            "another phase is already called “Finding”",
        ),
        (remove("ph1"), lambda s: s.write([Phase(id="ph1", name="Finding", order=1)], []), "is there already"),
    ],
)
def test_an_undo_that_cannot_apply_now_says_why_and_writes_nothing(make, meanwhile, why) -> None:
    history, stored = History(), Stored("Finding", "Buying")
    stored.edit(history, PhaseStep("ph1"), make)
    meanwhile(stored)
    before = dict(stored.records)
    step = history.undo(JourneyMap())
    with pytest.raises(Refused) as refusal:
        stored.carry(step, back=True)
    assert why in str(refusal.value) and stored.records == before
    assert refused(refusal.value, back=True).startswith("Not undone: ")


def test_an_added_phase_that_now_holds_items_is_not_taken_away() -> None:
    history, stored = History(), Stored("Finding")
    step = stored.edit(history, PhaseStep(), add("Paying", "ph1"))
    (added,) = [p.id for p in stored.records.values() if p.name == "Paying"]
    assert takes_away(step, back=True) and not takes_away(step, back=False)  # only then are the items read
    with pytest.raises(Refused, match="holds 2 items or quotes now"):
        stored.carry(history.undo(JourneyMap()), back=True, used={added: 2})
    assert stored.names() == ["Finding", "Paying"]
    stored.carry(step, back=True, used={added: 0})
    assert stored.names() == ["Finding"]


def test_a_name_shared_before_the_edit_may_come_back() -> None:
    """Two phases were both called "New": renaming one and undoing it is no clash."""
    history, stored = History(), Stored("New", "New")
    step = stored.edit(history, PhaseStep("ph2"), rename("ph2", "Paying"))
    stored.carry(history.undo(JourneyMap()), back=True)
    assert stored.names() == ["New", "New"]
    stored.carry(step, back=False)
    assert stored.names() == ["New", "Paying"]


def test_an_edit_that_changed_nothing_has_nothing_to_take_back() -> None:
    stored = Stored("Finding", "Buying")
    step = stored.edit(History(), PhaseStep("ph2"), move("ph2", 1))  # already the last
    assert not step.done and stored.names() == ["Finding", "Buying"]


def test_taking_the_other_order_of_every_phase_is_said_as_a_reordering() -> None:
    history, stored = History(), Stored("Finding", "Buying", "Using")
    orders = {"ph1": 3, "ph2": 2, "ph3": 1}
    step = stored.edit(
        history, PhaseStep(), lambda rs: ([p.model_copy(update={"order": orders[p.id]}) for p in rs], [])
    )
    assert stored.names() == ["Using", "Buying", "Finding"]
    stored.carry(history.undo(JourneyMap()), back=True)
    assert stored.names() == ["Finding", "Buying", "Using"]
    assert described(step, back=True) == "Undone: reordering the phases"
