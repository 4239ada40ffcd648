"""Map assembly and the emotion curve as pure functions, on crafted studies."""

from __future__ import annotations

import pytest

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.map.curve import emotion_curve, item_feeling
from trodden.models.map.edit import (
    EditError,
    add_evidence,
    merge_items,
    move_item,
    pick_quote,
    place_note,
    promote_moment,
    remove_item,
    reorder_item,
    set_mark,
)
from trodden.models.map.evidence import inbox, load_study_map
from trodden.models.map.inbox_filter import parse_filter
from trodden.models.map.journey_map import Change, CurveOverride, ItemKind, JourneyMap, MapItem, Mark
from trodden.models.map.map_session import MapSession, read_map
from trodden.models.map.similarity import duplicate_items, similar_items, similarity


class Ids:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self, table: str) -> int:
        self.n += 1
        return self.n


@pytest.fixture
def study(tmp_path):
    return build_study(
        tmp_path / "s",
        ["Finding a plant", "Getting it home"],
        {
            # P1 talks a lot, all happy
            "P1": ["1|++* finds the shop on @instagram"] * 6 + ['2|"It arrived perfect"', "2|++ lovely box"],
            "P2": ["1|--* calls support about the invoice @phone", "2|- box was crushed @delivery"],
            "P3": ["1|-* called support about an invoice @phone", "0|plain note without tags"],
        },
    )


def test_curve_weights_each_participant_once(study):
    loaded = load_study_map(study)
    first, second = emotion_curve(study.phases, loaded.index, JourneyMap())
    # P1 six notes at +2, P2 -2, P3 -1: per participant (2 - 2 - 1) / 3, not by note
    assert first.value == pytest.approx(-1 / 3)
    assert first.n == 3
    assert first.per_participant == {"P1": 2.0, "P2": -2.0, "P3": -1.0}
    assert first.spread > 1.5
    assert second.value == pytest.approx((2 - 1) / 2)


def test_override_is_shown_as_such(study):
    loaded = load_study_map(study)
    journey = JourneyMap(overrides=[CurveOverride(phase="ph1", value=1.5, reason="workshop")])
    point = emotion_curve(study.phases, loaded.index, journey)[0]
    assert point.shown == 1.5 and point.value == pytest.approx(-1 / 3) and point.override is not None


def test_placing_moves_a_note_to_the_item_phase_for_the_curve(study):
    loaded = load_study_map(study)
    note = next(n for n in loaded.index.notes.values() if n.text.startswith("box was crushed"))
    change = place_note(JourneyMap(), note, "ph1", Ids())
    journey = change.applied_to(JourneyMap())
    first = emotion_curve(study.phases, loaded.index, journey)[0]
    assert first.per_participant["P2"] == pytest.approx(-1.5)


def test_inbox_has_tagged_notes_not_placed(study):
    loaded = load_study_map(study)
    notes = inbox(loaded.index, JourneyMap())
    assert all(n.text != "plain note without tags" for n in notes)
    ids = Ids()
    first = notes[0]
    journey = place_note(JourneyMap(), first, "ph1", ids).applied_to(JourneyMap())
    assert first not in inbox(loaded.index, journey)
    with pytest.raises(EditError):
        place_note(journey, first, "ph2", ids)


def test_merge_keeps_every_source_note_and_counts_participants(study):
    loaded = load_study_map(study)
    index = loaded.index
    ids = Ids()
    p2 = next(n for n in index.notes.values() if "calls support" in n.text)
    p3 = next(n for n in index.notes.values() if "called support" in n.text)
    journey = place_note(JourneyMap(), p2, "ph1", ids).applied_to(JourneyMap())
    journey = place_note(journey, p3, "ph1", ids).applied_to(journey)
    assert [s.first for s in duplicate_items(journey, index)] == [1]
    journey = set_mark(journey, 2, Mark.CLOUD).applied_to(journey)
    change = merge_items(journey, 1, [2])
    journey = change.applied_to(journey)
    assert change.drop_items == (2,)
    (item,) = journey.items
    assert item.evidence == [p2.id, p3.id]
    assert item.mark is Mark.CLOUD
    assert index.backing(item) == (2, 3)
    assert item_feeling(item, index).value == pytest.approx(-1.5)


def test_attach_takes_a_note_off_its_other_item(study):
    loaded = load_study_map(study)
    notes = [n for n in loaded.index.notes.values() if n.interview.endswith("P1")][:2]
    ids = Ids()
    journey = JourneyMap()
    for note in notes:
        journey = place_note(journey, note, "ph1", ids).applied_to(journey)
    journey = add_evidence(journey, 1, [notes[1]]).applied_to(journey)
    assert journey.item(1).evidence == [notes[0].id, notes[1].id]
    assert journey.item(2).evidence == [] and journey.item(2).is_hypothesis


