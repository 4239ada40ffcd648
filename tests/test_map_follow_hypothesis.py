"""A read-only map follows the kept hypothesis too: a verdict or a new snapshot written by
another editor (or ``trodden map --snapshot``) shows without reopening the board."""

from __future__ import annotations

import asyncio

from waiting import wait_until

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.map.journey_map import JourneyMap, MapItem
from trodden.models.map.kept_hypothesis import Verdict, record_verdict, take_snapshot
from trodden.tui.app import TroddenApp
from trodden.tui.map.screen import MapScreen
from trodden.tui.widgets.dialogs import TextPanel

NOTES = {"P1": ["1|--* calls support about the invoice @phone"]}


async def _follow(tmp_path) -> None:
    store = build_study(tmp_path / "s", ["Hitta växten", "Få hem den"], NOTES)
    # a watcher (--read-only): every screen follows the others' files; a watcher only follows
    app = TroddenApp(store, start=lambda s: MapScreen(s, blink=False, follow_every=0.05, watch=True))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_until(
            pilot,
            lambda: app.screen if isinstance(app.screen, MapScreen) and app.screen.loaded else None,
            "the map to load",
        )
        assert screen.readonly and screen.kept is None
        drafted = [MapItem(id=7, phase="ph1", title="Frågar en vän på Åland")]
        take_snapshot(store.path, journey=JourneyMap(items=drafted))
        await wait_until(pilot, lambda: screen.kept is not None, "the new snapshot in the reader", step=0.02)
        assert [item.title for item in screen.kept.items] == ["Frågar en vän på Åland"]

        record_verdict(store.path, 7, Verdict(contradicted=True, reason="ingen frågade någon"))
        await wait_until(pilot, lambda: 7 in screen.kept.verdicts, "the verdict in the reader", step=0.02)
        await pilot.press("H")
        panel = await wait_until(pilot, lambda: isinstance(app.screen, TextPanel) and app.screen, "the view")
        assert "ingen frågade någon" in str(panel.query_one("#panel-body").render())
        await pilot.press("escape")

        (store.path / "hypothesis.json").write_text("{broken", encoding="utf-8")
        await wait_until(pilot, lambda: "cannot be read" in str(screen.query_one("#map-status").render()), "x")
        assert 7 in screen.kept.verdicts  # the damaged file does not wipe what is shown


def test_a_read_only_map_follows_the_kept_hypothesis(tmp_path) -> None:
    asyncio.run(_follow(tmp_path))
