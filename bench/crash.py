"""Kill a trodden writer with SIGKILL at random moments; check nothing acknowledged is lost.

A writer subprocess adds, revises, deletes and restores notes, saves batches, records
events and pauses/resumes the interview, with frequent background snapshots (so kills
land while snapshots are being written too). Before each operation it prints its
intent, after the call returns it prints an acknowledgement (flushed). The parent kills
it after a random number of acknowledgements, reopens the study and checks that the
stored state is exactly the acknowledged state, or that plus the one operation in
flight (all of it, never part of it), and that every file loads.

    python bench/crash.py [--quick] [--trials 300] [--seed 1]

The test suite runs a handful of trials of the same code (tests/test_crash_kill.py).
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from trodden.models.domain import Note, Revision, Study, note_id
from trodden.models.notes.syntax import NoteDraft
from trodden.models.storage.store import StudyStore

START = datetime(2026, 3, 2, 10, 0)
PARTICIPANT = "P1"

# ----------------------------------------------------------------------------- writer


def writer(folder: str, seed: int, compact_every: int) -> None:
    """The process that gets killed: random operations, intent before, ack after."""
    rng = random.Random(seed)
    store = StudyStore.open(folder)
    interview = store.find_interview(PARTICIPANT)
    session = store.open_interview(interview.id)
    session.db.compact_every = compact_every
    out = sys.stdout
    counter = 0
    while True:
        counter += 1
        op = choose(session, rng, f"{seed}-{counter}")
        out.write("I " + json.dumps(op) + "\n")
        out.flush()
        perform(session, op, counter)
        out.write("A\n")
        out.flush()


def choose(session, rng: random.Random, tag: str) -> dict:
    """The next operation, as the checker will replay it (``items``: seq, text, deleted)."""
    seqs = sorted(session._notes)
    choice = rng.random()
    if choice < 0.55 or not seqs:
        seq = session.next_seq()
        return {"op": "put", "do": "add", "items": [[seq, f"note {seq} of run {tag} åäö", False]]}
    if choice < 0.70:
        seq = rng.choice(seqs)
        return {"op": "put", "do": "revise", "items": [[seq, f"revised {seq} in {tag}", session.note(seq).deleted]]}
    if choice < 0.82:
        seq = rng.choice(seqs)
        note = session.note(seq)
        return {"op": "put", "do": "mark", "items": [[seq, note.text, not note.deleted]]}
    if choice < 0.90:
        chosen = rng.sample(seqs, min(len(seqs), rng.randint(2, 6)))
        return {"op": "put", "do": "batch", "items": [[s, f"batch {tag} {s}", session.note(s).deleted] for s in chosen]}
    if choice < 0.95:
        return {"op": "event"}
    return {"op": "pause", "paused": not session.interview.paused}


def perform(session, op: dict, counter: int) -> None:
    if op["op"] == "event":
        session.record_event("theme", f"th{counter % 3 + 1}", at=START)
    elif op["op"] == "pause":
        at = START + timedelta(seconds=counter)
        session.pause(at) if op["paused"] else session.resume(at)
    elif op["do"] == "add":
        session.add_note(NoteDraft(text=op["items"][0][1]), wall=START)
    elif op["do"] == "revise":
        seq, text, _ = op["items"][0]
        session.revise(seq, NoteDraft(text=text), at=START)
    elif op["do"] == "mark":
        seq, _, deleted = op["items"][0]
        session.update_note(seq, deleted=deleted)
    else:
        session.save_notes([session.note(seq).model_copy(update={"text": text}) for seq, text, _ in op["items"]])


# ----------------------------------------------------------------------------- checker


@dataclass
class State:
    notes: dict[int, tuple[str, bool]] = field(default_factory=dict)
    events: int = 0
    paused: bool = False

    def apply(self, op: dict) -> State:
        after = State(dict(self.notes), self.events, self.paused)
        if op["op"] == "put":
            for seq, text, deleted in op["items"]:
                after.notes[seq] = (text, deleted)
        elif op["op"] == "event":
            after.events += 1
        else:
            after.paused = op["paused"]
        return after


def read_state(folder: Path) -> tuple[State, bool]:
    """The stored state and whether a torn journal line was skipped; raises if any
    file of the study does not load."""
    store = StudyStore.open(folder)
    interviews, problems = store.interviews()
    if problems:
        raise AssertionError(f"unreadable: {problems}")
    all_notes, problems = store.all_notes(include_deleted=True)
    if problems:
        raise AssertionError(f"unreadable: {problems}")
    [interview] = interviews
    with store.open_interview(interview.id, writable=False) as session:
        state = State(
            {n.seq: (n.text, n.deleted) for n in all_notes[interview.id]},
            len(session.events()),
            session.interview.paused,
        )
        return state, session.db.torn_lines > 0


def prepare(folder: Path, notes: int) -> State:
    """A study with one interview already holding ``notes`` notes (so snapshots take time)."""
    store = StudyStore.create(folder, Study(name="crash test"))
    interview = store.new_interview(PARTICIPANT, start=START)
    batch = [
        Note(
            id=note_id(interview.id, seq),
            interview=interview.id,
            seq=seq,
            t=float(seq),
            wall=START,
            text=f"prepared note {seq} with a few more words to make it realistic @web #tag",
            history=[Revision(at=START, raw=f"prepared note {seq}")],
        )
        for seq in range(1, notes + 1)
    ]
    with store.open_interview(interview.id) as session:
        session.save_notes(batch)
    return read_state(folder)[0]


@dataclass
class Trial:
    acknowledged: int
    in_flight: str  # "none", "applied", "not applied"
    snapshot_cut: bool  # the kill left a half-written snapshot temp file
    torn_tail: bool  # the kill left half a journal line


def run_trial(
    folder: Path, expected: State, seed: int, kill_after: int, compact_every: int, on_intent: bool, spin: int
) -> tuple[State, Trial]:
    """One writer run, killed once it has announced (``on_intent``) or acknowledged
    ``kill_after`` operations, plus ``spin`` idle loop turns so kills land anywhere
    (counts, not sleeps); returns the verified new state."""
    process = subprocess.Popen(
        [sys.executable, __file__, "--writer", str(folder), "--seed", str(seed), "--compact-every", str(compact_every)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    seen = 0
    lines: list[bytes] = []
    trigger = b"I " if on_intent else b"A\n"
    while seen < kill_after:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        seen += line.startswith(trigger)
    for _ in range(spin):
        pass
    process.send_signal(signal.SIGKILL)
    # Read the rest through the same buffered reader: communicate() would read the raw
    # pipe and skip lines readline() had already buffered.
    rest = process.stdout.read()
    stderr = process.stderr.read() if process.stderr else b""
    process.wait()
    if process.returncode != -signal.SIGKILL:
        raise AssertionError(f"writer ended by itself ({process.returncode}): {stderr.decode()[-2000:]}")
    lines += rest.splitlines(keepends=True)
    state, pending = expected, None
    for line in lines:
        if not line.endswith(b"\n"):
            break  # a line cut by the kill: not acknowledged
        if line.startswith(b"I "):
            pending = json.loads(line[2:])
        elif line == b"A\n":
            state, pending = state.apply(pending), None
    interview_folder = next((folder / "interviews").iterdir())
    snapshot_cut = any(interview_folder.glob("notes.json.*.tmp"))
    actual, torn = read_state(folder)
    acknowledged = sum(line == b"A\n" for line in lines)
    if actual == state:
        return actual, Trial(acknowledged, "not applied" if pending else "none", snapshot_cut, torn)
    if pending is not None and actual == state.apply(pending):
        return actual, Trial(acknowledged, "applied", snapshot_cut, torn)
    missing = {seq: v for seq, v in state.notes.items() if actual.notes.get(seq) != v}
    raise AssertionError(
        f"seed {seed}: stored state differs from the acknowledged one; in flight: {pending}; "
        f"differing notes (acknowledged -> stored): "
        f"{ {seq: (v, actual.notes.get(seq)) for seq, v in list(missing.items())[:5]} }; "
        f"events {state.events}/{actual.events}, paused {state.paused}/{actual.paused}"
    )


def run(trials: int, seed: int, prepared: int = 2000, compact_every: int = 20, max_acks: int = 150) -> list[Trial]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="trodden-crash-") as tmp:
        folder = Path(tmp) / "study"
        state = prepare(folder, prepared)
        results = []
        for trial in range(trials):
            state, result = run_trial(
                folder,
                state,
                seed * 100_000 + trial,
                kill_after=rng.randint(1, max_acks),
                compact_every=compact_every,
                on_intent=rng.random() < 0.5,
                spin=rng.choice([0, rng.randint(0, 200_000)]),
            )
            results.append(result)
        # Finally a clean writer session on top of all the crashes: opens, closes, same state.
        store = StudyStore.open(folder)
        store.open_interview(store.find_interview(PARTICIPANT).id).close()
        if read_state(folder)[0] != state:
            raise AssertionError("a clean open and close after the crashes changed the stored state")
        return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--prepared", type=int, default=2000, help="notes already in the interview")
    parser.add_argument("--compact-every", type=int, default=20)
    parser.add_argument("--writer", help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="smoke run: 5 trials on 200 notes")
    args = parser.parse_args()
    if args.writer:
        writer(args.writer, args.seed, args.compact_every)
        return 0
    from _pty import machine  # here: tests load this file without bench/ on the path, nor pyte

    if args.quick:
        args.trials, args.prepared = 5, 200
    print(machine())
    started = time.perf_counter()
    results = run(args.trials, args.seed, args.prepared, args.compact_every)
    elapsed = time.perf_counter() - started
    acked = sum(r.acknowledged for r in results)
    in_flight = {kind: sum(r.in_flight == kind for r in results) for kind in ("none", "applied", "not applied")}
    print(
        f"trials: {len(results)} (seed {args.seed}, {args.prepared} notes before, snapshot every {args.compact_every} writes)"
    )
    print(f"acknowledged operations checked: {acked}")
    print(f"operation in flight at the kill: {in_flight}")
    print(f"kills that cut a snapshot being written: {sum(r.snapshot_cut for r in results)}")
    print(f"kills that left half a journal line: {sum(r.torn_tail for r in results)}")
    print("lost acknowledged operations: 0; unreadable files: 0; partly applied operations: 0")
    print(f"time: {elapsed:.1f} s")
    print(machine("end"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
