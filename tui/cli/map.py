"""``trodden map DIR``: the mapping workshop board (read-only if someone else edits)."""

from __future__ import annotations

from .common import add_study_arg, add_ui_lang_arg


def register(sub) -> None:
    parser = sub.add_parser(
        "map",
        help="assemble the journey map from the interviews' notes",
        description="Open the mapping board. One editor at a time; a second one opens read-only and follows.",
    )
    add_study_arg(parser)
    add_ui_lang_arg(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.tui.app import run_app
    from trodden.tui.map.screen import MapScreen

    return run_app(args.dir, start=MapScreen, ui_lang=args.ui_lang)
