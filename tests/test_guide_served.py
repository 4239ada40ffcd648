"""The app a ``trodden serve`` tab runs: the guide view of one interview, and nothing it could leave it for.

Driven with Pilot as a browser drives it (keys, the command palette, ``@click`` actions); each
refused way out is checked by what is on screen and what is on disk afterwards.
"""

from __future__ import annotations

import html
import re

from guide_study import Clock, make_study, run_async
from textual.command import CommandPalette
from textual.widgets import Input, OptionList
from waiting import wait_until

from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.guide.editor import GuideEditor
from trodden.tui.guide.screen import GuideScreen
from trodden.tui.guide.served import Served
from trodden.tui.study.screen import StudyScreen


def served_app(path, interview_id, served: Served | None = None) -> TroddenApp:
    store = StudyStore.open(path)
    start = lambda s: GuideScreen(s, interview_id, clock=Clock(), poll_interval=0.02)  # noqa: E731
    return TroddenApp(store, start=start, served=served or Served())


async def opened(pilot, app) -> GuideScreen:
    await wait_until(pilot, lambda: isinstance(app.screen, GuideScreen) and app.screen.snapshot, "the guide view loads")
    return app.screen


def screen_text(app) -> str:
    """What is painted on the screen now, as plain text."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def palette_titles(app) -> list[str]:
    return [command.title for command in app.get_system_commands(app.screen)]


def footer_actions(screen) -> set[str]:
    return {binding.action for _, binding, _, _ in screen.active_bindings.values()}


@run_async
async def test_served_guide_cannot_leave_for_another_screen(tmp_path):
    store, interview_id = make_study(tmp_path / "s")
    app = served_app(store.path, interview_id)
    async with app.run_test(size=(120, 36)) as pilot:
        guide = await opened(pilot, app)
        # esc (back to the overview in a terminal) and e (the editor) do nothing here
        await pilot.press("escape", "e")
        await pilot.pause()
        assert app.screen is guide
        assert not any(isinstance(screen, GuideEditor | StudyScreen) for screen in app.screen_stack)
        assert "edit_guide" not in footer_actions(guide) and "back" not in footer_actions(guide)
        # called directly (a stray @click, a future key), the actions still refuse and say why
        guide.action_edit_guide()
        guide.action_back()
        await pilot.pause()
        assert app.screen is guide
        assert "cannot be edited from this browser" in str(guide.query_one("#message").render())
        # app-level ways to other screens and to files: refused, whoever asks
        for action in (
            "app.push_screen('study')",
            "app.switch_screen('study')",
            "app.switch_mode('default')",
            "app.pop_screen",
            "app.back",
            f"app.screenshot('x.svg', '{tmp_path}')",
            "app.simulate_key('escape')",
            "app.suspend_process",
            "screen.dismiss",
            "screen.back",
            "screen.edit_guide",
        ):
            assert await app.run_action(action) is False, action
        await pilot.pause()
        assert app.screen is guide
        assert list(tmp_path.glob("*.svg")) == []
        # a screen pushed by code that slipped through is refused too
        for screen in (StudyScreen(app.store), GuideEditor(app.store), "study"):
            try:
                app.push_screen(screen)
            except PermissionError:
                pass
            else:
                raise AssertionError(f"served app pushed {screen!r}")
        # the guide's own keys work: n starts the first theme (and the note-taker would follow)
        await pilot.press("n")
        await wait_until(pilot, lambda: guide.progress and guide.progress.current == "th1", "n starts the first theme")
        await pilot.press("down", "space")  # a widget's key (the list's cursor), then the guide's tick
        await wait_until(pilot, lambda: "th1q2" in guide.progress.ticked, "space ticks the highlighted question")
        assert guide.writer.wait_idle(10)
        with StudyStore.open(store.path).guide_events(interview_id) as log:
            assert ("question_done", "th1q2") in [(event.kind, event.value) for event in log.events()]


@run_async
async def test_served_palette_offers_only_what_the_tab_may_do(tmp_path):
    store, interview_id = make_study(tmp_path / "s")
    app = served_app(store.path, interview_id)
    async with app.run_test(size=(120, 36)) as pilot:
        guide = await opened(pilot, app)
        titles = palette_titles(app)
        assert "Next theme" in titles and "Help" in titles
        assert "Edit guide" not in titles and "Back" not in titles
        assert not any("screenshot" in title.lower() for title in titles)
        # the palette opens (ctrl+p), and leaves the tab on the guide view when closed
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette opens")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is guide, "the palette closes")
        # F1 help opens, lists only the keys that work here, and closes
        await pilot.press("f1")
        await wait_until(pilot, lambda: app.screen is not guide, "help opens")
        listed = screen_text(app)
        assert "Move on to the next theme" in listed
        assert "reorder themes and questions" not in listed and "Back to the study overview" not in listed
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is guide, "help closes")


@run_async
async def test_allow_edit_guide_opens_the_editor_but_never_its_file_import(tmp_path):
    store, interview_id = make_study(tmp_path / "s")
    secret = tmp_path / "secret.md"
    secret.write_text("# Hemligt\n\n## Lösenord\n- hunter2\n", encoding="utf-8")
    app = served_app(store.path, interview_id, Served(allow_edit_guide=True))
    async with app.run_test(size=(120, 36)) as pilot:
        guide = await opened(pilot, app)
        assert "Edit guide" in palette_titles(app)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, GuideEditor), "e opens the guide editor")
        editor = app.screen
        assert "Import" not in palette_titles(app)
        assert "import_file" not in footer_actions(editor)
        await pilot.press("i")
        await pilot.pause()
        prompt = editor.query_one("#prompt", Input)
        assert not prompt.has_class("-open"), "i opened the file prompt"
        # even with the prompt forced into import mode, nothing is read from the server's disk
        editor.action_import_file()
        editor._mode = ("import", None)
        prompt.value = str(secret)
        prompt.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "Import is not available in a browser" in str(editor.query_one("#editor-message").render())
        assert editor.writer.wait_idle(10)
        assert [t.title for t in StudyStore.open(store.path).guide.themes] == [
            "Inledning",
            "Hitta butiken",
            "Köpa och leverans",
        ]
        # editing itself works, and esc goes back to the guide view, not beyond
        editor._close_prompt()
        await pilot.press("t", *"Återköp", "enter")
        await wait_until(pilot, lambda: editor.writer.wait_idle(0) and len(editor.guide.themes) == 4, "theme saved")
        assert "Återköp" in [t.title for t in StudyStore.open(store.path).guide.themes]
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is guide, "esc returns to the guide view")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is guide


@run_async
async def test_a_served_app_refuses_to_open_anything_but_a_guide_view(tmp_path):
    store, _ = make_study(tmp_path / "s")
    for start in (None, StudyScreen, GuideEditor):
        app = TroddenApp(StudyStore.open(store.path), start=start, served=Served(allow_edit_guide=True))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda app=app: app.return_code is not None, "the served app refuses")
            assert not any(isinstance(s, StudyScreen | GuideEditor) for s in app.screen_stack)
        assert app.return_code == 2


@run_async
async def test_the_same_guide_in_a_terminal_keeps_its_ways_out(tmp_path):
    """The restrictions are the served tab's only: the researcher's own terminal keeps editor and import."""
    store, interview_id = make_study(tmp_path / "s")
    app = TroddenApp(
        StudyStore.open(store.path), start=lambda s: GuideScreen(s, interview_id, clock=Clock(), poll_interval=0.02)
    )
    async with app.run_test(size=(120, 36)) as pilot:
        await opened(pilot, app)
        assert "Edit guide" in palette_titles(app)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, GuideEditor), "e opens the editor")
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.query_one("#prompt", Input).has_class("-open")
        assert app.screen.query_one("#outline", OptionList) is not None
