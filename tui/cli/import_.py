"""``trodden import DIR FILE``: a JSON study export, or a notes text file (``--participant``).

A notes text file is what a note-taker typed in an editor or copied from paper: one note a
line in the capture syntax, optionally timestamped. Every non-blank line becomes a note;
what could not be understood is reported, never dropped.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from trodden.models.errors import StoreError
from trodden.tui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from trodden.models.notes.textimport import ImportResult
    from trodden.models.storage.store import StudyStore

from .common import add_study_arg, info, participant_code, warn

TEXT_SUFFIXES = (".txt", ".text", ".md", "")


def register(sub) -> None:
    parser = sub.add_parser(
        "import",
        help=_("import a JSON study export, or a notes text file"),
        description=(
            _(
                "Import FILE into the study DIR. A .json file is a trodden study export (DIR is created if needed). "
                "A .txt file is an interview's notes in the capture syntax, one note a line, each optionally "
                "starting with mm:ss or hh:mm:ss; it needs --participant."
            )
        ),
    )
    add_study_arg(parser)
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument(
        "--participant", metavar="CODE", type=participant_code, help=_("notes text file: whose interview it is")
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=_("notes text file: the interview's date (default today)"))
    parser.add_argument("--start", metavar="HH:MM", help=_("notes text file: when the interview started"))
    parser.add_argument("--interviewer", default="", help=_("notes text file: interviewer's initials"))
    parser.add_argument("--note-taker", default="", help=_("notes text file: note-taker's initials"))
    parser.add_argument(
        "--bullets-are-clouds",
        action="store_true",
        help=_(
            "notes text file: a line's leading '- ' is a thundercloud (by default a list bullet, unless the study says so)"
        ),
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.file.suffix.lower() == ".json":
        if args.participant:
            raise StoreError(_("--participant is for notes text files; a .json export names its own participants"))
        from trodden.models.interchange import import_document, load_document

        document = load_document(args.file)
        store, report = import_document(document, args.dir)
        for line in report:
            warn(line)
        done = len(document.interviews) - len(report)  # report: skipped
        info(
            ngettext("imported {n} interview into {folder}", "imported {n} interviews into {folder}", done).format(
                n=done, folder=store.path
            )
        )
        return 0
    if not args.participant:
        raise StoreError(
            _("{file}: a notes text file needs --participant CODE (or import a .json export)").format(file=args.file)
        )
    from trodden.models.notes.textimport import parse_notes_text
    from trodden.models.storage.store import StudyStore

    store = StudyStore.open(args.dir)
    text, encoding_problem = read_text(args.file)
    if encoding_problem:
        warn(encoding_problem)
    result = parse_notes_text(text, store.data, bullets_are_clouds=args.bullets_are_clouds or None)
    result.problems.extend(timestamp_problems(text))
    result.problems.extend(
        f"line {note.line_number}: markers but no words; kept as an empty note to fill in when cleaning"
        for note in result.notes
        if not note.draft.text.strip() and not note.draft.is_empty
    )
    result.problems.sort(key=_line_number)
    if not result.notes:
        raise StoreError(_("{file} holds no notes (every line is blank or a /command)").format(file=args.file))
    interview_id, count = import_notes(
        store,
        result,
        participant=args.participant,
        day=_parse_date(args.date),
        start=_parse_time(args.start),
        interviewer=args.interviewer,
        note_taker=args.note_taker,
    )
    for problem in result.problems:
        warn(f"{args.file.name} {problem}")
    said = ngettext(
        "imported {n} note into interview {interview}", "imported {n} notes into interview {interview}", count
    )
    said = said.format(n=count, interview=interview_id)
    if result.problems:
        lines = len(result.problems)
        look = ngettext("{n} line needs a look (listed above)", "{n} lines need a look (listed above)", lines)
        said += "; " + look.format(n=lines)
    info(said)
    return 0


def read_text(path: Path) -> tuple[str, str | None]:
    """The file's text and a warning if its encoding was a guess (see ``models.notes.encoding``)."""
    from trodden.models.import_checks import MAX_TEXT_FILE_BYTES, read_import_file
    from trodden.models.notes.encoding import decode_notes_file

    return decode_notes_file(read_import_file(path, MAX_TEXT_FILE_BYTES, N_("a notes text file")), path)


_BAD_TIMESTAMP = re.compile(r"^\s*(\d{1,2}:[\d:]*\S*)")


def timestamp_problems(text: str) -> list[str]:
    """Lines that start like a timestamp but are not one (``12:xx``, ``75:10``): kept as text."""
    from trodden.models.notes.textimport import parse_timestamp

    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _BAD_TIMESTAMP.match(line)
        if match and parse_timestamp(line)[0] is None:
            problems.append(f"line {number}: {match.group(1)!r} is not a time (mm:ss or hh:mm:ss); kept as text")
    return problems


def _line_number(problem: str) -> int:
    match = re.match(r"line (\d+)", problem)
    return int(match.group(1)) if match else 0


def _parse_date(value: str | None) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise StoreError(_("--date {value} is not a date like 2026-03-05").format(value=repr(value))) from None


def _parse_time(value: str | None) -> time:
    if not value:
        return time(0, 0)
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise StoreError(_("--start {value} is not a time like 14:30").format(value=repr(value))) from None


def import_notes(
    store: StudyStore,
    result: ImportResult,
    *,
    participant: str,
    day: date,
    start: time,
    interviewer: str = "",
    note_taker: str = "",
) -> tuple[str, int]:
    """A new, finished interview holding every parsed note; (interview id, notes written)."""
    from trodden.models.domain import InterviewStatus
    from trodden.models.map.kept_hypothesis import keep_before_first_interview
    from trodden.models.notes.textimport import imported_notes

    keep_before_first_interview(store)  # the study's first interview: the map so far is the hypothesis
    moment = datetime.combine(day, start)
    interview = store.new_interview(
        participant,
        start=moment,
        status=InterviewStatus.DONE,
        interviewer=interviewer,
        note_taker=note_taker,
        force_new=True,
    )
    notes = imported_notes(result, interview.id, moment)
    last = result.end if result.end is not None else max((note.t for note in notes), default=0.0)
    with store.open_interview(interview.id) as session:
        if notes:
            session.save_notes(notes)
        session.save_interview(session.interview.model_copy(update={"end": moment + timedelta(seconds=last)}))
    return interview.id, len(notes)
