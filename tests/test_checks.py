"""Method checks on crafted studies, and `trodden check`'s output and exit code."""

from __future__ import annotations

import pytest

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.checks import funnel_words, has_warnings, run_checks
from trodden.models.domain import InterviewStatus, JourneyState
from trodden.models.map.evidence import load_study_map
from trodden.models.map.journey_map import ItemKind, JourneyMap, MapItem, Mark, QuotePick
from trodden.tui.cli.main import main

GOOD_NOTES = {
    "P1": ["1|* asks a neighbour @neighbour", '2|"Moderately? A glass?" @email'],
    "P2": ["1|* searches the web shop @webshop", "2|- box crushed @delivery"],
}


def codes(store, journey: JourneyMap) -> list[str]:
    loaded = load_study_map(store, journey)
    return [f.code for f in run_checks(loaded.data, loaded.interviews, loaded.index, journey)]


def good_map(index) -> JourneyMap:
    notes = sorted(index.notes)
    items = []
    for i, note_id in enumerate(notes, start=1):
        phase = index.notes[note_id].phase
        items.append(MapItem(id=i, phase=phase, title=f"item {i}", evidence=[note_id], order=i))
    extra = [
        MapItem(id=10 + i, phase="ph1" if i % 2 else "ph2", title=f"extra {i}", evidence=[notes[i % len(notes)]])
        for i in range(6)
    ]
    items += extra
    for item in items[:3]:
        item.mark = Mark.HEART
    for item in items[3:6]:
        item.mark = Mark.CLOUD
    by_two = [next(n for n in notes if n.startswith(i)) for i in sorted({n.split("/")[0] for n in notes})]
    for item in items[:6]:
        item.evidence = sorted(set(item.evidence) | set(by_two))  # two customers back every mark
    for item in items[6:8]:
        item.kind = ItemKind.MOMENT
        item.design_question = "How might we help?"
    return JourneyMap(items=items)


@pytest.mark.parametrize(
    "name",
    [
        "Awareness",
        "Consideration phase",
        "ToFu",
        "Köp",
        "Medvetenhet",
        "Overvejelse",
        "Køb",
        "Loyalitet",
        "Interest",
        "Top of funnel",
        "AIDA: Desire",
    ],
)
def test_funnel_names_are_found(name):
    assert funnel_words(name)


@pytest.mark.parametrize(
    "name",
    [
        "Finding a plant",
        "Making the plants thrive at home",
        "Interest in plants grows",
        "Hitta en växt",
        "Få planten hjem",
    ],
)
def test_customer_phase_names_pass(name):
    assert not funnel_words(name)


def test_a_good_map_has_no_findings(tmp_path):
    """Only the nudge that two interviews are fewer than the method's 15-20 remains."""
    store = build_study(tmp_path / "s", ["Finding a plant", "Getting it home"], GOOD_NOTES)
    store.update(lambda data: setattr(data.study, "purpose", "Decide what to fix first"))
    loaded = load_study_map(store)
    assert codes(store, good_map(loaded.index)) == ["interviews-few"]


def test_a_bad_study_has_every_finding(tmp_path):
    store = build_study(
        tmp_path / "s",
        ["Awareness", "Purchase", "Living with it"],
        {"P1": ['1|"I love it" @webshop', "1|* orders @webshop"]},
        state=None,
        status=InterviewStatus.DONE,
    )
    loaded = load_study_map(store)
    quote = next(n for n in loaded.index.notes.values() if n.text == "I love it")
    with store.open_interview(quote.interview) as session:
        from trodden.models.notes.syntax import parse

        session.revise(quote.seq, parse('"I really love it" @webshop'))
    journey = JourneyMap(
        items=[
            MapItem(id=1, phase="ph1", title="orders", evidence=[f"{quote.interview}/2"], mark=Mark.HEART),
            MapItem(id=2, phase="ph1", title="hypothesis: asks a friend"),
        ],
        quotes=[QuotePick(id=1, note=quote.id, phase="ph1")],
    )
    found = codes(store, journey)
    assert found == [
        "funnel-phase",
        "funnel-phase",
        "state-unset",
        "hearts-count",
        "clouds-count",
        "moments-count",
        "single-channel",
        "no-evidence",
        "quote-not-verbatim",
        "not-cleaned",
        "empty-phase",
        "empty-phase",
        "purpose-unset",
        "heart-thin-evidence",
        "interviews-few",
    ]


def test_check_command_prints_and_exits(tmp_path, capsys):
    store = build_study(tmp_path / "s", ["Finding a plant"], GOOD_NOTES, state=JourneyState.TARGET)
    assert main(["check", str(store.path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "hearts-count\twarning\t0 hearts on the map; the method suggests 3-5" in out
    assert all(len(line.split("\t")) == 3 for line in out)


def test_findings_helpers():
    from trodden.models.checks import Finding

    assert not has_warnings([Finding("x", "info", "m")])
    assert has_warnings([Finding("x", "warning", "m")])
