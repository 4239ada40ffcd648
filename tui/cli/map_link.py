"""``trodden map DIR --host`` / ``--join URL``: the shared map live over a WebSocket, no shared folder.

The host serves its map session at ``ws://HOST:PORT/map?token=...`` (aiohttp, already there
for ``trodden serve``) behind the same rules as ``trodden serve`` (``serve_guard``): the token
(compared in constant time), the Host header (DNS rebinding) and the Origin header, required
on the upgrade; with ``--tls-cert``/``--tls-key`` at ``wss://`` (``serve_tls``), and a joiner
trusts the system's certificate authorities or the certificate given with ``--tls-ca``. A joiner
opens the map in its own copy of the study and connects.

The messages are binary, a tag byte then a Yjs payload: ``S`` + a state vector ("this is what I
have": the answer is ``U`` with what it lacks), ``U`` + an update (merged, kept in the receiver's
own ``map/<who>.updates``, and passed on by the host to its other peers). Each side sends its
``S`` on connecting, so a joiner that was offline catches up both ways. A joiner whose host
goes away tries again every 2 s. Only traffic between the team's machines: no cloud, no account.
"""

from __future__ import annotations

import asyncio
import ssl
import threading
from urllib.parse import urlsplit

from aiohttp import (
    ClientConnectorCertificateError,
    ClientError,
    ClientSession,
    ClientTimeout,
    TCPConnector,
    WSMsgType,
    WSServerHandshakeError,
    web,
)

from trodden.models.errors import StoreError, system_reason
from trodden.models.import_checks import regular_file
from trodden.models.map.map_session import MapSession
from trodden.tui.i18n import N_, _

from .serve_guard import TOKEN_PARAM, Guard

PATH = "/map"
MAX_MESSAGE = 64 << 20
RETRY = 2.0


class MapLink:
    """One process's live link: a host (``serve``) or a joiner (``join``), on a thread of its own."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.peers: set = set()
        self.session: MapSession | None = None
        self.received = threading.Event()
        """set whenever an update from a peer changed the map (tests wait on it)"""
        self.ready = threading.Event()
        self.attached = threading.Event()
        self.error: BaseException | None = None
        self.note = ""
        """what the board's banner says about this link"""
        self.port = 0
        self._thread = threading.Thread(target=self.loop.run_forever, name="map-link", daemon=True)
        self._runner: web.AppRunner | None = None
        self._stopping = False

    # --- plumbing shared by both ends

    def attach(self, session: MapSession) -> None:
        """Link ``session`` (once the screen has opened it): its own edits go to every peer from now on."""
        self.session = session
        session.listeners.append(lambda update: self._soon(self._broadcast(b"U" + update)))
        self.attached.set()

    def _soon(self, coroutine) -> None:
        if self._stopping:
            coroutine.close()
            return
        asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    async def _broadcast(self, message: bytes, but=None) -> None:
        for peer in list(self.peers):
            if peer is not but and not peer.closed:
                try:
                    await peer.send_bytes(message)
                except (ConnectionError, RuntimeError):
                    self.peers.discard(peer)

    async def _talk(self, ws, *, relay: bool) -> None:
        """Greet a peer with our state, then answer and merge what it sends until it goes."""
        await self.loop.run_in_executor(None, self.attached.wait)  # the screen is still opening the map
        session = self.session
        assert session is not None
        self.peers.add(ws)
        try:
            await ws.send_bytes(b"S" + session.state())
            async for message in ws:
                if message.type != WSMsgType.BINARY or not message.data:
                    continue
                tag, payload = message.data[:1], message.data[1:]
                if tag == b"S":
                    await ws.send_bytes(b"U" + await self.loop.run_in_executor(None, session.missing, payload))
                elif tag == b"U" and await self.loop.run_in_executor(None, session.receive, payload):
                    self.received.set()
                    if relay:
                        await self._broadcast(message.data, but=ws)
        finally:
            self.peers.discard(ws)

    def stop(self) -> None:
        self._stopping = True

        async def close() -> None:
            for peer in list(self.peers):
                await peer.close()
            if self._runner is not None:
                await self._runner.cleanup()

        if self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(close(), self.loop).result(timeout=10)
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=10)

    # --- the host

    def serve(self, listen: str, port: int, guard_for, tls: ssl.SSLContext | None = None) -> Guard:
        """Listen (``attach`` gives the session), over TLS with ``tls``; ``guard_for(port)`` makes the
        guard once the port is known."""
        self._thread.start()
        serving = self._serve(listen, port, guard_for, tls)
        return asyncio.run_coroutine_threadsafe(serving, self.loop).result(timeout=30)

    async def _serve(self, listen: str, port: int, guard_for, tls: ssl.SSLContext | None) -> Guard:
        holder: dict[str, Guard] = {}

        async def handle(request: web.Request) -> web.StreamResponse:
            guard = holder["guard"]
            if not (
                guard.host_ok(request.headers.get("Host"))
                and guard.origin_ok(request.headers.get("Origin"), required=True)
                and guard.token_ok(request.query.get(TOKEN_PARAM))
            ):
                return web.Response(status=403, text="refused: wrong token, Host or Origin\n")
            ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE)
            await ws.prepare(request)
            await self._talk(ws, relay=True)
            return ws

        app = web.Application()
        app.router.add_get(PATH, handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, listen, port, ssl_context=tls)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # the port given when 0 was asked
        holder["guard"] = guard_for(self.port)
        self.ready.set()
        return holder["guard"]

    # --- a joiner

    def join(self, url: str, trust: ssl.SSLContext | None = None) -> None:
        """Connect to a host (and again whenever the connection drops); ``attach`` gives the session.
        A ``wss://`` host's certificate is checked against ``trust`` (default: the system's)."""
        self._thread.start()
        self._soon(self._join(url, trust))

    async def _join(self, url: str, trust: ssl.SSLContext | None) -> None:
        parts = urlsplit(url)
        origin = _origin(parts)
        async with ClientSession(connector=_connector(trust)) as client:
            while not self._stopping:
                try:
                    async with client.ws_connect(url, headers={"Origin": origin}, max_msg_size=MAX_MESSAGE) as ws:
                        self.ready.set()
                        await self._talk(ws, relay=False)
                except WSServerHandshakeError as error:
                    self.error = error
                    if error.status == 403:  # a wrong token stays wrong: asking again every 2 s helps nobody
                        return
                except (TimeoutError, OSError, ValueError, RuntimeError, ClientError) as error:
                    self.error = error
                if not self._stopping:
                    await asyncio.sleep(RETRY)


