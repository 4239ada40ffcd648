"""``trodden serve``: the guide view over HTTP (textual-serve), loopback only by default."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from guide_study import make_study

from trodden.tui.cli.main import build_parser
from trodden.tui.cli.serve import guide_command, public_url, split_rest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_answers_on_loopback_and_warns(tmp_path):
    store, _ = make_study(tmp_path / "s")
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "trodden.tui.cli",
            "serve",
            str(store.path),
            "--port",
            str(port),
            "--",
            "--participant",
            "P1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, server.communicate()[1].decode()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "serve did not start listening"
                try:  # doubles as "has it died?", without spinning
                    server.wait(timeout=0.05)
                except subprocess.TimeoutExpired:
                    pass
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
            assert response.status == 200
            page = response.read().decode("utf-8")
        assert "Skapa ett grönt hem" in page
        assert f"ws://127.0.0.1:{port}/ws" in page
    finally:
        server.terminate()
        _, err = server.communicate(timeout=10)
    assert "NO authentication" in err.decode()


def test_arguments_split_between_serve_and_guide():
    parser = build_parser()
    options, guide = split_rest(parser.parse_args(["serve", "d", "--port", "9001", "--", "--participant", "Å-1"]))
    assert (options.host, options.port, guide) == ("127.0.0.1", 9001, ["--participant", "Å-1"])
    options, guide = split_rest(parser.parse_args(["serve", "--host", "0.0.0.0", "d", "--", "--interview", "x"]))
    assert (options.host, guide) == ("0.0.0.0", ["--interview", "x"])
    with pytest.raises(SystemExit):
        split_rest(parser.parse_args(["serve", "d", "--", "--bogus"]))
    command = guide_command("/tmp/a study", ["--participant", "Å-1"])
    assert command.endswith("guide '/tmp/a study' --participant 'Å-1'")


def test_public_url_names_a_real_address():
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert "0.0.0.0" not in public_url("0.0.0.0", 8000)
    assert public_url("::1", 80) == "http://[::1]:80"
