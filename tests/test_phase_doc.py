"""The journey's phases in the shared map: concurrent phase edits, the migration from ``study.json``,
and every reader seeing the map's phases (issue 18). Pure: two sessions on one folder, no screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from pycrdt import Doc

from trodden.exporters.report_assemble import build_report
from trodden.exporters.report_md import render
from trodden.models.domain import Phase, Study
from trodden.models.interchange import build_document
from trodden.models.map import phase_doc
from trodden.models.map.conflicts import find_conflicts, phase_revert
from trodden.models.map.journey_map import MapItem
from trodden.models.map.map_session import MapSession
from trodden.models.map.shared_doc import SharedDoc
from trodden.models.storage.store import StudyStore

PHASES = [Phase(id=f"ph{i}", name=name, order=i) for i, name in enumerate(["Drömmer", "Köper", "Vårdar"], start=1)]


@pytest.fixture
def study(tmp_path: Path) -> StudyStore:
    return StudyStore.create(tmp_path / "s", Study(name="Ett växande hem"), PHASES)


def names(phases: list[Phase]) -> list[str]:
    return [p.name for p in phases]


def edit(session: MapSession, puts: list[Phase], drops: list[str] = ()) -> None:
    session.write(puts={"phases": puts}, drops={"phases": list(drops)})


def test_a_study_s_phases_move_into_the_map_and_study_json_is_kept_as_it_was(study):
    before = (study.path / "study.json").read_bytes()
    with MapSession(study.path, writable=True, who="AB") as ab:
        assert ab.phases() == PHASES
        edit(ab, phase_doc.renamed(ab.records("phases"), "ph2", "Väljer"))
    assert (study.path / "study.json").read_bytes() == before  # kept, never written again
    assert names(StudyStore.open(study.path).phases) == ["Drömmer", "Väljer", "Vårdar"]
    assert names(StudyStore.open(study.path).data.phases) == ["Drömmer", "Väljer", "Vårdar"]


def test_converting_the_same_phases_gives_the_same_bytes_and_other_phases_never_clash():
    assert phase_doc.conversion(PHASES) == phase_doc.conversion([p.model_copy() for p in PHASES])
    other = phase_doc.conversion([*PHASES, Phase(id="ph4", name="Flyttar", order=4)])
    assert other != phase_doc.conversion(PHASES) and phase_doc.conversion([]) == b""


def test_two_researchers_add_rename_reorder_and_remove_phases_at_once_and_keep_both(study):
    with MapSession(study.path, writable=True, who="AB") as ab, MapSession(study.path, writable=True, who="CD") as cd:
        added, puts = phase_doc.added(ab.records("phases"), "Flyttar in", "ph1")
        edit(ab, puts)  # AB adds a phase after the first...
        edit(cd, phase_doc.renamed(cd.records("phases"), "ph3", "Sköter om"))  # ...CD renames another
        edit(cd, phase_doc.moved(cd.records("phases"), "ph2", 1))  # and moves Köper last
        ab.refresh(), cd.refresh()
        assert ab.phases() == cd.phases()
        assert names(ab.phases()) == ["Drömmer", "Flyttar in", "Sköter om", "Köper"]
        assert [p.order for p in ab.phases()] == [1, 2, 3, 4]
        edit(ab, [], [added.id])
        edit(cd, phase_doc.renamed(cd.records("phases"), added.id, "Bor in"))  # a rename of the removed one
        ab.refresh(), cd.refresh()
        assert ab.phases() == cd.phases() and names(ab.phases()) == ["Drömmer", "Sköter om", "Köper"]


def test_adding_many_phases_in_one_place_renumbers_only_when_there_is_no_room(study):
    records = list(PHASES)
    for n in range(12):
        _added, puts = phase_doc.added(records, f"Fas {n}", "ph1")
        records = [p for p in records if p.id not in {w.id for w in puts}] + puts
    assert names(phase_doc.ordered(records)) == [
        "Drömmer",
        *(f"Fas {n}" for n in reversed(range(12))),
        "Köper",
        "Vårdar",
    ]
    assert phase_doc.moved(records, "ph1", -1) == [] and phase_doc.moved(records, "ph3", 1) == []


def test_a_store_sees_another_process_s_phase_edit_on_reload(study):
    store = StudyStore.open(study.path)
    assert names(store.phases) == ["Drömmer", "Köper", "Vårdar"]  # no map yet: study.json's
    assert store.reload() is False
    with MapSession(study.path, writable=True, who="AB") as ab:
        edit(ab, phase_doc.added(ab.records("phases"), "Flyttar", None)[1])
    assert store.reload() is True
    assert names(store.phases) == ["Drömmer", "Köper", "Vårdar", "Flyttar"]
    assert store.data.find_phase("4").name == "Flyttar"  # capture's /phase 4


def test_reports_and_the_json_interchange_give_the_map_s_phases_numbered_as_before(study):
    with MapSession(study.path, writable=True, who="AB") as ab:
        edit(ab, phase_doc.moved(ab.records("phases"), "ph1", 1))
    store = StudyStore.open(study.path)
    document, _problems = build_document(store, include_private=True)
    assert [(p.id, p.order) for p in document.phases] == [("ph2", 1), ("ph1", 2), ("ph3", 3)]
    report = render(build_report(store)[0])
    assert report.index("Köper") < report.index("Drömmer")


def test_a_phase_removed_while_another_put_an_item_in_it_stays_while_it_holds_the_item(study):
    with MapSession(study.path, writable=True, who="AB") as ab, MapSession(study.path, writable=True, who="CD") as cd:
        edit(ab, [], ["ph2"])
        cd.put_item(MapItem(id=7, phase="ph2", title="Jämför priser"))
        ab.refresh(), cd.refresh()
        assert names(ab.phases()) == names(cd.phases()) == ["Drömmer", "Köper", "Vårdar"]
        ab.delete_item(7)
        assert names(ab.phases()) == ["Drömmer", "Vårdar"]


# ---------------------------------------------------------------- what changed, for phases


def two_docs() -> tuple[SharedDoc, SharedDoc]:
    """Two researchers whose documents both hold the converted phases."""
    base = phase_doc.conversion(PHASES)
    first, second = SharedDoc(Doc(), who="AB"), SharedDoc(Doc(), who="CD")
    for doc in (first, second):
        doc.doc.apply_update(base)
    return first, second


def merged_both_ways(first: SharedDoc, second: SharedDoc) -> None:
    """Each takes the other's updates (AB's arrive at CD, CD's at AB: two orders of the same edits)."""
    mine, theirs = first.doc.get_update(), second.doc.get_update()
    first.doc.apply_update(theirs)
    second.doc.apply_update(mine)


