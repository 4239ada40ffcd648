"""``trodden actions DIR``: every problem area's ideas and actions, for a stand-up or a backlog."""

from __future__ import annotations

from pathlib import Path

from trodden.tui.i18n import _

from .common import add_study_arg, left_out, open_study, write_output


def register(sub) -> None:
    parser = sub.add_parser(
        "actions",
        help=_("list the ideas and actions under each problem area (stand-up, backlog)"),
        description=(
            _(
                "The ideas, prototypes, jobs to be done, narratives and actions under each problem area, areas in "
                "the group's order, with owner and status. --format md or csv for a backlog tool."
            )
        ),
    )
    add_study_arg(parser)
    parser.add_argument("--format", choices=["text", "md", "csv"], default="text")
    parser.add_argument("--open", action="store_true", help=_("only what is not done or dropped"))
    parser.add_argument("-o", "--output", type=Path, default=None, help=_("file to write; default: stdout"))
    parser.add_argument(
        "--lang",
        choices=["en", "sv", "da"],
        default=None,
        help=_("language of the list's words (default: the study's)"),
    )
    parser.add_argument(
        "--include-private", action="store_true", help=_("unredacted personal details (off by default)")
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.exporters.actions_export import action_rows, render_csv, render_md, render_text
    from trodden.models.change.store import read_plan

    store = open_study(args.dir)
    plan = read_plan(store.path)
    rows = action_rows(store.data, plan, private=args.include_private, open_only=args.open)
    status = left_out(store)
    language = args.lang or store.study.language
    if args.format == "csv":
        write_output(render_csv(rows), args.output)
    elif args.format == "md":
        write_output(render_md(rows, language), args.output)
    else:
        write_output(render_text(rows, language), args.output)
    return status
