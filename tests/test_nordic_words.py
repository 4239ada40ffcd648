"""Reports wholly in their language: every word table complete in en/sv/da, the glossary
complete, and a Swedish or Danish report (Markdown and Word) and interview notes holding no
English fixed word outside the team's own text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document
from map_kit import build_study

from trodden.exporters.csv_export import headers
from trodden.exporters.i18n import _WORDS, LANGUAGES
from trodden.exporters.interview_docx import render_docx as render_interview_docx
from trodden.exporters.interview_md import render_markdown
from trodden.exporters.interview_notes import build_interview_notes
from trodden.exporters.interview_words import LABELS
from trodden.exporters.report_assemble import build_report
from trodden.exporters.report_docx import render as render_docx
from trodden.exporters.report_md import render as render_md
from trodden.models.check_messages import TEXT, TITLES
from trodden.models.domain import Participant
from trodden.models.map.journey_map import BackstageKind, CurveOverride, ItemKind, MapItem, Mark, QuotePick
from trodden.models.map.map_session import MapSession
from trodden.models.notes.redaction import MARKERS_BY_LANGUAGE
from trodden.models.stats_words import WORDS as STATS_WORDS
from trodden.models.storage.store import StudyStore

TABLES = {
    "report": _WORDS,
    "check messages": TEXT,
    "check names": TITLES,
    "stats": STATS_WORDS,
    "interview notes": {key: {lang: LABELS[lang][key] for lang in LABELS} for key in LABELS["en"]},
    "redaction markers": {
        kind: {lang: MARKERS_BY_LANGUAGE[lang][kind] for lang in LANGUAGES} for kind in MARKERS_BY_LANGUAGE["en"]
    },
}
GLOSSARY = Path(__file__).parent.parent / "docs" / "glossary.md"
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_FIELD = re.compile(r"\{[^}]*\}")


@pytest.mark.parametrize("table", list(TABLES))
def test_every_word_in_every_language(table):
    for key, forms in TABLES[table].items():
        for language in LANGUAGES:
            assert forms.get(language, "").strip(), (table, key, language)
            # the same placeholders in every language, or a translation drops a number
            assert sorted(_FIELD.findall(forms[language])) == sorted(_FIELD.findall(forms["en"])), (key, language)


def test_the_glossary_is_complete():
    rows = [line for line in GLOSSARY.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    header, *terms = rows
    assert header.split("|")[1:5] == [" English ", " Swedish ", " Danish ", " Usage "]
    assert len(terms) >= 30
    for row in terms:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert len(cells) == 4 and all(cells), row
    written = GLOSSARY.read_text(encoding="utf-8")
    for marker in ("[namn]", "[navn]", "[borttaget]", "[fjernet]", "Hur kan vi", "Hvordan kan vi"):
        assert marker in written


def words_of(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(_FIELD.sub(" ", text))}


SHARED = {
    "sv": {
        "backstage",
        "hand",
        "iban",
        "info",
        "mark",
        "min",
        "personal",
        "process",
        "status",
        "team",
        "text",
        "trodden",
        "under",
    },
    "da": {
        "backstage",
        "episode",
        "for",
        "hold",
        "iban",
        "info",
        "interview",
        "interviewer",
        "interviews",
        "mail",
        "mark",
        "min",
        "negative",
        "positive",
        "side",
        "status",
        "tags",
        "teams",
        "trodden",
        "type",
        "under",
    },
}
"""Words that are the same in English and the language (``backstage``, Danish ``interview``): allowed.
A word is never allowed just because a translation happens to hold it."""


def table_words(language: str) -> set[str]:
    return {word for table in TABLES.values() for forms in table.values() for word in words_of(forms[language])}


def english_only(language: str) -> set[str]:
    """trodden's English fixed words, bar the few the language shares with English."""
    return {word for word in table_words("en") if len(word) > 2} - SHARED[language]


@pytest.mark.parametrize("language", ["sv", "da"])
def test_shared_words_really_are_shared(language):
    assert SHARED[language] <= table_words("en") & table_words(language)


