"""The command line and the sentences models make, in the study's language (or --ui-lang): CLI
messages and help, search and retag messages, conflicts, `trodden actions`, counted words in their
plural forms, the problem areas' priority words and quotation marks. Pure and in-process: fast."""

from __future__ import annotations

import pytest
from change_study import make_change_study
from conftest import build_study

from trodden.models.change.areas import AreaEvidence
from trodden.models.change.plan import ProblemArea
from trodden.models.map.conflicts import GONE, Conflict, Side
from trodden.models.retag import Retagged
from trodden.models.search.query import QueryError, parse_query
from trodden.tui import i18n
from trodden.tui.change.render import area_details, area_line
from trodden.tui.cli.main import main


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_follows_the_study_and_gives_its_language_back(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(i18n.ENV)
    store = build_study(tmp_path / "s")  # a Swedish study
    code, out, _ = _run(capsys, "tags", store.path)
    assert code == 0 and "taggar" in out.splitlines()[0] and "anteckning" in out and " notes" not in out
    assert i18n.language() == "en"  # a caller in the same process keeps its own language
    code, out, _ = _run(capsys, "tags", store.path, "--ui-lang", "da")
    assert " af " in out and " of " not in out and "kunder" in out
    code, out, _ = _run(capsys, "participant", store.path, "list", "--ui-lang", "en")
    assert out.split()[:2] == ["code", "role"]
    code, out, _ = _run(capsys, "participant", store.path, "list")
    assert out.split()[:2] == ["kod", "roll"] and "Kunder:" in out and "Customers" not in out


def test_help_and_usage_errors_in_swedish(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help", "--ui-lang", "sv"])
    out = capsys.readouterr().out
    assert out.startswith("användning: trodden export") and "alternativ:" in out
    assert "Exportera studien som JSON" in out and "visa den här hjälptexten och avsluta" in out
    with pytest.raises(SystemExit):
        main(["search", "--ui-lang", "da"])
    err = capsys.readouterr().err
    assert "fejl:" in err and "følgende argumenter er påkrævet" in err
    assert i18n.language() == "en"


def test_models_sentences_speak_the_installed_language():
    i18n.set_language("sv")
    with pytest.raises(QueryError) as refused:
        parse_query("feeling:kanske")
    assert str(refused.value).startswith("känslan ”kanske” är inte en av")
    done = Retagged("tag", ("kö",), "väntan", notes={"i1": ([], ["x"])})  # type: ignore[list-item]
    assert done.summary() == "#kö → #väntan: 1 anteckning i 1 intervju"
    lost = Conflict(
        1, "Leveransen", "title", Side("AB", "2026-03-02T10:15:00", "Ny"), Side("CD", "2026-03-02T10:15:00", "Gammal")
    )
    assert lost.describe() == (
        "Leveransen: AB satte rubrik till ”Ny”, CD till ”Gammal” samtidigt (10:15 UTC); behöll ABs"
    )
    gone = Conflict(2, "Kassan", GONE, Side("AB", "2026-03-02T10:16:00", 7), Side("CD", "2026-03-02T10:16:00", None))
    assert "AB slog ihop den med en annan medan CD ändrade den" in gone.describe()
    i18n.set_language("en")
    assert done.summary() == "#kö → #väntan: 1 note in 1 interview"


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [("en", "1 idea", "2 ideas"), ("sv", "1 idé", "2 idéer"), ("da", "1 idé", "2 idéer")],
)
def test_counts_take_the_languages_plural_forms(lang, one, two):
    i18n.set_language(lang)
    area = ProblemArea(id=1, title="Leveransen", impact=5, effort=2)
    evidence = AreaEvidence(notes=(), customers=("P1",), total=8, by_type=(), staff=())
    assert one in area_line(1, area, evidence, ideas=1).plain
    assert two in area_line(1, area, evidence, ideas=2).plain
    notes = {"en": ("1 note", "3 notes"), "sv": ("1 anteckning", "3 anteckningar"), "da": ("1 note", "3 noter")}
    assert i18n.ngettext("{n} note", "{n} notes", 1).format(n=1) == notes[lang][0]
    assert i18n.ngettext("{n} note", "{n} notes", 3).format(n=3) == notes[lang][1]


@pytest.mark.parametrize(
    ("lang", "priority", "quote"),
    [
        ("en", "I5 E2", "“Den kom vissen”"),
        ("sv", "N5 I2", "”Den kom vissen”"),
        ("da", "V5 I2", "»Den kom vissen«"),
    ],
)
def test_problem_areas_say_priority_and_quote_in_the_language(lang, priority, quote):
    i18n.set_language(lang)
    area = ProblemArea(id=1, title="Leveransen", impact=5, effort=2)
    evidence = AreaEvidence(notes=(), customers=("P1",), total=8, by_type=(), staff=())
    assert priority in area_line(1, area, evidence).plain
    says = type("Says", (), {"depth": -1.0, "clouds": [], "staff_feeling": None, "staff_backing": 0})()
    details = area_details(area, evidence, says, "", [("P1", "Den kom vissen")]).plain  # type: ignore[arg-type]
    assert quote in details
    if lang != "en":
        assert " I5 " not in area_line(1, area, evidence).plain and "“" not in details


def test_actions_speak_the_studys_language(tmp_path, capsys):
    store = make_change_study(tmp_path / "s", language="sv", target=False)
    code, out, _ = _run(capsys, "actions", store.path)
    assert code == 0 and "[idé]" in out and "åtgärd:" in out and "[idea]" not in out
    _, out, _ = _run(capsys, "actions", store.path, "--lang", "da", "--format", "md")
    assert out.startswith("# Idéer og handlinger") and "| Ansvarlig |" in out and "Owner" not in out


def test_the_english_cli_says_one_in_the_singular(tmp_path, capsys):
    store = build_study(tmp_path / "s")
    _, out, _ = _run(capsys, "search", store.path, "kö")
    assert out.splitlines()[-1].startswith("1 note of ")


SAYS = {"say", "warn", "info", "StoreError", "RetagError", "ArgumentTypeError", "SystemExit"}
COMMAND_WORDS = {"trodden", "serve", "map", "participant", "participants", "DIR", "list"}
"""Words a CLI line may carry untranslated: the program, its commands and settings keys as typed."""


def test_no_cli_line_is_an_english_literal():
    """Every sentence the command line says goes through ``_``/``ngettext``: a line built from a
    literal holds only layout and command words (``trodden: {error}``, ``{code}  {role}``)."""
    import ast
    import re
    from pathlib import Path

    found = []
    for path in sorted((Path(__file__).resolve().parents[1] / "tui" / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            first = node.args[0]
            parts = first.values if isinstance(first, ast.JoinedStr) else [first]
            text = " ".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
            words = set(re.findall(r"[A-Za-z]{3,}", text)) - COMMAND_WORDS
            if name in SAYS and words:
                found.append(f"{path.name}:{node.lineno} {sorted(words)}")
    assert found == []


def test_sample_speaks_the_language_of_the_study_it_writes(tmp_path, capsys, monkeypatch):
    """``trodden sample DIR --lang da`` said "wrote the sample study" in English: its study is Danish."""
    monkeypatch.delenv(i18n.ENV, raising=False)
    code, _, err = _run(capsys, "sample", tmp_path / "da", "--lang", "da")
    assert code == 0 and "skrev eksempelundersøgelsen" in err and "wrote" not in err
    code, _, err = _run(capsys, "sample", tmp_path / "sv", "--lang=sv")
    assert code == 0 and "skrev exempelstudien" in err


def test_screens_print_decimals_with_the_languages_sign():
    """The curve on the board, the target map and the transcript offset: ``+1,3`` in Swedish and Danish."""
    from trodden.models.map.curve import CurvePoint
    from trodden.tui.map.board_text import curve_label

    point = CurvePoint(key="ph1", value=1.25, n=4, spread=0.5)
    i18n.set_language("sv")
    assert curve_label(point).plain == "+1,2 n=4 ±0,5"
    assert i18n.number(-0.5) == "-0,5"
    i18n.set_language("da")
    assert i18n.number(2.0) == "+2,0"
    i18n.set_language("en")
    assert curve_label(point).plain == "+1.2 n=4 ±0.5"
