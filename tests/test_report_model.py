"""The report model from a crafted study and map: every figure the formats print."""

from __future__ import annotations

from datetime import date

import pytest
from report_study import HOSTILE, make_study

from trodden.exporters.i18n import LANGUAGES, Labels, keys
from trodden.exporters.note_rows import note_rows
from trodden.exporters.report_assemble import build_report
from trodden.exporters.report_model import clock, score, signed
from trodden.exporters.report_reading import read_study


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    store = make_study(tmp_path_factory.mktemp("study") / "s")
    built, problems = build_report(store)
    assert problems == []
    return built


def test_basics(report):
    assert report.title == "Creating a thriving home"
    assert report.state == "Current state" and report.state_set
    assert (report.interviews, report.participants) == (3, 3)
    assert report.basis == "3 interviews with 3 customers"
    assert report.period == "2026-03-02 – 2026-03-04"
    assert report.participant_codes == ("P1", "P2", "P3")
    assert [p.name for p in report.phases] == ["Dreaming of green", "Choosing and buying", "Caring | for # it"]


def test_no_real_names_anywhere(report):
    assert "Secret Name" not in repr(report)


def test_items_evidence_and_backing(report):
    first = report.phases[0].touchpoints[0]
    assert first.title == "Gets inspired by others' homes"
    assert (first.n, first.total, first.backing, first.backing_short) == (2, 3, "2 of 3 customers", "2/3")
    assert first.backers == ("P1", "P2")
    assert first.mark == "heart"
    assert first.feeling.value == pytest.approx(1.5)  # P1 +1, P2 +2: mean of participant means
    assert first.score == 5
    assert [(s.participant, s.time) for s in first.evidence] == [("P1", "01:05"), ("P2", "00:50")]
    pays = report.phases[1].touchpoints[1]
    assert pays.channels == ("app", "web")  # set by hand first, then from the evidence
    hypothesis = report.phases[2].touchpoints[-1]
    assert hypothesis.hypothesis and hypothesis.n == 0 and hypothesis.evidence == ()
    assert hypothesis.score == 3  # no feeling noted: neutral, not the phase's low


def test_curve_is_per_participant_and_shows_overrides(report):
    names = [name for name, _ in report.curve]
    assert names == report.phase_names
    dreaming = report.curve[0][1]
    # P1 +1, P2 +2, P3 0 -> +1.0 across participants
    assert dreaming.value == pytest.approx(1.0) and dreaming.n == 3 and not dreaming.override
    caring = report.curve[2][1]
    assert caring.override and caring.value == -1.5
    assert caring.computed == pytest.approx((-2 + 2 - 2) / 3)
    assert caring.override_note == "set by hand: workshop call (computed: −0.7)"
    assert caring.short == "−1.5"


def test_phase_sections(report):
    caring = report.phases[2]
    assert [q.participant for q in caring.quotes] == ["P3"]
    assert caring.quotes[0].quoted == "“Why does nobody call when it goes wrong?”"
    assert caring.quotes[0].time == "06:40"
    assert [m.title for m in caring.moments] == ["The plant arrives"]
    assert report.moments[0].design_question.startswith("How might we")
    assert [(g.kind, [i.title for i in g.items]) for g in report.backstage] == [("policy", ["Packing for frost"])]
    assert caring.channels == ("delivery", "chat")


def test_map_rows_one_cell_per_phase(report):
    lanes = [row.lane for row in report.map_rows]
    assert lanes == ["touchpoints", "channels", "emotions", "curve", "quotes", "moments", "backstage"]
    for row in report.map_rows:
        assert len(row.cells) == len(report.phases)
    emotions = report.map_rows[2].cells[1]
    assert [(e.text, e.mark) for e in emotions] == [("Pays with Klarna", "heart"), ("Fills in the address", "cloud")]
    assert any(HOSTILE in e.text for e in report.map_rows[0].cells[0])


