"""The sample studies (`trodden sample DIR --lang en|sv|da`): a finished study that shows the whole method.

Each language is built once (module fixture) and read as a user would: the overview's counts, the
map's marks, `trodden check`, and the Word and Markdown reports read back. Quotes must be in the
language the participant spoke, whatever the study's language: never a translation in quotation marks.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from docx import Document
from markdown_it import MarkdownIt

from trodden.models.domain import Kind
from trodden.models.map.journey_map import ItemKind, Mark
from trodden.models.map.map_session import read_map
from trodden.models.sample import SAMPLE_LANGUAGES, write_sample
from trodden.models.storage.store import StudyStore
from trodden.tui.cli.main import main

# Who spoke which language: the Swedish and English samples interview three Danes, the Danish one three Swedes.
VISITORS = {"P05", "P06", "P12"}
SPOKEN = {"en": ("sv", "da"), "sv": ("sv", "da"), "da": ("da", "sv")}
SWEDISH = {
    "jag",
    "inte",
    "är",
    "och",
    "vad",
    "hur",
    "mycket",
    "hon",
    "vet",
    "också",
    "bara",
    "när",
    "det",
    "där",
    "en",
    "ett",
    "att",
    "så",
    "vi",
    "de",
    "för",
    "med",
    "kände",
    "kom",
    "sen",
    "växt",
    "växten",
    "varför",
    "får",
    "två",
    "ja",
    "nej",
    "mig",
    "min",
    "mitt",
    "fortfarande",
    "började",
    "enda",
    "bättre",
    "nya",
    "borde",
    "än",
}
DANISH = {
    "jeg",
    "ikke",
    "er",
    "og",
    "hvad",
    "hvor",
    "meget",
    "hun",
    "ved",
    "også",
    "kun",
    "når",
    "det",
    "der",
    "en",
    "et",
    "at",
    "så",
    "vi",
    "de",
    "for",
    "med",
    "følte",
    "kom",
    "plante",
    "planten",
    "hvorfor",
    "får",
    "to",
    "ja",
    "nej",
    "mig",
    "min",
    "mit",
    "stadig",
    "begyndte",
    "enkelt",
    "bedre",
    "nye",
    "burde",
    "end",
}


def spoken_language(text: str) -> str:
    """sv or da, by the words only one of the two languages has (and æ ø against ä ö)."""
    words = re.findall(r"\w+", text.lower())
    swedish = sum(w in SWEDISH and w not in DANISH for w in words) + len(re.findall(r"[äö]", text.lower()))
    danish = sum(w in DANISH and w not in SWEDISH for w in words) + len(re.findall(r"[æø]", text.lower()))
    return "sv" if swedish > danish else "da" if danish > swedish else "?"


@pytest.fixture(scope="module", params=SAMPLE_LANGUAGES)
def sample(request, tmp_path_factory) -> tuple[str, StudyStore]:
    lang = request.param
    return lang, write_sample(tmp_path_factory.mktemp(f"sample-{lang}") / "study", lang)


def test_the_sample_has_four_customer_types_two_staff_and_a_recruiting_plan(sample) -> None:
    lang, store = sample
    people = store.data.participants
    held = {interview.participant for interview in store.interviews()[0]}
    customers = [p for p in people if not p.is_staff and p.code in held]
    assert store.data.study.language == lang
    assert len(customers) >= 12 and len({p.segment for p in customers}) == 4
    assert len([p for p in people if p.is_staff and p.code in held]) == 2
    assert [p.code for p in people if p.code not in held] == ["P13", "P14"]  # still to interview


def test_the_workshop_map_is_finished(sample) -> None:
    _, store = sample
    journey = read_map(store.path)
    marks = Counter(item.mark for item in journey.items if item.mark)
    moments = [item for item in journey.items if item.kind is ItemKind.MOMENT]
    assert 3 <= marks[Mark.HEART] <= 5 and 3 <= marks[Mark.CLOUD] <= 5
    assert 2 <= len(moments) <= 4 and all(m.design_question for m in moments)
    assert any(item.backstage and item.backstage.value == "employee" for item in journey.items)
    assert len({pick.phase for pick in journey.quotes}) == len(store.data.phases)


def test_check_shows_only_the_deliberate_findings(sample, capsys) -> None:
    _, store = sample
    capsys.readouterr()
    assert main(["check", str(store.path)]) == 1  # warnings: the two interviews not cleaned yet
    codes = sorted(line.split("\t")[0] for line in capsys.readouterr().out.splitlines() if "\t" in line)
    assert codes == ["interviews-few", "no-evidence", "not-cleaned", "not-cleaned"]


def test_every_quote_is_in_the_language_the_participant_spoke(sample) -> None:
    lang, store = sample
    home, visitor = SPOKEN[lang]
    wrong = []
    for interview in store.interviews()[0]:
        with store.open_interview(interview.id) as session:
            for note in session.notes():
                if Kind.QUOTE in note.kinds:
                    expected = visitor if interview.participant in VISITORS else home
                    if spoken_language(note.text) != expected:
                        wrong.append((interview.participant, note.text))
    assert wrong == []


def test_the_reports_carry_hearts_clouds_moments_and_quotes(sample, tmp_path, capsys) -> None:
    _, store = sample
    journey = read_map(store.path)
    hearts = [i.title for i in journey.items if i.mark is Mark.HEART]
    moments = [i.title for i in journey.items if i.kind is ItemKind.MOMENT]
    assert main(["export", str(store.path), "--format", "md", "-o", str(tmp_path / "r.md")]) == 0
    assert main(["export", str(store.path), "--format", "docx", "-o", str(tmp_path / "r.docx")]) == 0
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    text = " ".join(t.content for t in tokens if t.type == "inline")
    word = "\n".join(p.text for p in Document(str(tmp_path / "r.docx")).paragraphs)
    word += "\n".join(c.text for t in Document(str(tmp_path / "r.docx")).tables for r in t.rows for c in r.cells)
    for report in (text, word):
        assert all(title in report for title in hearts + moments)
        assert "handskrivet kort" in report or "håndskrevet kort" in report  # a picked quote, verbatim
    assert "Linnea" not in text + word and "Sofie Kristensen" not in text + word  # redacted by default


def test_an_unknown_sample_language_is_refused_before_anything_is_written(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["sample", str(tmp_path / "x"), "--lang", "fi"])
    assert not (tmp_path / "x").exists()
    assert "invalid choice: 'fi'" in capsys.readouterr().err


def test_the_drafted_hypothesis_is_kept_with_what_the_interviews_did_to_it(sample) -> None:
    from trodden.models.map.hypothesis import hypothesis_outcomes
    from trodden.models.map.kept_hypothesis import read_hypothesis

    _, store = sample
    kept = read_hypothesis(store.path)
    assert kept is not None and len(kept.items) == 8
    assert kept.taken.date() < min(interview.date for interview in store.interviews()[0])
    assert sum(verdict.contradicted and bool(verdict.reason) for verdict in kept.verdicts.values()) == 3
    counts = {outcome.value: n for outcome, n in hypothesis_outcomes(kept, read_map(store.path)).counts().items()}
    assert counts == {"confirmed": 4, "contradicted": 3, "unbacked": 1, "removed": 0}


def test_the_workshop_went_on_to_three_prioritised_problem_areas_with_ideas(sample) -> None:
    from trodden.models.change.store import read_plan

    _, store = sample
    plan = read_plan(store.path)
    assert len(plan.areas) == 3 and all(area.impact and area.effort and area.experience for area in plan.areas)
    assert all(plan.ideas_of(area.id) for area in plan.areas)
    assert all(area.quotes for area in plan.areas)


def test_the_sample_notes_are_typed_capture_lines_so_a_leading_dash_is_a_thundercloud(sample) -> None:
    _, store = sample
    assert store.data.study.bullets_are_clouds
    feelings = Counter()
    for interview in store.interviews()[0]:
        with store.open_interview(interview.id) as session:
            feelings.update(note.valence for note in session.notes())
    assert feelings[-1] >= 50 and feelings[-2] >= 25 and feelings[1] >= 25


def test_what_the_map_says_of_an_area_reads_in_the_languages_numbers(sample, tmp_path, capsys) -> None:
    """The areas' "what the map says": the phase's staff view with the language's decimal mark, and
    no "(0 staff behind it)" beside it when no member of staff backs the area itself."""
    lang, store = sample
    assert main(["export", str(store.path), "--format", "md", "-o", str(tmp_path / "r.md")]) == 0
    says = [line for line in (tmp_path / "r.md").read_text(encoding="utf-8").splitlines() if "−1" in line]
    staff = {"en": "staff view in the phase −1.2", "sv": "personalens vy i fasen −1,2", "da": "i fasen −1,2"}[lang]
    assert any(staff in line for line in says)
    assert not re.search(r"\(0 (staff|medarbetare|medarbejdere)", "\n".join(says))
