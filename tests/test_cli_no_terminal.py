"""Every command that opens a screen refuses at once without a terminal (a script, a pipe, cron).

Before, ``trodden demo < /dev/null`` or ``trodden map DIR | cat`` drew a screen nobody could see
and waited for keys forever. Now each says which stream is not a terminal, names the commands
that work without one, exits 2, and leaves nothing behind (no sample folder, no interview).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import build_study

from trodden.models.storage.store import StudyStore

CHILD = r"""
import json, sys
from trodden.tui.cli.main import main

for argv in json.loads(sys.argv[1]):
    code = main(argv)
    sys.stderr.write("\x00\n")
    sys.stderr.flush()
    print(json.dumps(code), flush=True)
"""


def test_every_screen_command_refuses_without_a_terminal(tmp_path: Path) -> None:
    store = build_study(tmp_path / "study")
    before = store.interview_ids()
    folder = str(store.path)
    commands = [
        ["open", folder],
        [folder],
        ["demo", "--dir", str(tmp_path / "demo")],
        ["map", folder],
        ["clean", folder, "--participant", "P1"],
        ["guide", folder, "--participant", "P7"],
        ["guide", folder, "--edit"],
        ["capture", folder, "--participant", "P8"],
        ["map", str(tmp_path / "nothing")],  # no study: named first, terminal or not (exit 1)
    ]
    child = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(commands)],
        stdin=subprocess.PIPE,
        capture_output=True,  # stdout and stderr are pipes too
        text=True,
        timeout=120,  # a guard against the old hang only; nothing here is timed
        check=False,
    )
    codes = [json.loads(line) for line in child.stdout.splitlines()]
    messages = child.stderr.split("\x00\n")[:-1]
    assert codes == [2] * (len(commands) - 1) + [1], child.stderr
    assert "terminal" not in messages[-1] and "nothing" in messages[-1]
    for argv, message in zip(commands[:-1], messages, strict=False):
        assert message.count("\n") == 1, message  # one line
        name = "open" if argv == [folder] else argv[0]
        assert f"'trodden {name}' is a screen and needs a terminal" in message
        assert "stdin, stdout and stderr are not terminals" in message
        assert "trodden export, check, stats" in message
    assert not (tmp_path / "demo").exists()  # the sample is not written for nobody
    reopened = StudyStore.open(store.path)
    assert reopened.interview_ids() == before  # guide --participant P7 started nothing
    assert [p.code for p in reopened.participants] == [p.code for p in store.participants]


def test_the_refusal_is_one_sentence_in_the_interface_language(monkeypatch) -> None:
    """In Danish the refusal names the commands with "eller", not an English "or" in the sentence."""
    import pytest

    from trodden.tui import i18n
    from trodden.tui.cli import common

    monkeypatch.setattr(common, "not_a_terminal", lambda: ["stderr"])
    monkeypatch.setattr(common, "on_a_terminal", lambda: False)
    try:
        i18n.set_language("da")
        with pytest.raises(common.NoTerminal) as refused:
            common.needs_terminal("trodden map")
    finally:
        i18n.set_language("en")
    assert str(refused.value).endswith("brug trodden export, check, stats, search, tags eller actions")
    assert " or " not in str(refused.value)
