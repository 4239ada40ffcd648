"""Redaction recall and false positives on the test corpus (tests/data/redaction_corpus.tsv).

Each line is a realistic interview note (Swedish, Danish, English; a few Norwegian and
Finnish names) with the output expected from redaction. A sentence of a kind counts as
caught when the output is exactly the expected one; a sentence without personal details
(kind ``none``) is a false positive when redaction changes it at all. The redactor runs as
in a study with no terms of its own and no real names given: what it finds by itself.

Targets (issue 12): recall 100 % on formats (e-mail, phone, ID numbers, IBAN, postcodes),
at least 95 % on names, false positives under 5 % of sentences.

    .venv/bin/python bench/redaction.py [--misses]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from trodden.models.notes.redaction import Redactor

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "redaction_corpus.tsv"
TARGETS = {
    "email": 1.0,
    "phone": 1.0,
    "id": 1.0,
    "iban": 1.0,
    "postcode": 1.0,
    "address": 1.0,
    "account": 1.0,
    "name": 0.95,
}
FALSE_POSITIVE_LIMIT = 0.05


def read_corpus(path: Path = CORPUS) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, sentence, expected = line.split("\t")
            rows.append((kind, sentence, expected))
    return rows


def score(rows: list[tuple[str, str, str]], redactor: Redactor) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """{kind: (right, total)} and the lines that came out wrong."""
    figures: dict[str, tuple[int, int]] = {}
    misses = []
    for kind, sentence, expected in rows:
        output = redactor.redact(sentence)
        right = output == expected
        ok, total = figures.get(kind, (0, 0))
        figures[kind] = (ok + right, total + 1)
        if not right:
            misses.append(f"{kind:9s} {sentence}\n          got      {output}\n          expected {expected}")
    return figures, misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every sentence that came out wrong")
    args = parser.parse_args()
    rows = read_corpus()
    redactor = Redactor()
    figures, misses = score(rows, redactor)
    start = time.perf_counter()
    for _ in range(20):
        for _, sentence, _ in rows:
            redactor.redact(sentence)
    per_sentence = (time.perf_counter() - start) / (20 * len(rows)) * 1e6
    print(f"{len(rows)} sentences from {CORPUS.name}; {per_sentence:.1f} µs a sentence")
    failed = False
    for kind, (right, total) in sorted(figures.items(), key=lambda item: (item[0] == "none", item[0])):
        if kind == "none":
            rate = (total - right) / total
            verdict = "PASS" if rate < FALSE_POSITIVE_LIMIT else "MISS"
            failed |= verdict == "MISS"
            print(f"false positives (no detail, changed): {total - right}/{total} = {rate:.1%}  {verdict} (< 5%)")
            continue
        recall = right / total
        target = TARGETS.get(kind)
        verdict = "" if target is None else ("PASS" if recall >= target else "MISS") + f" (>= {target:.0%})"
        failed |= verdict.startswith("MISS")
        print(f"recall {kind:9s} {right:3d}/{total:<3d} = {recall:6.1%}  {verdict}")
    if args.misses:
        print("\n".join(misses))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
