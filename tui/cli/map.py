"""``trodden map DIR``: the mapping workshop board (read-only if someone else edits).

``--snapshot hypothesis`` keeps the map's hypothesis items (those without evidence) by hand,
as the first interview does by itself, without opening the board.
"""

from __future__ import annotations

from .common import add_study_arg, open_study, say


def register(sub) -> None:
    parser = sub.add_parser(
        "map",
        help="assemble the journey map from the interviews' notes",
        description="Open the mapping board. One editor at a time; a second one opens read-only and follows.",
    )
    add_study_arg(parser)
    parser.add_argument(
        "--snapshot",
        choices=["hypothesis"],
        help=(
            "keep the map's hypothesis items (those without evidence) as the hypothesis journey, without"
            " opening the board; the study's first interview does this by itself"
        ),
    )
    parser.add_argument(
        "--replace", action="store_true", help="with --snapshot: replace a hypothesis snapshot already kept"
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.snapshot:
        return snapshot(args)
    if args.replace:
        raise SystemExit("trodden map: error: --replace goes with --snapshot hypothesis")
    from trodden.tui.app import run_app
    from trodden.tui.map.screen import MapScreen

    return run_app(args.dir, start=MapScreen)


def snapshot(args) -> int:
    from trodden.models.map.kept_hypothesis import take_snapshot

    store = open_study(args.dir)
    kept = take_snapshot(store.path, replace=args.replace)
    say(
        f"kept the hypothesis journey: {len(kept.items)} items; the report and the map's hypothesis view compare the map with it"
    )
    return 0
