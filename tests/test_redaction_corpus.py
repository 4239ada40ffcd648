"""Redaction on a corpus of realistic notes: recall per kind and false positives (issue 12).

``tests/data/redaction_corpus.tsv``: 222 sentences in Swedish, Danish and English (a few
Norwegian and Finnish names), each with the exact output expected. ``bench/redaction.py``
prints the same figures for bench/RESULTS.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trodden.models.notes.redaction import Redactor

CORPUS = Path(__file__).parent / "data" / "redaction_corpus.tsv"
FORMATS = ["email", "phone", "id", "iban", "postcode", "address", "account"]


def _rows() -> list[tuple[str, str, str]]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]  # type: ignore[misc]


@pytest.fixture(scope="module")
def results() -> dict[str, list[tuple[str, str, str]]]:
    """{kind: [(sentence, expected, got)]}."""
    redactor = Redactor()
    by_kind: dict[str, list[tuple[str, str, str]]] = {}
    for kind, sentence, expected in _rows():
        by_kind.setdefault(kind, []).append((sentence, expected, redactor.redact(sentence)))
    return by_kind


def test_the_corpus_is_big_enough_and_well_formed(results) -> None:
    assert sum(len(rows) for rows in results.values()) >= 200
    assert len(results["none"]) >= 50 and len(results["name"]) >= 50
    assert set(FORMATS) <= set(results)
    for kind, rows in results.items():
        for sentence, expected, _ in rows:
            assert (expected == sentence) == (kind == "none"), sentence


@pytest.mark.parametrize("kind", FORMATS)
def test_every_format_is_caught(results, kind) -> None:
    wrong = [(sentence, got) for sentence, expected, got in results[kind] if got != expected]
    assert wrong == []


def test_names_recall_at_least_95_percent(results) -> None:
    rows = results["name"]
    right = sum(got == expected for _, expected, got in rows)
    assert right / len(rows) >= 0.95, [got for _, expected, got in rows if got != expected]


def test_false_positives_under_5_percent(results) -> None:
    rows = results["none"]
    changed = [got for sentence, _, got in rows if got != sentence]
    assert len(changed) / len(rows) < 0.05, changed
