"""Where the other researchers' cursors are: written best effort, never leaving litter."""

from __future__ import annotations

import errno
import os

from trodden.models.map import presence
from trodden.models.map.presence import Presence, read_presence, write_presence


def test_a_cursor_written_is_read_by_the_others(tmp_path):
    write_presence(tmp_path, "AB", Presence("AB", "touchpoints", "ph2", 0, 7))
    assert read_presence(tmp_path, "CD") == (Presence("AB", "touchpoints", "ph2", 0, 7),)
    assert read_presence(tmp_path, "AB") == ()  # one's own cursor is not another's


def test_a_full_disk_leaves_no_temporary_file(tmp_path, monkeypatch):
    def full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(presence.os, "replace", full)
    write_presence(
        tmp_path, "AB", Presence("AB", "touchpoints", "ph2", 0, 7)
    )  # best effort: no error reaches the screen
    assert list(tmp_path.iterdir()) == []
