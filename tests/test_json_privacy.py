"""The JSON export is safe to share by default and a lossless backup when asked."""

from __future__ import annotations

import json

from trodden.models.interchange import build_document, dumps, import_document
from trodden.models.sample import write_sample
from trodden.models.storage.store import StudyStore

PRIVATE = ["Linnea Sjöström", "Malin", "Kjell", "070-123 45 67", "asa.lindqvist@example.se", "Danderyds sjukhus"]


def _all_text(document) -> str:
    return json.dumps(json.loads(dumps(document)), ensure_ascii=False)


def test_default_json_keeps_personal_details_out(tmp_path) -> None:
    store = write_sample(tmp_path / "study")
    document, problems = build_document(store)
    text = _all_text(document)
    assert problems == []
    assert [detail for detail in PRIVATE if detail in text] == []
    assert all(p.real_name is None for p in document.participants)
    assert document.redaction_terms == []
    # the notes themselves are all there, only their personal details are masked
    assert sum(len(i.notes) for i in document.interviews) == 286


def test_include_private_round_trips_without_loss(tmp_path) -> None:
    store = write_sample(tmp_path / "study")
    first, _ = build_document(store, include_private=True)
    assert all(detail in _all_text(first) for detail in PRIVATE)
    copy, report = import_document(first, tmp_path / "copy")
    second, _ = build_document(StudyStore.open(copy.path), include_private=True)
    assert report == []
    assert dumps(second) == dumps(first)
