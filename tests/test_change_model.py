"""Problem areas, ideas and the target map as pure functions: evidence computed from the
linked items (customers only, by type), what the map says, priority sorting, undo, the
target map started from the current one and compared with it, and the plan's storage."""

from __future__ import annotations

import itertools

import pytest

try:
    from map_kit import build_study
    from test_who_counts import set_people
except ImportError:  # tests as a package
    from .map_kit import build_study
    from .test_who_counts import set_people

from trodden.models.change.areas import PlanError, area_evidence, areas_from_moments, map_says, new_area
from trodden.models.change.edit import add_idea, cycle_status, delete_area, toggle_quote, update_area
from trodden.models.change.plan import ChangePlan, Fate, IdeaKind, IdeaStatus, PlanChange, ProblemArea, inverse
from trodden.models.change.priority import Quadrant, SortRule, matrix, move_area, quadrant, set_priority, sorted_areas
from trodden.models.change.store import PlanStore, edit_plan, read_plan
from trodden.models.change.target import compare, new_target_item, set_fate, set_target_value, start_target
from trodden.models.domain import Role
from trodden.models.map.curve import emotion_curve, staff_curve
from trodden.models.map.evidence import load_study_map
from trodden.models.map.journey_map import ItemKind, JourneyMap, MapItem, Mark
from trodden.models.map.map_session import MapSession


def ids():
    counters: dict[str, itertools.count] = {}
    return lambda table: next(counters.setdefault(table, itertools.count(1)))


@pytest.fixture
def loaded(tmp_path):
    store = build_study(
        tmp_path / "s",
        ["Ordering", "Getting it home"],
        {
            "P1": ["1|-* the invoice is confusing @mail", "2|--* box arrived broken"],
            "P2": ["1|-* the invoice again @mail", "2|+ nice delivery man"],
            "P3": ["1|+* easy checkout @web"],
            "S1": ["1|-- customers call us about invoices"],
        },
    )
    set_people(
        store,
        {
            "P1": (Role.CUSTOMER, "first-time buyer"),
            "P2": (Role.CUSTOMER, "plant lover"),
            "P3": (Role.CUSTOMER, "plant lover"),
            "S1": (Role.STAFF, "support"),
        },
    )
    data = load_study_map(store)
    notes = {n.text.split(" @")[0]: n.id for n in data.index.notes.values()}
    journey = JourneyMap(
        items=[
            MapItem(
                id=1,
                kind=ItemKind.TOUCHPOINT,
                phase="ph1",
                title="Reads the invoice",
                evidence=[notes["the invoice is confusing"], notes["the invoice again"]],
                mark=Mark.CLOUD,
            ),
            MapItem(
                id=2,
                kind=ItemKind.MOMENT,
                phase="ph1",
                title="Understanding the bill",
                evidence=[notes["the invoice is confusing"], notes["customers call us about invoices"]],
                design_question="How might we make the bill clear?",
            ),
            MapItem(id=3, kind=ItemKind.MOMENT, phase="ph2", title="Unpacking", evidence=[notes["box arrived broken"]]),
            MapItem(id=4, kind=ItemKind.TOUCHPOINT, phase="ph2", title="Delivery", order=1),
        ]
    )
    data.journey = journey
    return store, data, notes


def test_every_moment_of_truth_becomes_a_problem_area_once(loaded):
    _, data, _ = loaded
    change = areas_from_moments(ChangePlan(), data.journey, ids())
    plan = change.applied_to(ChangePlan())
    assert [(a.title, a.source.value, a.source_ref, a.phase) for a in plan.areas] == [
        ("Understanding the bill", "moment", "2", "ph1"),
        ("Unpacking", "moment", "3", "ph2"),
    ]
    assert plan.areas[0].design_questions == ["How might we make the bill clear?"]
    assert not areas_from_moments(plan, data.journey, ids())  # nothing new the second time
    with pytest.raises(PlanError):
        new_area(plan, data.journey, ids(), item=data.journey.item(2))


def test_area_evidence_counts_customers_by_type_and_never_staff(loaded):
    _, data, notes = loaded
    area = ProblemArea(id=1, title="Bill", phase="ph1", items=[1, 2], notes=[notes["easy checkout"]])
    evidence = area_evidence(area, data.index, data.journey)
    assert (evidence.n, evidence.total) == (3, 3)
    assert evidence.customers == ("P1", "P2", "P3")
    assert evidence.staff == ("S1",)
    assert evidence.by_type == (("plant lover", 2), ("first-time buyer", 1))
    assert all(data.index.participant(n) != "S1" for n in evidence.notes)  # staff notes are not quotable evidence
    only_moment = ProblemArea(id=2, title="Bill", items=[2])
    assert area_evidence(only_moment, data.index, data.journey).n == 1


