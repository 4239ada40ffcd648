"""Exporting interviews' cleaned notes for the group (``--interview`` / ``--all-interviews``).

Personal details are redacted unless ``--include-private`` is given.
"""

from __future__ import annotations

from pathlib import Path

from trodden.exporters.group_exports import export_file_name
from trodden.models.errors import StoreError, WriteFailed
from trodden.models.storage.store import StudyStore
from trodden.tui.i18n import _, ngettext

from .common import BINARY_TO_TERMINAL, info, left_out, to_terminal, warn, word_file_here, write_output

INTERVIEW_FORMATS = ("md", "docx")


def render_interview(store: StudyStore, interview_id: str, fmt: str, author: str | None = None, **options) -> bytes:
    """One interview's notes as Markdown or Word bytes (read-only: capture may be running);
    ``author`` (default: the study's) goes into a Word file's properties."""
    from trodden.exporters.interview_notes import build_interview_notes

    with_transcript = options.pop("with_transcript", False)
    with store.open_interview(interview_id, writable=False) as session:
        notes = session.notes()
        interview = session.interview
    transcript = store.transcript(interview_id) if with_transcript else None
    if with_transcript and transcript is None:
        warn(_("{interview} has no transcript; import one with 'trodden transcript'").format(interview=interview_id))
    model = build_interview_notes(store.data, interview, notes, transcript=transcript, **options)
    if fmt == "md":
        from trodden.exporters.interview_md import render_markdown

        return render_markdown(model).encode("utf-8")
    from trodden.exporters.interview_docx import render_docx
    from trodden.exporters.redacted import document_author

    private = bool(options.get("include_private", False))
    return render_docx(model, document_author(store.data, author, private=private, language=model.language))


def run_interview_export(store: StudyStore, args) -> int:
    fmt = args.format
    if fmt not in INTERVIEW_FORMATS:
        raise StoreError(_("an interview's notes export as md or docx, not {format}").format(format=fmt))
    options = {
        "include_private": bool(getattr(args, "include_private", False)),
        "show_changes": bool(getattr(args, "show_changes", False)),
        "language": getattr(args, "lang", None),
        "author": getattr(args, "author", None),
        "with_transcript": bool(getattr(args, "with_transcript", False)),
    }
    if options["include_private"]:
        warn(_("--include-private: real names, phone numbers and e-mail addresses are NOT redacted"))

    if getattr(args, "all_interviews", False):
        if args.output is None or str(args.output) == "-":
            raise StoreError(_("--all-interviews writes one file per interview: give a folder with -o FOLDER"))
        folder = Path(args.output)
        if folder.exists() and not folder.is_dir():
            raise StoreError(_("{folder} is a file; give a folder with -o FOLDER").format(folder=folder))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WriteFailed(folder, error) from error
        interviews, problems = store.interviews()
        failed = 0
        for interview in interviews:
            try:
                data = render_interview(store, interview.id, fmt, **options)
            except StoreError as error:
                warn(_("left out: {what}").format(what=error))
                failed += 1
                continue
            write_output(data, folder / export_file_name(interview.id, fmt), binary=fmt == "docx")
        done = len(interviews) - failed
        info(
            ngettext("exported {n} interview to {folder}", "exported {n} interviews to {folder}", done).format(
                n=done, folder=folder
            )
        )
        return max(left_out(store, problems), 1 if failed else 0)

    interview = store.find_interview(args.interview)
    output = args.output
    if fmt == "docx":  # without -o: a file named after the interview, here
        output = word_file_here(output, export_file_name(interview.id, fmt), force=bool(getattr(args, "force", False)))
    if fmt == "docx" and to_terminal(output):
        raise StoreError(_(BINARY_TO_TERMINAL))
    if output is not None and Path(output).is_dir():
        output = Path(output) / export_file_name(interview.id, fmt)
    if interview.status.value != "cleaned":
        warn(_("{interview} is not marked cleaned yet; the export says so at the top").format(interview=interview.id))
    payload = render_interview(store, interview.id, fmt, **options)
    status = left_out(store)  # damaged lines skipped in its journal: named, exit 1
    write_output(payload, output, binary=fmt == "docx")
    return status
