"""The mapping board on a big study (60 interviews, 20,000 notes, 400 items), as a user waits for it.

Targets (issue 11), each printed as a ratio with PASS/MISS:
- ``trodden map DIR`` ready (started in a pty, until the board shows its first item) within
  1.5x of a bare Textual app (bench/bare_app.py: Header, DataTable of the same 20,000 notes,
  Footer) started the same way, until it shows its first row. Median of the runs, same run.
- A key that places, moves or merges shows its change within 50 ms (median), in-process
  (Pilot sends the key; the time is to the first frame whose text changed), and within
  1.5x of a bare app's key round trip measured from outside (pty: key written, screen changed;
  the bare app's key writes one status line, the least any app must draw; its key that
  rewrites a row of the 20,000-row DataTable is printed for reference, and so is moving the
  DataTable's cursor a row, the natural key round trip of that app: the ratios to it are
  printed beside the target's, for information).

    .venv/bin/python bench/map.py [--quick] [--runs 7] [--repeats 25] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from _inprocess import run_command
from _pty import (
    TRODDEN,
    Terminal,
    absolute,
    line_changed,
    machine,
    median,
    python_script,
    ratio,
    spread,
    time_to_show,
    verdict,
)
from _study import make_study

ITEM = "Item 0001"  # on the board only once the map is loaded
ROW = "n00001"  # the first note: the bare app's first row


def ready(study: Path, export: Path, runs: int) -> None:
    bare, ours = [], []
    for _ in range(runs):  # alternate, so both meet the same load on the machine
        bare.append(time_to_show(python_script("bare_app.py", str(export)), ROW))
        ours.append(time_to_show([TRODDEN, "map", str(study)], ITEM))
    print(f"bare app (Header, DataTable of the notes, Footer) shows its rows: {spread(bare)}")
    print(f"trodden map shows the board:                                    {spread(ours)}")
    print(f"  (first run, coldest caches: bare {bare[0]:.3f} s, trodden {ours[0]:.3f} s)")
    print(verdict("map ready / bare app ready", median(ours), median(bare), 1.5))


# From the inbox: place its first note in phase 1, go to the board (cursor on the new item), move
# it one phase right, select it, go to the item above, merge, back to the inbox.
CYCLE = [("1", "place"), ("tab", None), ("shift+right", "move"), ("space", None), ("up", None)]
CYCLE += [("g", "merge"), ("escape", None), ("tab", None)]
TO_INBOX = "tab"  # the board has the focus when the map opens


def board_changed(before: list[str], lines: list[str]) -> bool:
    """A line of the map panel (between its title and the inbox's) is drawn differently."""
    top = next((row for row, line in enumerate(lines) if "Map:" in line), 0)
    bottom = next((row for row, line in enumerate(lines) if "Inbox:" in line), len(lines))
    return lines[top:bottom] != before[top:bottom]


# What each key changes when done, not just first (the status line changes at once):
# a place takes a note out of the inbox, a merge makes one item fewer, a move redraws the board.
CHANGE = {"place": line_changed("Inbox:"), "merge": line_changed("Map:"), "move": board_changed}


def keys_in_process(study: Path, repeats: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {"place": [], "move": [], "merge": []}

    async def script(_app, pilot, probe) -> None:
        await probe.wait_for(ITEM)
        await pilot.press(TO_INBOX)
        for _ in range(repeats):
            for key, name in CYCLE:
                if name is None:
                    await pilot.press(key)
                    continue
                try:
                    timings[name].append(await probe.round_trip(pilot, key, CHANGE[name]))
                except TimeoutError:  # e.g. nothing selected to merge: no sample
                    pass

    run_command(["map", str(study)], script)
    return timings


def keys_from_outside(study: Path, export: Path, repeats: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    timings: dict[str, list[float]] = {"place": [], "move": [], "merge": []}
    with Terminal([TRODDEN, "map", str(study)]) as term:
        term.wait_for(ITEM)
        term.press(TO_INBOX)
        for _ in range(repeats):
            for key, name in CYCLE:
                if name is None:
                    term.press(key)
                    term.settle()
                    continue
                try:
                    timings[name].append(term.round_trip(key, CHANGE[name], timeout=2.0))
                except TimeoutError:
                    pass
    bare: dict[str, list[float]] = {"1": [], "2": [], "cursor": [], "page": []}
    with Terminal(python_script("bare_app.py", str(export))) as term:
        term.wait_for(ROW)
        for number in range(1, 2 * repeats + 1):
            key = "1" if number % 2 else "2"
            bare[key].append(term.round_trip(key, f"marked {number}"))
        for number in range(2 * repeats):
            bare["cursor"].append(restyled(term, "down" if number % 2 == 0 else "up"))
        for number in range(2 * repeats):
            bare["page"].append(term.round_trip("pagedown" if number % 2 == 0 else "pageup", page_turned))
    return timings, bare


def page_turned(before: list[str], lines: list[str]) -> bool:
    """Nearly every line reads differently: the bare app's table showed another page of rows."""
    return sum(a != b for a, b in zip(before, lines, strict=True)) >= len(lines) * 0.8


def restyled(term: Terminal, key: str) -> float:
    """Seconds from writing ``key`` until a cell is drawn differently (a cursor move changes colours, not text)."""
    term.settle()
    before = cells(term)
    sent = term.press(key)
    return term.wait_for(lambda _lines: cells(term) != before, timeout=30.0) - sent


def cells(term: Terminal) -> list[list[tuple]]:
    screen = term.screen
    rows = (screen.buffer[y] for y in range(screen.lines))
    return [[(c.data, c.fg, c.bg, c.reverse, c.bold) for c in (row[x] for x in range(screen.columns))] for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: 2,000 notes, 3 runs, 4 repeats")
    parser.add_argument("--interviews", type=int, default=60)
    parser.add_argument("--notes", type=int, default=20000)
    parser.add_argument("--items", type=int, default=400)
    parser.add_argument("--runs", type=int, default=7, help="starts of each app (median)")
    parser.add_argument("--repeats", type=int, default=25, help="place/move/merge cycles")
    parser.add_argument("--keep", type=Path, default=None, help="make the study here and keep it")
    args = parser.parse_args()
    if args.quick:
        args.interviews, args.notes, args.items, args.runs, args.repeats = 10, 2000, 40, 3, 4
    print(machine())
    folder = args.keep or Path(tempfile.mkdtemp(prefix="trodden-bench-map-"))
    study, export, _ = make_study(folder, interviews=args.interviews, notes=args.notes, items=args.items)
    print(f"study: {args.interviews} interviews, {args.notes} notes, {args.items} map items (trodden import)")
    print("\n## ready (whole command in a pty, until the data is on screen)")
    ready(study, export, args.runs)
    print("\n## a key to its change on screen, in-process (Pilot sends it; time to the changed frame)")
    inside = keys_in_process(study, args.repeats)
    for name, values in inside.items():
        print(f"{name:<6} {spread(values, 'ms')}" if values else f"{name:<6} no samples")
        if values:
            print(absolute(f"{name} in-process", median(values), 0.050))
    print("\n## a key to its change on screen, from outside (pty: key written -> screen text changed)")
    outside, bare = keys_from_outside(study, export, args.repeats)
    print(f"bare app key -> a status line (the floor) {spread(bare['1'], 'ms')}")
    print(f"bare app key -> a row of its {args.notes:,} (ref.)".ljust(42) + f" {spread(bare['2'], 'ms')}")
    print(f"bare app key -> its cursor down a row      {spread(bare['cursor'], 'ms')}")
    print(f"bare app key -> a page of its rows (ref.)  {spread(bare['page'], 'ms')}")
    for name, values in outside.items():
        print(f"{name:<6} {spread(values, 'ms')}" if values else f"{name:<6} no samples")
        if values:
            print(verdict(f"{name} / bare app key", median(values), median(bare["1"]), 1.5))
            print(ratio(f"{name} / bare app cursor move", median(values), median(bare["cursor"])))
            print(ratio(f"{name} / bare app page of rows", median(values), median(bare["page"])))
    print(machine("end"))
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