def test_what_the_map_says_about_an_area(loaded):
    _, data, _ = loaded
    area = ProblemArea(id=1, title="Bill", phase="ph1", items=[2])
    evidence = area_evidence(area, data.index, data.journey)
    curve = emotion_curve(data.data.phases, data.index, data.journey)
    says = map_says(area, evidence, data.journey, curve, staff_curve(data.data.phases, data.index, data.journey))
    assert says.clouds == ("Reads the invoice",)  # a thundercloud in its phase
    assert says.depth == pytest.approx(curve[0].value)
    assert says.staff_feeling == -2
    assert (says.backing, says.total, says.staff_backing) == (1, 3, 1)


def test_areas_from_a_thundercloud_a_phase_and_a_cluster(loaded):
    _, data, _ = loaded
    phase = data.data.phases[0]
    cloud = new_area(ChangePlan(), data.journey, ids(), item=data.journey.item(1)).puts[0]
    assert (cloud.source.value, cloud.source_ref, cloud.items) == ("cloud", "1", [1])
    by_phase = new_area(ChangePlan(), data.journey, ids(), phase=phase).puts[0]
    assert (by_phase.source.value, by_phase.title, by_phase.items) == ("phase", "Ordering", [1])
    cluster = new_area(ChangePlan(), data.journey, ids(), items=[data.journey.item(3), data.journey.item(4)]).puts[0]
    assert (cluster.source.value, cluster.phase, cluster.items) == ("cluster", "ph2", [3, 4])
    with pytest.raises(PlanError):
        new_area(ChangePlan(), data.journey, ids())


def _areas(*specs):
    return [ProblemArea(id=i, title=f"A{i}", impact=imp, effort=eff, order=i) for i, imp, eff in specs]


def test_priority_rules_put_unset_last_and_keep_the_saved_order_for_ties():
    areas = _areas((1, 2, 1), (2, 5, 4), (3, 5, 2), (4, None, None), (5, 5, 2))
    assert [a.id for a in sorted_areas(areas, SortRule.PRIORITY)] == [3, 5, 2, 1, 4]
    assert [a.id for a in sorted_areas(areas, SortRule.EFFORT)] == [1, 3, 5, 2, 4]
    assert [a.id for a in sorted_areas(areas, SortRule.IMPACT)] == [2, 3, 5, 1, 4]
    backing = {1: 4, 2: 1, 3: 0, 4: 9, 5: 2}
    assert [a.id for a in sorted_areas(areas, SortRule.EVIDENCE, lambda a: backing[a.id])] == [4, 1, 5, 2, 3]
    tie = _areas((1, 4, 2), (2, 4, 2))
    assert [a.id for a in sorted_areas(tie, SortRule.PRIORITY, lambda a: a.id)] == [2, 1]  # more customers first
    assert [quadrant(a) for a in areas] == [
        Quadrant.FILL_IN,
        Quadrant.BIG_BET,
        Quadrant.QUICK_WIN,
        Quadrant.UNSET,
        Quadrant.QUICK_WIN,
    ]
    assert {key: [a.id for a in cell] for key, cell in matrix(areas).items()} == {
        (2, 1): [1],
        (5, 4): [2],
        (5, 2): [3, 5],
    }


def test_priority_and_order_are_saved_and_undone():
    plan = ChangePlan(areas=_areas((1, None, None), (2, None, None), (3, None, None)))
    change = set_priority(plan, 2, impact=5, effort=1)
    after = change.applied_to(plan)
    assert (after.area(2).impact, after.area(2).effort) == (5, 1)
    with pytest.raises(ValueError):
        set_priority(plan, 2, impact=6)
    moved = move_area(after, 3, -1).applied_to(after)
    assert [a.id for a in sorted_areas(moved.areas)] == [1, 3, 2]
    assert inverse(plan, change).applied_to(after) == plan


