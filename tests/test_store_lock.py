"""One writer per file set: a second writer gets a clear message, readers always work,
and a lock left by a killed process never blocks the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from trodden.models.errors import Locked
from trodden.models.notes.syntax import parse
from trodden.models.storage.store import StudyStore

HOLDER = textwrap.dedent(
    """
    import sys
    from trodden.models.storage.store import StudyStore
    store = StudyStore.open(sys.argv[1])
    session = store.open_interview(sys.argv[2])
    session.add_note(__import__("trodden.models.notes.syntax", fromlist=["parse"]).parse("from the holder"))
    print("ready", flush=True)
    sys.stdin.read()  # hold the lock until killed or stdin closes
    session.close()
    """
)


def _start_holder(study: StudyStore, interview_id: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(study.path), interview_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "ready"
    return process


def test_a_second_writer_in_the_same_process_is_refused(live_interview) -> None:
    with pytest.raises(Locked) as caught:
        live_interview.store.open_interview(live_interview.interview.id)
    message = str(caught.value)
    assert "already open for writing by process" in message and str(os.getpid()) in message
    assert message.startswith(f"interview {live_interview.interview.id} (")
    assert "open it read-only" in message and "\n" not in message


def test_another_process_holds_the_lock_then_is_killed(study: StudyStore) -> None:
    interview_id = study.find_interview("P1").id
    holder = _start_holder(study, interview_id)
    try:
        with pytest.raises(Locked, match=f"process {holder.pid} "):
            study.open_interview(interview_id)
        with study.open_interview(interview_id, writable=False) as reader:  # read-only always works
            assert reader.notes()[-1].text == "from the holder"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    # the kernel dropped the killed holder's lock: the next writer starts at once
    with study.open_interview(interview_id) as session:
        assert session.notes()[-1].text == "from the holder"
        session.add_note(parse("after the kill"))


def test_a_closed_writer_releases_the_lock(live_interview) -> None:
    live_interview.close()
    with live_interview.store.open_interview(live_interview.interview.id) as again:
        again.add_note(parse("x"))


def test_study_json_updates_from_two_stores_do_not_lose_each_other(study: StudyStore) -> None:
    a, b = StudyStore.open(study.path), StudyStore.open(study.path)
    a.ensure_participant("P10")
    b.ensure_participant("P11")  # b's in-memory copy is stale; the update re-reads under the lock
    codes = [p.code for p in StudyStore.open(study.path).participants]
    assert "P10" in codes and "P11" in codes
