"""The interface's catalogues: every string the screens show is translated into Swedish and Danish,
with the same placeholders and markup; the language is chosen as documented; a clone never installed
still speaks Swedish (the .po compiled in memory)."""

from __future__ import annotations

import gettext
import io
import json
import re

import pytest
from i18n_kit import IDENTICAL, LANGUAGES, LOCALE, MARKUP, PLACEHOLDER, catalogue, entry_key, extracted, forms

from trodden.models.storage.layout import study_language
from trodden.tui import i18n
from trodden.tui.i18n_extract import messages

PERCENT = re.compile(r"%\([a-z_]+\)[sr]|%[sr]")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_of_the_screens_is_translated(lang):
    entries = {entry_key(message): message for message in catalogue(lang) if message.id}
    wanted = extracted()
    assert sorted(wanted - set(entries)) == [], f"not in {lang}'s .po: run pybabel extract/update (CONTRIBUTING.md)"
    assert sorted(set(entries) - wanted) == [], f"{lang}'s .po has entries no screen uses any more"
    for key, message in entries.items():
        assert "fuzzy" not in message.flags, f"{lang}: fuzzy {key!r}"
        msgid = forms(key)[-1]  # a plural's forms are checked against its plural msgid
        if isinstance(key, tuple):
            assert len(forms(message.string)) == 2, f"{lang}: {key!r} needs both plural forms"
        for string in forms(message.string):
            assert string, f"{lang}: no translation for {key!r}"
            assert set(PLACEHOLDER.findall(string)) <= set(PLACEHOLDER.findall(msgid)), key
            if not isinstance(key, tuple):
                assert sorted(PLACEHOLDER.findall(string)) == sorted(PLACEHOLDER.findall(msgid)), key
            assert sorted(MARKUP.findall(string)) == sorted(MARKUP.findall(msgid)), key
            assert sorted(PERCENT.findall(string)) == sorted(PERCENT.findall(msgid)), key  # argparse's words
            assert string.count("\n") == msgid.count("\n"), key
            assert string.count("\\") == msgid.count("\\"), f"{lang}: markup escapes differ in {key!r}"
        if forms(message.string) == forms(key) and any(char.isalpha() for char in msgid):
            assert key in IDENTICAL[lang], f"{lang}: {key!r} left in English (or add it to IDENTICAL)"


def test_the_extractor_reads_the_registry_as_declared():
    source = """
register("ctx", "Title", [Action("a.b", "x", "do", "Label", "Help line", short="Sh"), Action("a.c", "y", "z", f"{n}")])
_("plain"); N_("marked"); ngettext("one", "many", 2); other("not this")
"""
    assert sorted(str(message) for _line, message in messages(source)) == sorted(
        ["Title", "Label", "Help line", "Sh", "plain", "marked", "('one', 'many')"]
    )


def test_the_language_is_the_flag_then_the_environment_then_the_study(monkeypatch):
    monkeypatch.setenv(i18n.ENV, "da")
    assert i18n.resolve("sv", "en") == "sv"
    assert i18n.resolve(None, "sv") == "da"
    monkeypatch.delenv(i18n.ENV)
    assert i18n.resolve(None, "sv") == "sv"
    assert i18n.resolve("xx", None) == "en"
    assert i18n.choose(None, "da") == "da"
    assert i18n._("Quit") == "Afslut"
    i18n.set_language("en")
    assert i18n._("Quit") == "Quit"


def test_numbered_labels_translate_through_their_template():
    i18n.set_language("sv")
    assert i18n.action_text("Phase 4") == "Fas 4"
    assert i18n.action_text("Place in phase") == "Placera i fas"
    assert i18n.action_text("Phase 4 of 5") == "Phase 4 of 5"  # no such template: left as it is


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_clone_never_installed_compiles_the_po_in_memory(lang):
    """No .mo (a fresh clone, or the .po edited since): the .po itself, through Babel, as the install does."""
    compiled = gettext.GNUTranslations(io.BytesIO(i18n.compile_po(LOCALE / lang / "LC_MESSAGES" / "trodden.po")))
    expected = {"sv": "Avsluta", "da": "Afslut"}[lang]
    assert compiled.gettext("Quit") == expected
    i18n._loaded.pop(lang, None)
    assert i18n.catalogue(lang).gettext("Quit") == expected


def test_the_study_language_is_read_before_the_study_opens(tmp_path):
    (tmp_path / "study.json").write_text(json.dumps({"study": {"name": "x", "language": "da"}}), encoding="utf-8")
    assert study_language(tmp_path) == "da"
    (tmp_path / "study.json").write_text("{not json", encoding="utf-8")
    assert study_language(tmp_path) is None
    assert study_language(tmp_path / "missing") is None


def test_a_po_edited_after_the_build_wins_over_its_old_mo(tmp_path, monkeypatch):
    """The .mo the install built is used, unless the .po was edited since (a source tree): then the .po."""
    import os
    import shutil

    folder = tmp_path / "sv" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "trodden.po"
    shutil.copy(LOCALE / "sv" / "LC_MESSAGES" / "trodden.po", po)
    built = i18n.compile_po(po)
    (folder / "trodden.mo").write_bytes(built)
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Avsluta"', 'msgstr "Sluta"'), encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    monkeypatch.setattr(i18n, "_loaded", {})
    mo_time = po.stat().st_mtime
    os.utime(folder / "trodden.mo", (mo_time - 60, mo_time - 60))
    assert i18n.catalogue("sv").gettext("Quit") == "Sluta"  # edited since: the .po
    monkeypatch.setattr(i18n, "_loaded", {})
    os.utime(folder / "trodden.mo", (mo_time - 1, mo_time - 1))
    assert i18n.catalogue("sv").gettext("Quit") == "Avsluta"  # written together by an installer: the .mo


SHOWN = {"status", "_say", "notify", "literal", "Text", "Static", "Label", "Option", "PromptScreen", "PickScreen"}
"""What puts a sentence on a screen: a status or message line, a toast, a text, a label, an option, a dialog."""


def test_no_screen_message_is_a_bare_english_literal():
    """A literal (or an f-string with words in it) handed straight to a screen's message line is never
    extracted, so a Swedish study would see it in English: it must go through ``_`` first."""
    import ast
    from pathlib import Path

    root = Path(i18n.__file__).parent
    bare = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            first = node.args[0]
            words = [first] if isinstance(first, ast.Constant) else getattr(first, "values", [])
            worded = any(
                isinstance(part, ast.Constant)
                and isinstance(part.value, str)
                and re.search(r"[A-Za-z]{3}", part.value.replace("trodden", ""))  # the name is no word to translate
                for part in words
            )
            if name in SHOWN and isinstance(first, (ast.Constant, ast.JoinedStr)) and worded:
                bare.append(f"{path.relative_to(root)}:{node.lineno}: {ast.unparse(first)[:70]}")
    assert not bare, "shown without _(): " + "; ".join(bare)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_idea_status_is_one_word_on_screen_and_in_the_report(lang):
    """The change screen and the exported plan name each idea status alike; an idea that is done is
    said in its own context, apart from an interview that is done (Danish: færdig, afsluttet)."""
    from trodden.exporters.i18n_change import CHANGE_WORDS
    from trodden.models.change.plan import IdeaStatus
    from trodden.tui.change.render import status_word

    try:
        i18n.set_language(lang)
        for status in IdeaStatus:
            assert status_word(status) == CHANGE_WORDS[f"status.{status.value}"][lang], status
        if lang == "da":
            assert (status_word(IdeaStatus.DONE), i18n._("done")) == ("færdig", "afsluttet")
    finally:
        i18n.set_language("en")
