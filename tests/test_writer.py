"""The one writer every screen uses: order, errors as messages, nothing dropped on close."""

from __future__ import annotations

import threading

import pytest
from textual.message import Message

from trodden.tui.writer import WriteFailed, Writer


class Done(Message):
    def __init__(self, value: object) -> None:
        super().__init__()
        self.value = value


class Owner:
    """Stands in for a screen: records what the writer posts (post_message is all it calls)."""

    def __init__(self) -> None:
        self.posted: list[Message] = []
        self.threads: set[str] = set()

    def post_message(self, message: Message) -> bool:
        self.threads.add(threading.current_thread().name)
        self.posted.append(message)
        return True


def test_jobs_run_in_submission_order_off_the_calling_thread() -> None:
    owner, stored = Owner(), []
    writer = Writer(owner, "test")  # type: ignore[arg-type]
    gate = threading.Event()
    writer.submit(lambda: gate.wait(5) and None)  # the first job blocks while more queue up behind it
    for number in range(200):
        writer.submit(lambda number=number: stored.append(number) or Done(number))
    assert writer.busy
    gate.set()
    assert writer.wait_idle(5)
    assert stored == list(range(200))
    assert [message.value for message in owner.posted] == list(range(200))
    assert owner.threads == {"trodden-test-writer"}
    assert writer.close()


def test_an_error_becomes_a_message_and_the_queue_goes_on() -> None:
    owner = Owner()
    writer = Writer(owner, "test")  # type: ignore[arg-type]
    writer.submit(lambda: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    writer.submit(lambda: 1 / 0, on_error=lambda error: Done(f"own: {type(error).__name__}"))
    writer.submit(lambda: Done("after"))
    writer.close()
    first, second, third = owner.posted
    assert isinstance(first, WriteFailed) and "No space left" in str(first.error)
    assert second.value == "own: ZeroDivisionError"
    assert third.value == "after"


def test_close_runs_what_is_queued_then_refuses_more() -> None:
    owner, stored = Owner(), []
    writer = Writer(owner, "test")  # type: ignore[arg-type]
    for number in range(50):
        writer.submit(lambda number=number: stored.append(number))
    assert writer.close()
    assert stored == list(range(50))
    assert not writer.busy
    with pytest.raises(RuntimeError):
        writer.submit(lambda: None)


def test_a_writer_that_never_wrote_starts_no_thread() -> None:
    writer = Writer(Owner(), "idle")  # type: ignore[arg-type]
    assert not writer.busy and writer.wait_idle(0) and writer.close(0)
    assert "trodden-idle-writer" not in {thread.name for thread in threading.enumerate()}


def test_held_jobs_wait_in_order_until_released_and_a_hold_lapses_by_itself() -> None:
    owner, stored = Owner(), []
    writer = Writer(owner, "test")  # type: ignore[arg-type]
    writer.hold(600)  # a key's frame being drawn: the jobs queue behind it
    for number in range(3):
        writer.submit(lambda number=number: stored.append(number))
    assert writer.busy and stored == []
    writer.release()
    assert writer.wait_idle(5) and stored == [0, 1, 2]
    ran = threading.Event()
    writer.hold(0.001)  # never released: the hold lapses, nothing waits for a frame that never comes
    writer.submit(ran.set)
    assert ran.wait(5)
    writer.hold(600)
    writer.submit(lambda: stored.append("flushed"))
    assert writer.wait_idle(5) and stored[-1] == "flushed"  # waiting for the writes ends a hold
    writer.hold(600)
    writer.submit(lambda: stored.append("closed"))
    assert writer.close() and stored[-1] == "closed"  # so does closing: nothing is lost
