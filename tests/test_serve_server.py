"""The guarded server on a real socket (127.0.0.1, a free port), tried as a stranger and as the tablet.

In-process: ``GuardedServer``'s aiohttp app on ``127.0.0.1:0``; each tab's command is a tiny
stand-in Textual-serve app (it greets, then waits), so these tests check the door, not the guide.
test_guide_serve.py runs the real ``trodden serve`` with the real guide behind it.
"""

from __future__ import annotations

import asyncio
import logging
import shlex
import ssl
import sys
import textwrap
from pathlib import Path

import aiohttp
from aiohttp import web
from guide_study import run_async

from trodden.tui.cli.serve_guard import Guard
from trodden.tui.cli.serve_server import RUNNER_OPTIONS, GuardedServer, VisibleFormatter
from trodden.tui.cli.serve_tls import tls_context

TIMEOUT = aiohttp.ClientTimeout(total=20)
TLS = Path(__file__).parent / "data" / "tls"
"""A self-signed certificate for localhost and 127.0.0.1 (until 2126) and its key: for these tests only."""

STAND_IN = textwrap.dedent(
    """
    import sys
    out = sys.stdout.buffer
    out.write(b"__GANGLION__\\n")
    payload = "hej från fliken".encode()
    out.write(b"D" + len(payload).to_bytes(4, "big") + payload)
    out.flush()
    source = sys.stdin.buffer
    while kind := source.read(1):  # like Textual's web driver: until a "quit" meta packet
        body = source.read(int.from_bytes(source.read(4), "big"))
        if kind == b"M" and b'"quit"' in body:
            break
    """
)


