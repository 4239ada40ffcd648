"""Reading a transcript file: its encoding, its format, and its cues.

Parsers are well-kept libraries where they exist, because Teams and Zoom output has quirks a
hand-written reader gets wrong (cue identifiers, NOTE blocks, voice spans, comma decimals):
``webvtt-py`` for WebVTT (it reads ``<v Speaker>`` voice tags), ``srt`` for SubRip (tolerant of
the loose files real tools write), ``python-docx`` for Teams' Word transcript. The Word file's
paragraphs and plain text go through one line reader (``lines``).

Encodings: a byte order mark decides (UTF-8 with BOM, UTF-16, UTF-32); UTF-16 without one is
told from its NUL bytes; otherwise UTF-8, or Windows-1252 ("ANSI", what older SubRip tools
save) when every character that gives is plausible text, said in the transcript's ``warning``
as notes files are (``models.notes.encoding``). Anything else is refused with the file's name and
what to do, never read as mojibake.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path

from trodden.models.errors import StoreError, system_reason
from trodden.models.i18n import N_, _
from trodden.models.import_checks import regular_file
from trodden.models.notes.encoding import decode_text

from .lines import read_lines
from .model import Cue, Transcript

_SAVE_AS = N_("save it as UTF-8 (or export it again from Teams/Zoom) and import it again")
_ZOOM_SPEAKER = re.compile(r"^(?P<speaker>[^\W\d][^:\d]{0,40}?):\s+(?P<text>\S.*)$", re.DOTALL)
"""Zoom and some SubRip files put the speaker before the words: ``Anna Lind: words`` (up to four words)."""
KINDS = ("vtt", "srt", "docx", "text")
MAX_FILE_BYTES = 20 * 1024 * 1024
"""A transcript file larger than this is refused unread: a 3-hour Teams transcript is about 1 MB."""
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
"""A Word file that unpacks to more than this (by its own table of contents) is refused before
python-docx inflates it: a zip bomb would otherwise fill the memory."""


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def decode(raw: bytes, name: object) -> tuple[str, str | None]:
    """(the file's text, a warning to show or None); ``StoreError`` naming ``name`` when it is in no
    encoding we can trust (``decode_text``, in a transcript's words)."""
    return decode_text(
        raw,
        name,
        not_text=_("{name} is not a text transcript (it holds binary data); give a .vtt, .srt, .docx or .txt"),
        ansi=_("{name} is not UTF-8; read it as Windows-1252 (ANSI, Latin-1): check å ä ö æ ø in the transcript"),
        advice=_(_SAVE_AS),
    )


def detect_kind(path: Path, text: str | None) -> str:
    """``vtt``, ``srt``, ``docx`` or ``text``: by the content where it says, else by the suffix."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return "docx"
    if text is not None:
        head = text.lstrip("\ufeff \r\n")
        if head.startswith("WEBVTT"):
            return "vtt"
        if re.match(r"\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->", head):
            return "srt"
    return {".vtt": "vtt", ".srt": "srt"}.get(suffix, "text")


TRANSCRIPT_FILE = N_("a .vtt, .srt, .docx or .txt transcript")
"""What a transcript file is, as a refusal names it ("{path} is not a regular file; give ...")."""


def read_transcript(path: Path | str, *, now: datetime | None = None) -> Transcript:
    """The transcript in ``path``; ``StoreError`` (naming the file) if it cannot be read or holds none."""
    path = Path(path)
    try:
        size = regular_file(path, TRANSCRIPT_FILE).st_size
        if size > MAX_FILE_BYTES:  # before reading it: a recording or a disk image chosen by mistake
            message = _(
                "{path} is {size}, too large for a transcript (even a long interview's is well under {limit}):"
                " is it the recording itself? Give the .vtt, .srt, .docx or .txt"
            )
            raise StoreError(message.format(path=path, size=_megabytes(size), limit=_megabytes(MAX_FILE_BYTES)))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StoreError(_("{path} does not exist").format(path=path)) from None
    except OSError as error:
        message = _("{path} cannot be read ({reason})")
        raise StoreError(message.format(path=path, reason=system_reason(error))) from None
    return parse_transcript(raw, path, now=now)


def parse_transcript(raw: bytes, path: Path, *, now: datetime | None = None) -> Transcript:
    """``raw`` (the bytes of a file named ``path``) as a transcript."""
    if path.suffix.lower() == ".docx" or raw.startswith(b"PK\x03\x04"):
        kind, cues, warning = "docx", _docx_cues(raw, path), None
    else:
        text, warning = decode(raw, path)
        kind = detect_kind(path, text)
        reader = {"vtt": _vtt_cues, "srt": _srt_cues, "text": _text_cues}[kind]
        cues = reader(text, path)
    if not cues:
        message = _(
            "{path} holds no timed transcript lines (read as {kind}); "
            "give a WebVTT (.vtt), SubRip (.srt), Teams Word (.docx) or text file with [hh:mm:ss] lines"
        )
        raise StoreError(message.format(path=path, kind=kind))
    cues.sort(key=lambda cue: (cue.start, cue.end))
    return Transcript(source=path.name, kind=kind, imported=now or datetime.now(), cues=cues, warning=warning)


def _vtt_cues(text: str, path: Path) -> list[Cue]:
    import webvtt
    from webvtt.errors import MalformedFileError

    try:
        captions = webvtt.from_buffer(io.StringIO(text.lstrip("\ufeff")))
    except (MalformedFileError, ValueError) as error:
        raise StoreError(_("{path} is not a readable WebVTT file ({error})").format(path=path, error=error)) from None
    cues = []
    for caption in captions:
        words = " ".join(caption.text.split())
        speaker = (caption.voice or "").strip()
        if not speaker:  # Zoom: "Anna Lind: words"
            speaker, words = _speaker_first(words)
        if words:
            start = caption.start_time.in_milliseconds() / 1000
            end = caption.end_time.in_milliseconds() / 1000
            cues.append(Cue(start=start, end=end, speaker=speaker, text=words))
    return cues


def _srt_cues(text: str, path: Path) -> list[Cue]:
    import srt

    try:
        subtitles = list(srt.parse(text.lstrip("\ufeff"), ignore_errors=True))
    except (srt.SRTParseError, ValueError) as error:
        raise StoreError(_("{path} is not a readable SubRip file ({error})").format(path=path, error=error)) from None
    cues = []
    for subtitle in subtitles:
        words = " ".join(re.sub(r"<[^>]+>", "", subtitle.content).split())
        speaker, words = _speaker_first(words)
        if words:
            start, end = subtitle.start.total_seconds(), subtitle.end.total_seconds()
            cues.append(Cue(start=start, end=end, speaker=speaker, text=words))
    return cues


def _speaker_first(words: str) -> tuple[str, str]:
    """(speaker, words) of ``Anna Lind: words``; ("", words) when the start is not a name."""
    match = _ZOOM_SPEAKER.match(words)
    if match and len(match.group("speaker").split()) <= 4:
        return match.group("speaker").strip(), match.group("text")
    return "", words


def _text_cues(text: str, path: Path) -> list[Cue]:
    return read_lines(text.lstrip("\ufeff").splitlines())


def _docx_cues(raw: bytes, path: Path) -> list[Cue]:
    from docx import Document

    _check_word_package(raw, path)
    try:
        document = Document(io.BytesIO(raw))
    except Exception as error:  # python-docx raises several kinds for a file that is not Word
        message = _("{path} is not a readable Word file ({error})")
        raise StoreError(message.format(path=path, error=type(error).__name__)) from None
    lines = [line for paragraph in document.paragraphs for line in paragraph.text.splitlines()]
    return read_lines(lines)


def _check_word_package(raw: bytes, path: Path) -> None:
    """``StoreError`` for a .docx that is no zip, holds no Word document, or would unpack to more
    than ``MAX_UNPACKED_BYTES``: each named plainly, before python-docx reads any of it."""
    import zipfile

    again = _("export the transcript again from Teams (.docx or .vtt)")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        message = _("{path} is not a Word file (a .docx is a zip package, and this is not one); {advice}")
        raise StoreError(message.format(path=path, advice=again)) from None
    if "word/document.xml" not in {member.filename for member in members}:
        message = _("{path} is a zip package but holds no Word document (word/document.xml); {advice}")
        raise StoreError(message.format(path=path, advice=again))
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        message = _("{path} would unpack to {size} (a zip bomb, or not a transcript); refused unread")
        raise StoreError(message.format(path=path, size=_megabytes(unpacked)))