def test_move_reorder_promote_remove():
    items = [MapItem(id=i, phase="ph1", order=i, title=f"t{i}", evidence=[f"x/{i}"]) for i in (1, 2, 3)]
    journey = JourneyMap(items=items)
    journey = reorder_item(journey, 3, -1).applied_to(journey)
    cell = sorted((i for i in journey.items if i.phase == "ph1"), key=lambda i: i.order)
    assert [i.id for i in cell] == [1, 3, 2]
    journey = move_item(journey, 1, "ph2").applied_to(journey)
    assert journey.item(1).phase == "ph2"
    journey = promote_moment(journey, 2, "How might we keep the plant alive?").applied_to(journey)
    assert journey.item(2).kind is ItemKind.MOMENT
    assert journey.item(2).evidence == ["x/2"]
    journey = remove_item(journey, 3).applied_to(journey)
    assert journey.item(3) is None


def test_quotes_only_from_quote_notes(study):
    loaded = load_study_map(study)
    quote = next(n for n in loaded.index.notes.values() if n.text == "It arrived perfect")
    other = next(n for n in loaded.index.notes.values() if n.text == "lovely box")
    journey = pick_quote(JourneyMap(), quote, "ph2", Ids()).applied_to(JourneyMap())
    assert journey.quotes[0].note == quote.id
    with pytest.raises(EditError):
        pick_quote(journey, other, "ph2", Ids())


def test_session_stores_changes_and_a_reader_sees_them(study):
    with MapSession(study.path, writable=True) as session:
        item = MapItem(id=session.next_id("items"), phase="ph1", title="Hypothesis: asks a friend")
        session.apply(Change(items=(item,)))
        reader = MapSession(study.path, writable=False).open()
        assert reader.load().items == [item]
        session.apply(Change(drop_items=(item.id,)))
        assert reader.refresh()
        assert reader.load().items == []
        reader.close()
        session.set_override(study.phases, CurveOverride(phase="ph2", value=1), "ph2")
        session.set_override(study.phases, CurveOverride(phase="ph2", value=-1), "ph2")
    overrides = read_map(study.path).overrides
    assert [o.value for o in overrides] == [-1]


def test_similarity_across_languages():
    assert similarity("Calls support about the invoice", "Called support about invoice") > 0.45
    assert similarity("Ringer supporten om fakturan", "Ringde supporten om fakturan") > 0.45
    assert similarity("Calls support about the invoice", "Loves the box") < 0.2


def test_similar_items_for_an_inbox_note(study):
    loaded = load_study_map(study)
    p2 = next(n for n in loaded.index.notes.values() if "calls support" in n.text)
    p3 = next(n for n in loaded.index.notes.values() if "called support" in n.text)
    journey = place_note(JourneyMap(), p2, "ph1", Ids()).applied_to(JourneyMap())
    assert [item.id for item, _ in similar_items(p3, journey, loaded.index, "ph1")] == [1]
    assert similar_items(p3, journey, loaded.index, "ph2") == []


def test_inbox_filter(study):
    loaded = load_study_map(study)
    notes = inbox(loaded.index, JourneyMap())

    def shown(query: str) -> set[str]:
        match = parse_filter(query, loaded.data, loaded.index.participants).predicate(loaded.index)
        return {n.text for n in notes if match(n)}

    assert shown("@phone") == {"calls support about the invoice @phone", "called support about an invoice @phone"}
    assert shown("P3 @phone") == {"called support about an invoice @phone"}
    assert shown("kind:quote") == {"It arrived perfect"}
    assert shown("phase:2 -") == {"box was crushed @delivery"}
    assert shown("INVOICE p:p2") == {"calls support about the invoice @phone"}
    assert parse_filter("kind:nonsense", loaded.data).problems


def test_inverse_undoes_every_kind_of_edit(study):
    loaded = load_study_map(study)
    notes = sorted(loaded.index.notes.values(), key=lambda n: n.id)
    ids = Ids()
    journey = JourneyMap()
    for note in notes[:3]:
        journey = place_note(journey, note, "ph1", ids).applied_to(journey)
    for make in (
        lambda j: merge_items(j, 1, [2, 3]),
        lambda j: move_item(j, 1, "ph2"),
        lambda j: remove_item(j, 1),
        lambda j: place_note(j, notes[5], "ph2", ids),
    ):
        from trodden.models.map.edit import inverse

        change = make(journey)
        after = change.applied_to(journey)
        back = inverse(journey, change).applied_to(after)
        assert sorted(back.items, key=lambda i: i.id) == sorted(journey.items, key=lambda i: i.id)
        journey = after


def test_a_hand_edited_old_map_names_its_file_and_stays_untouched(tmp_path):
    """An old single-editor map (``map.*``) is converted on open; a bad entry in it is named."""
    from trodden.models.errors import CorruptFile
    from trodden.models.sample import write_sample
    from trodden.models.storage.durable import DurableDB

    store = write_sample(tmp_path / "study")
    with DurableDB(store.path, "map", writable=True) as old:
        old.put("items", 1, {"id": 1, "title": "Asks a friend", "kind": "banana"})
    path = store.path / "map.json"
    before = path.read_bytes()
    with pytest.raises(CorruptFile, match=r"map\.json.*kind"), MapSession(store.path, writable=False) as session:
        session.load()
    assert path.read_bytes() == before
