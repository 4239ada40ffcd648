"""What counts where: the customer curve, n of N and saturation are the customers' alone;
staff (and backstage feelings) go to the staff view, never into the customer curve."""

from __future__ import annotations

import pytest

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.domain import Role
from trodden.models.map.board_model import build_board
from trodden.models.map.curve import emotion_curve, item_feeling, staff_curve
from trodden.models.map.evidence import load_study_map
from trodden.models.map.journey_map import ItemKind, JourneyMap, MapItem
from trodden.models.map.map_session import MapSession
from trodden.models.stats import backing_counts, saturation


def set_people(store, people: dict[str, tuple[Role, str]]):
    """Give participants a role and a type (customer type for customers, team for staff)."""

    def change(data):
        for person in data.participants:
            if person.code in people:
                role, text = people[person.code]
                person.role = role
                if role is Role.STAFF:
                    person.team = text
                else:
                    person.segment = text

    store.update(change)
    return store


@pytest.fixture
def study(tmp_path):
    store = build_study(
        tmp_path / "s",
        ["Ordering", "Getting it home"],
        {
            # the example: one customer at +1, a customer's backstage thundercloud,
            # and two members of staff with thunderclouds
            "P1": ["1|+* finds the shop @web", "1|%-- the warehouse staff hate the packing rules"],
            "P2": ["1|++* easy checkout @web", "2|-* box late @post #slow"],
            "S1": ["1|-- packing rules are silly", "1|%- the packing system crashes #slow @scanner"],
            "S2": ["1|-- too many returns", "2|+ nice customers"],
        },
    )
    return set_people(
        store,
        {
            "P1": (Role.CUSTOMER, "first-time buyer"),
            "P2": (Role.CUSTOMER, "plant lover"),
            "S1": (Role.STAFF, "warehouse"),
            "S2": (Role.STAFF, "customer service"),
        },
    )


def test_customer_curve_ignores_staff_and_backstage_feelings(study):
    loaded = load_study_map(study)
    ordering, home = emotion_curve(study.phases, loaded.index, JourneyMap())
    # P1 +1 (its backstage -2 left out), P2 +2: the staff's -2, -2, -1 never bend it
    assert ordering.per_participant == {"P1": 1.0, "P2": 2.0}
    assert ordering.value == pytest.approx(1.5)
    assert home.per_participant == {"P2": -1.0}
    assert loaded.index.participants == ("P1", "P2")  # N is the customers


def test_staff_curve_uses_staff_feelings_backstage_ones_too(study):
    loaded = load_study_map(study)
    ordering, home = staff_curve(study.phases, loaded.index, JourneyMap())
    # S1: (-2 + -1 backstage) / 2, S2: -2; per member of staff first, then across
    assert ordering.per_participant == {"S1": -1.5, "S2": -2.0}
    assert ordering.value == pytest.approx(-1.75)
    assert home.per_participant == {"S2": 1.0}
    assert loaded.index.staff == ("S1", "S2")


def test_staff_curve_follows_notes_placed_on_items(study):
    loaded = load_study_map(study)
    note = next(n for n in loaded.index.notes.values() if n.text == "too many returns")
    journey = JourneyMap(
        items=[MapItem(id=1, kind=ItemKind.BACKSTAGE, title="returns", phase="ph2", evidence=[note.id])]
    )
    ordering, home = staff_curve(study.phases, loaded.index, journey)
    assert ordering.per_participant == {"S1": -1.5}
    assert home.per_participant == {"S2": pytest.approx(-0.5)}


def test_n_of_n_counts_customers_and_says_who_backs_backstage(study):
    loaded = load_study_map(study)
    notes = {n.text: n.id for n in loaded.index.notes.values()}
    item = MapItem(
        id=1,
        kind=ItemKind.BACKSTAGE,
        title="packing rules",
        phase="ph1",
        evidence=[notes["the warehouse staff hate the packing rules"], notes["packing rules are silly"]],
    )
    assert loaded.index.backing(item) == (1, 2)  # one customer of two; S1 is not a customer
    assert loaded.index.staff_backers(item) == {"S1"}
    # a backstage note's feeling is no customer's: the item has no customer feeling
    assert item_feeling(item, loaded.index).value is None
    assert item_feeling(item, loaded.index, staff=True).value == -2
    board = build_board(study.phases, JourneyMap(items=[item]), loaded.index, [])
    line = board.cells[(next(lane for lane in board.lanes if lane.value == "backstage"), "ph1")][0].line
    assert (line.n, line.total, line.staff_n, line.staff_total) == (1, 2, 1, 2)
    assert board.staff == ("S1", "S2") and board.staff_curve[0].value == pytest.approx(-1.75)


