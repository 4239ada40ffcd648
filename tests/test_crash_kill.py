"""SIGKILL a writer at random moments: every acknowledged operation survives, every
file loads, and the operation in flight is applied whole or not at all.

A handful of trials here; ``python bench/crash.py`` runs hundreds with the same code.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "crash.py"


@pytest.fixture(scope="module")
def crash():
    spec = importlib.util.spec_from_file_location("trodden_bench_crash", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_kills_lose_nothing_acknowledged(crash, tmp_path: Path) -> None:
    folder = tmp_path / "study"
    # 1,000 notes and a snapshot every 5 writes: kills also land while snapshots are written.
    state = crash.prepare(folder, 1000)
    plans = [  # (kill after N, counting intents or acks, idle loop turns before the kill)
        (3, False, 0),
        (25, True, 0),
        (12, False, 50_000),
        (40, True, 20_000),
        (1, True, 0),
    ]
    results = []
    for trial, (count, on_intent, spin) in enumerate(plans):
        state, result = crash.run_trial(
            folder, state, seed=trial, kill_after=count, compact_every=5, on_intent=on_intent, spin=spin
        )
        results.append(result)
    assert sum(r.acknowledged for r in results) >= sum(count for count, on_intent, _ in plans if not on_intent)
    assert len(state.notes) > 1000
    # a clean session on top of all the crashes changes nothing
    store = crash.StudyStore.open(folder)
    store.open_interview(store.find_interview(crash.PARTICIPANT).id).close()
    assert crash.read_state(folder)[0] == state
