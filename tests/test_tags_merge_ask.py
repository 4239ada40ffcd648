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