def test_ideas_under_an_area_and_undoing_a_removed_area_brings_them_back():
    plan = ChangePlan(areas=_areas((1, 3, 3)))
    new_id = ids()
    plan = add_idea(plan, 1, "Send the invoice as a plain letter", new_id, owner="ab", effect="fewer calls").applied_to(
        plan
    )
    plan = add_idea(plan, 1, "When I get a bill, I want ...", new_id, kind=IdeaKind.JOB).applied_to(plan)
    assert [(i.text[:4], i.owner, i.kind.value, i.status.value) for i in plan.ideas_of(1)] == [
        ("Send", "AB", "action", "idea"),
        ("When", "", "job_to_be_done", "idea"),
    ]
    plan = cycle_status(plan, 1).applied_to(plan)
    assert plan.ideas_of(1)[0].status is IdeaStatus.TRYING
    gone = delete_area(plan, 1)
    empty = gone.applied_to(plan)
    assert empty.areas == [] and empty.ideas == []
    assert inverse(plan, gone).applied_to(empty) == plan
    with pytest.raises(PlanError):
        add_idea(empty, 1, "x", new_id)


def test_writing_up_an_area_and_picking_quotes():
    plan = ChangePlan(areas=_areas((1, None, None)))
    plan = update_area(
        plan, 1, experience="Åsa förstår inte fakturan", design_questions=["Hur kan vi ...", " "]
    ).applied_to(plan)
    assert plan.area(1).design_questions == ["Hur kan vi ..."]
    plan = toggle_quote(plan, 1, "P1-1/1").applied_to(plan)
    assert plan.area(1).quotes == ["P1-1/1"]
    assert toggle_quote(plan, 1, "P1-1/1").applied_to(plan).area(1).quotes == []
    with pytest.raises(PlanError):
        update_area(plan, 1, title="  ")


def test_the_target_map_starts_from_the_current_one_and_is_compared_with_it(loaded):
    _, data, _ = loaded
    phases = data.data.phases
    curve = emotion_curve(phases, data.index, data.journey)
    new_id = ids()
    plan = start_target(ChangePlan(), phases, data.journey, curve, new_id).applied_to(ChangePlan())
    assert [(i.title, i.fate.value, i.source) for i in plan.target_items] == [
        ("Reads the invoice", "keep", 1),
        ("Understanding the bill", "keep", 2),
        ("Delivery", "keep", 4),
        ("Unpacking", "keep", 3),
    ]
    assert [p.value for p in plan.target_curve] == [round(curve[0].value, 1), round(curve[1].value, 1)]
    assert not start_target(plan, phases, data.journey, curve, new_id)  # never started twice
    plan = set_fate(plan, 1, Fate.CHANGE, "a one-page invoice", areas=[7]).applied_to(plan)
    plan = set_fate(plan, 3, Fate.REMOVE).applied_to(plan)
    plan = new_target_item(plan, "ph2", "Tracks the parcel by SMS", new_id, areas=[8]).applied_to(plan)
    plan = set_target_value(plan, "ph1", 1.0, "the invoice is clear", new_id).applied_to(plan)
    comparison = compare(plan, phases, data.journey, curve)
    assert [(r.fate.value, r.current, r.target, r.areas) for r in comparison.changes] == [
        ("change", "Reads the invoice", "Reads the invoice", (7,)),
        ("remove", "Delivery", "", ()),
        ("new", "", "Tracks the parcel by SMS", (8,)),
    ]
    assert comparison.kept == 2
    first = comparison.curve[0]
    assert (first.phase, first.target, first.reason) == ("ph1", 1.0, "the invoice is clear")
    with pytest.raises(ValueError):
        set_target_value(plan, "ph1", 3, "", new_id)


def test_the_plan_is_stored_beside_the_map_and_the_map_is_untouched(loaded):
    store, data, _ = loaded
    with MapSession(store.path, writable=True) as session:
        for item in data.journey.items:
            session.put_item(item)
    plan = edit_plan(store.path, lambda plan, s: areas_from_moments(plan, data.journey, s.next_id))
    plan = edit_plan(store.path, lambda plan, s: add_idea(plan, plan.areas[0].id, "Ring up", s.next_id, owner="kl"))
    assert read_plan(store.path) == plan
    with MapSession(store.path, writable=False) as session:
        assert session.load() == data.journey
        assert PlanStore(session).load().ideas[0].owner == "KL"
    edit_plan(store.path, lambda plan, s: PlanChange(drops=(("ideas", plan.ideas[0].id),)))
    assert read_plan(store.path).ideas == []
    assert read_plan(store.path / "nowhere") == ChangePlan()