SWEDISH = {
    "name": "Skapa ett grönt hem",
    "phases": ["Drömma om grönska", "Välja växter"],
    "notes": {
        "K1": ['1|++* "Jag älskar när det växer" @instagram #inspiration', "2|--* leveransen kom aldrig @webb"],
        "K2": ["1|+* tittar på växter hos grannen @granne", "2|-* ringer kundtjänst om vattning @telefon #vård"],
        "K3": ["1|+* sparar bilder på växter @pinterest", "2|--* Lisa Andersson på lagret svarade inte @mejl"],
    },
    "segment": "förstagångsköpare",
    "items": ["Ser växter hemma hos vänner", "Ringer kundtjänst", "Leveransen uteblir", "Lagret packar växten"],
    "question": "How might we Hur kan vi göra leveransen trygg?",
    "reason": "workshopens bedömning",
}
DANISH = {
    "name": "Skabe et grønt hjem",
    "phases": ["Drømme om grønt", "Vælge planter"],
    "notes": {
        "K1": ['1|++* "Jeg elsker når det gror" @instagram #inspiration', "2|--* leveringen kom aldrig @web"],
        "K2": ["1|+* kigger på planter hos naboen @nabo", "2|-* ringer til kundeservice om vanding @telefon #pleje"],
        "K3": ["1|+* gemmer billeder af planter @pinterest", "2|--* Lise Hansen på lageret svarede ikke @mail"],
    },
    "segment": "førstegangskøber",
    "items": ["Ser planter hjemme hos venner", "Ringer til kundeservice", "Leveringen udebliver", "Lageret pakker"],
    "question": "Hvordan kan vi gøre leveringen tryg?",
    "reason": "workshoppens vurdering",
}


def nordic_study(path: Path, language: str) -> StudyStore:
    """A finished little study whose every user word is Swedish (or Danish)."""
    spec = SWEDISH if language == "sv" else DANISH
    store = build_study(path, spec["phases"], spec["notes"], language=language, name=spec["name"])

    def people(data) -> None:
        data.participants = [Participant(code=code, segment=spec["segment"]) for code in spec["notes"]]
        data.participants.append(Participant(code="K9", role="staff", team="lager"))

    store.update(people)
    staff = store.new_interview("K9")
    with store.open_interview(staff.id) as session:
        draft_line = "2|-* lagret hinner inte packa" if language == "sv" else "2|-* lageret når ikke at pakke"
        from trodden.models.notes.syntax import parse

        session.add_note(parse(draft_line.split("|")[1]), raw=draft_line.split("|")[1], phase="ph2", t=30.0)
    store = StudyStore.open(store.path)
    notes, _ = store.all_notes()
    by_text = {note.text: note for batch in notes.values() for note in batch}
    ids = [note.id for note in by_text.values()]
    quote = next(note for note in by_text.values() if note.kinds and "quote" in note.kinds)
    first, call, missing, backstage = spec["items"]
    items = [
        MapItem(id=1, phase="ph1", title=first, evidence=ids[:2], mark=Mark.HEART, channels=["instagram"]),
        MapItem(id=2, phase="ph2", title=call, evidence=ids[2:4], mark=Mark.CLOUD),
        MapItem(
            id=3, phase="ph2", kind=ItemKind.MOMENT, title=missing, evidence=ids[4:], design_question=spec["question"]
        ),
        MapItem(id=4, phase="ph2", kind=ItemKind.BACKSTAGE, title=backstage, backstage=BackstageKind.SYSTEM),
        MapItem(id=5, phase="ph1", title=first + " igen"),
    ]
    with MapSession(store.path, writable=True) as session:
        for item in items:
            session.put_item(item)
        session.put_quote(QuotePick(id=1, note=quote.id, phase="ph1"))
        session.set_override(store.phases, CurveOverride(phase="ph2", value=-1.5, reason=spec["reason"]), "ph2")
    return store


def csv_rows(store: StudyStore) -> list:
    """The CSV as written, read back (its kinds column is in the study's language)."""
    import csv

    from trodden.exporters.csv_export import render
    from trodden.exporters.note_rows import NoteRow, note_rows
    from trodden.exporters.report_reading import read_study

    study = read_study(store)
    rows = note_rows(study.data, study.interviews, study.notes, study.journey)
    written = render(rows, language=store.study.language).decode("utf-8-sig")
    return [NoteRow(*row) for row in list(csv.reader(io.StringIO(written, newline=""), delimiter=";"))[1:]]


