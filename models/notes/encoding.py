"""Which encoding a notes text file is in, told from its bytes, or a clear refusal.

Note-takers write notes in whatever editor is at hand: Notepad saves "Unicode"
(UTF-16 with a byte order mark), "UTF-8 with BOM" or "ANSI" (Windows-1252); a Mac or a
Linux editor saves UTF-8. Read wrongly, å ä ö æ ø come out as mojibake in every note,
or a binary file becomes thousands of junk notes. So:

- a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32) decides, and the rest must decode;
- NUL bytes without one: UTF-16 without a BOM if the NULs fall on every other byte
  (text in the Latin range), else not a text file;
- UTF-8 if it decodes;
- else Windows-1252 (= Latin-1 for å ä ö æ ø) when every character that gives is
  plausible in text (letters, and no symbol wedged inside a word, which is what UTF-8
  or DOS/Mac text read as Windows-1252 looks like), said in a warning;
- else refused, naming the line of the first bad byte and the likely encoding.
"""

from __future__ import annotations

import codecs
import unicodedata

from trodden.models.errors import StoreError
from trodden.models.i18n import N_, _

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 (Notepad's Unicode)"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 (big-endian)"),
)
SAVE_AS = N_("open it in a text editor, save it as UTF-8 and import it again")
"""The advice when a text file is in no encoding we can trust (notes files, guides)."""
_NOT_TEXT = N_("{path} is not a text file (it holds NUL bytes); give a .txt file of notes")
_INSIDE_WORDS = "’'-·"
"""Non-letters that do sit between two letters in real text (don’t, e-mail)."""
_UNLIKELY_LETTERS = "ŒœŠšŽžŸƒ"
"""Windows-1252 letters that are Mac Roman's å ä ö (and DOS's ƒ) far more often than real words."""


def decode_notes_file(raw: bytes, path: object) -> tuple[str, str | None]:
    """(text, a warning to show or None); ``StoreError`` naming ``path`` if it is not text."""
    for bom, codec, name in BOMS:
        if raw.startswith(bom):
            try:
                return _text(raw.decode(codec), path), None
            except UnicodeDecodeError as error:
                message = _("{path} starts like {codec} text but is not (at byte {byte}); {advice}")
                raise StoreError(message.format(path=path, codec=name, byte=error.start, advice=_(SAVE_AS))) from None
    if b"\0" in raw:
        codec = utf16_without_bom(raw)
        if codec is None:
            raise StoreError(_(_NOT_TEXT).format(path=path))
        try:
            return _text(raw.decode(codec), path), None
        except UnicodeDecodeError:
            raise StoreError(_(_NOT_TEXT).format(path=path)) from None
    try:
        return _text(raw.decode("utf-8"), path), None
    except UnicodeDecodeError as error:
        first_bad = error.start
    text = as_windows_1252(raw)
    if text is not None:
        said = _("{path} is not UTF-8; read it as Windows-1252 (ANSI, Latin-1): check å ä ö æ ø in the notes")
        return _text(text, path), said.format(path=path)
    message = _("{path} is not UTF-8 ({where}) and looks like {likely}; {advice}")
    raise StoreError(message.format(path=path, where=_where(raw, first_bad), likely=_likely(raw), advice=_(SAVE_AS)))


def decode_text(raw: bytes, name: object, *, not_text: str, ansi: str, advice: str) -> tuple[str, str | None]:
    """(the text of a file someone chose, a warning to show or None), for a reader that names its own
    kind of file: ``not_text`` (binary data), ``ansi`` (the warning when it is read as Windows-1252)
    and ``advice`` are translated templates with ``{name}``. A byte order mark's codec, UTF-16
    without one, UTF-8, then plausible Windows-1252; else a ``StoreError`` naming ``name``."""
    for bom, codec, _label in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), None
            except UnicodeDecodeError:
                message = _("{name} starts like {codec} text but is not; {advice}")
                raise StoreError(message.format(name=name, codec=codec.upper(), advice=advice)) from None
    if b"\0" in raw:
        codec = utf16_without_bom(raw)
        if codec is None:
            raise StoreError(not_text.format(name=name))
        try:
            return raw.decode(codec), None
        except UnicodeDecodeError:
            message = _("{name} is not readable text (broken UTF-16); {advice}")
            raise StoreError(message.format(name=name, advice=advice)) from None
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
    text = as_windows_1252(raw)
    if text is not None:
        return text, ansi.format(name=name)
    message = _("{name} is not in a known encoding (not UTF-8, UTF-16 or Windows-1252, line {line}); {advice}")
    raise StoreError(message.format(name=name, line=line, advice=advice))


def as_windows_1252(raw: bytes) -> str | None:
    """``raw`` read as Windows-1252 ("ANSI") when every character that gives is plausible text, else None."""
    text = raw.decode("cp1252", errors="replace")
    return text if _plausible(text) else None


def utf16_without_bom(raw: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when NULs fall on every other byte, as Latin-range UTF-16 does."""
    sample = raw[:8192]
    if len(raw) % 2 or len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.6 * len(odd) and even.count(0) <= 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.6 * len(even) and odd.count(0) <= 0.05 * len(odd):
        return "utf-16-be"
    return None


def _text(text: str, path: object) -> str:
    """``text`` unless it is plainly not text: NUL characters, or control characters galore."""
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v")
    if "\0" in text or controls > max(8, len(text) // 20):
        message = _("{path} is not a text file (it holds control characters); give a .txt file of notes")
        raise StoreError(message.format(path=path))
    return text


def _plausible(text: str) -> bool:
    """Every non-ASCII character is a letter or sits outside a word, and none is undefined."""
    for index, char in enumerate(text):
        if char in _UNLIKELY_LETTERS:
            return False
        if char.isascii() or char.isalpha():
            continue
        if char == "\ufffd" or unicodedata.category(char) in ("Cc", "Co", "Cn"):
            return False
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if before.isalpha() and after.isalpha() and char not in _INSIDE_WORDS:
            return False  # "blÃ¥bÃ¤r", "bl„b„r": another encoding read as Windows-1252
    return True


def _likely(raw: bytes) -> str:
    """A name for the encoding the bytes most likely are in, for the message."""
    if _has_utf8_letters(raw):
        return _("UTF-8 mixed with another encoding (parts pasted from elsewhere?)")
    for codec, name in (("cp850", "DOS (code page 850)"), ("mac_roman", "Mac Roman")):
        text = raw.decode(codec, errors="replace")
        if _plausible(text) and any(char in "åäöæøÅÄÖÆØ" for char in text):
            return name
    return _("an 8-bit encoding other than Windows-1252")


def _has_utf8_letters(raw: bytes) -> bool:
    """Valid UTF-8 two-byte letters (å is C3 A5) among the bytes."""
    return any(raw[index] in (0xC3, 0xC5) and 0x80 <= raw[index + 1] <= 0xBF for index in range(len(raw) - 1))


def _where(raw: bytes, offset: int) -> str:
    line = raw.count(b"\n", 0, offset) + 1
    return _("line {line}").format(line=line)
