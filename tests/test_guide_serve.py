"""``trodden serve``: one interview's guide view over HTTP, behind a token, on the served address only.

The end-to-end test runs the real command on 127.0.0.1 and a free port and talks to it as a
stranger and as the tablet, up to the real guide view's first frame over the WebSocket.
"""

from __future__ import annotations

import asyncio
import queue
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

import aiohttp
import pytest
from guide_study import make_study, run_async

from trodden.models.domain import InterviewStatus
from trodden.models.errors import StoreError
from trodden.tui.cli.main import build_parser
from trodden.tui.cli.serve import public_url, qr_text, served_interview, split_rest, tab_command

TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Lines:
    """A process's stderr, line by line, waited on with a bound (a thread reads; no polling)."""

    def __init__(self, stream) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for raw in stream:
            self.lines.put(raw.decode("utf-8", "replace"))
        self.lines.put("")

    def until(self, pattern: str) -> re.Match[str]:
        while True:
            line = self.lines.get(timeout=TIMEOUT)
            self.seen.append(line)
            assert line, f"serve ended before printing {pattern!r}: {''.join(self.seen)}"
            if found := re.search(pattern, line):
                return found

    def rest(self) -> str:
        while (line := self.lines.get(timeout=TIMEOUT)) != "":
            self.seen.append(line)
        return "".join(self.seen)


async def first_frame(ws: aiohttp.ClientWebSocketResponse, text: str) -> bool:
    """Read the guide's terminal output until ``text`` appears (the real app's first frame)."""
    seen = b""
    while text.encode("utf-8") not in seen:
        message = await ws.receive()
        if message.type != aiohttp.WSMsgType.BINARY:
            return False
        seen += message.data
    return True


async def try_it(base: str, token: str, port: int) -> None:
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar, timeout=aiohttp.ClientTimeout(total=TIMEOUT)) as client:

        async def status(path: str, **headers: str) -> int:
            async with client.get(base + path, headers=headers, allow_redirects=False) as response:
                return response.status

        assert await status("/") == 403, "no token"
        assert await status("/?token=" + token[:-1]) == 403, "wrong token"
        assert await status("/?token=" + token, Host=f"evil.example:{port}") == 403, "foreign Host"
        assert await status("/?token=" + token) == 303
        async with client.get(base + "/") as response:
            assert response.status == 200
            page = await response.text()
        assert "Skapa ett grönt hem" in page
        for origin in ("http://evil.example", None):
            headers = {"Origin": origin} if origin else {}
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(base + "/ws?width=100&height=30", headers=headers)
            assert refused.value.status == 403, origin
        async with client.ws_connect(base + "/ws?width=100&height=30", origin=base) as ws:
            assert await asyncio.wait_for(first_frame(ws, "Questions"), TIMEOUT), "no guide view arrived"


@run_async
async def test_serve_end_to_end_token_host_origin_and_the_guide_behind(tmp_path):
    store, interview_id = make_study(tmp_path / "s")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "trodden.tui.cli", "serve", str(store.path), "--port", str(port)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    lines = Lines(server.stderr)
    try:
        lines.until(rf"the one interview under way: P1 \({interview_id}\)")
        found = lines.until(rf"(http://127\.0\.0\.1:{port})/\?token=([A-Za-z0-9_-]{{40,}})")
        base, token = found.group(1), found.group(2)
        lines.until("Only this address answers")
        await try_it(base, token, port)
    finally:
        server.terminate()
        server.wait(timeout=TIMEOUT)
    printed = lines.rest()
    assert printed.count(token) == 1, "the token is printed once, and never logged"
    assert "GET / 403" in printed and "GET /ws 403" in printed and "GET /ws 101" in printed


def test_options_before_after_dir_and_after_dashes():
    parser = build_parser()
    options = split_rest(parser.parse_args(["serve", "d", "--port", "9001", "--", "--participant", "Å-1"]))
    assert (options.host, options.port, options.participant, options.allow_edit_guide) == (
        "127.0.0.1",
        9001,
        "Å-1",
        False,
    )
    options = split_rest(
        parser.parse_args(["serve", "--host", "0.0.0.0", "d", "--interview", "x", "--allow-edit-guide"])
    )
    assert (options.host, options.interview, options.allow_edit_guide) == ("0.0.0.0", "x", True)
    for wrong, says in [
        (["--", "--edit"], "not served on its own"),
        (["--", "--bogus"], "unknown argument"),
        (["--participant", "P1", "--interview", "x"], "not both"),
        (["--port", "70000"], "not a port"),
        (["--participant", "../etc"], "participant"),
        (["--tls-cert", "c.pem"], "give both --tls-cert and --tls-key"),
        (["--tls-key", "k.pem"], "give both --tls-cert and --tls-key"),
    ]:
        with pytest.raises(StoreError, match=says):
            split_rest(parser.parse_args(["serve", "d", *wrong]))


