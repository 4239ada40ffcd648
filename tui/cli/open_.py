"""``trodden open DIR`` (and ``trodden DIR``): the study's overview, home for every workflow."""

from __future__ import annotations

from trodden.tui.i18n import _

from .common import add_study_arg, needs_terminal, open_study


def register(sub) -> None:
    parser = sub.add_parser(
        "open",
        help=_("open a study's overview (also: trodden DIR)"),
        description=(
            _("The study overview: start an interview (n), capture, guide, clean, map, search (/), tags (t) from here.")
        ),
    )
    add_study_arg(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.tui.app import run_app

    open_study(args.dir)  # a folder that is no study is named first, terminal or not
    needs_terminal("trodden open")
    return run_app(args.dir)
