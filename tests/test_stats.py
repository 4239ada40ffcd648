"""Counts (n of N) and saturation per interview, and `trodden stats`."""

from __future__ import annotations

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.map.evidence import load_study_map
from trodden.models.map.journey_map import JourneyMap, MapItem
from trodden.models.stats import backing_counts, saturation
from trodden.tui.cli.main import main


def test_counts_and_saturation(tmp_path):
    store = build_study(
        tmp_path / "s",
        ["Finding a plant"],
        {
            "P1": ["1|* asks a neighbour #advice @neighbour", "1|* reads care tips #advice #care"],
            "P2": ["1|* asks a friend #advice @neighbour"],
            "P3": ["1|* asks the shop #advice @chat"],
        },
    )
    loaded = load_study_map(store)
    ids = sorted(loaded.index.notes)
    journey = JourneyMap(
        items=[
            MapItem(id=1, phase="ph1", title="Asks people", evidence=[ids[0], ids[2]]),
            MapItem(id=2, phase="ph1", title="Reads tips", evidence=[ids[1]]),
            MapItem(id=3, phase="ph1", title="Asks the shop", evidence=[ids[3]]),
        ]
    )
    rows = {(r.kind, r.label): (r.n, r.total) for r in backing_counts(loaded.index, journey)}
    assert rows[("item", "Asks people")] == (2, 3)
    assert rows[("tag", "advice")] == (3, 3)
    assert rows[("tag", "care")] == (1, 3)
    assert rows[("channel", "neighbour")] == (2, 3)
    yields = saturation(loaded.interviews, loaded.index, journey)
    assert [(y.participant, y.new_items, y.new_tags) for y in yields] == [("P1", 2, 2), ("P2", 0, 0), ("P3", 1, 0)]


def test_stats_command(tmp_path, capsys):
    store = build_study(tmp_path / "s", ["Hitta en växt"], {"P1": ["1|* frågar grannen #råd @granne"]})
    assert main(["stats", str(store.path)]) == 0
    out = capsys.readouterr().out
    assert "1 of 1   #råd" in out
    assert "@granne" in out
    assert "2026-10-06-P1" in out
