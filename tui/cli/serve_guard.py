"""Who may talk to ``trodden serve``: the access token, and the Host and Origin it answers to.

Pure decisions (no aiohttp), so each rule is tested on its own; serve_server.py applies them
to every request before anything else runs.

- **Token**: ``secrets.token_urlsafe(32)`` made at start, printed once in the URL. The first
  GET with ``?token=`` turns it into a cookie (HttpOnly, SameSite=Strict) and redirects to the
  bare URL, so the page, its static files and its WebSocket carry the cookie and the token
  leaves the address bar. Compared in constant time.
- **Host**: the address served (the public URL's host and port), plus ``127.0.0.1``,
  ``localhost`` and ``[::1]`` on the same port when listening on loopback. A page on another
  name that rebinds its DNS to this machine (DNS rebinding) sends its own name: refused.
- **Origin**: when a browser sends one it must be the served address; a WebSocket upgrade
  must send one (browsers always do), so a page elsewhere cannot open the guide through a
  visitor's browser (cross-site WebSocket hijacking).
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

TOKEN_PARAM = "token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")

_HOST = re.compile(r"^(?:\[(?P<v6>[0-9A-Fa-f:.]+)\]|(?P<name>[A-Za-z0-9.-]+))(?::(?P<port>[0-9]{1,5}))?$")
DEFAULT_PORTS = {"http": 80, "https": 443}

Address = tuple[str, int]
"""(host in lower case, without IPv6 brackets; port)."""


def new_token() -> str:
    return secrets.token_urlsafe(32)


def parse_host(value: str, scheme: str = "http") -> Address | None:
    """``host[:port]`` as browsers send it in Host; None for anything else (user info, paths, junk)."""
    found = _HOST.match(value.strip()) if value else None
    if found is None:
        return None
    host = (found["v6"] or found["name"]).lower().rstrip(".")
    port = int(found["port"]) if found["port"] else DEFAULT_PORTS.get(scheme, 80)
    if not 0 < port < 65536:
        return None
    return host, port


def parse_origin(value: str) -> tuple[str, Address] | None:
    """``scheme://host[:port]`` (an Origin header) as (scheme, address); None for ``null`` or junk."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or parts.path or parts.query or parts.fragment or "@" in parts.netloc:
        return None
    address = parse_host(parts.netloc, parts.scheme)
    return (parts.scheme, address) if address else None


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Guard:
    """The token and the addresses one ``trodden serve`` answers to."""

    token: str
    scheme: str
    """The public URL's scheme (https behind a proxy that terminates TLS)."""
    public: Address
    hosts: frozenset[Address]
    """``public`` and, when listening on loopback, the loopback names on the listening port."""
    cookie_name: str

    @classmethod
    def for_address(cls, listen_host: str, port: int, public_url: str, token: str | None = None) -> Guard:
        """The public URL's address, plus the loopback names when listening on loopback."""
        parts = urlsplit(public_url)
        scheme = parts.scheme if parts.scheme in DEFAULT_PORTS else "http"
        public = parse_host(parts.netloc, scheme)
        if public is None:
            raise ValueError(f"not an address: {public_url!r}")
        hosts = {public}
        if is_loopback(listen_host):
            hosts |= {(name, port) for name in LOOPBACK_NAMES}
        # Cookies are kept per host, not per port: two serves on one machine keep apart by name.
        return cls(token or new_token(), scheme, public, frozenset(hosts), f"trodden_serve_{port}")

    def host_ok(self, value: str | None) -> bool:
        address = parse_host(value or "", self.scheme)
        return address is not None and address in self.hosts

    def origin_ok(self, value: str | None, *, required: bool) -> bool:
        """A missing Origin passes only where browsers may leave it out (plain GETs)."""
        if value is None:
            return not required
        origin = parse_origin(value)
        if origin is None:
            return False
        scheme, address = origin
        return address in self.hosts and scheme == self.scheme_for(address)

    def scheme_for(self, address: Address | None) -> str:
        """The public address is reached with the public scheme; the loopback names over plain http."""
        return self.scheme if address == self.public else "http"

    def token_ok(self, value: str | None) -> bool:
        if not value:
            return False
        return hmac.compare_digest(value.encode("utf-8", "replace"), self.token.encode("utf-8"))

    def url(self, public_url: str) -> str:
        """The address to open, token included: printed once, at start."""
        return f"{public_url.rstrip('/')}/?{TOKEN_PARAM}={self.token}"

    def cookie_attributes(self) -> dict[str, object]:
        """For aiohttp's ``set_cookie``: a session cookie only this page's own requests carry."""
        return {"httponly": True, "samesite": "Strict", "path": "/", "secure": self.scheme == "https"}
