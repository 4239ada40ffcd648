"""``trodden clean DIR --participant CODE | --interview ID``: the clean screen on its own."""

from __future__ import annotations

from trodden.models.errors import StoreError
from trodden.tui.i18n import _

from .common import add_study_arg, add_ui_lang_arg, needs_terminal, open_study


def register(sub) -> None:
    parser = sub.add_parser(
        "clean",
        help=_("clean an interview's notes before sharing them"),
        description=(
            _(
                "Open the clean screen for an interview: fix notes, check quotes verbatim, see personal details, "
                "mark it cleaned, export it for the group."
            )
        ),
    )
    add_study_arg(parser)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--participant", metavar="CODE", help=_("the participant's latest interview"))
    target.add_argument("--interview", metavar="ID", help=_("an interview by id"))
    add_ui_lang_arg(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    store = open_study(args.dir)
    interview = store.find_interview(args.interview or args.participant)
    if args.participant and interview.participant.casefold() != args.participant.casefold():
        raise StoreError(_("no interview with participant {code}").format(code=args.participant))
    needs_terminal("trodden clean")
    from trodden.tui.app import run_app
    from trodden.tui.clean.screen import CleanScreen

    return run_app(store.path, start=lambda opened: CleanScreen(opened, interview.id), ui_lang=args.ui_lang)
