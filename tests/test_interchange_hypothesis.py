"""The kept hypothesis journey travels in the JSON interchange: lossless with --include-private,
redacted like every other user text without it, optional for older files."""

from __future__ import annotations

import json
from pathlib import Path

from trodden.models.interchange import build_document, dumps, import_document, load_document
from trodden.models.map.journey_map import JourneyMap, MapItem
from trodden.models.map.kept_hypothesis import Verdict, read_hypothesis, record_verdict, take_snapshot
from trodden.models.sample import write_sample
from trodden.models.storage.store import StudyStore
from trodden.tui.cli.main import main


def _sample_with_verdict(folder: Path) -> StudyStore:
    store = write_sample(folder)
    kept = read_hypothesis(store.path)
    assert kept is not None and kept.items
    store.update(lambda data: data.redaction_terms.append("Kjellberg"))
    record_verdict(store.path, kept.items[0].id, Verdict(contradicted=True, reason="Kjellberg sa nej, på ålandska"))
    return store


def test_cli_private_round_trip_keeps_the_hypothesis_byte_for_byte(tmp_path: Path, capsys) -> None:
    store = _sample_with_verdict(tmp_path / "study")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert main(["export", str(store.path), "--format", "json", "-o", str(first), "--include-private"]) == 0
    assert main(["import", str(tmp_path / "copy"), str(first)]) == 0
    assert main(["export", str(tmp_path / "copy"), "--format", "json", "-o", str(second), "--include-private"]) == 0
    capsys.readouterr()
    assert second.read_bytes() == first.read_bytes()
    assert read_hypothesis(tmp_path / "copy") == read_hypothesis(store.path)
    payload = json.loads(first.read_text(encoding="utf-8"))
    assert payload["version"] == 3
    item = read_hypothesis(store.path).items[0].id
    assert payload["hypothesis"]["verdicts"][str(item)]["reason"] == "Kjellberg sa nej, på ålandska"


def test_shared_export_redacts_titles_and_reasons(tmp_path: Path) -> None:
    store = StudyStore.open(_sample_with_verdict(tmp_path / "study").path)
    kept = read_hypothesis(store.path)
    title = kept.items[1].title
    take_snapshot(
        store.path,
        replace=True,
        journey=JourneyMap(items=[*kept.items, MapItem(id=999, phase=kept.items[0].phase, title="Ring Kjellberg")]),
    )
    document, problems = build_document(store)
    assert problems == []
    text = dumps(document)
    assert "Kjellberg" not in text
    assert document.hypothesis is not None and len(document.hypothesis.items) == len(kept.items) + 1
    assert any(item.title == title for item in document.hypothesis.items)  # nothing private in it: as it was
    assert all("Kjellberg" not in v.reason and v.reason for v in document.hypothesis.verdicts.values())


def test_a_file_without_the_hypothesis_still_imports(tmp_path: Path) -> None:
    store = write_sample(tmp_path / "study")
    document, _ = build_document(store, include_private=True)
    payload = json.loads(dumps(document))
    payload["version"] = 2
    del payload["hypothesis"]
    (tmp_path / "v2.json").write_text(json.dumps(payload), encoding="utf-8")
    copy, report = import_document(load_document(tmp_path / "v2.json"), tmp_path / "copy")
    assert report == []
    assert read_hypothesis(copy.path) is None
    assert len(copy.interview_ids()) == len(store.interview_ids())


def test_an_existing_hypothesis_is_never_overwritten_by_an_import(tmp_path: Path) -> None:
    store = _sample_with_verdict(tmp_path / "study")
    document, _ = build_document(store, include_private=True)
    other = write_sample(tmp_path / "other")
    before = read_hypothesis(other.path)
    _, report = import_document(document, other.path)
    assert "the study already keeps a hypothesis journey; the imported one was left out" in report
    assert read_hypothesis(other.path) == before


def test_a_damaged_hypothesis_file_is_named_and_the_rest_exported(tmp_path: Path) -> None:
    store = write_sample(tmp_path / "study")
    (store.path / "hypothesis.json").write_text("{not json", encoding="utf-8")
    document, problems = build_document(store, include_private=True)
    assert document.hypothesis is None and document.interviews
    assert any("hypothesis.json" in str(problem) for problem in problems)
