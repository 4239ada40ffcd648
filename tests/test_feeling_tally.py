"""The curves' counts made in one pass (``FeelingTally``) are the counts the per-note rules give.

``NotesIndex`` once filtered every note through ``customer_feeling`` / ``staff_feeling`` and summed
them in separate passes; one loop over the notes' facts replaced them (issue 11: at 50,000 notes
the passes cost more than a tenth of reading the notes). These property tests hold the loop to
the rules, written out again here the slow, plain way: a staff interview's feeling and a
backstage note's never count in the customers' curve; a report's notes (``ShownNotes``) and the
plain notes give the same counts, and counting reads (redacts) no note.
"""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from trodden.models.domain import Kind, Note, Participant, Phase, Revision
from trodden.models.map.curve import emotion_curve, staff_curve
from trodden.models.map.evidence import NotesIndex
from trodden.models.map.journey_map import JourneyMap, MapItem
from trodden.models.notes.shown_notes import ShownNotes

WALL = datetime(2026, 3, 2, 10, 0)
INTERVIEWS = {"i1": "P1", "i2": "P2", "i3": "S1", "i4": "P1"}
"""interview -> participant: S1 is staff, P1 has two interviews; ``i5`` is in no list (its own code)."""
PEOPLE = [Participant(code="s1", role="staff", team="Support"), Participant(code="P2", segment="new")]
PHASES = [None, "ph1", "ph2"]

NOTE = st.tuples(
    st.sampled_from([*INTERVIEWS, "i5"]),
    st.sampled_from([None, -2, -1, 0, 1, 2]),
    st.lists(st.sampled_from([Kind.BACKSTAGE, Kind.TOUCHPOINT, Kind.QUOTE]), max_size=2, unique=True),
    st.sampled_from(PHASES),
    st.booleans(),
)


def _notes(specs) -> dict[str, list[Note]]:
    by_interview: dict[str, list[Note]] = {}
    for seq, (interview, valence, kinds, phase, deleted) in enumerate(specs, start=1):
        note = Note(
            id=f"{interview}/{seq}",
            interview=interview,
            seq=seq,
            t=float(seq),
            wall=WALL,
            text=f"note {seq}",
            kinds=kinds,
            valence=valence,
            phase=phase,
            deleted=deleted,
            history=[Revision(at=WALL, raw=f"note {seq}")],
        )
        by_interview.setdefault(interview, []).append(note)
    return by_interview


def _plain_totals(index: NotesIndex, counts) -> tuple[dict, dict]:
    """feeling_of and base totals by the per-note rule, as the separate passes made them."""
    feeling_of, totals = {}, {}
    for note in index.notes.values():
        if counts(note):
            who = index.participant(note)
            feeling_of[note.id] = (who, note.valence, note.phase)
            entry = totals.setdefault(note.phase, {}).setdefault(who, [0, 0])
            entry[0] += note.valence
            entry[1] += 1
    return feeling_of, totals


@settings(max_examples=60, deadline=None)
@given(specs=st.lists(NOTE, max_size=30))
def test_one_pass_counts_what_the_per_note_rules_count(specs) -> None:
    notes = _notes(specs)
    index = NotesIndex.build(notes, INTERVIEWS, PEOPLE)
    assert index.staff == (("S1",) if "i3" in notes else ())
    plain = NotesIndex.build(notes, INTERVIEWS, PEOPLE)
    customer_of, customer_totals = _plain_totals(plain, plain.customer_feeling)
    staff_of, staff_totals = _plain_totals(plain, plain.staff_feeling)
    assert list(index.feeling_of.items()) == list(customer_of.items())  # the same, in note order
    assert index.base_totals == customer_totals
    assert index.staff_feeling_of == staff_of and index.staff_base_totals == staff_totals
    assert index.interviews_with_notes == {n.interview for batch in notes.values() for n in batch if not n.deleted}
    for _, (who, _valence, _phase) in index.feeling_of.items():
        assert who != "S1"  # never staff in the customers' curve
    backstage = {n.id for batch in notes.values() for n in batch if Kind.BACKSTAGE in n.kinds}
    assert not backstage & set(index.feeling_of)  # never a backstage feeling


@settings(max_examples=30, deadline=None)
@given(specs=st.lists(NOTE, max_size=30), placed=st.lists(st.integers(1, 30), max_size=5))
def test_a_reports_notes_count_as_the_plain_notes_and_are_not_read(specs, placed) -> None:
    notes = _notes(specs)
    ids = [n.id for batch in notes.values() for n in batch]
    evidence = [ids[p - 1] for p in placed if p <= len(ids)]
    journey = JourneyMap(items=[MapItem(id=1, phase="ph2", order=1, title="x", evidence=evidence)])
    made: list[ShownNotes] = []

    def shown(by_id):
        made.append(ShownNotes(by_id, lambda text: "[redacted]"))
        return made[-1]

    report = NotesIndex.build(notes, INTERVIEWS, PEOPLE, shown=shown)
    plain = NotesIndex.build(notes, INTERVIEWS, PEOPLE)

    phases = [Phase(id="ph1", name="One", order=1), Phase(id="ph2", name="Two", order=2)]
    assert emotion_curve(phases, report, journey) == emotion_curve(phases, plain, journey)
    assert staff_curve(phases, report, journey) == staff_curve(phases, plain, journey)
    assert report.interviews_with_notes == plain.interviews_with_notes
    assert made[0].read == frozenset()  # the counting read no note's text
