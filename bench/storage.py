"""How long a durable note takes as an interview grows, and how long opening one takes.

For interviews of 100, 1,000, 5,000 and 20,000 notes, the median time to durably add
one note with:

- trodden: ``InterviewSession.add_note`` (journal line + fdatasync, then memory; the
  background snapshot runs inside the measured window at every size);
- raw: a JSON-lines append + fdatasync of the same note: the physical floor
  (measured alternately with trodden, one add each, so both meet the same disk);
- TinyDB: the default ``JSONStorage`` (rewrites the whole file on every insert, and
  does not even fsync): the naive peer, measured with fewer inserts at large sizes.

Then the time to open a 20,000-note interview (clean, and after a crash with 2,000
journal lines not yet in a snapshot). Targets: trodden within 2x of raw at every size
and flat; open under 1 s.

    python bench/storage.py [--quick] [--adds 300] [--dir /path/on/the/disk/to/test]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from _pty import machine
from tinydb import TinyDB

from trodden.models.domain import Note, Revision, Study, note_id
from trodden.models.notes.syntax import parse
from trodden.models.storage.store import StudyStore

_sync = getattr(os, "fdatasync", os.fsync)  # what the store's journal uses: the physical floor

SIZES = [100, 1_000, 5_000, 20_000]
TINYDB_INSERTS = {100: 60, 1_000: 40, 5_000: 15, 20_000: 6}
START = datetime(2026, 3, 2, 10, 0)
LINE = '*- "Jag ringde kundtjänst men kom aldrig fram" @telefon #kundtjänst'


def make_notes(interview_id: str, count: int) -> list[Note]:
    draft = parse(LINE)
    return [
        Note(
            id=note_id(interview_id, seq),
            interview=interview_id,
            seq=seq,
            t=float(seq * 20),
            wall=START + timedelta(seconds=seq * 20),
            text=draft.text,
            kinds=list(draft.kinds),
            valence=draft.valence,
            channels=list(draft.channels),
            tags=list(draft.tags),
            phase="ph2",
            theme="th1",
            history=[Revision(at=START, raw=LINE)],
        )
        for seq in range(1, count + 1)
    ]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.2f}"


def prepared_study(root: Path, size: int, name: str = "study") -> tuple[StudyStore, str]:
    store = StudyStore.create(root / f"{name}-{size}", Study(name="bench"))
    interview = store.new_interview("P1", start=START)
    with store.open_interview(interview.id) as session:
        session.save_notes(make_notes(interview.id, size))
    return store, interview.id


def bench_trodden_and_raw(root: Path, size: int, adds: int) -> tuple[list[float], list[float]]:
    """Alternate one trodden add and one raw append, so both meet the same disk
    (other processes' I/O makes fsync latency drift; interleaving keeps the ratio fair)."""
    store, interview_id = prepared_study(root, size)
    draft = parse(LINE)
    path = root / f"raw-{size}.jsonl"
    doc = make_notes(interview_id, 1)[0].model_dump(mode="json")
    with open(path, "wb") as handle:
        handle.write(b"".join(json.dumps(doc).encode() + b"\n" for _ in range(size)))
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    trodden, raw = [], []
    try:
        with store.open_interview(interview_id) as session:
            # Put a background snapshot of the whole interview inside the measured window.
            session.db._ops_since_snapshot = session.db.compact_every - adds // 2
            for index in range(adds):
                wall = START + timedelta(seconds=(size + index) * 20)
                started = time.perf_counter()
                session.add_note(draft, raw=LINE, theme="th1", phase="ph2", wall=wall)
                trodden.append(time.perf_counter() - started)

                started = time.perf_counter()
                doc = {**doc, "seq": size + index + 1}
                os.write(fd, (json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n").encode())
                _sync(fd)
                raw.append(time.perf_counter() - started)
            session.db.wait_for_snapshot()
    finally:
        os.close(fd)
    return trodden, raw


def bench_tinydb(root: Path, size: int) -> list[float]:
    path = root / f"tinydb-{size}.json"
    doc = make_notes("2026-03-02-P1", 1)[0].model_dump(mode="json")
    db = TinyDB(path)
    db.insert_multiple([dict(doc, seq=i) for i in range(size)])
    times = []
    for index in range(TINYDB_INSERTS[size]):
        started = time.perf_counter()
        db.insert(dict(doc, seq=size + index))
        times.append(time.perf_counter() - started)
    db.close()
    return times


def bench_open(root: Path, size: int, runs: int = 5) -> tuple[float, float, float]:
    """Median seconds to open (writer), open (reader), open after a crash (2,000-line journal)."""
    store, interview_id = prepared_study(root, size, "open")
    writer, reader = [], []
    for _ in range(runs):
        started = time.perf_counter()
        store.open_interview(interview_id).close()  # close is not part of opening, but cheap
        writer.append(time.perf_counter() - started)
        started = time.perf_counter()
        store.open_interview(interview_id, writable=False)
        reader.append(time.perf_counter() - started)
    # A crash just before the next snapshot: 1,999 journal lines to replay on top.
    session = store.open_interview(interview_id)
    session.db.compact_every = 10**9
    draft = parse(LINE)
    for _ in range(1_999):
        session.add_note(draft, raw=LINE, wall=START)
    session.db._journal_fd = None  # like SIGKILL: no exit snapshot
    session.db._lock_file.release()
    started = time.perf_counter()
    recovered = store.open_interview(interview_id, writable=False)
    crashed = time.perf_counter() - started
    assert len(recovered) == size + 1_999
    return statistics.median(writer), statistics.median(reader), crashed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adds", type=int, default=300, help="notes added per size (trodden and raw)")
    parser.add_argument("--dir", type=Path, default=None, help="folder on the disk to measure (default: temp)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 100 and 1,000 notes, 30 adds")
    args = parser.parse_args()
    sizes = [100, 1_000] if args.quick else SIZES
    if args.quick:
        args.adds = 30
    print(machine())
    with tempfile.TemporaryDirectory(prefix="trodden-bench-", dir=args.dir) as tmp:
        root = Path(tmp)
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, folder {root}")
        print(f"durable add of one note, milliseconds ({args.adds} adds per size; TinyDB fewer)")
        header = (
            f"{'notes':>7} | {'trodden median':>14} {'p95':>7} {'max':>7} | {'raw median':>10} {'p95':>7}"
            f" | {'TinyDB median':>13} | {'trodden/raw':>11} | {'TinyDB/trodden':>14}"
        )
        print(header)
        print("-" * len(header))
        medians = {}
        for size in sizes:
            trodden, raw = bench_trodden_and_raw(root, size, args.adds)
            tiny = bench_tinydb(root, size)
            t_med, r_med, tiny_med = (statistics.median(x) for x in (trodden, raw, tiny))
            medians[size] = t_med
            q = statistics.quantiles
            print(
                f"{size:>7,} | {ms(t_med):>14} {ms(q(trodden, n=20)[18])} {ms(max(trodden))} |"
                f" {ms(r_med):>10} {ms(q(raw, n=20)[18])} | {ms(tiny_med):>13} |"
                f" {t_med / r_med:>10.2f}x | {tiny_med / t_med:>13.1f}x"
            )
        last = sizes[-1]
        print(f"flatness: trodden median at {last:,} / at 100 notes = {medians[last] / medians[100]:.2f}x")
        writer, reader, crashed = bench_open(root, last)
        print(
            f"open a {last:,}-note interview: writer {writer:.3f} s, reader {reader:.3f} s, "
            f"after a crash (+1,999 journal lines) {crashed:.3f} s"
        )
    print(machine("end"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
