"""Which interview capture and the guide work on (models.storage.interviews), and marking it live."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from conftest import CLOCK

from trodden.models.domain import InterviewStatus
from trodden.models.errors import StoreError
from trodden.models.storage.interviews import find_or_start, mark_live, only_one_under_way
from trodden.models.storage.store import StudyStore

LATER = CLOCK + timedelta(days=3)


def test_a_new_participant_gets_a_new_live_interview_starting_now(study: StudyStore) -> None:
    started = find_or_start(study, participant="P7", interviewer="AB", note_taker="CD", clock=lambda: LATER)
    assert started.participant == "P7" and started.status is InterviewStatus.LIVE
    assert started.start == LATER and (started.interviewer, started.note_taker) == ("AB", "CD")
    assert study.data.participant("P7") is not None  # created with the interview
    assert find_or_start(study, participant="p7") == started  # joined (any case), not started twice


def test_a_participant_whose_interviews_are_done_gets_a_new_one(study: StudyStore) -> None:
    done = study.find_interview("P1")
    assert done.status is InterviewStatus.DONE
    started = find_or_start(study, participant="P1", clock=lambda: LATER)
    assert started.id != done.id and started.status is InterviewStatus.LIVE


def test_an_interview_id_or_code_is_found_never_started(study: StudyStore) -> None:
    p1 = study.find_interview("P1")
    assert find_or_start(study, interview=p1.id) == p1
    assert find_or_start(study, interview="P1", participant="P9") == p1  # the interview wins
    before = study.interview_ids()
    with pytest.raises(StoreError, match="no interview 'P9'"):
        find_or_start(study, interview="P9")
    assert study.interview_ids() == before


def test_without_start_it_follows_the_unfinished_else_the_latest_and_writes_nothing(study: StudyStore) -> None:
    before = study.interview_ids()
    assert find_or_start(study, participant="P2", start=False) == study.find_interview("P2")  # done: the latest
    with pytest.raises(StoreError):
        find_or_start(study, participant="P9", start=False)
    assert study.interview_ids() == before
    live = study.new_interview("P2", start=LATER)
    assert find_or_start(study, participant="P2", start=False) == live


def test_neither_an_interview_nor_a_participant_is_an_error(study: StudyStore) -> None:
    with pytest.raises(StoreError, match="participant code"):
        find_or_start(study)


def test_starting_at_once_from_two_processes_joins_one_interview(study: StudyStore) -> None:
    ids: list[str] = []

    def start() -> None:
        ids.append(find_or_start(StudyStore.open(study.path), participant="P9").id)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(ids) == 4 and len(set(ids)) == 1


def test_only_one_under_way(study: StudyStore) -> None:
    assert only_one_under_way(study) is None  # P1 and P2 are done
    first = study.new_interview("P3", start=LATER)
    assert only_one_under_way(study) == first
    study.new_interview("P4", start=LATER)
    assert only_one_under_way(study) is None  # two: the caller lets the user choose


def test_mark_live_starts_a_planned_interview_and_records_the_names(study: StudyStore) -> None:
    planned = study.new_interview("P5", status=InterviewStatus.PLANNED, start=None)
    with study.open_interview(planned.id) as session:
        session.save_interview(session.interview.model_copy(update={"start": None}))
        mark_live(session, interviewer="AB", clock=lambda: LATER)
        live = session.interview
    assert live.status is InterviewStatus.LIVE and live.start == LATER and live.interviewer == "AB"
    assert study.load_interview(planned.id) == live


def test_mark_live_on_a_live_interview_changes_only_what_is_given(study: StudyStore) -> None:
    live = study.new_interview("P6", start=CLOCK, interviewer="AB")
    with study.open_interview(live.id) as session:
        mark_live(session, clock=lambda: LATER)
        assert session.interview == live  # reopened after a crash: nothing rewritten
        mark_live(session, note_taker="CD", clock=lambda: LATER)
        assert session.interview.start == CLOCK and session.interview.note_taker == "CD"


def test_a_participant_whose_latest_interview_json_is_damaged_gets_no_new_interview(study: StudyStore) -> None:
    """The damaged one may be the interview under way: name it and start nothing (unless --new)."""
    damaged = study.interview_dir(study.find_interview("P2").id) / "interview.json"
    damaged.write_text('{"broken', encoding="utf-8")
    before = study.interview_ids()
    with pytest.raises(StoreError, match=r"interview\.json.*nothing was started.*--new"):
        find_or_start(study, participant="P2", clock=lambda: CLOCK + timedelta(days=5))
    assert study.interview_ids() == before
    fresh = find_or_start(study, participant="P2", new=True, clock=lambda: CLOCK + timedelta(days=5))
    assert fresh.id not in before and damaged.read_text(encoding="utf-8") == '{"broken'
