"""Search on the big study (60 interviews, 20,000 notes), as the researcher waits for it.

Target (issue 15): query to results under 100 ms, median.

- In-process: the index is built once (printed), then each query is parsed and answered by
  ``SearchIndex.search`` (the work done on each key in the search screen), several times
  each; the median over every query and repeat.
- Whole command in a pty: ``trodden search DIR`` (the search screen), typing the queries one
  key at a time, each key timed from the byte written to the screen showing the new count;
  next to the bare Textual app (bench/bare_app.py) whose key writes one status line (the
  floor). Also ``trodden search DIR QUERY`` as a whole command (start, read, index, print),
  run in turns with ``trodden stats DIR`` (start and read every interview and the map, no index:
  the floor a one-shot command cannot go under without a cache) and a bare ``python -c pass``.

    .venv/bin/python bench/search.py [--quick] [--runs 5] [--repeats 20] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _pty import TRODDEN, Terminal, absolute, line_changed, machine, median, python_script, ratio, run, spread, verdict
from _study import make_study

QUERIES = [
    "växterna",
    "leverans",
    "plant",
    "#delivery",
    "kind:quote feeling:-",
    "support invoice",
    "sm",
    "orolig @phone",
]
TYPED = ["växt", "invoice", "kylan"]
"""Typed into the screen key by key (each key a round trip): short and long prefixes alike."""


def in_process(study: Path, repeats: int) -> list[float]:
    from trodden.models.search.loading import load_search
    from trodden.models.search.query import parse_query
    from trodden.models.storage.store import StudyStore

    store = StudyStore.open(study)
    started = time.perf_counter()
    index, _ = load_search(store)
    print(f"read the study and build the index: {time.perf_counter() - started:.3f} s ({len(index)} notes)")
    times = []
    for query in QUERIES:
        found = 0
        for _ in range(repeats):
            started = time.perf_counter()
            found = len(index.search(parse_query(query)))
            times.append(time.perf_counter() - started)
        print(f"  {query!r:<24} {found:>6} notes")
    return times


def typed_keys(study: Path, export: Path) -> tuple[list[float], list[float]]:
    ours: list[float] = []
    with Terminal([TRODDEN, "search", str(study)]) as term:
        term.wait_for(lambda lines: any("notes" in line and ("all " in line or " of " in line) for line in lines))
        for query in TYPED:
            for char in query:
                ours.append(term.round_trip(char, line_changed(" notes")))
            for _ in query:
                term.press("\x7f")  # backspace
            term.settle()
    bare: list[float] = []
    with Terminal(python_script("bare_app.py", str(export))) as term:
        term.wait_for("n00001")
        for number in range(1, len(ours) + 1):
            bare.append(term.round_trip("1", f"marked {number}"))
    return ours, bare


def whole_command(study: Path, runs: int) -> tuple[list[float], list[float], list[float]]:
    """The whole command and its floors, in turns, so the machine's load falls on each alike."""
    whole: list[float] = []
    stats: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        whole.append(run([TRODDEN, "search", str(study), "växterna"]))
        stats.append(run([TRODDEN, "stats", str(study)]))
        bare.append(run([sys.executable, "-c", "pass"]))
    return whole, stats, bare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: 2,000 notes, few repeats")
    parser.add_argument("--runs", type=int, default=5, help="runs of the whole command (median)")
    parser.add_argument("--repeats", type=int, default=20, help="times each query is answered in-process")
    parser.add_argument("--keep", type=Path, default=None, help="build the study here and keep it")
    args = parser.parse_args()
    interviews, notes = (60, 20000) if not args.quick else (6, 2000)
    if args.quick:
        args.runs, args.repeats = 2, 5
    print(machine())
    folder = args.keep or Path(tempfile.mkdtemp(prefix="trodden-bench-search-"))
    study, export, _ = make_study(folder, interviews=interviews, notes=notes, items=400 if not args.quick else 40)
    print(f"study: {interviews} interviews, {notes} notes")
    times = in_process(study, args.repeats)
    print(f"in-process query -> results: {spread(times, 'ms')}")
    print(absolute("query -> results (in-process)", median(times), 0.100))
    ours, bare = typed_keys(study, export)
    print(f"trodden search screen, a typed key -> the new results: {spread(ours, 'ms')}")
    print(f"bare app key -> a status line (the floor):            {spread(bare, 'ms')}")
    print(absolute("typed key -> results on screen", median(ours), 0.100))
    print(ratio("typed key / bare app key", median(ours), median(bare)))
    whole, stats, bare_python = whole_command(study, args.runs)
    print(f"trodden search DIR växterna (whole command, printed): {spread(whole)}")
    print(f"  (per run: {', '.join(f'{value:.2f}' for value in whole)}; stdev {statistics.pstdev(whole):.3f} s)")
    print(f"trodden stats DIR (the floor: start, read the study):    {spread(stats)}")
    print(f"python -c pass (the interpreter alone):                  {spread(bare_python)}")
    print(verdict("whole search / trodden stats", median(whole), median(stats), 1.25))
    print(machine("end"))
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
