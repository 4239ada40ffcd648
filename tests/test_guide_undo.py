"""Undo and redo in the guide editor: every edit taken back by id, other processes' edits kept."""

from __future__ import annotations

import pytest
from guide_study import make_guide, make_study, run_async
from test_guide_editor import settle, stored
from textual.widgets import Input

from trodden.models.domain import Guide, GuideTheme
from trodden.models.guide import edits
from trodden.models.storage.store import StudyStore
from trodden.models.undo import Step, UndoRedo
from trodden.tui.app import TroddenApp
from trodden.tui.guide.editor import GuideEditor

EDITS = {
    "add theme": lambda g: edits.add_theme(g, "Ny", after="th1")[0],
    "rename theme": lambda g: edits.rename_theme(g, "th2", "Hitta oss"),
    "delete theme": lambda g: edits.delete_theme(g, "th1"),
    "move theme": lambda g: edits.move_theme(g, "th3", -2),
    "add question": lambda g: edits.add_question(g, "th1", "Varför?", after="th1q1")[0],
    "edit question": lambda g: edits.edit_question(g, "th1q2", "Hur många krukor?"),
    "delete question": lambda g: edits.delete_question(g, "th1q1"),
    "move question within": lambda g: edits.move_question(g, "th1q2", -1),
    "move question across": lambda g: edits.move_question(g, "th1q2", 1),
    "import": lambda g: edits.append_guide(g, make_guide())[0],
}


def shape(guide: Guide):
    return [(t.id, t.title, [(q.id, q.text) for q in t.questions]) for t in guide.themes]


@pytest.mark.parametrize("name", EDITS)
def test_each_edit_is_taken_back_and_done_again(name):
    before = make_guide()
    after = EDITS[name](before)
    assert shape(after) != shape(before)
    undone = edits.reverted(after, before, after)
    assert shape(undone) == shape(before)
    redone = edits.reverted(undone, after, before)
    assert shape(redone) == shape(after)
    live = {i for t in redone.themes for i in (t.id, *(q.id for q in t.questions))}
    assert not live & set(redone.retired_ids)  # what is back is not retired
    removed = {i for t in after.themes for i in (t.id, *(q.id for q in t.questions))} - {
        i for t in before.themes for i in (t.id, *(q.id for q in t.questions))
    }
    assert removed <= set(undone.retired_ids)  # what an undo removed is never handed out again


def test_an_undo_keeps_what_another_process_changed_meanwhile():
    before = make_guide()
    after = edits.rename_theme(before, "th2", "Hitta oss")
    elsewhere, _ = edits.add_theme(after, "Från surfplattan")  # another process, after our edit
    elsewhere = edits.edit_question(elsewhere, "th1q1", "Berätta!")
    undone = edits.reverted(elsewhere, before, after)
    assert [t.title for t in undone.themes] == ["Inledning", "Hitta butiken", "Köpa och leverans", "Från surfplattan"]
    assert undone.themes[0].questions[0].text == "Berätta!"


def test_the_stacks():
    history: UndoRedo[str] = UndoRedo(depth=2)
    for step in "abc":
        history.record(step)
    assert history.undo() == "c" and history.undo() == "b" and history.undo() is None  # depth 2
    assert history.redo() == "b"
    history.record("d")
    assert history.redo() is None and history.undo() == "d"
    history.put_back("d", undoable=True)  # its undo failed: still undoable
    assert history.undo() == "d"
    step: Step[int] = Step("x")
    assert not step.done and step.filled(1, 1) == 1 and not step.done  # changed nothing
    assert step.filled(1, 2) == 2 and step.done


@run_async
async def test_ctrl_z_and_ctrl_y_in_the_editor(tmp_path):
    store, _ = make_study(tmp_path / "s")
    original = stored(store.path)
    app = TroddenApp(StudyStore.open(store.path), start=GuideEditor)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t", *"Återköp", "enter")
        await pilot.press("e")
        app.screen.query_one("#prompt", Input).value = "Återköp och retur"
        await pilot.press("enter", "shift+up", "d", "d")  # rename, move up, delete: one burst
        await settle(pilot, app)
        changed = stored(store.path)
        assert [t[0] for t in changed] == ["th1", "th2", "th3"]
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert [t[:2] for t in stored(store.path)] == [
            ("th4", "Återköp och retur"),  # back where the move had put it
            ("th1", "Inledning"),
            ("th2", "Hitta butiken"),
            ("th3", "Köpa och leverans"),
        ]
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")
        await settle(pilot, app)
        assert stored(store.path) == original
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert "Nothing to undo" in str(app.screen.query_one("#editor-message").render())
        await pilot.press("ctrl+y", "ctrl+y", "ctrl+y", "ctrl+y")
        await settle(pilot, app)
        assert stored(store.path) == changed
    with_ids = StudyStore.open(store.path).guide
    assert "th4" in with_ids.retired_ids  # deleted again: its id stays retired


def test_guide_theme_ids_are_unique_after_undo_and_a_new_theme():
    guide = make_guide()
    added, new = edits.add_theme(guide, "Ny")
    undone = edits.reverted(added, guide, added)
    again, newer = edits.add_theme(undone, "Annan")
    assert newer != new
    redone = edits.reverted(again, added, guide)
    assert len({t.id for t in redone.themes}) == len(redone.themes) == 5
    assert isinstance(redone.themes[0], GuideTheme)
