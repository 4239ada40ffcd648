"""A reader that refreshes while the writer is mid-line sees the note once, when the line is whole.

The guide view and the map follow the note-taker's journal while it is being written. A
journal line is one ``os.write``, but a reader can still catch it half on disk (a large
note, a slow disk, a network file system). Then the half line must be neither shown,
nor taken as corruption, nor skipped for good: it is read again on the next refresh.
"""

from __future__ import annotations

from pathlib import Path

from trodden.models.notes.syntax import parse
from trodden.models.storage.durable import DurableDB
from trodden.models.storage.journal import Put
from trodden.models.storage.journal import encode_ops as _encode
from trodden.models.storage.session import InterviewSession
from trodden.models.storage.store import StudyStore


def test_a_reader_following_byte_by_byte_sees_the_document_only_at_the_newline(tmp_path: Path) -> None:
    with DurableDB(tmp_path, "x", writable=True) as writer:
        writer.put("t", 1, {"text": "first"})
    journal = tmp_path / "x.journal.99"
    reader = DurableDB(tmp_path, "x", writable=False).open()
    line = _encode([Put("t", 2, {"text": "Åsa ringde om krukan"})])  # multi-byte letters: a cut may split one
    with open(journal, "ab") as handle:
        for end in range(len(line) - 1):
            handle.write(line[end : end + 1])
            handle.flush()
            reader.refresh()  # never raises on a half line
            assert reader.ids("t") == [1], f"document shown from a half line: {line[: end + 1]!r}"
        handle.write(line[-1:])  # the newline: now the line is whole
    assert reader.refresh()
    assert reader.get("t", 2) == {"text": "Åsa ringde om krukan"}
    assert not reader.refresh()  # read once: nothing more to follow
    reader.close()


def _newest_journal(session: InterviewSession) -> Path:
    return max(session.folder.glob("notes.journal.*"), key=lambda path: int(path.suffix[1:]))


def test_a_reader_refreshing_mid_line_sees_the_note_once_the_line_is_complete(
    study: StudyStore, live_interview: InterviewSession
) -> None:
    live_interview.add_note(parse("first note"))
    with study.open_interview(live_interview.interview.id, writable=False) as reader:
        assert [note.text for note in reader.notes()] == ["first note"]

        live_interview.add_note(parse("Åsa ringde om krukan"))
        journal = _newest_journal(live_interview)
        whole = journal.read_bytes()
        line_start = whole.rindex(b"\n", 0, len(whole) - 1) + 1
        cut = whole.index("Å".encode(), line_start) + 1  # mid-letter, mid-line
        journal.write_bytes(whole[:cut])  # what a reader sees while the writer is mid-line

        reader.refresh()
        reader.refresh()
        assert [note.text for note in reader.notes()] == ["first note"]

        with open(journal, "ab") as handle:
            handle.write(whole[cut:])  # the writer finishes the line
        assert reader.refresh()
        assert [note.text for note in reader.notes()] == ["first note", "Åsa ringde om krukan"]

        live_interview.add_note(parse("third note"))  # and following goes on as before
        assert reader.refresh()
        assert [note.text for note in reader.notes()] == ["first note", "Åsa ringde om krukan", "third note"]
