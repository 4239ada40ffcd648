"""``trodden actions`` (text, Markdown, CSV; redacted unless --include-private), ``trodden target``
(starts the target map once, keeping what exists), and ``trodden check`` on a target-state study."""

from __future__ import annotations

import csv
import io

from markdown_it import MarkdownIt

try:
    from change_study import make_change_study
    from report_study import make_study
except ImportError:  # tests as a package
    from .change_study import make_change_study
    from .report_study import make_study

from trodden.models.change.edit import add_idea
from trodden.models.change.store import edit_plan, read_plan
from trodden.models.domain import JourneyState
from trodden.tui.cli.main import main


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_actions_for_a_stand_up_and_a_backlog(tmp_path, capsys):
    store = make_change_study(tmp_path / "s", target=False)
    two = read_plan(store.path).areas[1].id
    edit_plan(store.path, lambda plan, s: add_idea(plan, two, "=HYPERLINK(ask Malin)", s.next_id, owner="ef"))
    code, out, _ = _run(capsys, "actions", store.path)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "1. The plant arrives"
    assert "  [idea] AB  action: Call the customer the day after delivery  → fewer wilted-plant complaints" in lines
    assert "Malin" not in out
    _, only_open, _ = _run(capsys, "actions", store.path, "--open")
    assert "Accept å ä ö" not in only_open and "Accept å ä ö" in out
    _, raw, _ = _run(capsys, "actions", store.path, "--format", "csv", "--include-private")
    rows = list(csv.reader(io.StringIO(raw.lstrip("\ufeff"))))
    assert rows[0] == ["area number", "area", "kind", "idea", "owner", "status", "effect", "outcome"]
    assert ["2", "Fills in the address", "action", "'=HYPERLINK(ask Malin)", "EF", "idea", "", ""] in rows
    _, report, _ = _run(capsys, "export", store.path, "--format", "md")
    assert "## Problem areas and next steps" in report and "Call the customer the day after delivery" in report
    _, md, _ = _run(capsys, "actions", store.path, "--format", "md")
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    assert sum(1 for t in tokens if t.type == "tr_open") == 1 + 4


def test_target_starts_once_and_keeps_what_is_there(tmp_path, capsys):
    store = make_study(tmp_path / "s")
    code, out, _ = _run(capsys, "target", store.path)
    assert code == 0 and out.startswith("Target map started: 8 items kept")
    plan = read_plan(store.path)
    assert {i.fate.value for i in plan.target_items} == {"keep"}
    assert [p.phase for p in plan.target_curve] == ["ph1", "ph2", "ph3"]
    code, out, _ = _run(capsys, "target", store.path)
    assert "already started" in out and read_plan(store.path) == plan


def test_a_target_state_study_is_checked_without_evidence_checks(tmp_path, capsys):
    code, _, _ = _run(capsys, "new", tmp_path / "t", "--name", "A thriving home", "--state", "target")
    assert code == 0
    store = make_study(tmp_path / "s")
    store.update(lambda data: setattr(data.study, "state", JourneyState.TARGET))
    _, out, err = _run(capsys, "check", store.path)
    assert "no-evidence" not in out and "evidence checks are left out" in err
