"""``trodden guide DIR --participant CODE | --interview ID [--edit]``: the interviewer's view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trodden.tui.i18n import _

if TYPE_CHECKING:
    from trodden.models.storage.store import StudyStore

from .common import add_study_arg, add_ui_lang_arg, info, needs_terminal, open_study, participant_code


def register(sub) -> None:
    parser = sub.add_parser(
        "guide",
        help=_("the interviewer's guide view, in sync with the note-taker"),
        description=(
            _(
                "Follow the interview guide while the note-taker captures: themes, time per theme, questions to "
                "tick off, and the note-taker's follow-up questions. Joins the participant's unfinished interview "
                "or starts it. With --edit, edit the guide itself."
            )
        ),
    )
    add_study_arg(parser)
    target = parser.add_mutually_exclusive_group()
    target.add_argument(
        "--participant", metavar="CODE", type=participant_code, help=_("join (or start) this participant's interview")
    )
    target.add_argument("--interview", metavar="ID", help=_("open this interview (id, or a participant code)"))
    target.add_argument("--edit", action="store_true", help=_("add, edit and reorder the guide's themes and questions"))
    parser.add_argument(
        "--new",
        action="store_true",
        help=_("with --participant: start another interview even if the participant's last one is marked cleaned"),
    )
    add_ui_lang_arg(parser)
    parser.set_defaults(run=run)


def resolve_interview(
    store: StudyStore, participant: str | None, interview: str | None, *, new: bool = False
) -> str | None:
    """The interview to follow: given, joined, or started (never a second one for a participant).

    With neither, the only interview under way; None if there is none or several (the
    caller then opens the study overview to choose from). A participant whose last interview is
    marked cleaned is an error that says so (``find_or_start``), unless ``new``.
    """
    from trodden.models.storage.interviews import find_or_start, only_one_under_way

    if interview or participant:
        return find_or_start(store, participant=participant, interview=interview, new=new).id
    found = only_one_under_way(store)
    return found.id if found else None


def run(args) -> int:
    store = open_study(args.dir)
    needs_terminal("trodden guide")  # before an interview is started for --participant
    from trodden.tui.app import run_app

    if args.edit:
        from trodden.tui.guide.editor import GuideEditor

        return run_app(store.path, start=GuideEditor, ui_lang=args.ui_lang)
    interview_id = resolve_interview(store, args.participant, args.interview, new=args.new)
    if interview_id is None:
        info(_("no single interview under way: pick one in the overview and press g (or give --participant CODE)"))
        return run_app(store.path, ui_lang=args.ui_lang)
    from trodden.tui.guide.screen import GuideScreen

    return run_app(store.path, start=lambda opened: GuideScreen(opened, interview_id), ui_lang=args.ui_lang)
