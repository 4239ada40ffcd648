"""The journey report as whole commands: Word against pandoc, CSV against Markdown.

Targets (issue 11), each printed as a ratio with PASS/MISS, medians of runs alternated in
the same run:
- ``trodden export --format docx`` (read the study, build, render, write) no slower than
  ``pandoc`` converting trodden's own Markdown report of the same study to Word, at
  6,000, 20,000 and 50,000 notes (studies with a full map: items, marks, moments,
  backstage, chosen quotes, a curve override).
- ``trodden export --format csv`` no slower than ``--format md`` on the same study.

trodden's bytecode is compiled before the runs (``_pty.compiled``, with the machine line), so every command starts as an
installed copy does. Each command's CPU time (user + system, from ``getrusage`` of the finished child) is printed
beside the wall-clock figures, for information: on a machine shared with other work the wall
clock waits for the CPU too, and the CPU seconds show what each command itself cost.

    .venv/bin/python bench/report.py [--quick] [--sizes 6000 20000 50000] [--runs 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
from pathlib import Path

from _pty import TRODDEN, machine, median, ratio, run, spread, verdict
from _study import make_study

CPU: dict[str, list[float]] = {}
"""Per command label, the CPU seconds (user + system) of each run."""


def timed(label: str, argv: list[str]) -> float:
    """Wall seconds of the whole command; its CPU seconds go to ``CPU[label]``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = run(argv)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(label, []).append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return wall


def export(study: Path, fmt: str, output: Path) -> float:
    return timed(fmt, [TRODDEN, "export", str(study), "--format", fmt, "-o", str(output)])


def measure(folder: Path, notes: int, runs: int) -> None:
    interviews = max(notes // 300, 2)
    study, _, _ = make_study(folder, interviews=interviews, notes=notes, items=120, extras=True)
    markdown = folder / "report.md"
    export(study, "md", markdown)
    CPU.clear()  # the first Markdown report (cold caches) is not one of the runs
    words = len(markdown.read_text(encoding="utf-8").split())
    print(f"\n## {notes:,} notes, {interviews} interviews, 120 map items: Markdown report {words:,} words")
    docx, pandoc, md, csv = [], [], [], []
    for _ in range(runs):
        docx.append(export(study, "docx", folder / "report.docx"))
        pandoc.append(timed("pandoc", ["pandoc", "-f", "gfm", str(markdown), "-o", str(folder / "pandoc.docx")]))
        md.append(export(study, "md", folder / "again.md"))
        csv.append(export(study, "csv", folder / "report.csv"))
    print(f"trodden export --format docx:         {spread(docx)}")
    print(f"pandoc -f gfm report.md -o x.docx:    {spread(pandoc)}")
    print(verdict(f"docx / pandoc at {notes:,} notes", median(docx), median(pandoc), 1.0))
    print(f"trodden export --format md:           {spread(md)}")
    print(f"trodden export --format csv:          {spread(csv)}")
    print(verdict(f"csv / md at {notes:,} notes", median(csv), median(md), 1.0))
    cpu = {label: median(values) for label, values in CPU.items()}
    print("CPU seconds (user + system), medians: " + ", ".join(f"{k} {v:.3f}" for k, v in cpu.items()))
    print(ratio(f"CPU docx / pandoc at {notes:,} notes", cpu["docx"], cpu["pandoc"]))
    print(ratio(f"CPU csv / md at {notes:,} notes", cpu["csv"], cpu["md"]))
    CPU.clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: 600 notes, 2 runs")
    parser.add_argument("--sizes", type=int, nargs="+", default=[6000, 20000, 50000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None, help="make the studies and reports here and keep them")
    args = parser.parse_args()
    if shutil.which("pandoc") is None:
        print("pandoc is not installed (apt-get install pandoc)", file=sys.stderr)
        return 2
    if args.quick:
        args.sizes, args.runs = [600], 2
    print(machine())
    root = args.keep or Path(tempfile.mkdtemp(prefix="trodden-bench-report-"))
    for notes in args.sizes:
        measure(root / f"notes-{notes}", notes, args.runs)
    print(machine("end"))
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
