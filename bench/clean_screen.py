"""The clean screen on a long interview, as the researcher waits for it: ``trodden clean DIR
--participant P1`` ready (a whole command in a pty, until the notes are on screen), then a
quote toggle, a join, a split and an undo, each timed from the key written to the screen
changing, next to the bare Textual app (bench/bare_app.py) started and driven the same way.
Issue 11 sets no target for these; ratios are printed for information.

    .venv/bin/python bench/clean_screen.py [--quick] [--notes 2000] [--runs 7] [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from _pty import TRODDEN, Terminal, machine, median, python_script, ratio, spread, time_to_show

START = datetime(2026, 3, 5, 10, 0)
FIRST = "c00001"  # the first note's text starts with it: on screen once the interview is open


def document(count: int) -> dict:
    """One finished interview of ``count`` notes with a real name and a phone number in each."""
    notes = []
    for seq in range(1, count + 1):
        wall = (START + timedelta(seconds=seq * 5)).isoformat()
        text = f"c{seq:05d} med Anna och 070-123 45 67 på ICA Maxi"
        raw = f"{text} #tag{seq % 7} @web"
        notes.append(
            {
                "id": f"2026-03-05-P1/{seq}",
                "interview": "2026-03-05-P1",
                "seq": seq,
                "t": seq * 5.0,
                "wall": wall,
                "text": text,
                "tags": [f"tag{seq % 7}"],
                "channels": ["web"],
                "theme": "th1",
                "history": [{"at": wall, "raw": raw}],
            }
        )
    interview = {"id": "2026-03-05-P1", "participant": "P1", "date": "2026-03-05", "status": "done"}
    interview.update(start=START.isoformat(), end=(START + timedelta(seconds=count * 5 + 60)).isoformat())
    return {
        "format": "trodden-study",
        "version": 1,
        "study": {"name": "Bench"},
        "guide": {"themes": [{"id": "th1", "title": "Theme"}]},
        "participants": [{"code": "P1", "real_name": "Anna Svensson"}],
        "redaction_terms": ["ICA Maxi"],
        "interviews": [{**interview, "notes": notes}],
    }


STEPS = [('"', "toggle quote"), ("j", "join"), ("s", None), ("enter", "split"), ("\x1a", "undo")]


def key_round_trips(argv: list[str], repeats: int, steps) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {}
    with Terminal(argv) as term:
        term.wait_for(FIRST)
        for _ in range(repeats):
            for key, name in steps:
                if name is None:
                    term.press(key)
                    term.settle()
                    continue
                try:
                    timings.setdefault(name, []).append(term.round_trip(key, timeout=3.0))
                except TimeoutError:
                    timings.setdefault(name, [])
            term.press("down")
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: 200 notes, 3 runs, 2 repeats")
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7, help="starts of each app (median)")
    parser.add_argument("--repeats", type=int, default=5, help="rounds of toggle, join, split, undo")
    args = parser.parse_args()
    if args.quick:
        args.notes, args.runs, args.repeats = 200, 3, 2
    print(machine())
    root = Path(tempfile.mkdtemp(prefix="trodden-bench-clean-"))
    export, study = root / "export.json", root / "study"
    export.write_text(json.dumps(document(args.notes)), encoding="utf-8")
    subprocess.run([TRODDEN, "import", str(study), str(export)], check=True, capture_output=True)
    clean = [TRODDEN, "clean", str(study), "--participant", "P1"]
    bare_argv = python_script("bare_app.py", str(export))
    print(f"study: one interview of {args.notes} notes (trodden import)")
    bare, ours = [], []
    for _ in range(args.runs):
        bare.append(time_to_show(bare_argv, FIRST))
        ours.append(time_to_show(clean, FIRST))
    print(f"bare app (Header, DataTable of the notes, Footer) shows them: {spread(bare)}")
    print(f"trodden clean --participant P1 shows them:                   {spread(ours)}")
    print(ratio("clean ready / bare app ready", median(ours), median(bare)))
    timings = key_round_trips(clean, args.repeats, STEPS)
    bare_keys = key_round_trips(bare_argv, args.repeats, [("1", "floor")])["floor"]
    floor = median(bare_keys)
    print(f"bare app key -> a status line (the floor): {spread(bare_keys, 'ms')}")
    for name, values in timings.items():
        print(f"{name:<13} {spread(values, 'ms')}" if values else f"{name:<13} no change on screen")
        if values:
            print(ratio(f"{name} / bare app key", median(values), floor))
    print(machine("end"))
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
