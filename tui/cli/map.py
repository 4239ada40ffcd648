"""``trodden map DIR``: the mapping workshop board, shared by every researcher who opens it.

``--snapshot hypothesis`` keeps the map's hypothesis items (those without evidence) by hand,
as the first interview does by itself, without opening the board.
"""

from __future__ import annotations

import sys
from pathlib import Path

from trodden.tui.i18n import _, ngettext

from .common import add_study_arg, add_ui_lang_arg, info, needs_terminal, open_study, say, warn


def register(sub) -> None:
    parser = sub.add_parser(
        "map",
        help=_("assemble the journey map from the interviews' notes"),
        description=(
            _(
                "Open the mapping board. Several researchers can edit one map at once (one terminal each, or"
                " one machine each on a shared or synced folder); each sees the others' edits within a second."
            )
        ),
    )
    add_study_arg(parser)
    parser.add_argument(
        "--snapshot",
        choices=["hypothesis"],
        help=(
            _(
                "keep the map's hypothesis items (those without evidence) as the hypothesis journey, without"
                " opening the board; the study's first interview does this by itself"
            )
        ),
    )
    parser.add_argument(
        "--replace", action="store_true", help=_("with --snapshot: replace a hypothesis snapshot already kept")
    )
    parser.add_argument("--read-only", action="store_true", help=_("only watch the map: change nothing"))
    parser.add_argument(
        "--as",
        dest="who",
        metavar="INITIALS",
        help=_("your initials on the map (asked once and remembered; also TRODDEN_RESEARCHER)"),
    )
    live = parser.add_mutually_exclusive_group()
    live.add_argument(
        "--host",
        nargs="?",
        const="127.0.0.1",
        metavar="ADDRESS",
        help=_("also serve this map live over a WebSocket (default 127.0.0.1; 0.0.0.0 for the local network)"),
    )
    live.add_argument("--join", metavar="URL", help=_("join a map served with --host (DIR: your copy of the study)"))
    parser.add_argument("--port", type=int, default=8765, help=_("the --host port (default: 8765)"))
    parser.add_argument(
        "--tls-cert", metavar="FILE", type=Path, help=_("with --host: serve wss:// with this certificate (PEM)")
    )
    parser.add_argument(
        "--tls-key", metavar="FILE", type=Path, help=_("with --tls-cert: its private key (PEM, without a passphrase)")
    )
    parser.add_argument(
        "--tls-ca",
        metavar="FILE",
        type=Path,
        help=_("with --join: trust this certificate (the host's, or its authority's) besides the system's"),
    )
    add_ui_lang_arg(parser)
    parser.set_defaults(run=run)


def start_link(args):
    """The live link asked for, started before the board (the URL is printed first); None if none."""
    if not (args.host or args.join):
        return None
    from trodden.models.errors import StoreError

    from .map_link import MapLink, map_url
    from .serve import public_url
    from .serve_guard import Guard

    link = MapLink()
    if args.join:
        from .map_link import join_problem, trusting

        trust = trusting(args.tls_ca) if args.tls_ca else None
        problem = join_problem(args.join, trust)
        if problem:
            raise StoreError(problem)
        link.join(args.join, trust)
        joined = _("Live: joined {address} (your edits and theirs meet as soon as it answers)")
        link.note = joined.format(address=args.join.split("?")[0])
        return link

    from .serve_guard import is_loopback
    from .serve_tls import tls_context

    tls = tls_context(args.tls_cert, args.tls_key) if args.tls_cert else None
    scheme = "https" if tls else "http"

    def guard_for(port: int) -> Guard:
        return Guard.for_address(args.host, port, public_url(args.host, port, scheme))

    guard = link.serve(args.host, args.port, guard_for, tls)
    address = map_url(guard, public_url(args.host, link.port, scheme))
    link.note = _("Live: others join with  trodden map THEIR-COPY --join {address}").format(address=address)
    info(link.note)
    if not tls and not is_loopback(args.host):
        plain = _(
            "the map is served over a plain WebSocket (ws://, not encrypted): anyone who watches this network"
            " can read it and the token; use a network you trust, or give --tls-cert and --tls-key"
        )
        warn(plain)
    return link


def tls_problem(args) -> str | None:
    """Why the TLS options given do not go together, before anything starts; None if they do."""
    from .serve_tls import half_given

    if half := half_given(args.tls_cert, args.tls_key):
        return half
    if args.tls_cert and not args.host:
        return _("--tls-cert and --tls-key go with --host (the map served to the others)")
    if args.tls_ca and not args.join:
        return _("--tls-ca goes with --join (the certificate to trust when joining)")
    return None


def ask_initials(flag: str | None) -> str | None:
    """The researcher's initials: given, remembered, or asked once on a terminal (and remembered)."""
    from trodden.models.errors import StoreError
    from trodden.models.map import researcher

    if flag is not None and researcher.valid(flag) is None:
        warn(_("--as {value}: initials are 1-12 letters or digits (a - is allowed), like AB").format(value=repr(flag)))
        return None
    found = researcher.current(flag)
    if found or not sys.stdin.isatty():
        return found or "anon"
    while True:
        try:
            typed = input(_("Your initials, shown to the others on the map (asked once): "))
        except EOFError:
            return "anon"
        try:
            initials = researcher.remember(typed)
        except ValueError as error:
            warn(str(error))
            continue
        except StoreError:  # no config folder to keep them in: this session only
            return researcher.valid(typed) or "anon"
        info(_("Remembered in {file}; --as changes it for one session.").format(file=researcher.config_path()))
        return initials


def run(args) -> int:
    if args.snapshot:
        return snapshot(args)
    if args.replace:
        raise SystemExit("trodden map: " + _("error: --replace goes with --snapshot hypothesis"))
    problem = tls_problem(args)
    if problem:
        raise SystemExit("trodden map: " + _("error: {problem}").format(problem=problem))
    open_study(args.dir)  # a folder that is no study is named first, terminal or not
    needs_terminal("trodden map")  # before initials are asked or a link is served
    from trodden.tui.app import run_app
    from trodden.tui.map.screen import MapScreen

    who = ask_initials(args.who)
    if who is None:
        return 2

    link = start_link(args)

    def start(store):
        if link is None:
            return MapScreen(store, who=who, watch=args.read_only)
        return MapScreen(store, who=who, watch=args.read_only, link=link.attach, live_note=link.note)

    try:
        return run_app(args.dir, start=start, ui_lang=args.ui_lang)
    finally:
        if link is not None:
            link.stop()


def snapshot(args) -> int:
    from trodden.models.map.kept_hypothesis import take_snapshot

    store = open_study(args.dir)
    kept = take_snapshot(store.path, replace=args.replace)
    kept_text = ngettext(
        "kept the hypothesis journey: {n} item; the report and the map's hypothesis view compare the map with it",
        "kept the hypothesis journey: {n} items; the report and the map's hypothesis view compare the map with it",
        len(kept.items),
    )
    say(kept_text.format(n=len(kept.items)))
    return 0
