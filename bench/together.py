"""Three researchers on one map at once (issue 18), on the 20,000-note study.

- 3 processes (``--worker``), each its own ``MapSession`` on the same study folder, make
  ``--edits`` random edits each (rename, move, add evidence, new item) as fast as they can;
  with every edit a researcher also rewrites its "beacon" item's title with the edit's number
  and wall time, in the same frame. Each process looks at the others' files every 20 ms
  (``refresh``) and times how long each beacon took to arrive: the engine's part of "a change
  appears on the other screens" (a screen looks every ``follow_every`` = 0.5 s, so it adds up to
  that). Printed: median and p95, the update files' sizes, and that all three maps converged.
- Opening a map of ``--updates`` (50,000) one-edit frames: before and after compaction
  (target: under 1 s after). The frames are written with fsync off: this measures opening.

    .venv/bin/python bench/together.py [--edits 2000] [--updates 50000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _pty import machine
from _study import make_study

WHO = ("AB", "CD", "EF")
BEACON = 10**12
"""beacon item ids: BEACON + the researcher's number"""


def worker(study: Path, who: str, edits: int) -> None:
    from trodden.models.map.journey_map import Change, MapItem
    from trodden.models.map.map_session import MapSession

    rng = random.Random(who)
    number = WHO.index(who)
    others = {BEACON + n: -1 for n in range(len(WHO)) if n != number}
    latencies: list[float] = []
    with MapSession(study, writable=True, who=who) as session:
        journey = session.load()
        phases = sorted({i.phase for i in journey.items if i.phase})
        notes = [n for i in journey.items for n in i.evidence]
        go = study / "map" / "go"
        while not go.exists():
            time.sleep(0.005)

        def look() -> None:
            if not session.refresh():
                return
            now = time.time()
            for key, seen in others.items():
                fields = session.shared.fields("items", str(key))
                if fields and "title" in fields:
                    _, _, seq, at = fields["title"].split(" ")
                    if int(seq) > seen:
                        others[key] = int(seq)
                        latencies.append(now - float(at))

        last_look = 0.0
        items = [i for i in journey.items if i.id < BEACON]
        for seq in range(edits):
            if seq % 50 == 0:
                items = [i for i in session.load().items if i.id < BEACON]
            item = rng.choice(items)
            roll = rng.random()
            if roll < 0.3:
                changed = item.model_copy(update={"title": f"{who} renamed {seq}"})
            elif roll < 0.6:
                changed = item.model_copy(update={"phase": rng.choice(phases)})
            elif roll < 0.9:
                changed = item.model_copy(update={"evidence": list(dict.fromkeys([*item.evidence, rng.choice(notes)]))})
            else:
                changed = MapItem(id=session.next_id("items"), phase=rng.choice(phases), title=f"{who} new {seq}")
            beacon = MapItem(id=BEACON + number, phase=phases[0], title=f"beacon {who} {seq} {time.time()!r}")
            session.apply(Change(items=(changed, beacon)))
            if time.monotonic() - last_look > 0.02:
                look()
                last_look = time.monotonic()
        deadline = time.monotonic() + 120
        while any(seen < edits - 1 for seen in others.values()) and time.monotonic() < deadline:
            look()
            time.sleep(0.02)
        time.sleep(0.5)
        session.refresh()
        digest = hashlib.sha256(session.load().model_dump_json().encode()).hexdigest()[:16]
        own = session.file.stat().st_size
    print(json.dumps({"who": who, "latencies": latencies, "digest": digest, "file": own}))


def together(study: Path, edits: int) -> None:
    (study / "map").mkdir(exist_ok=True)
    (study / "map" / "go").unlink(missing_ok=True)
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", who, str(study), "--edits", str(edits)], stdout=subprocess.PIPE
        )
        for who in WHO
    ]
    time.sleep(3)  # all three opened the map (20,000 notes are not read: only the map)
    (study / "map" / "go").touch()
    started = time.monotonic()
    results = [json.loads(p.communicate()[0]) for p in procs]
    took = time.monotonic() - started
    latencies = sorted(x for r in results for x in r["latencies"])
    p95 = latencies[int(len(latencies) * 0.95)]
    print(f"{len(WHO)} researchers x {edits} edits, all at once: {took:.1f} s")
    print(f"  a change seen by another process (20 ms looks): median {statistics.median(latencies) * 1000:.0f} ms,")
    print(f"  p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms (n={len(latencies)})")
    print(f"  + the screen's look every 0.5 s: {'PASS' if p95 + 0.5 < 1 else 'MISS'} (within 1 s at p95)")
    sizes = {p.name: p.stat().st_size for p in sorted((study / "map").glob("*.updates"))}
    print("  update files after closing (compacted): " + ", ".join(f"{n} {s / 1024:.0f} KB" for n, s in sizes.items()))
    print("  while open, before compaction: " + ", ".join(f"{r['who']} {r['file'] / 1024:.0f} KB" for r in results))
    digests = {r["digest"] for r in results}
    print(f"  converged: {'yes' if len(digests) == 1 else 'NO'} ({', '.join(sorted(digests))})")


def opening(study: Path, updates: int) -> None:
    from trodden.models.map import update_files
    from trodden.models.map.journey_map import Change
    from trodden.models.map.map_session import MapSession

    real_fsync = update_files.os.fsync
    update_files.os.fsync = lambda fd: None
    session = MapSession(study, writable=True, who="bulk")
    session.open()
    items = session.load().items
    rng = random.Random(1)
    for seq in range(updates):
        item = rng.choice(items)
        session.apply(Change(items=(item.model_copy(update={"title": f"bulk {seq}"}),)))
    session.own.close()  # as if killed: no compaction
    session.own = None
    update_files.os.fsync = real_fsync
    size = sum(p.stat().st_size for p in (study / "map").glob("*.updates"))

    def open_time() -> float:
        started = time.perf_counter()
        with MapSession(study, writable=False) as reader:
            reader.load()
        return time.perf_counter() - started

    before = [open_time() for _ in range(3)]
    with MapSession(study, writable=True, who="bulk"):  # compacts on open (and close)
        pass
    after = [open_time() for _ in range(5)]
    compacted = sum(p.stat().st_size for p in (study / "map").glob("*.updates"))
    print(f"opening a map of {updates} edit frames ({size / 1024 / 1024:.1f} MB of files):")
    print(f"  before compaction: median {statistics.median(before):.3f} s")
    verdict = "PASS" if statistics.median(after) < 1 else "MISS"
    print(f"  after compaction:  median {statistics.median(after):.3f} s ({compacted / 1024:.0f} KB) {verdict} (< 1 s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", nargs=2, metavar=("WHO", "STUDY"))
    parser.add_argument("--edits", type=int, default=2000)
    parser.add_argument("--updates", type=int, default=50000)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    if args.worker:
        worker(Path(args.worker[1]), args.worker[0], args.edits)
        return
    print(machine())
    folder = args.keep or Path(tempfile.mkdtemp(prefix="trodden-together-"))
    study, _, _ = make_study(folder, interviews=60, notes=20000, items=400)
    shutil.rmtree(folder / "fresh", ignore_errors=True)
    shutil.copytree(study, folder / "fresh")
    together(study, args.edits)
    opening(folder / "fresh", args.updates)
    print(machine("end"))
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
