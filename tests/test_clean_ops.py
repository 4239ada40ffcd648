"""Cleaning operations (pure) and the undo stack."""

from __future__ import annotations

from datetime import datetime

import pytest

from trodden.models.domain import Kind, Note, Revision
from trodden.models.notes import cleaning
from trodden.models.notes.cleaning import CleanError, CleanState

AT = datetime(2026, 3, 5, 12, 0)
WALL = datetime(2026, 3, 5, 10, 1)


def note(seq: int, raw: str, t: float = 60.0, **fields) -> Note:
    draft = cleaning.parse_line(raw)
    return Note(
        id=f"i/{seq}",
        interview="i",
        seq=seq,
        t=t,
        wall=WALL,
        text=draft.text,
        kinds=list(draft.kinds),
        valence=draft.valence,
        channels=list(draft.channels),
        tags=list(draft.tags),
        history=[Revision(at=WALL, raw=raw)],
        **fields,
    )


def test_edit_appends_a_revision_and_keeps_the_raw_line():
    original = note(1, '"jag gilar det" @web')
    edited = cleaning.edit(original, '"+ jag gillar det" @web #pris', AT)
    assert edited.text == "jag gillar det"
    assert edited.valence == 1
    assert edited.tags == ["pris"]
    assert edited.channels == ["web"]
    assert edited.raw == '"jag gilar det" @web'
    assert [r.raw for r in edited.history][-1] == cleaning.line_of(edited)
    assert cleaning.quote_changed(edited)
    assert cleaning.original_text(edited) == "jag gilar det"


def test_edit_that_only_changes_markers_does_not_flag_the_quote():
    original = note(1, '"jag gillar det"')
    edited = cleaning.edit(original, '"++ jag gillar  det"', AT)
    assert not cleaning.quote_changed(edited)


def test_edit_to_nothing_is_refused():
    with pytest.raises(CleanError):
        cleaning.edit(note(1, "x"), "   ", AT)


def test_slash_lines_stay_text():
    edited = cleaning.edit(note(1, "x"), "/theme 2", AT)
    assert edited.text == "/theme 2"


def test_checked_verbatim_is_void_after_the_words_change():
    quote = cleaning.set_checked(note(1, '"ord för ord"'), True)
    assert quote.checked
    assert cleaning.toggle_kind(quote, Kind.TOUCHPOINT, AT).checked
    assert not cleaning.edit(quote, '"ord för ord, typ"', AT).checked
    with pytest.raises(CleanError):
        cleaning.set_checked(note(2, "inte ett citat"), True)


def test_kinds_and_valence():
    plain = note(1, "leveransen")
    cloud = cleaning.nudge_valence(cleaning.nudge_valence(plain, -1, AT), -1, AT)
    assert cloud.valence == -2
    assert cleaning.nudge_valence(cloud, -1, AT).valence == -2
    assert cleaning.set_valence(cloud, None, AT).valence is None
    moment = cleaning.toggle_kind(plain, Kind.MOMENT, AT)
    assert moment.kinds == [Kind.MOMENT]
    assert cleaning.toggle_kind(moment, Kind.MOMENT, AT).kinds == []


def test_merge_unites_and_deletes_the_second():
    first = note(1, "+ hittade butiken @web")
    second = note(2, "--! via grannen #wom", t=70, theme="th2")
    merged, gone = cleaning.merge(first, second, AT)
    assert merged.text == "hittade butiken @web via grannen #wom"
    assert merged.valence == -2
    assert merged.kinds == [Kind.MOMENT]
    assert merged.channels == ["web"]
    assert merged.tags == ["wom"]
    assert merged.theme == "th2"
    assert gone.deleted and gone.history == second.history
    with pytest.raises(CleanError):
        cleaning.merge(first, first, AT)


def test_split_moves_tokens_with_their_words_and_keeps_the_raw_line():
    original = note(3, "* köpte jord @butik sen kom leveransen #sen @web", theme="th1", phase="ph2")
    position = original.text.index("sen kom")
    first, second = cleaning.split(original, position, 9, AT)
    assert first.text == "köpte jord @butik"
    assert second.text == "sen kom leveransen #sen @web"
    assert first.channels == ["butik"] and second.channels == ["web"]
    assert second.tags == ["sen"] and first.tags == []
    assert second.kinds == [Kind.TOUCHPOINT] and second.theme == "th1" and second.phase == "ph2"
    assert second.id == "i/9" and second.seq == 9 and second.t == original.t
    assert first.raw == second.raw == original.raw
    with pytest.raises(CleanError):
        cleaning.split(original, 0, 9, AT)
    with pytest.raises(CleanError):
        cleaning.split(original, len(original.text), 9, AT)


