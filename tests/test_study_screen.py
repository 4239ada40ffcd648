"""The study overview: the home screen of `trodden demo`."""

from __future__ import annotations

import asyncio
import html
import re
from pathlib import Path

from conftest import build_study
from waiting import wait_until

from trodden.models.sample import write_sample
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp


async def _loaded(app: TroddenApp, pilot) -> None:
    """Until the interviews are listed and painted (bounded: no sleeps, no hangs)."""
    await app.workers.wait_for_complete()

    async def listed() -> int:
        await pilot.pause()  # at least one pass, listed or not: the snapshot counts on it
        return app.screen.query_one("#interviews").row_count

    await wait_until(pilot, listed, "the interviews listed")
    await pilot.pause()  # the idle pass that sizes the columns, then the repaint
    await pilot.pause()


def test_overview_lists_every_interview_in_full(tmp_path: Path) -> None:
    store = write_sample(tmp_path / "study")

    async def run() -> str:
        app = TroddenApp(StudyStore.open(store.path))
        async with app.run_test(size=(120, 30)) as pilot:
            await _loaded(app, pilot)
            # what the terminal shows, not what the table holds
            return app.export_screenshot()

    shown = html.unescape(asyncio.run(run())).replace("\xa0", " ")
    texts = [t for t in re.findall(r">([^<]+)<", shown) if t.strip()]
    for interview in ("2026-10-05-P01", "2026-10-20-P12"):
        assert interview in shown, [t for t in texts if "2026" in t or "Interview" in t]
    assert "cleaned" in shown and "2026-10-13" in shown


def test_overview_snapshot(tmp_path: Path, snap_compare) -> None:
    store = write_sample(tmp_path / "study")

    async def loaded(pilot) -> None:
        await _loaded(pilot.app, pilot)

    assert snap_compare(TroddenApp(StudyStore.open(store.path)), terminal_size=(120, 30), run_before=loaded)


def test_help_lists_the_overview_keys(tmp_path: Path) -> None:
    store = write_sample(tmp_path / "study")

    async def run() -> str:
        app = TroddenApp(StudyStore.open(store.path))
        async with app.run_test(size=(120, 40)) as pilot:
            await _loaded(app, pilot)
            await pilot.press("f1")
            await pilot.pause()
            return html.unescape(app.export_screenshot()).replace("\xa0", " ")

    text = asyncio.run(run())
    assert "Study overview" in text and "Clean the selected interview" in text and "ctrl+q" in text


def test_a_damaged_interview_is_named_on_the_overview(tmp_path: Path) -> None:
    """A damaged journal line: the overview still lists the interview and names the file and line."""
    store = build_study(tmp_path / "study")
    folder = store.interview_dir(store.find_interview("P1").id)
    (folder / "notes.journal.9").write_bytes(b'{"t":"notes","id":99,"doc":{"text":"half\xc3\n')

    async def run() -> str:
        app = TroddenApp(StudyStore.open(store.path))
        async with app.run_test(size=(120, 30)) as pilot:
            await _loaded(app, pilot)
            assert app.screen.query_one("#interviews").row_count == 2
            return str(app.screen.query_one("#problems").render())

    shown = asyncio.run(run())
    assert "notes.journal.9: line 1 is damaged" in shown


def test_overview_says_interviews_against_guidance_and_saturation(tmp_path: Path) -> None:
    store = write_sample(tmp_path / "study")

    def staff_p5(data) -> None:  # a staff interview never counts towards the guidance
        from trodden.models.domain import Role

        for person in data.participants:
            if person.code == "P05":
                person.role, person.team = Role.STAFF, "warehouse"

    store.update(staff_p5)

    async def run() -> str:
        app = TroddenApp(StudyStore.open(store.path))
        async with app.run_test(size=(80, 24)) as pilot:
            await _loaded(app, pilot)
            return str(app.screen.query_one("#enough").render())

    line = asyncio.run(run())
    assert line.startswith(" 11 of 15-20 customer interviews · saturation ")
    assert "\n" not in line and len(line) <= 80


def test_small_terminal_keeps_the_interviews_in_sight(tmp_path: Path) -> None:
    """At 60x16 the wrapped summary took every row: the interviews, which the keys act on, were out of sight."""
    store = write_sample(tmp_path / "study")

    async def run() -> int:
        app = TroddenApp(StudyStore.open(store.path))
        async with app.run_test(size=(60, 16)) as pilot:
            await _loaded(app, pilot)
            table = app.screen.query_one("#interviews")
            assert table.region.bottom <= app.size.height - 1  # above the footer, not scrolled off
            return table.size.height

    assert asyncio.run(run()) >= 5  # the header and at least three interviews
