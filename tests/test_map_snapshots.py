"""Snapshots of the map board (crafted study, fixed dates, no blinking cursor)."""

from __future__ import annotations

from waiting import wait_until

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.map.journey_map import BackstageKind, Change, CurveOverride, ItemKind, MapItem, Mark, QuotePick
from trodden.models.map.map_session import MapSession
from trodden.tui.app import TroddenApp
from trodden.tui.map.screen import MapScreen

NOTES = {
    "P1": [
        "1|--* calls support about the invoice @phone",
        '1|"Nobody could tell me why [bold]." @phone',
        "2|++* unpacks the box: not a crumb of soil @delivery",
        "3|+ swaps cuttings with the neighbour #växter",
    ],
    "P2": [
        "1|-* called support about an invoice @phone",
        "2|+* waters the plant after the SMS @sms",
        "3|-- leaves fall off",
    ],
    "P3": ["2|++* the handwritten card, 'welcome home' @delivery", "3|! wants someone to look at HER plant"],
}


def make_app(tmp_path) -> TroddenApp:
    store = build_study(tmp_path / "s", ["Finding a plant", "Getting it home", "Keeping it alive (å ä ö)"], NOTES)
    notes = {f"{i.participant}/{n}": f"{i.id}/{n}" for i in store.interviews()[0] for n in range(1, 5)}
    items = [
        MapItem(
            id=1,
            phase="ph1",
            order=1,
            title="Calls support about the invoice",
            evidence=[notes["P1/1"], notes["P2/1"]],
            mark=Mark.CLOUD,
        ),
        MapItem(id=2, phase="ph1", order=2, title="Asks a friend what the plant is called"),
        MapItem(
            id=3,
            phase="ph2",
            order=1,
            title="Unpacks a perfect box",
            evidence=[notes["P1/3"], notes["P3/1"]],
            mark=Mark.HEART,
        ),
        MapItem(
            id=4,
            phase="ph3",
            order=1,
            kind=ItemKind.MOMENT,
            title="The plant struggles in week one",
            evidence=[notes["P2/3"], notes["P3/2"]],
            design_question="How might we be there in week one?",
        ),
        MapItem(
            id=5,
            phase="ph3",
            order=1,
            kind=ItemKind.BACKSTAGE,
            backstage=BackstageKind.POLICY,
            title="Customer service escalates only on a second e-mail",
        ),
    ]
    with MapSession(store.path, writable=True) as session:
        session.apply(Change(items=tuple(items), quotes=(QuotePick(id=1, note=notes["P1/2"], phase="ph1"),)))
        session.set_override(store.phases, CurveOverride(phase="ph3", value=-1.5, reason="workshop"), "ph3")
    return TroddenApp(store, start=lambda s: MapScreen(s, blink=False, hint_delay=0.01))


async def settle(pilot) -> None:
    def loaded_without_hint_timer() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, MapScreen) and screen.loaded is not None and screen._hint_timer is None

    await wait_until(pilot, loaded_without_hint_timer, "the map to load and its hint timer to fire")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_snapshot_of_the_board(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=(130, 44), run_before=settle)


def test_snapshot_of_the_evidence_view(snap_compare, tmp_path):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), terminal_size=(110, 30), run_before=run_before)


def test_snapshot_of_the_curve_per_touchpoint(snap_compare, tmp_path):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("l", "l")  # curve detail: participants, then touchpoints
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), terminal_size=(130, 44), run_before=run_before)


def test_snapshot_of_the_stats_panel_at_80x24(snap_compare, tmp_path):
    """A long title wraps under itself, not under the counts."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=run_before)
