"""Where ``-o`` points: an export replaces a file, never a device, a pipe or the link that names it.

Before, every export was written to a temp file and renamed over ``-o``: run as root,
``-o /dev/full`` put a plain file where the device had been (and said "wrote"), ``-o /dev/null``
would have done the same to /dev/null, and ``-o /dev/stdout`` replaced the link. These tests use a
FIFO, a symlink and a pseudo-terminal of their own, never a real device.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from trodden.models.errors import StoreError, WriteFailed
from trodden.models.storage.atomic import write_export
from trodden.tui.cli.common import write_output


def test_a_fifo_is_written_into_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "to-a-script"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_export(fifo, "blåbär;ø\n".encode() * 10_000)
    reader.join(timeout=30)
    assert received == ["blåbär;ø\n".encode() * 10_000]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_symlink_stays_a_link_and_its_file_is_replaced(tmp_path):
    real = tmp_path / "shared" / "report.md"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.md"
    link.symlink_to(real)
    write_export(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    dangling = tmp_path / "later.md"
    dangling.symlink_to(tmp_path / "shared" / "later.md")
    write_export(dangling, b"made")
    assert dangling.is_symlink() and (tmp_path / "shared" / "later.md").read_bytes() == b"made"


def test_a_folder_is_refused_and_left_alone(tmp_path):
    with pytest.raises(WriteFailed, match=r"folder|directory|mappe|katalog"):
        write_export(tmp_path, b"x")
    assert tmp_path.is_dir()


def test_a_terminal_named_by_o_is_shown_text_never_sent_controls_or_a_binary(tmp_path):
    """``-o /dev/tty`` (or /dev/stdout on a terminal) is a person reading: as on stdout, an escape
    sequence in a note is shown as ␛ and a Word file is refused."""
    leader, follower = os.openpty()
    try:
        terminal = Path(os.ttyname(follower))
        write_output("note \x1b[31mred\n", terminal)
        shown = os.read(leader, 4096).decode("utf-8")
        assert "\x1b" not in shown and "␛[31mred" in shown
        with pytest.raises(StoreError, match="Word"):
            write_output(b"PK\x03\x04", terminal, binary=True)
        assert stat.S_ISCHR(os.stat(terminal).st_mode)
    finally:
        os.close(leader)
        os.close(follower)