def map_url(guard: Guard, public: str) -> str:
    """``ws://host:port/map?token=...``: what a joiner passes to ``--join``."""
    base = public.rstrip("/").replace("http://", "ws://", 1).replace("https://", "wss://", 1)
    return f"{base}{PATH}?{TOKEN_PARAM}={guard.token}"


def _origin(parts) -> str:
    """The Origin a joiner sends: the host's own address, as the host checks it (``serve_guard``)."""
    return f"{'https' if parts.scheme == 'wss' else 'http'}://{parts.netloc}"


def _connector(trust: ssl.SSLContext | None) -> TCPConnector:
    """Certificates always checked: against ``trust`` when given, else the system's authorities."""
    return TCPConnector(ssl=trust if trust is not None else True)


def trusting(ca_file) -> ssl.SSLContext:
    """A client context that trusts the certificate (or authority) in ``ca_file`` (``--tls-ca``)."""
    try:
        regular_file(ca_file, N_("a PEM file"))  # a pipe would be waited on, a device read forever
        return ssl.create_default_context(cafile=str(ca_file))
    except OSError as error:
        reason = system_reason(error) if not isinstance(error, ssl.SSLError) else (error.reason or str(error))
        said = _("--tls-ca {path} is not a certificate to trust ({reason})")
        raise StoreError(said.format(path=ca_file, reason=reason)) from None


def join_problem(url: str, trust: ssl.SSLContext | None = None) -> str | None:
    """Why ``--join URL`` cannot work, found before the board opens; None if it may (a host not
    answering yet is fine: the joiner keeps trying). A URL that is not the host's ``ws://`` address
    with its token, or a host that refuses the token, Host or Origin, is said at once instead of a
    board that waits for edits forever."""
    parts = urlsplit(url)
    if parts.scheme not in ("ws", "wss") or not parts.hostname or f"{TOKEN_PARAM}=" not in parts.query:
        said = _(
            "--join {url} is not a map's address: give the ws://HOST:PORT/map?{param}=... line"
            " that 'trodden map DIR --host' printed, whole"
        )
        return said.format(url=repr(url), param=TOKEN_PARAM)

    async def knock() -> int | str | None:
        origin = _origin(parts)
        async with ClientSession(timeout=ClientTimeout(total=10), connector=_connector(trust)) as client:
            try:
                async with client.ws_connect(url, headers={"Origin": origin}, max_msg_size=MAX_MESSAGE):
                    return 101
            except WSServerHandshakeError as error:
                return error.status
            except ClientConnectorCertificateError:
                return "certificate"
            except (TimeoutError, OSError, ValueError, RuntimeError, ClientError):
                return None

    status = asyncio.run(knock())
    if status == "certificate":
        said = _(
            "the host at {host} has a certificate this machine does not trust: give --tls-ca FILE"
            " (the host's certificate, or the authority that made it)"
        )
        return said.format(host=parts.netloc)
    if status == 403:
        said = _(
            "the host at {host} refused to join: the token is wrong or from an earlier run"
            " (each --host prints a new one), or the address differs from the one it printed; copy its line again"
        )
        return said.format(host=parts.netloc)
    if status not in (None, 101):
        return _("{host} answered {status}: it is not a trodden map served with --host").format(
            host=parts.netloc, status=status
        )
    return None
