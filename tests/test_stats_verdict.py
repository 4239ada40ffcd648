"""Enough interviews and the saturation verdict: customers' interviews only, from tags and
channels as well as map items, so it works before anything is placed on the map."""

from __future__ import annotations

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.domain import InterviewStatus, Role, Scope
from trodden.models.map.evidence import load_study_map
from trodden.models.map.journey_map import JourneyMap, MapItem
from trodden.models.stats import saturation_verdict
from trodden.tui.cli.main import main

# ten distinct tags and channels early, then interviews that only repeat them
RICH = "1|* asks #a #b #c #d #e @web @shop @phone @chat @mail"
SAME = "1|* asks again #a #b @web"


def verdict_of(store, journey=None, scope=Scope.WHOLE):
    loaded = load_study_map(store)
    return saturation_verdict(loaded.interviews, loaded.index, journey or JourneyMap(), scope)


def make_staff(store, code):
    def change(data):
        for person in data.participants:
            if person.code == code:
                person.role = Role.STAFF
                person.team = "warehouse"

    store.update(change)
    return store


def test_too_early_with_two_interviews(tmp_path):
    verdict = verdict_of(build_study(tmp_path / "s", ["Find"], {"P1": [RICH], "P2": [SAME]}))
    assert (verdict.interviews, verdict.verdict) == (2, "too early")
    assert verdict.guidance == (15, 20)
    assert verdict.line() == "2 of 15-20 customer interviews · saturation: too early (from 4 interviews)"


def test_not_yet_while_each_interview_adds_new_things(tmp_path):
    notes = {f"P{n}": [f"1|* says #t{n} @c{n}"] for n in range(1, 6)}
    verdict = verdict_of(build_study(tmp_path / "s", ["Find"], notes), scope=Scope.EPISODE)
    assert (verdict.interviews, verdict.guidance, verdict.verdict) == (5, (10, 12), "not yet")
    assert (verdict.new, verdict.found) == (6, 10)  # the last 3 brought 2 each, of 10 found
    assert verdict.verdict_text() == "saturation not yet: last 3 added 60% new"


def test_likely_when_the_last_three_add_under_ten_percent(tmp_path):
    notes = {"P1": [RICH], "P2": [SAME], "P3": [SAME], "P4": [SAME]}
    verdict = verdict_of(build_study(tmp_path / "s", ["Find"], notes))  # no map at all: tags and channels
    assert (verdict.interviews, verdict.new, verdict.found, verdict.verdict) == (4, 0, 10, "likely")
    # one new tag of 11 (9%) is still under 10%; two of 12 (17%) is not
    notes["P4"] = [SAME, "1|* one more #f"]
    assert verdict_of(build_study(tmp_path / "t", ["Find"], notes)).verdict == "likely"
    notes["P4"] = [SAME, "1|* two more #f #g"]
    assert verdict_of(build_study(tmp_path / "u", ["Find"], notes)).verdict == "not yet"


def test_map_items_count_as_new_things(tmp_path):
    store = build_study(tmp_path / "s", ["Find"], {"P1": [RICH], "P2": [SAME], "P3": [SAME], "P4": [SAME]})
    ids = {note.interview: note.id for note in load_study_map(store).index.notes.values()}
    last = sorted(ids)[-1]
    journey = JourneyMap(items=[MapItem(id=n, phase="ph1", title=f"Item {n}", evidence=[ids[last]]) for n in (1, 2)])
    verdict = verdict_of(store, journey)  # the last interview backs two items no one else did: 2 of 12
    assert (verdict.new, verdict.found, verdict.verdict) == (2, 12, "not yet")


def test_staff_interviews_are_ignored(tmp_path):
    notes = {"P1": [RICH], "P2": [SAME], "P3": [SAME], "S1": ["1|* staff say #x #y #z @scanner"], "P4": [SAME]}
    store = make_staff(build_study(tmp_path / "s", ["Find"], notes), "S1")
    verdict = verdict_of(store)
    assert (verdict.interviews, verdict.new, verdict.found, verdict.verdict) == (4, 0, 10, "likely")


def test_planned_interviews_are_not_counted(tmp_path):
    store = build_study(tmp_path / "s", ["Find"], {f"P{n}": [] for n in range(1, 7)}, status=InterviewStatus.PLANNED)
    verdict = verdict_of(store)
    assert (verdict.interviews, verdict.verdict) == (0, "too early")


def test_held_interviews_without_tags_are_too_early(tmp_path):
    store = build_study(tmp_path / "s", ["Find"], {f"P{n}": ["1|plain words"] for n in range(1, 6)})
    verdict = verdict_of(store)
    assert (verdict.interviews, verdict.found, verdict.verdict) == (5, 0, "too early")
    assert "nothing tagged yet" in verdict.verdict_text()


def test_stats_command_ends_with_the_verdict(tmp_path, capsys):
    notes = {"P1": [RICH], "P2": [SAME], "P3": [SAME], "P4": [SAME]}
    store = build_study(tmp_path / "s", ["Find"], notes)
    assert main(["stats", str(store.path)]) == 0
    tail = capsys.readouterr().out.splitlines()[-5:]
    assert tail[0] == "Enough interviews? (whole journey)"
    assert tail[1] == "  4 of 15-20 customer interviews"
    assert tail[2] == "  saturation likely: last 3 added 0% new"
    assert "0 of 10 map items, tags and channels" in tail[3]
    assert all(len(line) <= 80 for line in tail)
