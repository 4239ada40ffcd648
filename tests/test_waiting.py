"""The shared wait helper: returns as soon as the condition holds, fails by name when it never does."""

from __future__ import annotations

import asyncio

import pytest
from waiting import wait_until


class FakePilot:
    """Counts pauses; each one moves a fake world one step on."""

    def __init__(self) -> None:
        self.pauses: list[float | None] = []

    async def pause(self, delay: float | None = None) -> None:
        self.pauses.append(delay)
        await asyncio.sleep(0)


def test_it_returns_the_value_without_pausing_when_the_condition_already_holds() -> None:
    pilot = FakePilot()
    assert asyncio.run(wait_until(pilot, lambda: "ready", "ready")) == "ready"
    assert pilot.pauses == []


def test_it_pauses_until_the_condition_holds() -> None:
    pilot = FakePilot()
    value = asyncio.run(wait_until(pilot, lambda: len(pilot.pauses) >= 3 and "third", "three pauses", step=0.01))
    assert value == "third"
    assert pilot.pauses == [0.01, 0.01, 0.01]


def test_an_async_condition_is_awaited() -> None:
    pilot = FakePilot()

    async def settled() -> bool:
        await asyncio.sleep(0)
        return len(pilot.pauses) == 2

    assert asyncio.run(wait_until(pilot, settled, "two pauses")) is True


def test_it_fails_with_what_it_waited_for() -> None:
    pilot = FakePilot()
    with pytest.raises(AssertionError, match=r"timed out after 0\.05 s waiting for the notes to load"):
        asyncio.run(wait_until(pilot, lambda: False, "the notes to load", timeout=0.05))
    assert pilot.pauses  # it kept the app running while it waited