def renamed(doc: SharedDoc, phase_id: str, name: str) -> None:
    for phase in phase_doc.renamed(doc.records("phases"), phase_id, name):
        doc.put("phases", phase)


def take_other_side(doc: SharedDoc, conflict) -> None:
    with doc.doc.transaction():
        for phase in phase_revert(doc, conflict):
            doc.put("phases", phase, revive=True)


def test_two_renames_of_one_phase_at_once_are_listed_and_one_key_takes_the_other_side():
    first, second = two_docs()
    renamed(first, "ph2", "Väljer")
    renamed(second, "ph2", "Betalar")
    merged_both_ways(first, second)
    (conflict,) = find_conflicts(first)
    assert find_conflicts(second) == [conflict] and conflict.collection == "phases" and conflict.item == "ph2"
    kept = phase_doc.live(first)[1].name
    assert phase_doc.live(second)[1].name == kept == conflict.kept.value != conflict.lost.value
    assert conflict.describe().startswith(f"Phase {kept}: ") and "at the same time" in conflict.describe()
    take_other_side(second, conflict)
    merged_both_ways(first, second)
    assert phase_doc.live(first)[1].name == phase_doc.live(second)[1].name == conflict.lost.value
    assert find_conflicts(first) == find_conflicts(second) == []


def test_a_phase_removed_while_another_renamed_it_is_listed_and_reverting_brings_it_back():
    first, second = two_docs()
    with first.doc.transaction():
        first.drop("phases", "ph3")
    renamed(second, "ph3", "Sköter om")
    merged_both_ways(first, second)
    (conflict,) = find_conflicts(second)
    assert find_conflicts(first) == [conflict] and conflict.field == "_gone" and conflict.kept.by == "AB"
    assert names(phase_doc.live(second)) == ["Drömmer", "Köper"]
    assert "removed it while CD changed it" in conflict.describe()
    take_other_side(first, conflict)
    merged_both_ways(first, second)
    for doc in (first, second):
        assert names(phase_doc.live(doc)) == ["Drömmer", "Köper", "Sköter om"] and find_conflicts(doc) == []


def test_one_phase_moved_two_ways_at_once_is_listed_and_reverting_takes_the_other_place():
    first, second = two_docs()
    with first.doc.transaction():
        for phase in phase_doc.moved(first.records("phases"), "ph2", -1):
            first.put("phases", phase)
    with second.doc.transaction():
        for phase in phase_doc.moved(second.records("phases"), "ph2", 1):
            second.put("phases", phase)
    merged_both_ways(first, second)
    (conflict,) = find_conflicts(first)
    assert find_conflicts(second) == [conflict] and conflict.field == "order"
    assert "moved it at the same time" in conflict.describe()
    before = names(phase_doc.live(first))
    take_other_side(second, conflict)
    merged_both_ways(first, second)
    after = names(phase_doc.live(first))
    assert after == names(phase_doc.live(second)) != before
    assert {tuple(before), tuple(after)} == {("Köper", "Drömmer", "Vårdar"), ("Drömmer", "Vårdar", "Köper")}
    assert find_conflicts(first) == find_conflicts(second) == []


def test_two_reorders_of_all_phases_at_once_are_one_line_and_one_key_takes_the_other_order():
    first, second = two_docs()
    for doc, orders in ((first, (5000, 4000, 3000)), (second, (100, 300, 200))):  # each renumbers every phase
        with doc.doc.transaction():
            for phase, order in zip(doc.records("phases"), orders, strict=True):
                doc.put("phases", phase.model_copy(update={"order": order}))
    merged_both_ways(first, second)
    (conflict,) = find_conflicts(first)  # one line, not one per phase
    assert find_conflicts(second) == [conflict] and len(conflict.together) == 3
    said = conflict.describe()
    assert said.startswith("3 phases (") and "reordered the phases at the same time" in said
    assert all(f"“{name}”" in said for name in ["Drömmer", "Köper", "Vårdar"])
    other = ["Drömmer", "Vårdar", "Köper"] if conflict.kept.by == "AB" else ["Vårdar", "Köper", "Drömmer"]
    assert names(phase_doc.live(first)) != other
    take_other_side(second, conflict)
    merged_both_ways(first, second)
    assert names(phase_doc.live(first)) == names(phase_doc.live(second)) == other
    assert find_conflicts(first) == find_conflicts(second) == []


def test_phase_edits_one_after_the_other_are_no_conflict():
    first, second = two_docs()
    renamed(first, "ph2", "Väljer")
    merged_both_ways(first, second)
    renamed(second, "ph2", "Betalar")
    merged_both_ways(first, second)
    assert find_conflicts(first) == find_conflicts(second) == []
