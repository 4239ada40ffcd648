"""``trodden map DIR``: the mapping workshop board, shared by every researcher who opens it."""

from __future__ import annotations

import sys

from .common import add_study_arg, info, warn


def register(sub) -> None:
    parser = sub.add_parser(
        "map",
        help="assemble the journey map from the interviews' notes",
        description=(
            "Open the mapping board. Several researchers can edit one map at once (one terminal each, or"
            " one machine each on a shared or synced folder); each sees the others' edits within a second."
        ),
    )
    add_study_arg(parser)
    parser.add_argument("--read-only", action="store_true", help="only watch the map: change nothing")
    parser.add_argument(
        "--as",
        dest="who",
        metavar="INITIALS",
        help="your initials on the map (asked once and remembered; also TRODDEN_RESEARCHER)",
    )
    parser.set_defaults(run=run)


def ask_initials(flag: str | None) -> str | None:
    """The researcher's initials: given, remembered, or asked once on a terminal (and remembered)."""
    from trodden.models.errors import StoreError
    from trodden.models.map import researcher

    if flag is not None and researcher.valid(flag) is None:
        warn(f"--as {flag!r}: initials are 1-12 letters or digits (a - is allowed), like AB")
        return None
    found = researcher.current(flag)
    if found or not sys.stdin.isatty():
        return found or "anon"
    while True:
        try:
            typed = input("Your initials, shown to the others on the map (asked once): ")
        except EOFError:
            return "anon"
        try:
            initials = researcher.remember(typed)
        except ValueError as error:
            warn(str(error))
            continue
        except StoreError:  # no config folder to keep them in: this session only
            return researcher.valid(typed) or "anon"
        info(f"Remembered in {researcher.config_path()}; --as changes it for one session.")
        return initials


def run(args) -> int:
    from trodden.tui.app import run_app
    from trodden.tui.map.screen import MapScreen

    who = ask_initials(args.who)
    if who is None:
        return 2

    def start(store):
        return MapScreen(store, who=who, watch=args.read_only)

    return run_app(args.dir, start=start)
