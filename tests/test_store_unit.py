"""The study store: interviews, notes, history, events, readers following a writer."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from conftest import CLOCK, P1_LINES, P2_LINES

from trodden.models.domain import InterviewStatus, Kind
from trodden.models.errors import ReadOnly, StoreError, StudyNotFound
from trodden.models.notes.syntax import parse
from trodden.models.storage.store import StudyStore


def test_the_crafted_study_reads_back(study: StudyStore) -> None:
    again = StudyStore.open(study.path)
    assert again.study.name == "Creating a thriving home"
    assert again.phases[0].name == "Everyday life with plants"
    assert again.guide.find_theme("2").title == "Buying plants"
    assert again.data.find_phase("search").id == "ph2"
    interviews, problems = again.interviews()
    assert problems == []
    assert [i.participant for i in interviews] == ["P1", "P2"]
    assert all(i.status is InterviewStatus.DONE for i in interviews)
    notes, problems = again.all_notes()
    assert problems == []
    assert [len(n) for n in notes.values()] == [len(P1_LINES), len(P2_LINES)]


def test_a_note_keeps_what_was_typed(study: StudyStore) -> None:
    p1 = study.find_interview("p1")
    with study.open_interview(p1.id, writable=False) as session:
        first, second = session.notes()[:2]
    assert first.id == f"{p1.id}/1" and first.seq == 1
    assert first.kinds == [Kind.QUOTE] and first.channels == ["butik"]
    assert first.text == "Jag vill bara att mina växter ska må bra"
    assert first.raw == P1_LINES[0]
    assert (first.theme, first.phase) == ("th1", "ph1")
    assert first.t == 60.0 and first.wall == CLOCK + timedelta(minutes=1)
    assert second.kinds == [Kind.TOUCHPOINT] and second.valence == -1 and second.tags == ["kundtjänst"]


def test_new_interview_returns_the_unfinished_one(study: StudyStore) -> None:
    first = study.new_interview("P3", start=CLOCK)
    assert study.new_interview("p3", start=CLOCK) == first
    assert study.unfinished_interview("P3") == first
    forced = study.new_interview("P3", start=CLOCK, force_new=True)
    assert forced.id == f"{first.id}-2"


def test_elapsed_time_skips_pauses(live_interview) -> None:
    start = live_interview.interview.start
    live_interview.pause(start + timedelta(seconds=60))
    live_interview.resume(start + timedelta(seconds=160))
    note = live_interview.add_note(parse("after the pause"), wall=start + timedelta(seconds=200))
    assert note.t == 100.0
    assert live_interview.end(start + timedelta(seconds=300)).status is InterviewStatus.DONE


def test_revise_keeps_history_and_soft_delete_restores(live_interview) -> None:
    session = live_interview
    typed = "*- kundtjänst svarade inte @telefon"
    note = session.add_note(parse(typed), raw=typed, wall=CLOCK)
    revised = session.revise(note.seq, parse("*-- kundtjänst svarade aldrig @telefon"), at=CLOCK)
    assert revised.valence == -2
    assert [r.raw for r in revised.history] == [typed, "--* kundtjänst svarade aldrig @telefon"]
    assert revised.raw == typed
    session.delete_note(note.seq)
    assert session.notes() == [] and session.notes(include_deleted=True)[0].deleted
    session.restore_note(note.seq)
    session.update_note(note.seq, theme="th2", phase="ph3")
    session.close()
    reopened = session.store.open_interview(session.interview.id, writable=False)
    [stored] = reopened.notes()
    assert (stored.theme, stored.phase, stored.valence, len(stored.history)) == ("th2", "ph3", -2, 2)


def test_bad_updates_are_clear_errors(live_interview) -> None:
    note = live_interview.add_note(parse("x"), wall=CLOCK)
    with pytest.raises(StoreError, match="no note 99"):
        live_interview.update_note(99, deleted=True)
    with pytest.raises(StoreError, match="valence"):
        live_interview.update_note(note.seq, valence=7)
    assert live_interview.note(note.seq).valence is None


def test_sequence_numbers_continue_after_reopen(live_interview) -> None:
    for word in ("a", "b", "c"):
        live_interview.add_note(parse(word), wall=CLOCK)
    live_interview.close()
    with live_interview.store.open_interview(live_interview.interview.id) as again:
        assert again.add_note(parse("d"), wall=CLOCK).seq == 4


def test_read_only_sessions_refuse_writes(study: StudyStore) -> None:
    p1 = study.find_interview("P1")
    with study.open_interview(p1.id, writable=False) as reader, pytest.raises(ReadOnly):
        reader.add_note(parse("nope"))


def test_a_reader_follows_the_writer_incrementally(live_interview) -> None:
    store, interview_id = live_interview.store, live_interview.interview.id
    reader = store.open_interview(interview_id, writable=False)
    assert reader.refresh() is False
    live_interview.add_note(parse("one"), wall=CLOCK)
    live_interview.add_note(parse("two"), wall=CLOCK)
    assert reader.refresh() is True
    assert [n.text for n in reader.notes()] == ["one", "two"]
    live_interview.delete_note(1)
    live_interview.db.compact()  # the reader must notice a new snapshot too
    live_interview.add_note(parse("three"), wall=CLOCK)
    assert reader.refresh() is True
    assert [n.text for n in reader.notes()] == ["two", "three"]
    live_interview.pause(CLOCK + timedelta(days=2, minutes=5))
    assert reader.refresh() is True and reader.interview.paused


def test_events_are_durable_and_ordered(live_interview) -> None:
    live_interview.record_event("theme", "th1", at=CLOCK)
    live_interview.record_event("phase", "ph2", at=CLOCK + timedelta(seconds=5))
    live_interview.close()
    with live_interview.store.open_interview(live_interview.interview.id, writable=False) as reader:
        assert [(e.kind, e.value) for e in reader.events()] == [("theme", "th1"), ("phase", "ph2")]


def test_update_keeps_changes_made_by_another_process(study: StudyStore) -> None:
    other = StudyStore.open(study.path)
    other.ensure_participant("P9")
    study.update(lambda data: setattr(data.study, "purpose", "changed"))
    fresh = StudyStore.open(study.path)
    assert fresh.data.participant("P9") is not None and fresh.study.purpose == "changed"
    assert other.reload() is True and other.study.purpose == "changed"


def test_find_interview_and_missing_study(study: StudyStore, tmp_path) -> None:
    assert study.find_interview("P2").participant == "P2"
    with pytest.raises(StoreError, match="no interview 'P7'"):
        study.find_interview("P7")
    with pytest.raises(StudyNotFound, match="does not exist"):
        StudyStore.open(tmp_path / "nowhere")
    with pytest.raises(StudyNotFound, match="not a trodden study"):
        StudyStore.open(tmp_path)
    with pytest.raises(StoreError, match="already holds a study"):
        StudyStore.create(study.path, study.study)


def test_batch_save_is_one_line_in_the_journal(live_interview) -> None:
    notes = [live_interview.add_note(parse(f"note {i}"), wall=CLOCK) for i in range(3)]
    journal = sorted(live_interview.folder.glob("notes.journal.*"))[-1]
    before = journal.read_bytes().count(b"\n")
    live_interview.save_notes([n.model_copy(update={"tags": ["batch"]}) for n in notes])
    assert journal.read_bytes().count(b"\n") == before + 1
    assert all(n.tags == ["batch"] for n in live_interview.notes())


def test_reading_while_a_worker_thread_writes(live_interview) -> None:
    """The capture screen writes from a worker thread while the UI thread reads."""
    import threading

    from tinydb import Query

    errors: list[BaseException] = []
    first = live_interview.add_note(parse("first #t"), wall=CLOCK)
    # A big table, so a search is long enough for the writer to get the GIL mid-way.
    live_interview.save_notes([first.model_copy(update={"seq": seq}) for seq in range(2, 3001)])

    reading = threading.Event()

    def write() -> None:
        try:
            reading.wait(30)  # the reads overlap the writes however the threads are scheduled
            for i in range(100):
                live_interview.add_note(parse(f"note {i} #t"), wall=CLOCK)
                live_interview.record_event("theme", "th1", at=CLOCK)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    worker = threading.Thread(target=write)
    worker.start()
    reads = 0
    while True:
        live_interview.notes()
        live_interview.events()
        live_interview.db.search("notes", Query().tags.any(["t"]))
        live_interview.db.ids("notes")
        reads += 1
        reading.set()
        if not worker.is_alive():
            break
    worker.join()
    assert errors == [] and reads > 0
    assert len(live_interview.notes()) == 3100 and len(live_interview.events()) == 100


def test_new_interview_on_a_given_date(study: StudyStore) -> None:
    start = datetime(2026, 10, 20, 14, 0)
    interview = study.new_interview("P7", start=start, date=date(2026, 10, 20), interviewer="KL")
    assert (interview.id, interview.date, interview.start, interview.interviewer) == (
        "2026-10-20-P7",
        date(2026, 10, 20),
        start,
        "KL",
    )
    assert study.load_interview(interview.id) == interview
