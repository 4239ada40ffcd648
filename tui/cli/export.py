"""``trodden export DIR --format FORMAT [-o PATH]``: the study, one interview, or the report.

- ``--format json``: the whole study as the interchange document.
- ``--interview ID|CODE`` / ``--all-interviews``: cleaned notes for the group (md, docx).
- otherwise: the journey report (md, docx, csv).
"""

from __future__ import annotations

from pathlib import Path

from trodden.tui.i18n import N_, _

from .common import UsageError, add_study_arg, left_out, open_study, write_output

FORMATS = ["json", "md", "docx", "csv"]


def register(sub) -> None:
    parser = sub.add_parser(
        "export",
        help=_("export the study, an interview's notes, or the journey report"),
        description=_("Export the study as JSON, one interview's notes (--interview), or the journey report."),
    )
    add_study_arg(parser)
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help=_("file (or folder) to write, - for stdout; default: stdout (docx: a file named after the study)"),
    )
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--interview", metavar="ID|CODE", help=_("export one interview's notes"))
    target.add_argument("--all-interviews", action="store_true", help=_("one notes file per interview into -o FOLDER"))
    parser.add_argument(
        "--lang",
        choices=["en", "sv", "da"],
        default=None,
        help=_("language of the file's words (default: the study's); sv/da CSV uses ;"),
    )
    parser.add_argument(
        "--author", default=None, help=_("docx: the author in the file's properties (default: the study's)")
    )
    parser.add_argument("--force", action="store_true", help=_("docx without -o: replace a file of the same name"))
    parser.add_argument(
        "--excel", action="store_true", help=_("csv: separate columns with ; as Swedish and Danish Excel expect")
    )
    parser.add_argument(
        "--include-private",
        action="store_true",
        help=_("include real names and unredacted personal details (off by default)"),
    )
    parser.add_argument(
        "--show-changes", action="store_true", help=_("interview notes: show words as typed when cleaning changed them")
    )
    parser.add_argument(
        "--with-transcript",
        action="store_true",
        help=_("interview notes: add the recording's transcript (speakers by role, redacted)"),
    )
    parser.set_defaults(run=run)


ONLY_FOR = {
    "excel": ({"csv"}, N_("--excel only applies to --format csv (it separates the columns with ;)")),
    "author": ({"docx"}, N_("--author only applies to --format docx (it names the Word file's author)")),
    "force": ({"docx"}, N_("--force only applies to --format docx (it replaces a Word file of the same name)")),
}
"""Options that only mean something for some formats: asked for with another, they are refused
rather than silently ignored (a script would believe its CSV has ; or its report an author)."""

INTERVIEW_ONLY = {"show_changes": "--show-changes", "with_transcript": "--with-transcript"}


def refuse_what_would_be_ignored(args) -> None:
    """``UsageError`` (exit 2) for an option the chosen export would not use, naming where it applies."""
    for name, (formats, message) in ONLY_FOR.items():
        if getattr(args, name, None) not in (None, False) and args.format not in formats:
            raise UsageError(_("{message}, not to --format {format}").format(message=_(message), format=args.format))
    notes = bool(args.interview or args.all_interviews)
    for name, flag in INTERVIEW_ONLY.items():
        if getattr(args, name, False) and not notes:
            only = _("{flag} only applies to interview notes (with --interview or --all-interviews)")
            raise UsageError(only.format(flag=flag))


def run(args) -> int:
    refuse_what_would_be_ignored(args)
    store = open_study(args.dir)
    if args.interview or args.all_interviews:
        from .export_interview import run_interview_export

        return run_interview_export(store, args)
    if args.format == "json":
        from trodden.exporters.json_export import study_json

        text, problems = study_json(store, include_private=args.include_private)
        status = left_out(store, problems)
        write_output(text, args.output)
        return status
    from .export_report import run_report_export

    return run_report_export(store, args)