async def until(condition, what: str, timeout: float = 20.0) -> None:
    """Let the server's loop run until ``condition()`` holds (bounded)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.01)


class Served:
    """A GuardedServer listening on 127.0.0.1 for one test."""

    def __init__(self, tmp_path, *, tls: bool = False) -> None:
        self.tls = tls_context(TLS / "cert.pem", TLS / "key.pem") if tls else None
        self.scheme = "https" if tls else "http"
        script = tmp_path / "stand_in.py"
        script.write_text(STAND_IN, encoding="utf-8")
        self.command = shlex.join([sys.executable, str(script)])
        self.records: list[str] = []

    async def __aenter__(self) -> Served:
        # listen on port 0 first, then guard the port we got
        self.guard = Guard.for_address("127.0.0.1", 1, "http://127.0.0.1:1", token="hemlig-token")
        server = GuardedServer(
            self.command, guard=self.guard, host="127.0.0.1", port=0, title="trodden · Ett grönt hem", public_url=""
        )
        self.server = server
        self.runner = web.AppRunner(await server.make_app(), **RUNNER_OPTIONS)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0, ssl_context=self.tls)
        await site.start()
        self.port = self.runner.addresses[0][1]
        self.base = f"{self.scheme}://127.0.0.1:{self.port}"
        server.guard = self.guard = Guard.for_address("127.0.0.1", self.port, self.base, token="hemlig-token")
        handler = logging.Handler()
        handler.emit = lambda record: self.records.append(record.getMessage())  # type: ignore[method-assign]
        self.handler = handler
        logging.getLogger("trodden.serve").addHandler(handler)
        logging.getLogger("trodden.serve").setLevel(logging.INFO)
        trusted = ssl.create_default_context(cafile=str(TLS / "cert.pem"))  # the tablet trusts the certificate
        self.session = aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True), timeout=TIMEOUT, connector=aiohttp.TCPConnector(ssl=trusted)
        )
        return self

    async def __aexit__(self, *exc) -> None:
        await self.session.close()
        logging.getLogger("trodden.serve").removeHandler(self.handler)
        await self.runner.cleanup()

    async def get(self, path: str, **kwargs) -> tuple[int, str, aiohttp.ClientResponse]:
        async with self.session.get(self.base + path, allow_redirects=False, **kwargs) as response:
            return response.status, await response.text(), response

    async def login(self) -> str:
        """The tablet opens the printed address: a cookie, and on to the same page without the token."""
        status, _, response = await self.get("/?token=hemlig-token&fontsize=20")
        assert status == 303 and response.headers["Location"] == "/?fontsize=20"
        return response.headers["Set-Cookie"]

    async def ws_status(self, *, origin: str | None, host: str | None = None, cookie: bool = True) -> int:
        headers = {"Host": host} if host else {}
        if origin is not None:
            headers["Origin"] = origin
        session = self.session if cookie else aiohttp.ClientSession(timeout=TIMEOUT)
        try:
            async with session.ws_connect(self.base + "/ws?width=80&height=24", headers=headers) as ws:
                message = await asyncio.wait_for(ws.receive(), 20)
                assert message.type == aiohttp.WSMsgType.BINARY and message.data == "hej från fliken".encode()
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status
        finally:
            if not cookie:
                await session.close()


@run_async
async def test_no_token_wrong_token_then_the_right_one(tmp_path):
    async with Served(tmp_path) as served:
        for path in ("/", "/ws", "/static/js/textual.js", "/static/", "/download/x", "/nothing"):
            status, text, _ = await served.get(path)
            assert status == 403, path
            assert "textual" not in text.lower()
        status, _, _ = await served.get("/?token=hemlig-tokeN")
        assert status == 403
        cookie = [part.strip() for part in (await served.login()).split(";")]
        assert cookie[0] == f"{served.guard.cookie_name}=hemlig-token"
        assert {"HttpOnly", "SameSite=Strict", "Path=/"} <= set(cookie)
        status, page, response = await served.get("/?fontsize=20")
        assert status == 200
        assert "trodden · Ett grönt hem" in page
        assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws"' in page
        assert "hemlig-token" not in page
        assert response.headers["X-Frame-Options"] == "DENY" and response.headers["Referrer-Policy"] == "no-referrer"
        status, script, _ = await served.get("/static/js/textual.js")
        assert status == 200 and "WebSocket" in script
        assert (await served.get("/static/"))[0] == 403, "no directory listing"
        assert (await served.get("/download/x"))[0] == 404, "textual-serve's download route is not served"
        # a wrong token in the URL is refused even with the right cookie
        assert (await served.get("/?token=fel"))[0] == 403
    logged = "\n".join(served.records)
    assert "GET / 403" in logged and "GET / 200" in logged
    assert "hemlig-token" not in logged and "fel" not in logged, "the query string reached the log"


@run_async
async def test_foreign_host_is_refused_even_with_the_token(tmp_path):
    async with Served(tmp_path) as served:
        evil = {"Host": f"evil.example:{served.port}"}
        assert (await served.get("/?token=hemlig-token", headers=evil))[0] == 403
        await served.login()
        assert (await served.get("/", headers=evil))[0] == 403
        assert (await served.get("/", headers={"Host": f"localhost:{served.port}"}))[0] == 200
        assert (await served.get("/", headers={"Host": f"127.0.0.1:{served.port + 1}"}))[0] == 403
        assert await served.ws_status(origin=served.base, host=f"evil.example:{served.port}") == 403


@run_async
async def test_websocket_needs_the_cookie_and_the_served_origin(tmp_path):
    async with Served(tmp_path) as served:
        assert await served.ws_status(origin=served.base) == 403, "no token yet"
        await served.login()
        assert await served.ws_status(origin="http://evil.example") == 403, "cross-site WebSocket hijacking"
        assert await served.ws_status(origin=None) == 403, "an upgrade without Origin"
        assert await served.ws_status(origin="null") == 403
        assert await served.ws_status(origin=served.base, cookie=False) == 403
        assert await served.ws_status(origin=served.base) == 101
        # a page elsewhere cannot read the guide's page either
        status, _, _ = await served.get("/", headers={"Origin": "http://evil.example"})
        assert status == 403


@run_async
async def test_tabs_are_capped(tmp_path, monkeypatch):
    import trodden.tui.cli.serve_server as serve_server

    monkeypatch.setattr(serve_server, "MAX_TABS", 1)
    async with Served(tmp_path) as served:
        await served.login()
        async with served.session.ws_connect(served.base + "/ws", origin=served.base) as first:
            assert (await asyncio.wait_for(first.receive(), 20)).type == aiohttp.WSMsgType.BINARY
            assert await served.ws_status(origin=served.base) == 503
        await until(lambda: served.server.tabs == 0, "the closed tab's process ends")
        assert await served.ws_status(origin=served.base) == 101, "a closed tab frees its place"


def test_log_lines_show_control_characters_instead_of_running_them():
    record = logging.LogRecord(
        "trodden.serve", logging.INFO, __file__, 1, "%s", ("/\x1b]52;c;cHduZWQ=\x07\x9b2J",), None
    )
    line = VisibleFormatter("%(message)s").format(record)
    assert "\x1b" not in line and "\x07" not in line and "\x9b" not in line
    assert "52;c;cHduZWQ=" in line


@run_async
async def test_with_tls_the_door_is_https_and_the_cookie_secure(tmp_path):
    """--tls-cert/--tls-key: the same checks over https, the token's cookie only sent encrypted, the
    guide's WebSocket wss://, and a plain-HTTP request to the port gets no page at all."""
    async with Served(tmp_path, tls=True) as served:
        assert (await served.get("/"))[0] == 403
        cookie = [part.strip() for part in (await served.login()).split(";")]
        assert "Secure" in cookie and "HttpOnly" in cookie
        status, page, _ = await served.get("/?fontsize=20")
        assert status == 200 and f'data-session-websocket-url="wss://127.0.0.1:{served.port}/ws"' in page
        assert await served.ws_status(origin=served.base) == 101
        assert await served.ws_status(origin=f"http://127.0.0.1:{served.port}") == 403, "the http origin is not ours"
        plain = f"http://127.0.0.1:{served.port}/?token=hemlig-token"
        async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
            try:
                async with session.get(plain, allow_redirects=False) as response:
                    answered = response.status
            except aiohttp.ClientError:
                answered = None
        assert answered in (None, 400), "plain HTTP must not reach the guarded app"
