"""The board shows the staff view under the customer curve, apart, and backstage says who backs it."""

from __future__ import annotations

import asyncio

from waiting import wait_until

try:
    from map_kit import build_study
    from test_who_counts import set_people
except ImportError:  # tests as a package
    from .map_kit import build_study
    from .test_who_counts import set_people

from trodden.models.domain import Role
from trodden.models.map.journey_map import ItemKind, MapItem
from trodden.models.map.map_session import MapSession
from trodden.tui.app import TroddenApp
from trodden.tui.map.board import Board
from trodden.tui.map.evidence import ItemScreen
from trodden.tui.map.screen import MapScreen


def make_store(tmp_path, *, staff: bool):
    store = build_study(
        tmp_path / "s",
        ["Ordering", "Getting it home"],
        {
            "P1": ["1|+* finds the shop @web", "1|%-- the warehouse staff hate the packing rules"],
            "P2": ["1|++* easy checkout @web"],
            "S1": ["1|-- packing rules are silly", "2|- returns pile up"],
        },
    )
    set_people(store, {"S1": (Role.STAFF if staff else Role.CUSTOMER, "warehouse")})
    notes = {}
    with store.open_interview(store.find_interview("P1").id) as session:
        notes["customer"] = session.notes()[1].id
    with store.open_interview(store.find_interview("S1").id) as session:
        notes["staff"] = session.notes()[0].id
    with MapSession(store.path, writable=True) as session:
        session.put_item(
            MapItem(
                id=1,
                kind=ItemKind.BACKSTAGE,
                phase="ph1",
                title="Packing rules",
                evidence=[notes["customer"], notes["staff"]],
            )
        )
    return store


async def board_lines(store) -> tuple[list[str], TroddenApp]:
    app = TroddenApp(store, start=lambda s: MapScreen(s, blink=False))
    lines: list[str] = []
    async with app.run_test(size=(120, 60)) as pilot:

        def loaded():
            screen = pilot.app.screen
            return isinstance(screen, MapScreen) and screen.loaded is not None

        await wait_until(pilot, loaded, "the map screen to load")
        await pilot.pause()
        board = app.screen.query_one(Board)
        lines = [board.render_line(y).text for y in range(board.size.height)]
        # the backstage item's evidence view says who backs it
        board.focus()
        await pilot.press("down", "down", "down", "down", "down", "down", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ItemScreen), "the evidence view")
        summary = str(app.screen.query_one("#item-summary").render())
        lines.append(summary)
    return lines, app


def test_the_board_draws_the_staff_view_under_the_customer_curve(tmp_path):
    lines, _ = asyncio.run(board_lines(make_store(tmp_path, staff=True)))
    curve = next(i for i, line in enumerate(lines) if line.startswith("Curve"))
    staff = next(i for i, line in enumerate(lines) if line.startswith("Staff (1)"))
    assert curve < staff
    # the customer curve's values: P1 +1 and P2 +2, n=2; S1's −2 and P1's backstage −2 left out
    values = [line for line in lines[curve:staff] if "n=" in line]
    assert values and "+1.5 n=2" in values[0]
    staff_values = next(line for line in lines[staff:] if "n=" in line)
    assert "-2.0 n=1" in staff_values and "-1.0 n=1" in staff_values
    assert any("1/2 · staff 1 Packing rules" in line for line in lines)  # customers n/N, staff apart
    assert "backed by 1 of 1 staff, 1 customer" in lines[-1]
    assert "staff feeling: -2.0 n=1" in lines[-1]


def test_without_staff_there_is_no_staff_view(tmp_path):
    lines, _ = asyncio.run(board_lines(make_store(tmp_path, staff=False)))
    assert not any(line.startswith("Staff (") for line in lines)
    curve = next(i for i, line in enumerate(lines) if line.startswith("Curve"))
    values = [line for line in lines[curve:] if "n=" in line]
    assert "+0.3 n=3" in values[0]  # S1 a customer: (1 + 2 - 2) / 3


def test_snapshot_of_the_board_with_the_staff_view(snap_compare, tmp_path):
    store = make_store(tmp_path, staff=True)

    async def run_before(pilot) -> None:
        def loaded():
            screen = pilot.app.screen
            return isinstance(screen, MapScreen) and screen.loaded is not None

        await wait_until(pilot, loaded, "the map screen to load")
        await pilot.pause()

    app = TroddenApp(store, start=lambda s: MapScreen(s, blink=False))
    assert snap_compare(app, terminal_size=(110, 40), run_before=run_before)


def test_backstage_backed_by_staff_alone_says_staff_on_the_board_and_in_the_report(tmp_path, capsys):
    """It showed ``0/2`` in the report's map (and ``1/1st+0c`` on the board), as if customers had
    been counted and none found; now both say ``staff 1``, and the customers' n of N is left alone."""
    from trodden.models.map.board_model import build_board
    from trodden.models.map.curve import emotion_curve
    from trodden.models.map.evidence import load_study_map
    from trodden.models.map.journey_map import Lane
    from trodden.tui.cli.main import main
    from trodden.tui.map.board_text import item_text

    store = make_store(tmp_path, staff=True)
    with store.open_interview(store.find_interview("S1").id) as session:
        returns = session.notes()[1].id
    with MapSession(store.path, writable=True) as session:
        session.put_item(
            MapItem(id=2, kind=ItemKind.BACKSTAGE, phase="ph2", title="Returns pile up", evidence=[returns])
        )
    loaded = load_study_map(store)
    phases = loaded.data.phases
    board = build_board(phases, loaded.journey, loaded.index, emotion_curve(phases, loaded.index, loaded.journey))
    shown = {entry.line.title: item_text(entry.line).plain for entry in board.cells[(Lane.BACKSTAGE, "ph2")]}
    assert shown["Returns pile up"].endswith("staff 1 Returns pile up") and "0/" not in shown["Returns pile up"]
    assert main(["export", str(store.path), "--format", "md"]) == 0
    report = capsys.readouterr().out
    assert "Returns pile up (staff 1)" in report and "Packing rules (1/2 · staff 1)" in report
    assert "Returns pile up** · 1 of 1 staff, 0 customers" in report  # the long form keeps saying both
