"""Live capture as the note-taker waits for it: the command ready, and Enter to the note saved and shown.

Targets (issue 11), each a ratio with PASS/MISS against a bare Textual app (bench/bare_app.py:
Header, a DataTable of the same notes, Footer), both started in a pty in the same run:
- ``trodden capture DIR --participant P9`` (resuming P9's unfinished interview) ready, until
  the screen shows P9's first note (or its last, should capture open scrolled to the end),
  within 1.3x of the bare app showing the same rows.
- Enter to the note durable and shown, from outside (pty: Enter written -> the note's text on
  a line other than the input's), within 1.3x of the bare app doing the same durable write
  (trodden's store, ``add_note``: journal line + fdatasync) in a thread worker, then
  showing it in one Static line (``bare_app.py --write``: the least any app must draw).

    .venv/bin/python bench/capture.py [--quick] [--runs 7] [--enters 50] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from _pty import TRODDEN, Check, Terminal, machine, median, python_script, spread, time_to_show, verdict
from _study import make_study


def enter_round_trips(argv: list[str], first: Check, enters: int, tag: str) -> list[float]:
    """Type a line, then time Enter until that line shows outside the input."""
    times = []
    with Terminal(argv) as term:
        term.wait_for(first)
        for number in range(1, enters + 1):
            text = f"{tag} enter {number:04d} @phone #bench"
            term.settle()
            term.press(text)
            term.wait_for(text)
            typed = {row for row, line in enumerate(term.lines()) if text in line}
            times.append(
                term.round_trip(
                    "enter",
                    lambda _before, lines, text=text, typed=typed: any(
                        text in line for row, line in enumerate(lines) if row not in typed
                    ),
                )
            )
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: a small study, 3 runs, 5 Enters")
    parser.add_argument("--interviews", type=int, default=50)
    parser.add_argument("--live-notes", type=int, default=5000, help="notes already in P9's unfinished interview")
    parser.add_argument("--runs", type=int, default=7, help="starts of each app (median)")
    parser.add_argument("--enters", type=int, default=50)
    parser.add_argument("--keep", type=Path, default=None, help="make the study here and keep it")
    args = parser.parse_args()
    if args.quick:
        args.interviews, args.live_notes, args.runs, args.enters = 10, 300, 3, 5
    print(machine())
    folder = args.keep or Path(tempfile.mkdtemp(prefix="trodden-bench-capture-"))
    study, export, doc = make_study(
        folder, interviews=args.interviews, notes=args.interviews * 60, live="P9", live_notes=args.live_notes
    )
    (live,) = [record for record in doc["interviews"] if record["participant"] == "P9"]
    markers = [live["notes"][0]["text"].split()[0], live["notes"][-1]["text"].split()[0]]  # n0xxxx

    def first(lines: list[str]) -> bool:
        """P9's notes are on screen: its first or last note (shown only once the interview is open)."""
        return any(marker in line for line in lines for marker in markers)

    print(
        f"study: {args.interviews} interviews of 60 notes; P9's unfinished one has {args.live_notes} (trodden import)"
    )

    print("\n## ready (whole command in a pty, until P9's notes are on screen)")
    capture = [TRODDEN, "capture", str(study), "--participant", "P9"]
    bare_argv = python_script("bare_app.py", str(export), "--participant", "P9")
    bare, ours = [], []
    for _ in range(args.runs):
        bare.append(time_to_show(bare_argv, first))
        ours.append(time_to_show(capture, first))
    print(f"bare app (Header, DataTable of P9's notes, Footer) shows them: {spread(bare)}")
    print(f"trodden capture --participant P9 shows them:                  {spread(ours)}")
    print(f"  (first run, coldest caches: bare {bare[0]:.3f} s, trodden {ours[0]:.3f} s)")
    print(verdict("capture ready / bare app ready", median(ours), median(bare), 1.3))

    print("\n## Enter -> note durable and shown (pty: Enter written -> the note on screen outside the input)")
    bare = enter_round_trips([*bare_argv, "--write", str(study)], first, args.enters, "bare")
    ours = enter_round_trips(capture, first, args.enters, "capture")
    print(f"bare app, add_note in a thread worker, then a Static:   {spread(bare, 'ms')}")
    print(f"trodden capture:                                         {spread(ours, 'ms')}")
    print(verdict("capture Enter / bare app Enter", median(ours), median(bare), 1.3))
    print(machine("end"))
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
