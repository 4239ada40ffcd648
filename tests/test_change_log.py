"""What changed at the same time, in a busy session: conflicts are never pushed out of the log by
later edits of other fields, no false ones appear after many edits, and concurrent reorders are
listed and reverted like moves (issue 18). Two ``SharedDoc``s exchanging updates by hand."""

from __future__ import annotations

from pycrdt import Doc

from trodden.models.map.change_log import LOG_CAP, LOG_KEEP
from trodden.models.map.conflicts import find_conflicts, revert
from trodden.models.map.edit import cell_items, reorder_item
from trodden.models.map.journey_map import JourneyMap, MapItem, Mark
from trodden.models.map.shared_doc import SharedDoc

CELL = [MapItem(id=n, phase="ph1", order=n, title=f"Väljer kruka {n}") for n in (1, 2, 3)]


def pair() -> tuple[SharedDoc, SharedDoc]:
    ab = SharedDoc(who="AB")
    with ab.doc.transaction():
        for item in CELL:
            ab.put("items", item)
    cd = SharedDoc(Doc(), who="CD")
    cd.doc.apply_update(ab.doc.get_update())
    return ab, cd


def exchange(*docs: SharedDoc) -> None:
    updates = [d.doc.get_update() for d in docs]
    for d in docs:
        for update in updates:
            d.doc.apply_update(update)


def put(doc: SharedDoc, *changed: MapItem) -> None:
    with doc.doc.transaction():
        for item in changed:
            doc.put("items", item)


def journey(doc: SharedDoc) -> JourneyMap:
    return JourneyMap(items=doc.records("items"))


def test_a_conflict_stays_listed_however_busy_the_session_is_after_it():
    ab, cd = pair()
    put(ab, CELL[1].model_copy(update={"phase": "ph2"}))
    put(cd, CELL[1].model_copy(update={"phase": "ph3"}))  # neither saw the other's move
    exchange(ab, cd)
    for n in range(3 * LOG_KEEP):  # then AB marks and renames it, over and over, having seen both
        item = journey(ab).item(2)
        put(ab, item.model_copy(update={"mark": Mark.HEART if n % 2 else None, "title": f"Väljer {n}"}))
    exchange(ab, cd)
    for doc in (ab, cd):
        (conflict,) = find_conflicts(doc)
        assert conflict.field == "phase" and {conflict.kept.by, conflict.lost.by} == {"AB", "CD"}
        assert LOG_KEEP < len(doc.log("items", "2")) <= LOG_CAP
    put(ab, *revert(ab, conflict).items)  # the other side taken: settled, and the log trims again
    exchange(ab, cd)
    assert find_conflicts(ab) == find_conflicts(cd) == []
    put(ab, journey(ab).item(2).model_copy(update={"title": "Väljer till sist"}))
    assert len(ab.log("items", "2")) == LOG_KEEP


def test_many_edits_taking_turns_are_never_taken_for_edits_at_the_same_time():
    ab, cd = pair()
    for n in range(3 * LOG_KEEP):
        doc = (ab, cd)[n % 2]
        put(doc, journey(doc).item(1).model_copy(update={"title": f"Tar tur {n}", "order": n}))
        exchange(ab, cd)
    assert find_conflicts(ab) == find_conflicts(cd) == []
    assert len(ab.log("items", "1")) == LOG_KEEP


def test_two_reorders_at_once_are_listed_and_the_other_side_can_be_taken():
    ab, cd = pair()
    put(ab, *reorder_item(journey(ab), 2, -1).items)  # AB moves the middle item up
    put(cd, *reorder_item(journey(cd), 2, 1).items)  # CD moves it down at the same time
    exchange(ab, cd)
    (conflict,) = find_conflicts(ab)
    assert find_conflicts(cd) == [conflict] and conflict.field == "order"
    assert "reordered it at the same time" in conflict.describe()
    lost_place = conflict.lost.value
    put(cd, *revert(cd, conflict).items)
    exchange(ab, cd)
    cell = cell_items(journey(ab), "ph1", CELL[0].kind)
    assert [i.order for i in cell] == [1, 2, 3]  # numbered afresh: no two items share a place
    assert [i.id for i in cell].index(2) == lost_place - 1
    assert find_conflicts(ab) == find_conflicts(cd) == []


def test_a_value_its_own_writer_replaced_is_not_listed_against_the_other_side():
    ab, cd = pair()
    put(ab, CELL[1].model_copy(update={"title": "Väljer jord"}))
    put(cd, CELL[1].model_copy(update={"title": "Köper säck"}))  # CD saw neither of AB's renames
    put(ab, journey(ab).item(2).model_copy(update={"title": "Väljer jord, ångrar"}))
    exchange(ab, cd)
    for doc in (ab, cd):
        (conflict,) = find_conflicts(doc)  # one line: AB's first title is history, not a side
        assert {conflict.kept.value, conflict.lost.value} == {"Väljer jord, ångrar", "Köper säck"}
        assert journey(doc).item(2).title == conflict.kept.value  # "kept" names what the map shows
