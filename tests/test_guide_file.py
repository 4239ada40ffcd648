"""A guide Markdown file as the guide editor imports it (``i``): text in the encodings people save,
and never a device or a pipe, which the editor read on its screen thread forever (``/dev/zero``, a
FIFO: the app hung)."""

from __future__ import annotations

import os
import threading

import pytest

from trodden.models.errors import StoreError
from trodden.models.guide.markdown import read_guide_file

GUIDE = "# Guide\n\n## Vardagen med växter\n\n- Berätta om växterna\n- Vad betyder de för dig?\n\n## Købet\n\n- Hvor købte du den?\n"


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16"])
def test_utf8_and_unicode_files_are_read_as_they_are(tmp_path, codec):
    path = tmp_path / "guide.md"
    path.write_bytes(GUIDE.encode(codec))
    guide, warning = read_guide_file(path)
    assert [theme.title for theme in guide.themes] == ["Vardagen med växter", "Købet"]
    assert guide.themes[0].questions[0].text == "Berätta om växterna" and warning is None


def test_an_ansi_file_is_read_with_a_warning_and_binary_is_refused(tmp_path):
    ansi = tmp_path / "gammal.md"
    ansi.write_bytes(GUIDE.encode("cp1252"))
    guide, warning = read_guide_file(ansi)
    assert guide.themes[1].title == "Købet" and "Windows-1252" in warning
    binary = tmp_path / "bild.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\xff\xfe")
    with pytest.raises(StoreError, match="UTF-8"):
        read_guide_file(binary)


def refused_at_once(read, path) -> str:
    """What ``read(path)`` refuses with, run where a hang (opening a FIFO) fails the test, not the suite."""
    said: list[str] = []

    def attempt() -> None:
        try:
            read(path)
        except StoreError as error:
            said.append(str(error))

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=10)  # a guard against the old hang only; nothing here is timed
    assert not worker.is_alive(), f"{path} was opened and waited on"
    return said[0]


def test_a_pipe_or_a_folder_is_refused_unread(tmp_path):
    from trodden.models.import_checks import read_import_file
    from trodden.models.transcript.reading import read_transcript

    fifo = tmp_path / "guide.md"
    os.mkfifo(fifo)  # opening it would wait for a writer: it must not be opened at all
    assert "not a regular file" in refused_at_once(read_guide_file, fifo)
    assert "not a regular file" in refused_at_once(read_transcript, fifo)  # trodden transcript, clean's import
    assert "not a regular file" in refused_at_once(lambda path: read_import_file(path, 100, "notes"), fifo)
    assert "is a folder" in refused_at_once(read_transcript, tmp_path)
    with pytest.raises(StoreError, match="is a folder"):
        read_guide_file(tmp_path)
    with pytest.raises(StoreError, match="does not exist"):
        read_guide_file(tmp_path / "saknas.md")
