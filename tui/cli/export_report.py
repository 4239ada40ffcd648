"""``trodden export DIR --format md|docx|csv [-o PATH] [--lang en|sv|da]``: the journey report.

One report model is built from the study and its map; the chosen format lays it out.
A progress bar shows on stderr while a long study is read, only when stderr is a
terminal (never in pipes, logs or tests).
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

from trodden.models.errors import StoreError
from trodden.models.names import safe_filename
from trodden.tui.i18n import _

from .common import BINARY_TO_TERMINAL, left_out, to_terminal, word_file_here, write_output

EXTENSIONS = {"md": "md", "docx": "docx", "csv": "csv"}


def output_path(output: Path | None, title: str, fmt: str) -> Path | None:
    """``-o FOLDER`` gets a file named after the journey; ``-o FILE`` and stdout stay as given."""
    if output is not None and Path(output).is_dir():
        suffix = "notes" if fmt == "csv" else "report"
        return Path(output) / f"{safe_filename(title)}-{suffix}.{EXTENSIONS[fmt]}"
    return output


@contextmanager
def progress_bar(enabled: bool):
    """Yields ``progress(step, done, total)``; a rich progress bar on stderr when enabled."""
    if not enabled:
        yield lambda step, done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        tasks: dict[str, int] = {}

        def update(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(step, total=total)
            bar.update(tasks[step], completed=done, total=total)

        yield update


def run_report_export(store, args) -> int:
    from trodden.exporters.note_rows import note_columns
    from trodden.exporters.redacted import document_author, study_redactor
    from trodden.exporters.report_reading import read_study

    fmt = args.format
    if fmt not in EXTENSIONS:
        raise StoreError(
            _("the journey report cannot be written as {format}; choose md, docx or csv").format(format=fmt)
        )
    private = bool(getattr(args, "include_private", False))
    language = args.lang or store.study.language
    title = (
        store.study.name if private else study_redactor(store.data, language)(store.study.name)
    )  # the name travels too
    if fmt == "docx":  # without -o: a file named after the study, here
        default = f"{safe_filename(title)}-report.docx"
        target = word_file_here(args.output, default, force=bool(getattr(args, "force", False)))
    else:
        target = output_path(args.output, title, fmt)
    target = output_path(target, title, fmt)
    if fmt == "docx" and to_terminal(target):
        raise StoreError(_(BINARY_TO_TERMINAL))
    with progress_bar(sys.stderr.isatty()) as progress:
        study = read_study(store, progress)
        progress("render", 0, 1)
        if fmt == "csv":
            from trodden.exporters.csv_export import render_columns
            from trodden.models.storage.gc_policy import paused_gc

            with paused_gc():  # ~100,000 lists, tuples and cells made, no cycle among them (``gc_policy``)
                columns = note_columns(
                    study.data, study.interviews, study.notes, study.journey, private=private, language=language
                )
                payload = render_columns(columns, language=language, excel=bool(getattr(args, "excel", False)))
        else:
            from trodden.exporters.report_assemble import assemble

            report = assemble(
                study.data,
                study.interviews,
                study.notes,
                study.journey,
                language=language,
                private=private,
                hypothesis=study.hypothesis,
                plan=study.plan,
                verified=study.verified,
                alignments=study.alignments,
            )
            if fmt == "md":
                from trodden.exporters.report_md import render as render_md

                payload = render_md(report).encode("utf-8")
            else:
                from trodden.exporters.report_docx import render as render_docx

                author = document_author(store.data, getattr(args, "author", None), private=private, language=language)
                payload = render_docx(report, author)
        progress("render", 1, 1)
    status = left_out(store, study.problems)
    write_output(payload, target, binary=fmt == "docx")
    return status
