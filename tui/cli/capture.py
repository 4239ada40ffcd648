"""``trodden capture DIR --participant CODE | --interview ID``: the note-taker's live screen."""

from __future__ import annotations

import sys

from trodden.models.errors import Locked, StoreError
from trodden.models.storage.layout import looks_like_study, study_language
from trodden.tui.i18n import _

from .common import add_study_arg, add_ui_lang_arg, needs_terminal, open_study, participant_code, say
from .participant import set_who


def register(sub) -> None:
    parser = sub.add_parser(
        "capture",
        help=_("take notes live during an interview"),
        description=(
            _(
                "Open the capture screen on the participant's unfinished interview, or start one "
                "(the participant is created if new). Reopening after a crash resumes it. An interview marked "
                "cleaned takes no notes until it is reopened (ctrl+o)."
            )
        ),
    )
    add_study_arg(parser)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--participant", metavar="CODE", type=participant_code, help=_("participant code, e.g. P3"))
    target.add_argument("--interview", metavar="ID", help=_("an existing interview id"))
    parser.add_argument("--interviewer", default="", metavar="XX", help=_("initials of the interviewer"))
    parser.add_argument("--note-taker", default="", metavar="YY", help=_("initials of the note-taker"))
    parser.add_argument(
        "--new",
        action="store_true",
        help=_("start another interview for the participant even if their last one is marked cleaned"),
    )
    who = parser.add_mutually_exclusive_group()
    who.add_argument(
        "--segment", metavar="TYPE", help=_("the participant is a customer of this type (with --participant)")
    )
    who.add_argument(
        "--staff",
        nargs="?",
        const="",
        metavar="TEAM",
        help=_("the participant is a member of staff (with --participant)"),
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help=_("follow an interview another process is writing, without changing it"),
    )
    add_ui_lang_arg(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    """Paint the capture screen first, open the study behind it (see tui/capture/opening.py)."""
    who = args.segment is not None or args.staff is not None
    if who and (args.participant is None or args.read_only):
        raise StoreError(
            _("--segment and --staff say who a participant is: use them with --participant, not read-only")
        )
    if not looks_like_study(args.dir):
        open_study(args.dir)  # not a study: raises the store's own clear message
    needs_terminal("trodden capture")  # before the participant is created or the study opened
    from trodden.tui.app import TroddenApp, report_unsaved
    from trodden.tui.capture.opening import OpeningCaptureScreen

    def open_source():
        from trodden.tui.capture.session import open_capture

        store = open_study(args.dir)
        if who:
            set_who(store, args.participant, segment=args.segment, staff=args.staff, exists_ok=True)
        try:
            return open_capture(
                store,
                participant=args.participant,
                interview=args.interview,
                interviewer=args.interviewer,
                note_taker=args.note_taker,
                read_only=args.read_only,
                new=args.new,
            )
        except Locked as error:
            raise Locked(error.path, f"{error.holder} (add --read-only to follow it from here)") from None

    title = args.participant or args.interview or ""
    ask_who = args.participant is not None and not who and not args.read_only  # else it is known, or not ours
    app = TroddenApp(
        None,
        start=lambda _store: OpeningCaptureScreen(open_source, f"trodden · {title}", ask_who=ask_who),
        ui_lang=args.ui_lang,
        study_language=study_language(args.dir),
    )
    try:
        result = app.run() or 0
    finally:
        source = getattr(app, "capture_source", None)
        if source is not None:
            source.close()
    if app.startup_error is not None:
        for line in app.unsaved_lines:
            say("trodden: " + _("not saved (typed before the error): {line}").format(line=line), sys.stderr)
        raise app.startup_error
    return report_unsaved(app) or result  # a disk still full at quit, or an interview marked cleaned
