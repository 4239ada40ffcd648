"""``trodden serve DIR [--participant CODE | --interview ID] [--allow-edit-guide] [--host H] [--port P] [--tls-cert F --tls-key F]``.

For an interviewer without a terminal (a tablet on the table): the guide view of one interview
in a browser, through textual-serve, which runs a process per tab over a WebSocket. A meeting
room is not a private terminal, so (serve_server.py, serve_guard.py):

- a random token made at start is printed once, in the URL (and as a QR code on a terminal);
  every request needs it, else 403;
- Host and Origin must be the served address, else 403 (DNS rebinding, cross-site WebSocket);
- each tab runs serve_tab.py: the guide view of the one interview resolved here, as a served
  app (tui/guide/served.py) that reaches no other screen, no file import, no screenshot; the
  guide editor only with ``--allow-edit-guide``;
- with ``--tls-cert`` and ``--tls-key`` the address is https:// (serve_tls.py); without them a
  serve on the network is plain HTTP, and says so.
"""

from __future__ import annotations

import argparse
import shlex
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from trodden.models.errors import StoreError
from trodden.models.names import visible
from trodden.models.natural_sort import natural_sorted
from trodden.tui.i18n import _, ngettext

from .common import add_study_arg, add_ui_lang_arg, info, open_study, participant_code, warn

if TYPE_CHECKING:
    from trodden.models.domain import Interview
    from trodden.models.storage.store import StudyStore


def _add_options(parser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help=_("address to listen on (default: 127.0.0.1, this machine)")
    )
    parser.add_argument("--port", type=int, default=8000, help=_("port (default: 8000)"))
    parser.add_argument(
        "--public-url",
        default=None,
        help=_(
            "the address browsers use, if not http://HOST:PORT (behind a proxy, or with --host 0.0.0.0); "
            "the only address served"
        ),
    )
    parser.add_argument(
        "--tls-cert",
        metavar="FILE",
        type=Path,
        help=_("serve https: the certificate (PEM) the tablet trusts; with --tls-key"),
    )
    parser.add_argument(
        "--tls-key", metavar="FILE", type=Path, help=_("the certificate's private key (PEM, without a passphrase)")
    )
    parser.add_argument(
        "--participant",
        metavar="CODE",
        type=participant_code,
        help=_("serve this participant's interview (joined or started)"),
    )
    parser.add_argument("--interview", metavar="ID", help=_("serve this interview (id, or a participant code)"))
    parser.add_argument(
        "--allow-edit-guide",
        action="store_true",
        help=_("let the browser open the guide editor from the guide view (never its file import)"),
    )
    add_ui_lang_arg(parser)


def register(sub) -> None:
    parser = sub.add_parser(
        "serve",
        help=_("serve one interview's guide view in a web browser (with an access token)"),
        usage=(
            "trodden serve DIR [--participant CODE | --interview ID] [--allow-edit-guide] "
            "[--host H] [--port P] [--public-url URL] [--tls-cert FILE --tls-key FILE] [--ui-lang en|sv|da]"
        ),
        description=(
            _(
                "Serve the guide view of one interview over HTTP with textual-serve, for a browser (a tablet on "
                "the table). Give --participant or --interview; with neither, the one interview under way is "
                "served. Prints an address with a random access token: every request needs it, and only that "
                "address (Host and Origin) is answered. The browser gets the guide view only. Listens on "
                "127.0.0.1 unless --host is given; on a shared network give --tls-cert and --tls-key, so the "
                "address and the guide are encrypted (https)."
            )
        ),
    )
    add_study_arg(parser)
    _add_options(parser)
    # argparse cannot mix options after DIR with a '--' tail (the old '-- --participant P3' form),
    # so the rest is split by hand in split_rest().
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    parser.set_defaults(run=run)


def split_rest(args) -> argparse.Namespace:
    """Serve's options, wherever they were given: before DIR, after it, or after ``--``."""
    rest = [word for word in args.rest if word != "--"]
    if "--edit" in rest:
        raise StoreError(
            "serve: " + _("the guide editor is not served on its own; --allow-edit-guide opens it from the guide")
        )
    options = argparse.ArgumentParser(prog="trodden serve", add_help=False, exit_on_error=False)
    _add_options(options)
    options.set_defaults(**{key: value for key, value in vars(args).items() if key not in ("rest", "run", "dir")})
    try:
        parsed, unknown = options.parse_known_args(rest)
    except argparse.ArgumentError as error:
        raise StoreError(f"serve: {error}") from None
    if unknown:
        unknown_text = ngettext(
            "unknown argument {words} (see 'trodden serve --help')",
            "unknown arguments {words} (see 'trodden serve --help')",
            len(unknown),
        ).format(words=shlex.join(unknown))
        raise StoreError("serve: " + unknown_text)
    if parsed.participant and parsed.interview:
        raise StoreError("serve: " + _("give --participant or --interview, not both"))
    from .serve_tls import half_given

    if half := half_given(parsed.tls_cert, parsed.tls_key):
        raise StoreError("serve: " + half)
    if not 0 < parsed.port < 65536:
        raise StoreError(_("--port {port} is not a port number (1-65535)").format(port=parsed.port))
    return parsed


