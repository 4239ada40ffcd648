"""The errors models raise reach the user in the study's language (or --ui-lang): settings refused,
storage problems, transcripts that cannot be read. The English stays word for word as before (other
tests assert it); paths and technical detail are data, kept as they are. Pure and in-process: fast."""

from __future__ import annotations

from conftest import build_study

from trodden.tui import i18n
from trodden.tui.cli.main import main


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_swedish_study_refuses_a_setting_in_swedish(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(i18n.ENV, raising=False)
    store = build_study(tmp_path / "s")  # a Swedish study
    code, _, err = _run(capsys, "study", store.path, "set", "name", "a\nb")
    assert code == 1
    assert err.strip() == (
        "trodden: namnet måste vara en rad vanlig text, men tecken 2 är en radbrytning (␊): "
        "skriv in det igen utan det tecknet"
    )
    _, _, err = _run(capsys, "study", store.path, "set", "scope", "hela", "--ui-lang", "da")
    assert err.strip() == "trodden: scope kan ikke være 'hela'; vælg en af: whole, episode"
    _, _, err = _run(capsys, "study", store.path, "set", "name", "", "--ui-lang", "en")
    assert err.strip() == "trodden: the name cannot be empty"
    assert i18n.language() == "en"
