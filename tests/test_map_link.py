"""``trodden map --host`` / ``--join``: the shared map live over a WebSocket on 127.0.0.1 (issue 18)."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import aiohttp
import pytest

from trodden.models.domain import Phase, Study
from trodden.models.map.journey_map import Change, MapItem
from trodden.models.map.map_session import MapSession, read_map
from trodden.models.storage.store import StudyStore
from trodden.tui.cli.map_link import MapLink, map_url
from trodden.tui.cli.serve import public_url
from trodden.tui.cli.serve_guard import Guard

WAIT = 20  # seconds at most for a message on a loaded machine; the wait ends as soon as it comes


@pytest.fixture
def two_copies(tmp_path):
    store = StudyStore.create(tmp_path / "host", Study(name="A thriving home"), [Phase(id="ph1", name="P1", order=1)])
    shutil.copytree(store.path, tmp_path / "joiner")
    return store.path, tmp_path / "joiner"


def serve(link: MapLink) -> Guard:
    return link.serve("127.0.0.1", 0, lambda port: Guard.for_address("127.0.0.1", port, public_url("127.0.0.1", port)))


def test_a_joiner_and_the_host_see_each_others_edits_and_keep_them(two_copies):
    host_dir, joiner_dir = two_copies
    host, joiner = MapLink(), MapLink()
    with MapSession(host_dir, writable=True, who="AB") as ours:
        ours.apply(Change(items=(MapItem(id=1, phase="ph1", title="Made before they joined"),)))
        guard = serve(host)
        host.attach(ours)
        try:
            with MapSession(joiner_dir, writable=True, who="CD") as theirs:
                joiner.join(map_url(guard, public_url("127.0.0.1", host.port)))
                joiner.attach(theirs)
                assert joiner.received.wait(WAIT)  # caught up on connecting
                assert [i.title for i in theirs.load().items] == ["Made before they joined"]
                host.received.clear()
                theirs.apply(Change(items=(MapItem(id=2, phase="ph1", title="Joiner's idé"),)))
                assert host.received.wait(WAIT)
                joiner.received.clear()
                ours.apply(Change(items=(MapItem(id=1, phase="ph1", title="Renamed by the host"),)))
                assert joiner.received.wait(WAIT)
                assert ours.load() == theirs.load()
        finally:
            joiner.stop()
            host.stop()
    titles = {"Renamed by the host", "Joiner's idé"}
    assert {i.title for i in read_map(joiner_dir).items} == titles  # kept in the joiner's own copy
    assert {i.title for i in read_map(host_dir).items} == titles


@pytest.mark.parametrize(
    ("token", "origin", "host_header"),
    [("wrong", "own", None), (None, "own", None), ("right", "http://evil.example", None), ("right", "own", "evil:1")],
)
def test_the_host_refuses_a_wrong_token_origin_or_host(two_copies, token, origin, host_header):
    link = MapLink()
    guard = serve(link)
    base = public_url("127.0.0.1", link.port)
    url = map_url(guard, base).split("?")[0] + (
        "" if token is None else f"?token={guard.token if token == 'right' else token}"
    )
    headers = {"Origin": base if origin == "own" else origin}
    if host_header:
        headers["Host"] = host_header

    async def attempt() -> int:
        async with aiohttp.ClientSession() as client:
            try:
                async with client.ws_connect(url, headers=headers):
                    return 101
            except aiohttp.WSServerHandshakeError as error:
                return error.status

    try:
        assert asyncio.run(attempt()) == 403
    finally:
        link.stop()


def test_join_says_at_once_when_the_url_or_the_token_is_wrong(two_copies, monkeypatch, capsys):
    """Before, the board opened and waited for edits forever, asking again every 2 s."""
    from trodden.tui.cli.main import main
    from trodden.tui.cli.map_link import join_problem

    host_dir, joiner_dir = two_copies
    opened: list = []
    monkeypatch.setattr("trodden.tui.cli.common.on_a_terminal", lambda: True)
    monkeypatch.setattr("trodden.tui.app.run_app", lambda *args, **kwargs: opened.append(args) or 0)
    link = MapLink()
    guard = serve(link)
    right = map_url(guard, public_url("127.0.0.1", link.port))
    try:
        with MapSession(host_dir, writable=True, who="AB") as ours:
            link.attach(ours)
            wrong = right.replace(guard.token, "not-the-token")
            for url, says in (
                (wrong, "the host at 127.0.0.1:"),
                (right.replace("ws://", "http://"), "is not a map's address"),
                (right.split("?")[0], "is not a map's address"),
            ):
                assert main(["map", str(joiner_dir), "--as", "CD", "--join", url]) == 1
                error = capsys.readouterr().err
                assert says in error and error.count("\n") == 1, error
            assert "refused to join: the token is wrong" in join_problem(wrong)
            assert join_problem(right) is None
    finally:
        link.stop()
    assert opened == []


TLS = Path(__file__).parent / "data" / "tls"


def test_over_tls_a_joiner_that_trusts_the_certificate_syncs_and_one_that_does_not_is_told(two_copies):
    """--host with --tls-cert/--tls-key serves wss://; --join checks the certificate (--tls-ca)."""
    from trodden.tui.cli.map_link import join_problem, trusting
    from trodden.tui.cli.serve_tls import tls_context

    host_dir, joiner_dir = two_copies
    host, joiner = MapLink(), MapLink()
    tls = tls_context(TLS / "cert.pem", TLS / "key.pem")
    guard = host.serve(
        "127.0.0.1", 0, lambda port: Guard.for_address("127.0.0.1", port, public_url("127.0.0.1", port, "https")), tls
    )
    url = map_url(guard, public_url("127.0.0.1", host.port, "https"))
    assert url.startswith("wss://127.0.0.1:")
    trust = trusting(TLS / "cert.pem")
    try:
        with MapSession(host_dir, writable=True, who="AB") as ours:
            host.attach(ours)
            assert "a certificate this machine does not trust: give --tls-ca FILE" in join_problem(url)
            assert join_problem(url, trust) is None
            assert "refused to join" in join_problem(url.replace(guard.token, "fel"), trust)
            with MapSession(joiner_dir, writable=True, who="CD") as theirs:
                joiner.join(url, trust)
                joiner.attach(theirs)
                host.received.clear()
                theirs.apply(Change(items=(MapItem(id=2, phase="ph1", title="Över TLS"),)))
                assert host.received.wait(WAIT)
        assert [i.title for i in read_map(host_dir).items] == ["Över TLS"]
    finally:
        joiner.stop()
        host.stop()


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        (["--host", "--tls-cert", "c.pem"], "give both --tls-cert and --tls-key"),
        (["--tls-cert", "c.pem", "--tls-key", "k.pem"], "--tls-cert and --tls-key go with --host"),
        (["--tls-ca", "ca.pem"], "--tls-ca goes with --join"),
    ],
)
def test_tls_options_that_do_not_go_together_are_refused_first(two_copies, capsys, extra, says):
    from trodden.tui.cli.main import main

    with pytest.raises(SystemExit) as refused:
        main(["map", str(two_copies[0]), "--as", "AB", *extra])
    assert says in str(refused.value)


def test_a_tls_ca_that_is_no_certificate_is_named(tmp_path):
    from trodden.models.errors import StoreError
    from trodden.tui.cli.map_link import trusting

    for path in (tmp_path / "saknas.pem", TLS / "key.pem"):
        with pytest.raises(StoreError, match=r"--tls-ca .* is not a certificate to trust"):
            trusting(path)
