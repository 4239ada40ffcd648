"""``trodden serve DIR [--host H] [--port P] [-- GUIDE ARGS]``: the guide view in a browser.

For an interviewer without a terminal (a tablet on the table): textual-serve runs
``trodden guide DIR GUIDE ARGS`` in a terminal per browser tab, over a websocket. There
is no authentication, so it listens on localhost unless told otherwise, and says so.
"""

from __future__ import annotations

import argparse
import shlex
import socket
import sys

from trodden.models.errors import StoreError

from .common import add_study_arg, info, open_study, warn

NO_AUTH_WARNING = (
    "trodden serve has NO authentication: anyone who can reach {url} can read and change this study. "
    "Use --host only on a network you trust, and stop it (ctrl+c) after the interview."
)


def _add_options(parser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument(
        "--public-url",
        default=None,
        help="the address browsers use, if not http://HOST:PORT (behind a proxy, or with --host 0.0.0.0)",
    )


def register(sub) -> None:
    parser = sub.add_parser(
        "serve",
        help="serve the guide view in a web browser (no authentication)",
        usage="trodden serve DIR [--host H] [--port P] [--public-url URL] [-- GUIDE ARGS]",
        description=(
            "Serve the interviewer's guide view over HTTP with textual-serve, for a browser. Arguments after "
            "'--' go to 'trodden guide' (e.g. -- --participant P3). Listens on 127.0.0.1 unless --host is "
            "given. There is no authentication."
        ),
    )
    add_study_arg(parser)
    _add_options(parser)
    # argparse cannot mix options after DIR with a '--' tail for another command, so the
    # rest is split by hand in split_rest().
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    parser.set_defaults(run=run)


def split_rest(args) -> tuple[argparse.Namespace, list[str]]:
    """Serve's own options given after DIR, and the arguments for ``trodden guide``.

    Guide arguments go after ``--``; others that serve does not know are passed on too
    (argparse drops a ``--`` that directly follows DIR, so it cannot be relied on).
    The guide's arguments are checked here, once, rather than in every browser tab.
    """
    rest = list(args.rest)
    own, after = (rest[: rest.index("--")], rest[rest.index("--") + 1 :]) if "--" in rest else (rest, [])
    options = argparse.ArgumentParser(prog="trodden serve", add_help=False, exit_on_error=False)
    _add_options(options)
    options.set_defaults(host=args.host, port=args.port, public_url=args.public_url)
    try:
        parsed, unknown = options.parse_known_args(own)
    except argparse.ArgumentError as error:
        raise StoreError(f"serve: {error}") from None
    guide_args = [*unknown, *after]
    from .main import build_parser

    build_parser().parse_args(["guide", str(args.dir), *guide_args])  # exits with a usage error if wrong
    return parsed, guide_args


def guide_command(study: str, guide_args: list[str]) -> str:
    """The shell command textual-serve starts per browser tab."""
    return shlex.join([sys.executable, "-m", "trodden.tui.cli", "guide", study, *guide_args])


def public_url(host: str, port: int) -> str:
    """What a browser should use: a wildcard address is no address, so name this machine."""
    if host in ("0.0.0.0", "::", ""):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
                probe.connect(("192.0.2.1", 9))  # no packet is sent; picks the outgoing interface
                host = probe.getsockname()[0]
        except OSError:
            host = socket.gethostname()
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def run(args) -> int:
    store = open_study(args.dir)  # a clear error now, not in every browser tab
    options, guide_args = split_rest(args)
    if not 0 < options.port < 65536:
        raise StoreError(f"--port {options.port} is not a port number (1-65535)")
    try:
        from textual_serve.server import Server
    except ImportError:
        raise StoreError("textual-serve is not installed; pip install textual-serve") from None
    url = options.public_url or public_url(options.host, options.port)
    command = guide_command(str(store.path.resolve()), guide_args)
    warn(NO_AUTH_WARNING.format(url=url))
    info(f"open {url} in a browser")
    server = Server(
        command, host=options.host, port=options.port, title=f"trodden · {store.study.name}", public_url=url
    )
    server.serve()
    return 0