def test_findings_from_checks(report):
    codes = {f.code for f in report.findings}
    assert {"clouds-count", "moments-count", "no-evidence"} <= codes
    assert "state-unset" not in codes and "hearts-count" not in codes


def test_appendix_covers_every_item_in_map_order(report):
    assert [item.id for item in report.items] == [1, 2, 3, 4, 5, 6, 7, 8, 9]


def test_languages(tmp_path):
    store = make_study(tmp_path / "s", language="sv")
    swedish, _ = build_report(store)
    assert swedish.basis == "3 intervjuer med 3 kunder"
    assert swedish.phases[0].touchpoints[0].backing == "2 av 3 kunder"
    assert swedish.phases[2].quotes[0].quoted.startswith("”")
    danish, _ = build_report(store, language="da")
    assert danish.state == "Nuværende tilstand"
    assert danish.phases[2].quotes[0].quoted.startswith("»")


def test_every_label_in_every_language():
    for language in LANGUAGES:
        labels = Labels(language)
        for key in keys():
            assert labels[key].strip(), (language, key)


def test_note_rows(tmp_path):
    store = make_study(tmp_path / "s")
    study = read_study(store)
    rows = note_rows(study.data, study.interviews, study.notes, study.journey)
    assert len(rows) == 12
    wilted = next(row for row in rows if row.text.startswith("Plant arrived wilted"))
    assert wilted.map_item == "Unpacks the plant; The plant arrives"
    assert (wilted.kinds, wilted.valence, wilted.phase, wilted.theme) == (
        "touchpoint, moment",
        "-2",
        "Caring | for # it",
        "Inspiration",
    )
    support = next(row for row in rows if row.text.startswith("Support answered"))
    assert support.t == "1:01:40"


def test_formatting_helpers():
    assert clock(0) == "00:00" and clock(754.9) == "12:34" and clock(3700) == "1:01:40"
    assert signed(1.26) == "+1.3" and signed(-0.5) == "−0.5" and signed(0.01) == "0.0"
    assert [score(v) for v in (-2, -1.4, 0, 0.6, 2, None)] == [1, 2, 3, 4, 5, None]


def test_study_without_map(tmp_path):
    from trodden.models.domain import Study
    from trodden.models.storage.store import StudyStore

    store = StudyStore.create(tmp_path / "empty", Study(name="Empty journey"))
    report, _ = build_report(store)
    assert report.items == () and report.phases == ()
    assert report.interviews == 0 and report.generated == date.today()
    assert "state-unset" in {f.code for f in report.findings}


def test_finding_subject_naming_an_item_id_shows_its_title(tmp_path, monkeypatch):
    from trodden.exporters import report_assemble
    from trodden.models.checks import Finding

    monkeypatch.setattr(report_assemble, "run_checks", lambda *args: [Finding("no-evidence", "info", "m", subject="9")])
    report, _ = build_report(make_study(tmp_path / "s"))
    assert report.findings[0].subject == "Gets a care reminder"


def test_reading_a_study_leaves_the_garbage_collector_as_it_was(tmp_path):
    import gc

    store = make_study(tmp_path / "s")
    assert gc.isenabled()
    assert len(read_study(store).notes) == 3
    assert gc.isenabled()
    gc.disable()
    try:
        read_study(store)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_check_messages_follow_the_report_language_not_only_the_study_language(tmp_path):
    """A Swedish study exported with --lang en: headings and the method checks' words both in English."""
    store = make_study(tmp_path / "sv", language="sv")
    store.update(lambda data: setattr(data, "study", data.study.model_copy(update={"purpose": ""})))
    english, _ = build_report(store, language="en")
    swedish, _ = build_report(store, language="sv")
    assert any(f.code == "purpose-unset" and "the study has no purpose" in f.message for f in english.findings)
    assert any(f.code == "purpose-unset" and "studien saknar syfte" in f.message for f in swedish.findings)