def test_n_of_n_by_customer_type(study):
    loaded = load_study_map(study)
    notes = {n.text: n.id for n in loaded.index.notes.values()}
    both = MapItem(
        id=1,
        kind=ItemKind.TOUCHPOINT,
        title="web",
        evidence=[notes["finds the shop @web"], notes["easy checkout @web"]],
    )
    one = MapItem(
        id=2,
        kind=ItemKind.TOUCHPOINT,
        title="late",
        evidence=[notes["box late @post #slow"], notes["too many returns"]],
    )
    assert loaded.index.by_type(both) == [("first-time buyer", 1), ("plant lover", 1)]
    assert not loaded.index.one_type_only(both)
    assert loaded.index.by_type(one) == [("plant lover", 1)]  # S2 is staff: not a customer type
    assert not loaded.index.one_type_only(one)  # one customer: thin evidence, not one type's
    set_people(study, {"P1": (Role.CUSTOMER, "plant lover"), "S2": (Role.CUSTOMER, "first-time buyer")})
    index = load_study_map(study).index
    assert index.by_type(both) == [("plant lover", 2)]
    assert index.one_type_only(both)  # two customers, one type, while the study has two types


def test_stats_and_saturation_count_customers_only(study):
    loaded = load_study_map(study)
    rows = {(row.kind, row.label): (row.n, row.total) for row in backing_counts(loaded.index, JourneyMap())}
    assert rows[("tag", "slow")] == (1, 2)  # P2; S1's #slow is staff's
    assert ("channel", "scanner") not in rows
    assert [row.participant for row in saturation(loaded.interviews, loaded.index, JourneyMap())] == ["P1", "P2"]


def test_stats_list_what_only_staff_told_of_among_the_staff(study, capsys):
    """A backstage item only staff back is "1 of 2 staff", not "0 of 2" customers; one a customer
    backs too stays among the customers' items."""
    from trodden.tui.cli.main import main

    loaded = load_study_map(study)
    notes = {note.text: note.id for note in loaded.index.notes.values()}
    journey = JourneyMap(
        items=[
            MapItem(
                id=1,
                kind=ItemKind.BACKSTAGE,
                title="crashes",
                evidence=[notes["the packing system crashes #slow @scanner"]],
            ),
            MapItem(
                id=2,
                kind=ItemKind.BACKSTAGE,
                title="rules",
                evidence=[notes["packing rules are silly"], notes["the warehouse staff hate the packing rules"]],
            ),
        ]
    )
    rows = {(row.kind, row.label): (row.n, row.total) for row in backing_counts(loaded.index, journey)}
    assert rows[("backstage", "crashes")] == (1, 2) and ("item", "crashes") not in rows
    assert rows[("item", "rules")] == (1, 2) and ("backstage", "rules") not in rows
    with MapSession(study.path, writable=True) as session:
        for item in journey.items:
            session.put_item(item.model_copy(update={"phase": "ph1"}))
    assert main(["stats", str(study.path)]) == 0
    out = capsys.readouterr().out
    staff_section = out.split("Backstage only staff told of")[1].split("\n\n")[0]
    assert "1 of 2   crashes" in staff_section and "rules" not in staff_section


def test_interchange_keeps_roles_and_reads_version_1(study, tmp_path):
    import json

    from trodden.models.interchange import FORMAT_VERSION, build_document, dumps, import_document, load_document

    document, _ = build_document(study, include_private=True)
    payload = json.loads(dumps(document))
    assert payload["version"] == FORMAT_VERSION == 3
    people = {p["code"]: p for p in payload["participants"]}
    assert (people["S1"]["role"], people["S1"]["team"]) == ("staff", "warehouse")
    (tmp_path / "v2.json").write_text(json.dumps(payload), encoding="utf-8")
    copy, _ = import_document(load_document(tmp_path / "v2.json"), tmp_path / "copy")
    assert copy.data.participant("S1").is_staff and copy.data.participant("P2").segment == "plant lover"
    # a file of the previous version: no role, no team; everyone imports as a customer
    payload["version"] = 1
    del payload["hypothesis"]
    for person in payload["participants"]:
        del person["role"], person["team"]
    (tmp_path / "v1.json").write_text(json.dumps(payload), encoding="utf-8")
    old, report = import_document(load_document(tmp_path / "v1.json"), tmp_path / "old")
    assert report == []
    assert [(p.code, p.role, p.segment) for p in old.participants][:2] == [
        ("P1", Role.CUSTOMER, "first-time buyer"),
        ("P2", Role.CUSTOMER, "plant lover"),
    ]
    assert len(load_study_map(old).index.participants) == 4


def test_every_stats_view_lists_the_staff_section_only_when_it_has_rows():
    from trodden.models.stats import Backing, backing_sections

    tag = Backing("tag", "slow", 1, 2, "slow")
    assert [kind for kind, _ in backing_sections([tag])] == ["item", "tag", "channel"]
    staff = Backing("backstage", "crashes", 1, 2, "1")
    sections = backing_sections([tag, staff])
    assert [kind for kind, _ in sections] == ["item", "backstage", "tag", "channel"]
    assert dict(sections)["backstage"] == [staff] and dict(sections)["item"] == []
