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


def register(sub) -> None:
    parser = sub.add_parser(
        "serve",
        help="serve the guide view in a web browser (no authentication)",
        description=(
            "Serve the interviewer's guide view over HTTP with textual-serve, for a browser. Arguments after "
            "'--' go to 'trodden guide' (e.g. -- --participant P3). Listens on 127.0.0.1 unless --host is "
            "given. There is no authentication."
        ),
    )
    add_study_arg(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument(
        "--public-url",
        default=None,
        help="the address browsers use, if not http://HOST:PORT (behind a proxy, or with --host 0.0.0.0)",
    )
    parser.add_argument("guide_args", nargs=argparse.REMAINDER, help="after '--': arguments for 'trodden guide'")
    parser.set_defaults(run=run)


def guide_command(study: str, guide_args: list[str]) -> str:
    """The shell command textual-serve starts per browser tab."""
    args = guide_args[1:] if guide_args and guide_args[0] == "--" else guide_args
    return shlex.join([sys.executable, "-m", "trodden.tui.cli", "guide", study, *args])


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
    if not 0 < args.port < 65536:
        raise StoreError(f"--port {args.port} is not a port number (1-65535)")
    try:
        from textual_serve.server import Server
    except ImportError:
        raise StoreError("textual-serve is not installed; pip install textual-serve") from None
    url = args.public_url or public_url(args.host, args.port)
    command = guide_command(str(store.path.resolve()), list(args.guide_args))
    warn(NO_AUTH_WARNING.format(url=url))
    info(f"open {url} in a browser")
    server = Server(command, host=args.host, port=args.port, title=f"trodden · {store.study.name}", public_url=url)
    server.serve()
    return 0
