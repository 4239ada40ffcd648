"""``trodden participant``, ``new --participant`` and ``capture --segment/--staff``: who takes part."""

from __future__ import annotations

from pathlib import Path

import pytest

from trodden.models.domain import Role
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.cli.main import main


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _people(folder: Path) -> list[tuple[str, str, str, str]]:
    return [(p.code, p.role.value, p.segment, p.team) for p in StudyStore.open(folder).participants]


def test_new_with_participants_matches_types_and_refuses_bad_specs(tmp_path, capsys):
    folder = tmp_path / "s"
    code, _, err = _run(
        capsys,
        "new",
        folder,
        "--name",
        "Skapa ett frodande hem",
        "--participant",
        "P1:customer:first-time buyer",
        "--participant",
        "P2:customer:First-time  Buyer",  # the same type, typed carelessly
        "--participant",
        "P3",
        "--participant",
        "P7:staff:warehouse",
        "--participant",
        "P8:staff:lager: plock",  # a colon inside the team
    )
    assert code == 0, err
    assert _people(folder) == [
        ("P1", "customer", "first-time buyer", ""),
        ("P2", "customer", "first-time buyer", ""),
        ("P3", "customer", "", ""),
        ("P7", "staff", "", "warehouse"),
        ("P8", "staff", "", "lager: plock"),
    ]
    for bad, reason in (("P1:boss:x", "the role is customer or staff"), ("../etc:customer", "not a participant code")):
        with pytest.raises(SystemExit) as exit_:
            _run(capsys, "new", tmp_path / "t", "--name", "x", "--participant", bad)
        assert exit_.value.code == 2 and reason in capsys.readouterr().err
    code, _, err = _run(capsys, "new", tmp_path / "u", "--name", "x", "--participant", "P1", "--participant", "p1")
    assert code == 1 and "given twice" in err and not (tmp_path / "u" / "study.json").exists()


def test_participant_add_edit_list(tmp_path, capsys):
    folder = tmp_path / "s"
    assert _run(capsys, "new", folder, "--name", "x", "--participant", "P1:customer:växtälskare")[0] == 0
    code, out, _ = _run(capsys, "participant", folder, "add", "P2", "--segment", "VÄXTÄLSKARE ")
    assert code == 0 and "new customer type" not in out  # matched to the study's spelling
    code, out, _ = _run(capsys, "participant", folder, "add", "P3", "--segment", "first-time buyer")
    assert code == 0 and "new customer type “first-time buyer”; the study's others: växtälskare" in out
    assert _run(capsys, "participant", folder, "add", "S1", "--staff", "kundtjänst")[0] == 0
    code, _, err = _run(capsys, "participant", folder, "add", "p1")
    assert code == 1 and "already a participant" in err
    code, _, err = _run(capsys, "participant", folder, "edit", "P9", "--staff")
    assert code == 1 and "no participant P9" in err
    assert _run(capsys, "participant", folder, "edit", "P3", "--staff", "lager")[0] == 0
    assert _people(folder)[2] == ("P3", "staff", "first-time buyer", "lager")  # the type is kept
    assert _run(capsys, "participant", folder, "edit", "P3", "--customer")[0] == 0
    assert _people(folder)[2] == ("P3", "customer", "first-time buyer", "lager")
    StudyStore.open(folder).new_interview("P2")
    code, out, _ = _run(capsys, "participant", folder, "list")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["code", "role", "team", "/", "customer", "type", "status"]
    assert lines[1].split() == ["P1", "customer", "växtälskare", "planned"]
    assert lines[2].split() == ["P2", "customer", "växtälskare", "interviewed"]
    assert lines[4].split() == ["S1", "staff", "kundtjänst", "planned"]
    assert lines[5] == "Customers: 1 of 3 interviewed · växtälskare 1 · staff 0 of 1"


def test_participant_list_shows_control_characters_not_runs_them(tmp_path, capsys):
    folder = tmp_path / "s"
    assert _run(capsys, "new", folder, "--name", "x")[0] == 0
    assert _run(capsys, "participant", folder, "add", "P1", "--segment", "\x1b[2Jevil\x07")[0] == 1  # refused
    from trodden.models.domain import Participant

    def hostile(data) -> None:  # as an imported or older study may hold it
        data.participants.append(Participant(code="P1", segment="\x1b[2Jevil\x07"))

    StudyStore.open(folder).update(hostile)
    _, out, _ = _run(capsys, "participant", folder, "list")
    assert "\x1b" not in out and "\x07" not in out and "␛[2Jevil␇" in out


def test_capture_segment_and_staff_set_the_participant(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "s"
    assert _run(capsys, "new", folder, "--name", "x", "--participant", "P1:customer:plant lover")[0] == 0
    opened = []

    def run(app):  # the screen's own open, without a terminal
        screen = app._start(None)
        app.capture_source = screen.open_source()
        opened.append(app.capture_source.session.interview.participant)
        return 0

    monkeypatch.setattr(TroddenApp, "run", run)
    monkeypatch.setattr("trodden.tui.cli.common.on_a_terminal", lambda: True)
    assert _run(capsys, "capture", folder, "--participant", "P2", "--segment", "Plant Lover")[0] == 0
    assert _run(capsys, "capture", folder, "--participant", "S1", "--staff", "warehouse")[0] == 0
    assert opened == ["P2", "S1"]
    assert _people(folder) == [
        ("P1", "customer", "plant lover", ""),
        ("P2", "customer", "plant lover", ""),
        ("S1", "staff", "", "warehouse"),
    ]
    code, _, err = _run(capsys, "capture", folder, "--interview", "x", "--staff", "warehouse")
    assert code == 1 and "use them with --participant" in err
    assert [p.role for p in StudyStore.open(folder).participants] == [Role.CUSTOMER, Role.CUSTOMER, Role.STAFF]


@pytest.mark.parametrize(
    ("who", "says"),
    [
        (["--segment", "ny\x1b[31mkund"], "a customer type is one line of plain text, but 'ny␛[31mkund' has a"),
        (["--staff", "lager\x07"], "a team is one line of plain text"),
        (["--segment", "å" * 101], "a customer type is at most 100 characters; this one has 101"),
    ],
)
def test_a_type_or_team_with_control_characters_or_a_paste_is_refused(tmp_path, capsys, who, says):
    folder = tmp_path / "s"
    assert _run(capsys, "new", folder, "--name", "Hem")[0] == 0
    before = (folder / "study.json").read_bytes()
    code, _, err = _run(capsys, "participant", folder, "add", "P1", *who)
    assert code == 1 and says in err and "\x1b" not in err, err
    assert (folder / "study.json").read_bytes() == before