def served_interview(store: StudyStore, participant: str | None, interview: str | None) -> Interview:
    """The one interview the browser gets: given, joined or started; else the only one under way."""
    from trodden.models.storage.interviews import UNFINISHED, find_or_start

    if participant or interview:
        return find_or_start(store, participant=participant, interview=interview)
    under_way = [found for found in store.interviews()[0] if found.status in UNFINISHED]
    if len(under_way) == 1:
        serving = _("serving the one interview under way: {participant} ({interview})")
        info(serving.format(participant=visible(under_way[0].participant), interview=under_way[0].id))
        return under_way[0]
    if not under_way:
        none = _("no interview is under way: give --participant CODE (to start one) or --interview ID")
        raise StoreError("serve: " + none)
    codes = ", ".join(natural_sorted(visible(found.participant) for found in under_way))
    several = _("{n} interviews are under way ({codes}): choose one with --participant CODE")
    raise StoreError("serve: " + several.format(n=len(under_way), codes=codes))


def tab_command(study: str, interview_id: str, allow_edit_guide: bool, ui_lang: str | None = None) -> str:
    """The shell command textual-serve starts per browser tab: the served guide view, nothing else."""
    words = [sys.executable, "-m", "trodden.tui.cli.serve_tab", study, interview_id]
    words += ["--allow-edit-guide"] if allow_edit_guide else []
    return shlex.join([*words, "--ui-lang", ui_lang] if ui_lang else words)


def public_url(host: str, port: int, scheme: str = "http") -> str:
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
    return f"{scheme}://{host}:{port}"


def qr_text(url: str) -> str:
    """The address as a QR code in text (half blocks), for a tablet's camera."""
    import io

    import segno

    out = io.StringIO()
    segno.make(url, error="L").terminal(out=out, compact=True)
    return out.getvalue()


def run(args) -> int:
    store = open_study(args.dir)  # a clear error now, not in every browser tab
    options = split_rest(args)
    try:
        from textual_serve.server import Server  # noqa: F401  (checked before the interview is started)
    except ImportError:
        raise StoreError(_("textual-serve is not installed; pip install textual-serve")) from None
    from .serve_guard import Guard, is_loopback
    from .serve_server import GuardedServer
    from .serve_tls import tls_context

    tls = tls_context(options.tls_cert, options.tls_key) if options.tls_cert else None
    base = (options.public_url or public_url(options.host, options.port, "https" if tls else "http")).rstrip("/")
    try:
        guard = Guard.for_address(options.host, options.port, base)
    except ValueError:
        wrong = _("--public-url {address} is not an http(s) address").format(address=repr(options.public_url))
        raise StoreError(wrong) from None
    if tls and guard.scheme != "https":
        wrong = _("--public-url {address} must be an https:// address when serving with --tls-cert")
        raise StoreError(wrong.format(address=repr(options.public_url)))
    try:
        family = socket.AF_INET6 if ":" in options.host else socket.AF_INET
        listening = socket.create_server((options.host.strip("[]"), options.port), family=family)
    except OSError as error:
        refused = _("cannot listen on {host} port {port}: {error}")
        raise StoreError(refused.format(host=options.host, port=options.port, error=error.strerror or error)) from None
    try:
        interview = served_interview(store, options.participant, options.interview)
    except StoreError:
        listening.close()
        raise
    command = tab_command(str(store.path.resolve()), interview.id, options.allow_edit_guide, options.ui_lang)
    address = guard.url(base)
    only = _("trodden serve: the guide view of {participant}'s interview ({interview}) only")
    info(only.format(participant=visible(interview.participant), interview=interview.id))
    info(_("Open this address on the tablet; it holds the access token, so share it only with the interviewer:"))
    info(f"  {address}")
    if sys.stderr.isatty():
        info(qr_text(address))
    if not is_loopback(options.host) and tls:
        info(_("listening on {host} (https): anyone who has the address can use this guide").format(host=options.host))
    elif not is_loopback(options.host):
        listening = _(
            "listening on {host}: anyone on this network who has the address can use this guide. "
            "It is plain HTTP (not encrypted): use a network you trust, or give --tls-cert and --tls-key."
        )
        warn(listening.format(host=options.host))
    info(_("Only this address answers. ctrl+c stops serving."))
    server = GuardedServer(
        command,
        guard=guard,
        host=options.host,
        port=options.port,
        title=f"trodden · {visible(store.study.name)}",
        public_url=base,
    )
    server.serve(sock=listening, ssl_context=tls)
    return 0
