"""Renaming and merging tags and channels: every note (as a revision), the map, exports, undo, live interviews."""

from __future__ import annotations

from datetime import timedelta

from conftest import CLOCK

from trodden.models.map.journey_map import MapItem
from trodden.models.map.map_session import MapSession, read_map
from trodden.models.notes.syntax import parse
from trodden.models.retag import retag, undo
from trodden.models.storage.store import StudyStore
from trodden.tui.cli.main import main


def _notes_with(store: StudyStore, kind: str, name: str) -> list:
    notes, _ = store.all_notes()
    return [n for found in notes.values() for n in found if name in (n.tags if kind == "tag" else n.channels)]


def test_merge_reaches_every_note_as_a_revision_and_undo_puts_it_back(study: StudyStore) -> None:
    p2 = study.find_interview("P2")
    with study.open_interview(p2.id) as session:
        session.add_note(parse("mer #Förpackning"), raw="mer #Förpackning")
    done = retag(study, "tag", ["förpackning"], "packaging")
    assert done.note_count == 2 and done.skipped == []
    renamed = _notes_with(study, "tag", "packaging")
    assert sorted(n.text for n in renamed) == ["lagret skickade fel kruka #packaging", "mer #packaging"]
    first = next(n for n in renamed if n.text.startswith("lagret"))
    assert "#förpackning" in first.history[0].raw and "#packaging" in first.history[-1].raw  # typed line kept
    assert _notes_with(study, "tag", "förpackning") == []
    assert undo(study, done) == []
    assert len(_notes_with(study, "tag", "förpackning")) == 2 and _notes_with(study, "tag", "packaging") == []


def test_a_channel_rename_reaches_the_map_and_the_exports(study: StudyStore, capsys) -> None:
    p1 = study.find_interview("P1").id
    with MapSession(study.path, writable=True) as session:
        session.put_item(MapItem(id=1, title="Shop visit", phase="ph1", evidence=[f"{p1}/1"], channels=["butik"]))
    assert main(["tags", str(study.path), "rename", "@butik", "@store"]) == 0
    assert "@butik → @store: 2 notes in 2 interviews, 1 map item" in capsys.readouterr().out
    item = read_map(study.path).items[0]
    assert item.channels == ["store"] and item.evidence == [f"{p1}/1"]  # evidence stays by note id
    assert main(["export", str(study.path), "--format", "csv", "-o", str(study.path / "n.csv")]) == 0
    exported = (study.path / "n.csv").read_text(encoding="utf-8")
    assert "store" in exported and "butik" not in exported


def test_an_interview_being_captured_is_skipped_and_named(study: StudyStore, capsys) -> None:
    live = study.new_interview("P3", start=CLOCK + timedelta(days=2))
    with study.open_interview(live.id) as session:  # the note-taker's process holds the notes
        session.add_note(parse("bra @butik"), raw="bra @butik")
        assert main(["tags", str(study.path), "merge", "@butik", "@grannen", "--into", "@grannen"]) == 1
        captured = capsys.readouterr()
        assert f"skipped {live.id} (P3): being written right now" in captured.err
        assert session.notes()[0].channels == ["butik"]
    assert _notes_with(study, "channel", "butik")[0].interview == live.id  # only the live one kept it


def test_the_list_counts_notes_and_customers(study: StudyStore, capsys) -> None:
    assert main(["tags", str(study.path)]) == 0
    out = capsys.readouterr().out
    assert "@butik" in out and "2 notes  2 of 2 customers" in out
    assert main(["tags", str(study.path), "rename", "#nothing", "#x"]) == 2


def test_a_new_name_that_is_no_tag_gets_a_clear_message_and_changes_nothing(study: StudyStore, capsys) -> None:
    before = _notes_with(study, "channel", "butik")
    for bad in ("", "@", "@[b]x", "två ord", "a\x1b[2J"):
        assert main(["tags", str(study.path), "rename", "@butik", bad]) == 2, bad
        err = capsys.readouterr().err
        assert "is not a tag or channel name" in err and "unexpected" not in err
    assert main(["tags", str(study.path), "merge", "@butik", "--into", "[b]"]) == 2
    assert "is not a tag or channel name" in capsys.readouterr().err
    assert main(["tags", str(study.path), "rename", "@butik", "@" + "å" * 10_000]) == 2  # a paste gone wrong
    assert "a tag or channel name is at most 60 characters; this one has 10000" in capsys.readouterr().err
    assert _notes_with(study, "channel", "butik") == before


def test_a_full_disk_half_way_names_what_was_left_and_keeps_the_undo(study: StudyStore, monkeypatch) -> None:
    """The disk fills up at the second interview: the first stays renamed (and can be undone), the second is named."""
    import errno

    from trodden.models.errors import WriteFailed
    from trodden.models.storage.session import InterviewSession

    real = InterviewSession.save_notes
    calls = []

    def full_the_second_time(self, notes):
        calls.append(self.interview.id)
        if len(calls) == 2:
            raise WriteFailed(self.folder / "notes.journal.1", OSError(errno.ENOSPC, "No space left on device"))
        return real(self, notes)

    monkeypatch.setattr(InterviewSession, "save_notes", full_the_second_time)
    done = retag(study, "channel", ["butik"], "store")
    monkeypatch.undo()
    assert list(done.notes) == [calls[0]] and len(done.skipped) == 1
    assert done.skipped[0].startswith(calls[1]) and "No space left" in done.skipped[0]
    assert {n.interview for n in _notes_with(study, "channel", "butik")} == {calls[1]}  # left as it was
    assert undo(study, done) == [] and len(_notes_with(study, "channel", "butik")) == 2
