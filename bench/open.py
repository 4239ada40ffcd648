"""Opening a study as a newcomer does: ``trodden demo --dir DIR`` (writes the sample study, opens
its study screen), a whole command in a pty until the interviews are listed, next to the bare
Textual app (bench/bare_app.py --interviews: Header, a DataTable of the same interviews, Footer)
started the same way. Issue 11 sets no target for it; the ratio is printed for information.

    .venv/bin/python bench/open.py [--quick] [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from _pty import TRODDEN, machine, median, python_script, ratio, spread, time_to_show


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: 3 runs")
    parser.add_argument("--runs", type=int, default=7, help="starts of each app (median)")
    args = parser.parse_args()
    if args.quick:
        args.runs = 3
    print(machine())
    root = Path(tempfile.mkdtemp(prefix="trodden-bench-open-"))
    subprocess.run([TRODDEN, "sample", str(root / "sample")], check=True, capture_output=True)
    export = root / "sample.json"
    subprocess.run(
        [TRODDEN, "export", str(root / "sample"), "--format", "json", "-o", str(export)],
        check=True,
        capture_output=True,
    )
    last = json.loads(export.read_text(encoding="utf-8"))["interviews"][-1]["id"]  # listed once loaded
    bare, ours = [], []
    for run in range(args.runs):
        bare.append(time_to_show(python_script("bare_app.py", str(export), "--interviews"), last))
        ours.append(time_to_show([TRODDEN, "demo", "--dir", str(root / f"demo-{run}")], last))
    print(f"bare app (Header, DataTable of the interviews, Footer) lists them: {spread(bare)}")
    print(f"trodden demo (write the sample, open it) lists them:             {spread(ours)}")
    print(f"  (first run, coldest caches: bare {bare[0]:.3f} s, trodden {ours[0]:.3f} s)")
    print(ratio("demo ready / bare app ready", median(ours), median(bare)))
    print(machine("end"))
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
