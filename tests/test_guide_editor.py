"""Writing the guide in the app: every change lands in study.json, addressed by id."""

from __future__ import annotations

from guide_study import make_guide, make_study, run_async
from textual.widgets import Input, OptionList
from waiting import wait_until

from trodden.models.guide import edits
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.guide.editor import GuideEditor


async def settle(pilot, app) -> None:
    """Wait for the keys, the workers and the editor's queued saves, then the messages they posted."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    for screen in app.screen_stack:
        if isinstance(screen, GuideEditor):
            assert screen.writer.wait_idle(10), "the guide editor's saves never finished"
    await pilot.pause()


def stored(path):
    return [(t.id, t.title, [q.text for q in t.questions]) for t in StudyStore.open(path).guide.themes]


@run_async
async def test_add_edit_move_delete_and_import_save_to_study_json(tmp_path):
    store, _ = make_study(tmp_path / "s")
    guide_md = tmp_path / "extra.md"
    guide_md.write_text("# Guide\n\n## Efter köpet\n- Hur mår växterna?\n- Skulle du köpa igen?\n", encoding="utf-8")
    app = TroddenApp(StudyStore.open(store.path), start=GuideEditor)
    async with app.run_test(size=(100, 30)) as pilot:
        outline = app.screen.query_one("#outline", OptionList)
        # new theme after the highlighted first one, with a question
        await pilot.press("t", *"Återköp", "enter")
        await settle(pilot, app)
        assert stored(store.path)[1] == ("th4", "Återköp", [])
        await pilot.press("a")
        app.screen.query_one("#prompt", Input).value = "Varför?"
        await pilot.press("enter")
        await settle(pilot, app)
        assert stored(store.path)[1] == ("th4", "Återköp", ["Varför?"])
        # edit the question's text, then move it down into the next theme
        assert outline.highlighted_option.id == "q:th4q1"
        await pilot.press("e")
        assert app.screen.query_one("#prompt", Input).value == "Varför?"
        app.screen.query_one("#prompt", Input).value = "Varför köpa igen?"
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("shift+down")
        await settle(pilot, app)
        assert stored(store.path)[2] == (
            "th2",
            "Hitta butiken",
            ["Varför köpa igen?", "Hur hörde du talas om oss? [bold]x[/bold]"],
        )
        # move the new theme to the top, then delete it (twice d)
        await pilot.press("home")
        await pilot.press("down", "down", "down")
        assert outline.highlighted_option.id == "t:th4"
        await pilot.press("shift+up")
        await settle(pilot, app)
        assert [t[0] for t in stored(store.path)] == ["th4", "th1", "th2", "th3"]
        await pilot.press("d")
        await settle(pilot, app)
        assert len(stored(store.path)) == 4, "one d only asks"
        await pilot.press("d")
        await settle(pilot, app)
        assert [t[0] for t in stored(store.path)] == ["th1", "th2", "th3"]
        # a bad path says so and keeps the prompt; a good one appends
        await pilot.press("i")
        app.screen.query_one("#prompt", Input).value = str(tmp_path / "missing.md")
        await pilot.press("enter")
        await settle(pilot, app)
        assert "does not exist" in str(app.screen.query_one("#editor-message").render())
        app.screen.query_one("#prompt", Input).value = str(guide_md)
        await pilot.press("enter")
        await settle(pilot, app)
        # escape leaves (the editor is the only screen here, so the app ends)
        await pilot.press("escape")
    # the deleted theme's id stays retired: the imported theme gets a new one
    assert stored(store.path)[-1] == ("th5", "Efter köpet", ["Hur mår växterna?", "Skulle du köpa igen?"])
    assert [t[0] for t in stored(store.path)] == ["th1", "th2", "th3", "th5"]


@run_async
async def test_escape_cancels_typing_without_saving(tmp_path):
    store, _ = make_study(tmp_path / "s")
    before = stored(store.path)
    app = TroddenApp(StudyStore.open(store.path), start=GuideEditor)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t", *"Halvfärdig", "escape")
        await settle(pilot, app)
        assert app.screen.query_one("#outline", OptionList).has_focus
    assert stored(store.path) == before


@run_async
async def test_e_opens_the_text_with_the_cursor_at_its_end_not_selected(tmp_path):
    store, _ = make_study(tmp_path / "s")
    first = stored(store.path)[0][2][0]
    app = TroddenApp(StudyStore.open(store.path), start=GuideEditor)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "e", *" igen?")  # typing at once adds to the text, never replaces it
        assert app.screen.query_one("#prompt", Input).value == first + " igen?"


@run_async
async def test_words_the_disk_refused_go_back_into_the_prompt(tmp_path, monkeypatch):
    from trodden.models.errors import StoreError

    store, _ = make_study(tmp_path / "s")
    before = stored(store.path)
    app = TroddenApp(StudyStore.open(store.path), start=GuideEditor)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = app.screen
        saved = StudyStore.update

        def full_disk(self, change):
            raise StoreError("the disk is full")

        monkeypatch.setattr(StudyStore, "update", full_disk)
        await pilot.press("down", "e", "end", *" Och varför?", "enter")
        await settle(pilot, app)
        prompt = editor.query_one("#prompt", Input)
        said = str(editor.query_one("#editor-message").render())
        assert "Not saved: the disk is full. What you typed is back in the prompt" in said
        assert prompt.has_focus and prompt.value == before[0][2][0] + " Och varför?"  # the words, not lost
        # a second refusal while this prompt is open names its words rather than taking the prompt
        editor._not_saved("the disk is full", ("add_theme", None, "Theme", "Efter [b]köpet[/b]"))
        said = str(editor.query_one("#editor-message").render())
        assert said == "Not saved: the disk is full. What you typed: Efter [b]köpet[/b]"
        assert prompt.value == before[0][2][0] + " Och varför?"
        monkeypatch.setattr(StudyStore, "update", saved)  # room again: enter saves them
        await pilot.press("enter")
        await settle(pilot, app)
    assert stored(store.path)[0][2][0] == before[0][2][0] + " Och varför?"


def test_edits_keep_ids_and_never_reuse_one():
    guide = make_guide()
    guide, new = edits.add_theme(guide, "  Ny  ", after="th1")
    assert new == "th4" and [t.id for t in guide.themes] == ["th1", "th4", "th2", "th3"]
    guide = edits.delete_theme(guide, "th4")
    guide, again = edits.add_theme(guide, "Igen")
    assert again == "th5"  # notes may still carry th4: a new theme must not take its title
    guide = edits.delete_theme(guide, "th5")
    guide = edits.delete_theme(guide, "th3")
    guide, after_delete = edits.add_theme(guide, "Sist")
    assert after_delete == "th6"
    guide, question = edits.add_question(guide, "th1", "Ny fråga", after="th1q1")
    assert question == "th1q3"
    guide = edits.delete_question(guide, "th1q3")
    guide, question = edits.add_question(guide, "th1", "Ny fråga", after="th1q1")
    assert question == "th1q4"
    assert [q.id for q in guide.themes[0].questions] == ["th1q1", "th1q4", "th1q2"]
    assert edits.add_question(guide, "th1", "   ")[1] is None
    moved = edits.move_question(guide, "th1q1", -1)
    assert [q.id for q in moved.themes[0].questions] == ["th1q1", "th1q4", "th1q2"]  # first theme: stays
    merged, added = edits.append_guide(guide, make_guide())
    assert added == 3 and len({t.id for t in merged.themes}) == len(merged.themes)
    ids = [q.id for t in merged.themes for q in t.questions]
    assert len(set(ids)) == len(ids)


@run_async
async def test_the_overview_opens_the_guide_view_and_the_editor(tmp_path):
    from trodden.tui.guide.screen import GuideScreen
    from trodden.tui.study.screen import StudyScreen

    store, iid = make_study(tmp_path / "s")
    app = TroddenApp(StudyStore.open(store.path))
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot, app)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen) and app.screen.interview_id == iid
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, GuideEditor)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)


@run_async
async def test_editing_from_the_guide_view_shows_at_once(tmp_path):
    from guide_study import Clock

    from trodden.tui.guide.screen import GuideScreen

    store, iid = make_study(tmp_path / "s")
    app = TroddenApp(StudyStore.open(store.path), start=lambda s: GuideScreen(s, iid, clock=Clock()))
    async with app.run_test(size=(120, 34)) as pilot:
        guide_view = app.screen
        await wait_until(pilot, lambda: guide_view.progress is not None, "the guide view's progress", step=0.01)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, GuideEditor)
        await pilot.press("end", "t")
        app.screen.query_one("#prompt", Input).value = "Efter köpet"
        await pilot.press("enter")
        # not settle(): the guide view's workers run until it closes
        await wait_until(pilot, lambda: len(app.screen.guide.themes) == 4, "the fourth theme", step=0.01)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is guide_view
        assert guide_view.query_one("#themes", OptionList).option_count == 4
    assert stored(store.path)[-1] == ("th4", "Efter köpet", [])
