"""Renaming a tag to a name the study already has merges the two: asked first on the tags screen,
refused without --merge on the command line. A map the count had to leave out is named."""

from __future__ import annotations

import asyncio
import struct
import zlib
from pathlib import Path

from conftest import build_study
from test_overview_home import _counted, _screen_text, _tags, _tags_app
from waiting import wait_until

from trodden.models.map.map_session import MAP_FOLDER
from trodden.models.storage.store import StudyStore
from trodden.tui.cli.main import main
from trodden.tui.widgets.dialogs import PickScreen


def test_a_rename_onto_an_existing_tag_asks_before_it_merges(tmp_path: Path) -> None:
    store = build_study(tmp_path / "study")

    async def run() -> tuple[str, set[str], set[str]]:
        app = _tags_app(store)
        async with app.run_test(size=(120, 30)) as pilot:
            screen = await _counted(pilot)
            row = next(i for i, r in enumerate(screen.rows) if r.name == "förpackning")

            async def rename() -> str:
                screen.query_one("#tags").move_cursor(row=row)
                await pilot.press("r", "end", "ctrl+u", *"skötsel", "enter")
                await wait_until(pilot, lambda: isinstance(app.screen, PickScreen), "the question")
                return _screen_text(app)

            asked = await rename()
            await pilot.press("escape")  # no: nothing is renamed
            await wait_until(pilot, lambda: "nothing renamed" in _screen_text(app), "the answer")
            kept = _tags(store)
            await rename()
            await pilot.press("enter")  # the first choice: merge
            await wait_until(pilot, lambda: "→ #skötsel" in _screen_text(app), "the merge to be done")
            return asked, kept, _tags(store)

    asked, kept, merged = asyncio.run(run())
    assert "Merge into #skötsel?" in asked and "#skötsel already exists" in asked
    assert {"förpackning", "skötsel"} <= kept
    assert "förpackning" not in merged and "skötsel" in merged


def test_the_command_line_renames_onto_an_existing_tag_only_with_merge(tmp_path: Path, capsys) -> None:
    store = build_study(tmp_path / "study")
    assert main(["tags", str(store.path), "rename", "#förpackning", "#Skötsel"]) == 2
    said = capsys.readouterr().err
    assert "#skötsel already exists" in said and "--merge" in said
    assert {"förpackning", "skötsel"} <= _tags(store)
    assert main(["tags", str(store.path), "rename", "#förpackning", "#skötsel", "--merge"]) == 0
    assert "förpackning" not in _tags(store) and "skötsel" in _tags(store)
    assert main(["tags", str(store.path), "rename", "#skötsel", "#omsorg"]) == 0  # a new name needs no --merge


def test_the_tags_screen_names_a_damaged_map_it_left_out(tmp_path: Path) -> None:
    store = build_study(tmp_path / "study")
    payload = b"Ugarbage{"
    damaged = store.path / MAP_FOLDER / "ZZ.updates"
    damaged.parent.mkdir(exist_ok=True)
    damaged.write_bytes(struct.pack(">II", len(payload), zlib.crc32(payload)) + payload)  # whole, but no map edit

    async def run() -> str:
        app = _tags_app(StudyStore.open(store.path))
        async with app.run_test(size=(120, 30)) as pilot:
            await _counted(pilot)
            return str(app.screen.query_one("#tags-status").render())

    said = asyncio.run(run())
    assert "left out:" in said and "ZZ.updates" in said and "cannot be read" in said
    assert main(["tags", str(store.path)]) == 1  # the command names it too, and says so in its status


def test_a_name_the_full_disk_refused_is_asked_for_again_and_stored_once_there_is_room(
    tmp_path: Path, monkeypatch
) -> None:
    """Rename (onto a tag the study has: asked once) and merge: the disk refuses the notes, the same
    prompt comes back with the words typed and why; enter, after room is made, does it."""
    import errno
    import os

    from textual.widgets import Input

    from trodden.models.errors import WriteFailed
    from trodden.models.storage.session import InterviewSession
    from trodden.tui.widgets.dialogs import PromptScreen

    store = build_study(tmp_path / "study")
    real = InterviewSession.save_notes

    def full(self, notes):
        raise WriteFailed(self.folder / "notes.journal.1", OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))

    async def asked_again(pilot, app) -> tuple[str, str]:
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen), "the name asked for again")
        return app.screen.query_one(Input).value, str(app.screen.query_one("#prompt-hint").render())

    async def run() -> list:
        seen = []
        app = _tags_app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _counted(pilot)
            screen.query_one("#tags").move_cursor(row=next(i for i, r in enumerate(screen.rows) if r.name == "förpackning"))  # fmt: skip
            monkeypatch.setattr(InterviewSession, "save_notes", full)
            await pilot.press("r", "end", "ctrl+u", *"Skötsel", "enter")
            await wait_until(pilot, lambda: isinstance(app.screen, PickScreen), "the question")
            await pilot.press("enter")  # merge
            seen.append(await asked_again(pilot, app))
            seen.append(_tags(store))
            monkeypatch.setattr(InterviewSession, "save_notes", real)  # room again
            await pilot.press("enter")  # no second question: it was answered
            await wait_until(pilot, lambda: "→ #skötsel" in str(screen.query_one("#tags-status").render()), "done")
            seen.append(_tags(store))
            await wait_until(pilot, lambda: not any(r.name == "förpackning" for r in screen.rows), "the recount")
            screen.query_one("#tags").move_cursor(row=next(i for i, r in enumerate(screen.rows) if r.name == "skötsel"))  # fmt: skip
            monkeypatch.setattr(InterviewSession, "save_notes", full)
            await pilot.press("m", *"omsorg", "enter")
            seen.append(await asked_again(pilot, app))
            monkeypatch.setattr(InterviewSession, "save_notes", real)
            await pilot.press("enter")
            await wait_until(pilot, lambda: "→ #omsorg" in str(screen.query_one("#tags-status").render()), "merged")
            seen.append(_tags(store))
        return seen

    renamed, before, after, merged, last = asyncio.run(run())
    assert (
        renamed[0] == "Skötsel" and "No space left on device" in renamed[1] and "What you typed is back" in renamed[1]
    )
    assert "förpackning" in before
    assert "förpackning" not in after and "skötsel" in after
    assert merged[0] == "omsorg" and "No space left on device" in merged[1]
    assert "skötsel" not in last and "omsorg" in last
