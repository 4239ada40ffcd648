"""The shared map's document, files and migration, without a screen (issue 18).

Two researchers are two ``SharedDoc``s (or two ``MapSession``s on one folder) whose updates are
exchanged by hand, so every concurrent case is exact rather than timed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pycrdt import Doc

from trodden.models.domain import Phase, Study
from trodden.models.errors import Damaged
from trodden.models.map.conflicts import find_conflicts, revert
from trodden.models.map.edit import inverse, merge_items, rename_item
from trodden.models.map.journey_map import Change, CurveOverride, JourneyMap, MapItem, QuotePick
from trodden.models.map.map_session import MapSession, read_map
from trodden.models.map.migration import migrated_file
from trodden.models.map.shared_doc import ID_HIGH, ID_LOW, SharedDoc, new_id
from trodden.models.map.update_files import UPDATE, Follower, frame, parse
from trodden.models.storage.durable import DurableDB
from trodden.models.storage.store import StudyStore

BASE = [MapItem(id=1, phase="ph1", title="Asks a friend", evidence=["i1/1"]), MapItem(id=2, title="Buys a pot")]


def pair() -> tuple[SharedDoc, SharedDoc]:
    """Two researchers who both have the base map."""
    first = SharedDoc(who="AB")
    with first.doc.transaction():
        for item in BASE:
            first.put("items", item)
    second = SharedDoc(Doc(), who="CD")
    second.doc.apply_update(first.doc.get_update())
    return first, second


def exchange(*docs: SharedDoc) -> None:
    updates = [d.doc.get_update() for d in docs]
    for d in docs:
        for update in updates:
            d.doc.apply_update(update)


def items(doc: SharedDoc) -> dict[int, MapItem]:
    return {i.id: i for i in doc.records("items")}


def test_a_move_and_a_rename_at_once_both_survive():
    first, second = pair()
    first.put("items", BASE[0].model_copy(update={"phase": "ph2"}))
    second.put("items", BASE[0].model_copy(update={"title": "Asks a neighbour"}))
    exchange(first, second)
    for doc in (first, second):
        assert items(doc)[1].phase == "ph2" and items(doc)[1].title == "Asks a neighbour"


def test_evidence_added_at_once_keeps_both_notes_once_each():
    first, second = pair()
    first.put("items", BASE[0].model_copy(update={"evidence": ["i1/1", "i2/4"]}))
    second.put("items", BASE[0].model_copy(update={"evidence": ["i1/1", "i3/2", "i2/4"]}))
    exchange(first, second)
    assert items(first)[1].evidence == items(second)[1].evidence
    assert sorted(items(first)[1].evidence) == ["i1/1", "i2/4", "i3/2"]


def test_the_same_field_written_at_once_has_one_winner_everywhere():
    first, second = pair()
    first.put("items", BASE[0].model_copy(update={"phase": "ph2"}))
    second.put("items", BASE[0].model_copy(update={"phase": "ph3"}))
    exchange(second, first)
    assert items(first)[1].phase == items(second)[1].phase in ("ph2", "ph3")


def test_a_rename_of_an_item_merged_meanwhile_does_not_bring_it_back():
    first, second = pair()
    journey = JourneyMap(items=first.records("items"))
    merge = merge_items(journey, 2, [1])
    with first.doc.transaction():
        first.put("items", merge.items[0])
        first.drop("items", "1", into="2")
    second.put("items", rename_item(journey, 1, "Asks a neighbour").items[0])
    exchange(first, second)
    assert sorted(items(second)) == [2]
    tombstone = dict(second.raw("items"))["1"]
    assert tombstone["_gone"] == "2" and tombstone["title"] == "Asks a neighbour"  # kept, not shown
    undo = inverse(journey, merge)  # the merge's undo brings it back on purpose
    assert undo.revive == (1,)
    second.put("items", undo.items[1] if undo.items[0].id == 2 else undo.items[0], revive=True)
    assert 1 in items(second)


def test_every_change_says_who_and_when():
    first, second = pair()
    second.put("items", BASE[1].model_copy(update={"title": "Buys two pots"}))
    exchange(first, second)
    raw = dict(first.raw("items"))
    assert raw["1"]["_by"] == "AB" and raw["2"]["_by"] == "CD" and raw["2"]["_at"].endswith("+00:00")
    assert [e["by"] for e in first.log("items", "2")] == ["AB", "CD"]


def test_new_ids_are_exact_json_numbers_above_any_migrated_id():
    ids = {new_id() for _ in range(1000)}
    assert len(ids) == 1000 and all(ID_LOW <= i < ID_HIGH for i in ids)
    doc = SharedDoc(who="AB")
    big = MapItem(id=ID_HIGH - 1, title="Edge")
    doc.put("items", big)
    assert doc.records("items") == [big]


# ---------------------------------------------------------------- the files


@pytest.fixture
def study(tmp_path: Path) -> StudyStore:
    return StudyStore.create(
        tmp_path / "s", Study(name="A thriving home"), [Phase(id=f"ph{i}", name=f"P{i}", order=i) for i in (1, 2, 3)]
    )


def test_two_sessions_on_one_folder_merge_each_others_edits(study):
    with MapSession(study.path, writable=True, who="AB") as ab, MapSession(study.path, writable=True, who="CD") as cd:
        ab.apply(Change(items=(BASE[0],)))
        assert cd.refresh() and cd.load().items == [BASE[0]]
        cd.apply(Change(items=(BASE[0].model_copy(update={"title": "Asks a neighbour"}),)))
        ab.apply(Change(items=(BASE[0].model_copy(update={"phase": "ph3"}),)))
        ab.refresh(), cd.refresh()
        assert ab.load() == cd.load()
        assert ab.load().items[0].title == "Asks a neighbour" and ab.load().items[0].phase == "ph3"
        cd.set_override(study.phases, CurveOverride(phase="ph2", value=1.5), "ph2")
        assert ab.refresh() and ab.load().overrides == [CurveOverride(phase="ph2", value=1.5)]
    assert sorted(p.name for p in (study.path / "map").glob("*.updates")) == [
        "AB.updates",
        "CD.updates",
        "migrated-phases.updates",
    ]


def test_the_same_initials_twice_get_a_file_each(study):
    with MapSession(study.path, writable=True, who="AB") as one, MapSession(study.path, writable=True, who="AB") as two:
        assert one.file.name == "AB.updates" and two.file.name == "AB-2.updates"


def test_a_torn_tail_is_waited_for_and_a_damaged_middle_is_named(study):
    folder = study.path / "map"
    with MapSession(study.path, writable=True, who="AB") as ab:
        ab.put_item(BASE[0])
        path = ab.file
        whole = path.read_bytes()
        extra = frame(UPDATE, b"\x00" * 40)
        with open(path, "ab") as handle:  # half of a frame: a write or a sync under way
            handle.write(extra[:20])
        follower = Follower(path)
        assert [f.kind for f in follower.poll()] == [b"H", b"U"] and follower.damage == []
        assert path.read_bytes() == whole + extra[:20]  # a reader never trims
    other = folder / "XY.updates"
    good = parse(path, whole).frames
    bad = bytearray(whole + good[1].raw())
    bad[good[1].offset + 9] ^= 0xFF  # the first edit damaged, a good one after it
    other.write_bytes(bytes(bad))
    with MapSession(study.path, writable=False) as reader:
        assert [str(d) for d in reader.damage] == [
            f"{other}: the edit at byte {good[1].offset} is damaged (checksum); it was skipped (the file was left untouched)"
        ]
    assert other.read_bytes() == bytes(bad)
    with pytest.raises(Damaged):
        MapSession(study.path, writable=True, who="XY").open()


def test_the_writer_trims_its_own_unacknowledged_tail(study):
    with MapSession(study.path, writable=True, who="AB") as ab:
        ab.put_item(BASE[0])
        path, size = ab.file, ab.file.stat().st_size
        ab.own.close()  # killed before compacting
        with open(path, "ab") as handle:
            handle.write(frame(UPDATE, b"\x01" * 30)[:17])
        ab.own = None
    with MapSession(study.path, writable=True, who="AB") as again:
        assert path.stat().st_size == size and again.load().items == [BASE[0]]
        again.put_item(BASE[1])
    assert read_map(study.path).items == BASE


def test_compaction_keeps_everything_and_the_others_start_the_file_again(study):
    with MapSession(study.path, writable=True, who="AB") as ab, MapSession(study.path, writable=False) as reader:
        for number in range(1, 30):
            ab.put_item(MapItem(id=number, title=f"Step {number}"))
        reader.refresh()
        ab._compact()
        assert [f.kind for f in parse(ab.file, ab.file.read_bytes()).frames] == [b"H", b"S"]
        ab.put_item(MapItem(id=30, title="Step 30"))
        assert reader.refresh()
        assert reader.load() == ab.load() and len(reader.load().items) == 30


# ---------------------------------------------------------------- migration


def old_map(study: StudyStore) -> None:
    with DurableDB(study.path, "map", writable=True) as old:
        for item in BASE:
            old.put("items", item.id, item.model_dump(mode="json"))
        old.put("quotes", 1, {"id": 1, "note": "i1/2", "phase": "ph1"})
        old.put("overrides", 1, {"phase": "ph2", "value": -1.0, "reason": "felt worse"})


def test_an_old_map_is_converted_once_and_its_files_are_kept(study):
    old_map(study)
    before = {p.name: p.read_bytes() for p in study.path.glob("map.*")}
    with MapSession(study.path, writable=True, who="AB") as ab:
        journey = ab.load()
    assert journey.items == BASE and [q.note for q in journey.quotes] == ["i1/2"]
    assert journey.overrides == [CurveOverride(phase="ph2", value=-1.0, reason="felt worse")]
    assert {p.name: p.read_bytes() for p in study.path.glob("map.*")} == before
    converted = migrated_file(study.path / "map").read_bytes()
    with MapSession(study.path, writable=True, who="CD") as cd:
        assert cd.load() == journey
    assert migrated_file(study.path / "map").read_bytes() == converted


def test_two_processes_converting_at_once_add_nothing_twice(study, tmp_path):
    old_map(study)
    with MapSession(study.path, writable=False) as watcher:  # converts in memory only
        in_memory = watcher.load()
    assert not migrated_file(study.path / "map").exists()
    with MapSession(study.path, writable=True, who="AB") as ab:
        ab.put_item(BASE[0].model_copy(update={"title": "Asks a neighbour"}))
    first = migrated_file(study.path / "map").read_bytes()
    migrated_file(study.path / "map").unlink()  # the other process converts too, not seeing the first
    with MapSession(study.path, writable=True, who="CD") as cd:
        assert migrated_file(study.path / "map").read_bytes() == first  # the same bytes, the same Yjs ids
        journey = cd.load()
    assert len(journey.items) == len(in_memory.items) == 2
    assert journey.items[0].title == "Asks a neighbour"


# ---------------------------------------------------------------- what changed


def test_two_moves_at_once_are_listed_with_who_and_one_revert_settles_them():
    first, second = pair()
    first.put("items", BASE[0].model_copy(update={"phase": "ph2"}))
    second.put("items", BASE[0].model_copy(update={"phase": "ph3", "title": "Asks a neighbour"}))
    exchange(first, second)
    (conflict,) = find_conflicts(first)
    assert find_conflicts(second) == [conflict]  # every machine lists the same
    assert conflict.field == "phase" and {conflict.kept.by, conflict.lost.by} == {"AB", "CD"}
    assert conflict.kept.value == items(first)[1].phase != conflict.lost.value
    assert "at the same time" in conflict.describe()
    change = revert(first, conflict)
    first.put("items", change.items[0])
    exchange(first, second)
    assert items(second)[1].phase == conflict.lost.value
    assert items(second)[1].title == "Asks a neighbour"  # the other field of the same edit stays
    assert find_conflicts(first) == find_conflicts(second) == []


def test_a_merge_while_another_renamed_is_listed_and_reverting_brings_the_item_back():
    first, second = pair()
    with first.doc.transaction():
        first.drop("items", "1", into="2")
    second.put("items", BASE[0].model_copy(update={"title": "Asks a neighbour"}))
    exchange(first, second)
    (conflict,) = find_conflicts(second)
    assert conflict.field == "_gone" and conflict.kept.by == "AB" and conflict.lost.by == "CD"
    assert "merged it away while CD changed it" in conflict.describe()
    change = revert(second, conflict)
    second.put("items", change.items[0], revive=True)
    exchange(first, second)
    assert items(first)[1].title == "Asks a neighbour" and find_conflicts(first) == []


def test_edits_one_after_the_other_are_no_conflict():
    first, second = pair()
    first.put("items", BASE[0].model_copy(update={"phase": "ph2"}))
    exchange(first, second)
    second.put("items", BASE[0].model_copy(update={"phase": "ph3"}))
    exchange(first, second)
    assert find_conflicts(first) == []


def test_any_collection_goes_through_write(study):
    with MapSession(study.path, writable=True, who="AB") as ab, MapSession(study.path, writable=False) as reader:
        ab.write(puts={"quotes": [QuotePick(id=5, note="i1/2", phase="ph1")], "items": [BASE[1]]})
        ab.write(drops={"items": [2]})
        reader.refresh()
        assert reader.load().quotes == [QuotePick(id=5, note="i1/2", phase="ph1")] and reader.load().items == []