def test_reading_order_puts_a_split_part_after_its_origin():
    notes = [note(1, "a", t=0), note(2, "b c", t=0), note(3, "d", t=0)]
    first, second = cleaning.split(notes[1], 2, 4, AT)
    ordered = cleaning.reading_order([notes[0], first, notes[2], second])
    assert [n.seq for n in ordered] == [1, 2, 4, 3]


def test_undo_restores_each_step_in_reverse():
    state = CleanState.of([note(1, "a b", t=1), note(2, "c", t=2)])
    state.apply("edit", [cleaning.edit(state.notes[1], "a  b!", AT)])
    first, second = cleaning.split(state.notes[1], 2, state.next_seq(), AT)
    state.apply("split", [first, second])
    merged, gone = cleaning.merge(state.notes[3], state.notes[2], AT)
    state.apply("join", [merged, gone])
    assert [n.text for n in state.ordered()] == ["a", "b! c"]

    undo = state.undo()
    assert undo.label == "undo join"
    assert [n.text for n in state.ordered()] == ["a", "b!", "c"]
    undo = state.undo()
    assert [n.seq for n in undo.after] == [1, 3]
    assert undo.after[1].deleted  # the note the split created is soft-deleted, not lost
    assert [n.text for n in state.ordered()] == ["a  b!", "c"]
    state.undo()
    assert [n.text for n in state.ordered()] == ["a b", "c"]
    assert state.notes[1].history == note(1, "a b", t=1).history
    assert state.undo() is None


def test_a_step_that_changes_nothing_is_not_an_undo_step():
    state = CleanState.of([note(1, "a")])
    state.apply("theme", [cleaning.set_theme(state.notes[1], None)])
    assert not state.can_undo


def test_the_reading_order_is_kept_between_steps_and_follows_every_step_and_undo():
    state = CleanState.of([note(1, "first", t=10.0), note(2, "second", t=20.0), note(3, "third", t=30.0)])
    assert [n.seq for n in state.ordered()] == [1, 2, 3]
    state.ordered().pop()  # a caller's copy: the kept order is not changed by it
    state.apply("delete", [cleaning.set_deleted(state.notes[2], True)])
    assert [n.seq for n in state.ordered()] == [1, 3]
    assert [n.seq for n in state.ordered(include_deleted=True)] == [1, 2, 3]
    state.undo()
    assert [n.seq for n in state.ordered()] == [1, 2, 3]


def test_the_kept_reading_order_is_the_sorted_one_after_any_steps_and_undos():
    """Steps that move no note keep the order without a sort (a long interview's keys stay fast):
    after every step of a seeded random walk it is the order a fresh sort gives."""
    import random

    chance = random.Random(17)
    at = datetime(2026, 3, 5, 12, 0)
    notes = [note(seq, f"note {seq} ord", t=float(10 * (seq // 2))) for seq in range(1, 13)]
    state = CleanState.of([n.model_copy(update={"history": []}) if n.seq % 2 else n for n in notes])  # as captured
    for _ in range(150):
        live = state.ordered()
        picked = chance.choice(live)
        step = chance.randrange(6)
        if step == 0:
            state.apply("quote", [cleaning.toggle_kind(picked, Kind.QUOTE, at)])
        elif step == 1:
            state.apply("edit", [cleaning.edit(picked, picked.text + " mer", at)])
        elif step == 2 and picked is not live[-1]:
            state.apply("join", list(cleaning.merge(picked, state.neighbour_after(picked.seq), at)))
        elif step == 3 and " " in picked.text:
            state.apply("split", list(cleaning.split(picked, picked.text.index(" "), state.next_seq(), at)))
        elif step == 4 and len(live) > 4:
            state.apply("delete", [cleaning.set_deleted(picked, True)])
        else:
            state.undo()
        fresh = cleaning.reading_order(list(state.notes.values()))
        assert [n.seq for n in state.ordered(include_deleted=True)] == [n.seq for n in fresh]
        assert state.ordered(include_deleted=True) == fresh  # the notes as they are now, not as sorted
        assert [n.seq for n in state.ordered()] == [n.seq for n in fresh if not n.deleted]
