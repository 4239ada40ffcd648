"""Undo and redo of map edits as plain data: what each step gives back, in which order."""

from __future__ import annotations

from trodden.models.map.edit import rename_item, set_mark
from trodden.models.map.history import History
from trodden.models.map.journey_map import Change, JourneyMap, MapItem, Mark


def titled(journey: JourneyMap) -> list[str]:
    return [item.title for item in journey.items]


def edit(history: History, journey: JourneyMap, change: Change) -> JourneyMap:
    """What the screen does for a fresh edit: record it, then apply it."""
    history.record(journey, change)
    return change.applied_to(journey)


def test_undo_takes_edits_back_newest_first_and_redo_does_them_again() -> None:
    history = History()
    start = JourneyMap()
    added = edit(history, start, Change(items=(MapItem(id=1, phase="ph1", title="Calls support"),)))
    renamed = edit(history, added, rename_item(added, 1, "Calls the shop"))
    marked = edit(history, renamed, set_mark(renamed, 1, Mark.HEART))

    back = history.undo(marked)
    assert back is not None
    journey = back.applied_to(marked)
    assert journey.items == renamed.items  # the heart is gone
    journey = history.undo(journey).applied_to(journey)
    assert titled(journey) == ["Calls support"]
    journey = history.undo(journey).applied_to(journey)
    assert journey.items == []  # the item itself is gone
    assert not history.can_undo and history.undo(journey) is None

    journey = history.redo(journey).applied_to(journey)
    assert titled(journey) == ["Calls support"]
    journey = history.redo(journey).applied_to(journey)
    journey = history.redo(journey).applied_to(journey)
    assert journey.items == marked.items
    assert not history.can_redo and history.redo(journey) is None
    assert history.can_undo  # what was redone can be undone again


def test_a_fresh_edit_forgets_what_could_be_redone() -> None:
    history = History()
    journey = edit(history, JourneyMap(), Change(items=(MapItem(id=1, phase="ph1", title="A"),)))
    journey = history.undo(journey).applied_to(journey)
    assert history.can_redo
    journey = edit(history, journey, Change(items=(MapItem(id=2, phase="ph1", title="B"),)))
    assert not history.can_redo
    assert history.redo(journey) is None
    assert titled(journey) == ["B"]


def test_only_the_last_depth_edits_can_be_undone() -> None:
    history = History(depth=3)
    journey = JourneyMap()
    for n in range(1, 6):
        journey = edit(history, journey, Change(items=(MapItem(id=n, phase="ph1", title=f"item {n}"),)))
    steps = 0
    while (back := history.undo(journey)) is not None:
        journey = back.applied_to(journey)
        steps += 1
    assert steps == 3
    assert titled(journey) == ["item 1", "item 2"]  # the two oldest edits are beyond reach


def test_redo_trims_the_undo_stack_too() -> None:
    history = History(depth=2)
    journey = JourneyMap()
    for n in range(1, 3):
        journey = edit(history, journey, Change(items=(MapItem(id=n, phase="ph1", title=f"item {n}"),)))
    journey = history.undo(journey).applied_to(journey)
    journey = history.redo(journey).applied_to(journey)
    assert titled(journey) == ["item 1", "item 2"]
    journey = history.undo(journey).applied_to(journey)
    journey = history.undo(journey).applied_to(journey)
    assert journey.items == [] and not history.can_undo
