"""serve_guard.py's rules on their own: which Host, Origin and token ``trodden serve`` answers."""

from __future__ import annotations

import pytest

from trodden.tui.cli.serve_guard import Guard, is_loopback, parse_host, parse_origin


def loopback() -> Guard:
    return Guard.for_address("127.0.0.1", 8000, "http://127.0.0.1:8000", token="rätt-token")


def lan() -> Guard:
    return Guard.for_address("0.0.0.0", 8000, "http://192.168.1.20:8000", token="t")


def test_tokens_are_random_and_long():
    first, second = (
        Guard.for_address("127.0.0.1", 1, "http://127.0.0.1:1"),
        Guard.for_address("::1", 1, "http://[::1]:1"),
    )
    assert first.token != second.token and len(first.token) >= 40


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("127.0.0.1:8000", True),
        ("localhost:8000", True),
        ("LOCALHOST:8000", True),
        ("[::1]:8000", True),
        ("127.0.0.1", False),  # port 80
        ("127.0.0.1:8001", False),
        ("evil.example:8000", False),  # DNS rebinding: the attacker's name
        ("127.0.0.1.evil.example:8000", False),
        ("user@127.0.0.1:8000", False),
        ("127.0.0.1:8000/x", False),
        ("", False),
        (None, False),
    ],
)
def test_host_on_loopback(value, ok):
    assert loopback().host_ok(value) is ok


def test_host_on_the_network_is_the_public_address_only():
    guard = lan()
    assert guard.host_ok("192.168.1.20:8000")
    assert not guard.host_ok("127.0.0.1:8000"), "loopback names are added only when listening on loopback"
    assert not guard.host_ok("localhost:8000")


@pytest.mark.parametrize(
    ("origin", "required", "ok"),
    [
        ("http://127.0.0.1:8000", True, True),
        ("http://localhost:8000", True, True),
        (None, False, True),  # a plain GET from a browser's address bar carries none
        (None, True, False),  # a WebSocket upgrade must
        ("http://evil.example", False, False),
        ("http://evil.example", True, False),
        ("https://127.0.0.1:8000", True, False),  # not what is served
        ("http://127.0.0.1:8001", True, False),
        ("null", True, False),  # sandboxed frames, file:// pages
        ("http://127.0.0.1:8000/path", True, False),
        ("http://user@127.0.0.1:8000", True, False),
    ],
)
def test_origin(origin, required, ok):
    assert loopback().origin_ok(origin, required=required) is ok


def test_behind_an_https_proxy_the_public_origin_is_https():
    guard = Guard.for_address("127.0.0.1", 8000, "https://guide.example.se", token="t")
    assert guard.host_ok("guide.example.se") and guard.host_ok("guide.example.se:443")
    assert guard.origin_ok("https://guide.example.se", required=True)
    assert not guard.origin_ok("http://guide.example.se", required=True)
    assert guard.origin_ok("http://127.0.0.1:8000", required=True)
    assert guard.cookie_attributes()["secure"] is True


def test_token_compare():
    guard = loopback()
    assert guard.token_ok("rätt-token")
    for wrong in ("", None, "rätt-toke", "rätt-token ", "RÄTT-TOKEN", "\udcff"):
        assert not guard.token_ok(wrong), wrong


def test_url_and_cookie():
    guard = loopback()
    assert guard.url("http://127.0.0.1:8000/") == "http://127.0.0.1:8000/?token=rätt-token"
    assert guard.cookie_name == "trodden_serve_8000"
    attributes = guard.cookie_attributes()
    assert attributes["httponly"] is True and attributes["samesite"] == "Strict" and attributes["secure"] is False


def test_parsers():
    assert parse_host("Example.SE.:8080") == ("example.se", 8080)
    assert parse_host("[::1]") == ("::1", 80)
    assert parse_host("example.se", "https") == ("example.se", 443)
    assert parse_host("a:99999") is None
    assert parse_origin("https://example.se") == ("https", ("example.se", 443))
    assert parse_origin("ftp://example.se") is None
    assert is_loopback("127.0.0.2") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20")
    with pytest.raises(ValueError):
        Guard.for_address("127.0.0.1", 8000, "not a url")
