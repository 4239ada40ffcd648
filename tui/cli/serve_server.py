"""The guarded web server behind ``trodden serve``: textual-serve with every request checked first.

textual-serve's ``Server`` (aiohttp) answers anyone: no token, any Host, any Origin, and a
directory listing of its static files. ``GuardedServer`` keeps its page, static files and
WebSocket handler (which runs one process per browser tab) and puts serve_guard.py's rules
in front of all of them, as one middleware, so no route is reachable without them:

- wrong Host, foreign or missing Origin on a WebSocket, foreign Origin anywhere: 403;
- no or wrong token (``?token=`` or the cookie made from it): 403;
- ``/?token=`` right: a cookie and a redirect to ``/``, so the token leaves the address bar.

Only ``/``, ``/ws`` and ``/static/*`` exist (textual-serve's ``/download`` is not routed: the
guide delivers no files). The page's own URLs are built from the checked Host, so a page
opened as ``localhost`` talks to ``localhost``, where its cookie is. Logs carry no query
strings (the token never reaches them) and no control characters.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import ssl
import sys
from typing import Any
from urllib.parse import urlencode

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from trodden.models.names import visible

from .serve_guard import TOKEN_PARAM, Guard, parse_host

log = logging.getLogger("trodden.serve")

MAX_TABS = 6
"""Browser tabs served at once (each is a process): enough for a room, not a fork bomb."""

SECURITY_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}

REFUSED_ADDRESS = "403 Forbidden: trodden serve answers only on the address it printed."
REFUSED_ORIGIN = "403 Forbidden: a page on another address may not use this guide."
REFUSED_TOKEN = (
    "403 Forbidden: open the full address trodden serve printed (with its ?token=...). "
    "The browser must accept cookies from this address."
)


class VisibleFormatter(logging.Formatter):
    """Log lines for a terminal: whatever a request put in them, control characters are shown, not run."""

    def format(self, record: logging.LogRecord) -> str:
        return visible(super().format(record))


class PathOnlyAccessLogger(AbstractAccessLogger):
    """One line per request without the query string, so the token is never logged."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info("%s %s %s %s", request.remote, request.method, request.path, response.status)


RUNNER_OPTIONS: dict[str, Any] = {"access_log_class": PathOnlyAccessLogger, "access_log": log}
"""How the app is run, by ``serve`` and by the tests alike."""


class TabService(AppService):
    """textual-serve's per-tab process, waited for when the tab goes (no zombie, no process outliving serve)."""

    async def stop(self) -> None:
        try:
            await asyncio.wait_for(super().stop(), 10.0)  # asks the app to quit, reads its last output
        except TimeoutError:
            pass
        process = self._process
        if process is None or process.returncode is not None:
            return
        try:
            await asyncio.wait_for(process.wait(), 5.0)
        except TimeoutError:
            process.kill()
            await process.wait()


def _forbidden(text: str) -> web.Response:
    return web.Response(status=403, text=text, headers=SECURITY_HEADERS)


class GuardedServer(Server):
    """textual-serve's server behind the token, Host and Origin checks of ``guard``."""

    def __init__(self, command: str, *, guard: Guard, host: str, port: int, title: str, public_url: str) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url)
        self.guard = guard
        self.tabs = 0

    # ----------------------------------------------------------------- the app
    async def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.check_request])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path), autoescape=True)
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        return app

    _make_app = make_app  # what textual-serve's own code would call

    @web.middleware
    async def check_request(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Every request, before any route: Host, then Origin, then the token."""
        guard = self.guard
        if not guard.host_ok(request.headers.get("Host")):
            return _forbidden(REFUSED_ADDRESS)
        upgrade = request.headers.get("Upgrade", "").lower() == "websocket"
        if not guard.origin_ok(request.headers.get("Origin"), required=upgrade):
            return _forbidden(REFUSED_ORIGIN)
        given = request.query.get(TOKEN_PARAM)
        if given is not None:
            if not guard.token_ok(given):
                return _forbidden(REFUSED_TOKEN)
            if request.path == "/" and not upgrade:
                return self._remember(request)
        elif not guard.token_ok(request.cookies.get(guard.cookie_name)):
            return _forbidden(REFUSED_TOKEN)
        response = await handler(request)
        if not response.prepared:
            response.headers.update(SECURITY_HEADERS)
        return response

    def _remember(self, request: web.Request) -> web.Response:
        """The token becomes a cookie; the browser goes on to the same page without it in the URL."""
        rest = [(key, value) for key, value in request.query.items() if key != TOKEN_PARAM]
        response = web.Response(
            status=303, headers={**SECURITY_HEADERS, "Location": "/" + (f"?{urlencode(rest)}" if rest else "")}
        )
        response.set_cookie(self.guard.cookie_name, self.guard.token, **self.guard.cookie_attributes())
        return response

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """textual-serve's page, its URLs on the (checked) address the browser used."""
        host = request.headers["Host"]  # checked by check_request: one of the served addresses
        secure = self.guard.scheme_for(parse_host(host, self.guard.scheme)) == "https"
        return {
            "font_size": max(6, min(to_int(request.query.get("fontsize", "16"), 16), 64)),
            "app_websocket_url": f"{'wss' if secure else 'ws'}://{host}/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        """One guide process per tab, up to ``MAX_TABS`` at once; the process is reaped when the tab goes.

        textual-serve's own handler, but with ``TabService``, sizes kept sane and the count of tabs.
        """
        if self.tabs >= MAX_TABS:
            return web.Response(status=503, text=f"503: {MAX_TABS} tabs are open already; close one.")
        width = max(20, min(to_int(request.query.get("width", "80"), 80), 500))
        height = max(5, min(to_int(request.query.get("height", "24"), 24), 200))
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=1 << 20)
        self.tabs += 1
        service: TabService | None = None
        try:
            await websocket.prepare(request)
            service = TabService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
            )
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.warning("a tab ended with an error: %s", error)
        finally:
            if service is not None:
                await service.stop()
            self.tabs -= 1
        return websocket

    # --------------------------------------------------------------- running
    def initialize_logging(self) -> None:
        """Plain lines on stderr through ``VisibleFormatter``; no tracebacks with local variables."""
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(VisibleFormatter("%(asctime)s %(message)s", datefmt="%H:%M:%S"))
        for name in ("trodden.serve", "textual-serve", "aiohttp"):
            logger = logging.getLogger(name)
            logger.handlers[:] = [handler]
            logger.setLevel(logging.INFO)
            logger.propagate = False

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints its logo and the command here; trodden serve says what matters itself."""

    def serve(
        self, debug: bool = False, *, sock: socket.socket | None = None, ssl_context: ssl.SSLContext | None = None
    ) -> None:
        """Run until ctrl+c; on ``sock`` if given (bound early, so a busy port is said before anything
        starts); https with ``ssl_context`` (``serve_tls``)."""
        self.initialize_logging()
        web.run_app(
            self.make_app(),
            **({"sock": sock} if sock is not None else {"host": self.host, "port": self.port}),
            ssl_context=ssl_context,
            print=None,
            shutdown_timeout=3.0,
            **RUNNER_OPTIONS,
        )