def docx_words(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in document.sections for p in section.header.paragraphs]
    properties = document.core_properties
    parts += [properties.title, properties.subject, properties.keywords]
    return "\n".join(parts)


def without_code_blocks(markdown: str) -> str:
    """The Mermaid block's keywords (journey, section) are syntax, not words a reader reads."""
    return re.sub(r"```.*?```", " ", markdown, flags=re.DOTALL)


@pytest.mark.parametrize("language", ["sv", "da"])
def test_a_nordic_report_has_no_english_fixed_word(tmp_path, language):
    store = nordic_study(tmp_path / "s", language)
    report, problems = build_report(store)
    assert problems == [] and report.language == language
    assert report.moments and report.staff_heading and report.findings and report.phases[0].quotes
    forbidden = english_only(language)
    texts = {
        "md": without_code_blocks(render_md(report)),
        "docx": docx_words(render_docx(report)),
    }
    interview = store.interviews()[0][0]
    with store.open_interview(interview.id, writable=False) as session:
        notes = session.notes()
    notes_model = build_interview_notes(store.data, interview, notes)
    texts["interview notes"] = render_markdown(notes_model)
    texts["interview notes docx"] = docx_words(render_interview_docx(notes_model))
    texts["csv headers"] = " ".join(headers(language)) + " " + ", ".join(row.kinds for row in csv_rows(store))
    marker = {"sv": "[namn]", "da": "[navn]"}[language]
    for name, text in texts.items():
        left = sorted(words_of(text) & forbidden)
        assert not left, f"English in the {language} {name}: {left}"
    # a name in a note, redacted in the language (Markdown escapes the brackets)
    assert marker in texts["docx"] and marker.replace("[", "\\[").replace("]", "\\]") in texts["md"]
    assert re.search(r"[+−]\d,\d \(n = \d", texts["md"]) and not re.search(r"[+−±]\d\.\d", texts["md"])  # 1,5
    lead_in = {"sv": "Hur kan vi göra", "da": "Hvordan kan vi gøre"}[language]
    assert lead_in in texts["md"] and "How might we" not in texts["md"]


@pytest.mark.parametrize("language", ["sv", "da"])
def test_check_and_stats_speak_the_studys_language(tmp_path, capsys, language):
    from trodden.tui.cli.main import main

    store = nordic_study(tmp_path / "s", language)
    forbidden = english_only(language)
    assert main(["check", str(store.path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.split("\t")[1] in ("varning", "advarsel", "info") for line in lines)
    messages = " ".join(line.split("\t", 1)[1] for line in lines)  # the code is a stable key, not a word
    assert not words_of(messages) & forbidden, sorted(words_of(messages) & forbidden)
    assert main(["stats", str(store.path)]) == 0
    out = capsys.readouterr().out
    assert not words_of(out) & forbidden, sorted(words_of(out) & forbidden)
    assert main(["check", str(store.path), "--lang", "en"]) == 1
    assert "\twarning\t" in capsys.readouterr().out


@pytest.mark.parametrize("language", ["sv", "da"])
def test_redaction_in_swedish_and_danish_is_as_strong(language):
    """The redaction corpus redacted in each language: the same details removed, only the markers' words differ."""
    from trodden.models.notes.redaction import Redactor

    corpus = Path(__file__).parent / "data" / "redaction_corpus.tsv"
    rows = [line.split("\t") for line in corpus.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    english, native = Redactor(), Redactor(language=language)
    to_english = {marker: MARKERS_BY_LANGUAGE["en"][kind] for kind, marker in MARKERS_BY_LANGUAGE[language].items()}
    changed = 0
    for _kind, sentence, _expected in (row for row in rows if len(row) == 3):
        ours = native.redact(sentence)
        back = re.sub(r"\[[^\]]+\]", lambda m: to_english.get(m.group(), m.group()), ours)
        assert back == english.redact(sentence), sentence
        changed += ours != sentence
    assert changed > 100
    assert (
        native.redact("ring Anna Berg på 070-123 45 67")
        == {
            "sv": "ring [namn] på [telefon]",
            "da": "ring [navn] på [telefon]",
        }[language]
    )
