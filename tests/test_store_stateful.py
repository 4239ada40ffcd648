"""A state machine against the store: random adds, revisions, deletes, batches,
snapshots, clean reopens and simulated crashes, checked against a plain model."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from trodden.models.domain import Study
from trodden.models.errors import CorruptFile
from trodden.models.notes.syntax import NoteDraft
from trodden.models.storage.store import StudyStore

AT = datetime(2026, 3, 2, 10, 0)
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)


class StoreMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="trodden-state-"))
        self.store = StudyStore.create(self.root / "s", Study(name="state"))
        self.interview_id = self.store.new_interview("P1", start=AT).id
        self.session = self.store.open_interview(self.interview_id)
        self.session.db.compact_every = 4  # background snapshots all the time
        self.model: dict[int, tuple[str, bool]] = {}
        # Another process following the writer the whole time (the interviewer's view).
        self.follower = self.store.open_interview(self.interview_id, writable=False)

    @rule(text=texts)
    def add(self, text: str) -> None:
        note = self.session.add_note(NoteDraft(text=text), wall=AT)
        assert note.seq == max(self.model, default=0) + 1
        self.model[note.seq] = (text, False)

    @precondition(lambda self: self.model)
    @rule(data=st.data(), text=texts)
    def revise(self, data, text: str) -> None:
        seq = data.draw(st.sampled_from(sorted(self.model)))
        self.session.revise(seq, NoteDraft(text=text), at=AT)
        self.model[seq] = (text, self.model[seq][1])

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def toggle_deleted(self, data) -> None:
        seq = data.draw(st.sampled_from(sorted(self.model)))
        text, deleted = self.model[seq]
        (self.session.restore_note if deleted else self.session.delete_note)(seq)
        self.model[seq] = (text, not deleted)

    @precondition(lambda self: len(self.model) >= 2)
    @rule(data=st.data(), text=texts)
    def batch(self, data, text: str) -> None:
        seqs = data.draw(st.lists(st.sampled_from(sorted(self.model)), min_size=2, max_size=4, unique=True))
        self.session.save_notes([self.session.note(seq).model_copy(update={"text": text}) for seq in seqs])
        for seq in seqs:
            self.model[seq] = (text, self.model[seq][1])

    @rule()
    def snapshot_now(self) -> None:
        self.session.db.compact()

    @rule()
    def reopen_cleanly(self) -> None:
        self.session.close()
        self.session = self.store.open_interview(self.interview_id)
        self.session.db.compact_every = 4

    @rule()
    def crash(self) -> None:
        """Like SIGKILL: no exit snapshot, no cleanup; the kernel drops the lock."""
        self.session.db.wait_for_snapshot()
        self.session.db._journal_fd = None
        self.session.db._lock_file.release()
        self.session = self.store.open_interview(self.interview_id)
        self.session.db.compact_every = 4

    @rule()
    def damage_a_line_then_repair_it(self) -> None:
        """A complete line that is not a record: the writer refuses to open, naming file and
        line, and changes nothing; a reader gets every note; once removed by hand, work goes on."""
        self.session.db.wait_for_snapshot()
        self.session.db._journal_fd = None  # crashed, so no snapshot covers the damage
        self.session.db._lock_file.release()
        folder = self.session.folder
        journal = max(folder.glob("notes.journal.*"), key=lambda path: int(path.suffix[1:]))
        original = journal.read_bytes()
        journal.write_bytes(original + b'{"t":"notes","id":1,"doc":\n')
        before = {path.name: path.read_bytes() for path in folder.iterdir() if path.suffix != ".lock"}
        line = original.count(b"\n") + 1
        with pytest.raises(CorruptFile, match=rf"{journal.name}: line {line} is damaged"):
            self.store.open_interview(self.interview_id)
        with self.store.open_interview(self.interview_id, writable=False) as reader:
            assert {n.seq: (n.text, n.deleted) for n in reader.notes(include_deleted=True)} == self.model
            assert [problem.path for problem in reader.problems] == [journal]
        assert {path.name: path.read_bytes() for path in folder.iterdir() if path.suffix != ".lock"} == before
        journal.write_bytes(original)  # repaired by hand
        self.session = self.store.open_interview(self.interview_id)
        self.session.db.compact_every = 4

    @invariant()
    def a_reader_sees_exactly_the_model(self) -> None:
        self.session.db.wait_for_snapshot()
        with self.store.open_interview(self.interview_id, writable=False) as reader:
            stored = {n.seq: (n.text, n.deleted) for n in reader.notes(include_deleted=True)}
        assert stored == self.model
        assert {n.seq: (n.text, n.deleted) for n in self.session.notes(include_deleted=True)} == self.model
        self.follower.refresh()
        assert {n.seq: (n.text, n.deleted) for n in self.follower.notes(include_deleted=True)} == self.model

    def teardown(self) -> None:
        self.session.close()
        shutil.rmtree(self.root, ignore_errors=True)


StoreMachine.TestCase.settings = settings(max_examples=25, stateful_step_count=25, deadline=None)
test_store_state_machine = StoreMachine.TestCase
