"""What the board shows, as plain data (no widgets): hypotheses, n of N, suggestions, quotes."""

from __future__ import annotations

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.map.board_model import ItemLine, build_board
from trodden.models.map.curve import emotion_curve
from trodden.models.map.evidence import load_study_map
from trodden.models.map.journey_map import JourneyMap, Lane, MapItem, Mark, QuotePick
from trodden.tui.map.board_text import line_text
from trodden.tui.widgets.charts import bar, braille_curve


def test_board_cells(tmp_path):
    store = build_study(
        tmp_path / "s",
        ["Finding a plant", "Getting it home"],
        {"P1": ["1|++* loves the shop's posts @instagram", '2|"Det kom i perfekt skick"'], "P2": ["1|* sees posts"]},
    )
    loaded = load_study_map(store)
    ids = sorted(loaded.index.notes)
    journey = JourneyMap(
        items=[
            MapItem(id=1, phase="ph1", order=1, title="Follows the shop", evidence=[ids[0], ids[2]]),
            MapItem(id=2, phase="ph1", order=2, title="Asks a friend"),
            MapItem(id=3, phase="ph2", order=1, title="[bold]not markup[/bold]", evidence=[ids[1]], mark=Mark.HEART),
        ],
        quotes=[QuotePick(id=1, note=ids[1], phase="ph2")],
    )
    curve = emotion_curve(store.phases, loaded.index, journey)
    model = build_board(store.phases, journey, loaded.index, curve)
    first = [line_text(entry.line).plain for entry in model.cell(Lane.TOUCHPOINTS, 0)]
    assert first == ["▲2/2 Follows the shop", "┆? ·0/2 Asks a friend"]
    asks = model.cell(Lane.TOUCHPOINTS, 0)[1].line  # the model itself is plain data, no styling
    assert asks == ItemLine("Asks a friend", hypothesis=True, flagged=False, mark=None, feeling=None, n=0, total=2)
    assert [line_text(e.line).plain for e in model.cell(Lane.CHANNELS, 0)] == ["@instagram ×1"]
    # the strongest unmarked item of a phase is suggested as a heart while fewer than 5 are marked
    assert [line_text(e.line).plain for e in model.cell(Lane.EMOTIONS, 0)] == ["♥? h: Follows the shop"]
    assert line_text(model.cell(Lane.EMOTIONS, 1)[0].line).plain == "♥·1/2 [bold]not markup[/bold]"
    assert line_text(model.cell(Lane.QUOTES, 1)[0].line).plain == "“Det kom i perfekt skick” P1"


def test_charts():
    lines = braille_curve([2, None, -2], column_width=4, rows=2)
    assert len(lines) == 2 and all(len(line) == 12 for line in lines)
    assert lines[0][2] != " " and lines[1][10] != " "  # +2 at the top of column 1, -2 at the bottom of column 3
    assert lines[0][6] == " " and lines[1][6] == " "  # no feeling in phase 2: a gap
    assert bar(5, 5, 4) == "████" and bar(0, 5, 4) == ""