def test_the_served_command_is_the_guide_view_of_one_interview_only():
    command = tab_command("/tmp/a study", "2026-03-02-P1", allow_edit_guide=False)
    assert command.endswith("-m trodden.tui.cli.serve_tab '/tmp/a study' 2026-03-02-P1")
    assert " guide " not in command, "not 'trodden guide', which falls back to the study overview"
    assert tab_command("/s", "i", allow_edit_guide=True).endswith(" /s i --allow-edit-guide")


def test_served_interview_is_given_joined_or_the_one_under_way(tmp_path, capsys):
    store, interview_id = make_study(tmp_path / "s")
    assert served_interview(store, None, None).id == interview_id
    assert "the one interview under way: P1" in capsys.readouterr().err
    assert served_interview(store, "P1", None).id == interview_id
    assert served_interview(store, None, interview_id).id == interview_id
    second = served_interview(store, "P2", None)  # as 'trodden guide --participant': started
    assert second.participant == "P2"
    with pytest.raises(StoreError, match=r"2 interviews are under way \(P1, P2\)"):
        served_interview(store, None, None)
    for found in (interview_id, second.id):
        with store.open_interview(found, writable=True) as session:
            session.save_interview(session.interview.model_copy(update={"status": InterviewStatus.DONE}))
    with pytest.raises(StoreError, match="no interview is under way"):
        served_interview(store, None, None)
    with pytest.raises(StoreError):
        served_interview(store, None, "no-such-interview")


def test_serve_refuses_before_listening_without_an_interview(tmp_path):
    store, interview_id = make_study(tmp_path / "s")
    with store.open_interview(interview_id, writable=True) as session:
        session.save_interview(session.interview.model_copy(update={"status": InterviewStatus.DONE}))
    done = subprocess.run(
        [sys.executable, "-m", "trodden.tui.cli", "serve", str(store.path), "--port", str(free_port())],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 1
    assert "no interview is under way" in done.stderr and "token" not in done.stderr


def test_the_qr_code_printed_is_the_address_with_its_token():
    """Read the half-block text back into modules and compare with the code segno makes for the URL."""
    import segno

    url = "http://192.168.1.20:8000/?token=" + "x" * 43
    light: list[list[bool]] = []
    for line in qr_text(url).splitlines():
        light.append([char in "█▀" for char in line])
        light.append([char in "█▄" for char in line])
    expected = segno.make(url, error="L").matrix
    border = (len(light[0]) - len(expected)) // 2
    shown = [[not cell for cell in row[border:-border]] for row in light[border : border + len(expected)]]
    assert shown == [[bool(cell) for cell in row] for row in expected]


def test_public_url_names_a_real_address():
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert "0.0.0.0" not in public_url("0.0.0.0", 8000)
    assert public_url("::1", 80) == "http://[::1]:80"


TLS = Path(__file__).parent / "data" / "tls"


@pytest.mark.parametrize(
    ("cert", "key", "says"),
    [
        ("missing.pem", "key.pem", r"the TLS file .*missing\.pem cannot be read \(no such file"),
        ("key.pem", "key.pem", r"are not a PEM certificate and its private key"),
        ("cert.pem", "key-with-passphrase.pem", r"key-with-passphrase\.pem is protected by a passphrase"),
    ],
)
def test_serve_refuses_tls_files_it_cannot_use_before_listening(tmp_path, capsys, cert, key, says):
    """A wrong TLS file is named with what to do, before any port is taken or token printed."""
    from trodden.tui.cli.main import main

    store, _ = make_study(tmp_path / "s")
    argv = ["serve", str(store.path), "--tls-cert", str(TLS / cert), "--tls-key", str(TLS / key)]
    assert main([*argv, "--port", str(free_port())]) == 1
    err = capsys.readouterr().err
    assert re.search(says, err, re.IGNORECASE), err
    assert "token" not in err


def test_serve_with_tls_refuses_a_plain_http_public_url(tmp_path, capsys):
    from trodden.tui.cli.main import main

    store, _ = make_study(tmp_path / "s")
    argv = ["serve", str(store.path), "--tls-cert", str(TLS / "cert.pem"), "--tls-key", str(TLS / "key.pem")]
    assert main([*argv, "--public-url", "http://bord.example:8000"]) == 1
    assert "must be an https:// address when serving with --tls-cert" in capsys.readouterr().err


def test_the_address_printed_is_https_with_tls():
    assert public_url("127.0.0.1", 8443, "https") == "https://127.0.0.1:8443"
