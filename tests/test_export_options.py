"""``trodden export`` refuses an option the chosen format would silently ignore (exit 2, nothing written)."""

from __future__ import annotations

import pytest

from trodden.tui.cli.main import main


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        (["--format", "md", "--excel"], "--excel only applies to --format csv"),
        (["--format", "json", "--excel"], "--excel only applies to --format csv"),
        (["--format", "csv", "--author", "Anna Åberg"], "--author only applies to --format docx"),
        (["--format", "md", "--author", "Anna Åberg"], "--author only applies to --format docx"),
        (["--format", "json", "--author", ""], "not to --format json"),
        (["--format", "md", "--force"], "--force only applies to --format docx"),
        (["--format", "md", "--show-changes"], "--show-changes only applies to interview notes"),
        (["--format", "md", "--with-transcript"], "--with-transcript only applies to interview notes"),
        (["--format", "md", "--interview", "P1", "--excel"], "--excel only applies to --format csv"),
    ],
)
def test_an_option_the_format_ignores_is_refused(study, tmp_path, capsys, extra, says) -> None:
    store = study
    target = tmp_path / "out"
    assert main(["export", str(store.path), *extra, "-o", str(target)]) == 2
    error = capsys.readouterr().err
    assert says in error and "(see 'trodden export --help')" in error and error.count("\n") == 1
    assert not target.exists()


def test_the_options_still_work_where_they_apply(study, tmp_path, capsys) -> None:
    store = study
    assert main(["export", str(store.path), "--format", "csv", "--excel", "-o", str(tmp_path / "n.csv")]) == 0
    assert ";" in (tmp_path / "n.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    docx = ["export", str(store.path), "--format", "docx", "--author", "Anna Åberg", "-o", str(tmp_path / "r.docx")]
    assert main(docx) == 0
