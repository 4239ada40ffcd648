"""Interview guides as Markdown: each heading is a theme, each list item a question."""

from __future__ import annotations

import re
from pathlib import Path

from trodden.models.domain import Guide, GuideQuestion, GuideTheme
from trodden.models.errors import StoreError
from trodden.models.i18n import N_, _
from trodden.models.import_checks import MAX_TEXT_FILE_BYTES, read_import_file
from trodden.models.notes.encoding import BOMS, as_windows_1252

GUIDE_FILE = N_("a guide Markdown file (.md)")

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*\S)\s*$")


def parse_guide(markdown: str) -> Guide:
    """Read a guide. A lone top-level ``#`` title above ``##`` themes is the guide's title,
    not a theme; list items before any heading go into an untitled first theme."""
    lines = markdown.splitlines()
    levels = [len(m.group(1)) for line in lines if (m := _HEADING.match(line))]
    title_level = min(levels) if levels and levels.count(min(levels)) == 1 and len(set(levels)) > 1 else None
    themes: list[GuideTheme] = []
    for line in lines:
        heading = _HEADING.match(line)
        if heading:
            if len(heading.group(1)) == title_level:
                continue
            themes.append(GuideTheme(id=f"th{len(themes) + 1}", title=heading.group(2).strip() or "Untitled theme"))
            continue
        item = _ITEM.match(line)
        if item:
            if not themes:
                themes.append(GuideTheme(id="th1", title="Introduction"))
            theme = themes[-1]
            theme.questions.append(GuideQuestion(id=f"{theme.id}q{len(theme.questions) + 1}", text=item.group(1)))
    return Guide(themes=themes)


def read_guide_file(path: Path) -> tuple[Guide, str | None]:
    """The guide in the Markdown file ``path`` and a warning to show (or None).

    Only a regular file of text is read (``read_import_file``): a device or a pipe named by mistake
    (``/dev/zero``, a FIFO) is refused instead of read forever. UTF-8 (with or without a BOM) and
    UTF-16 with a BOM are read as they are; a file that is not UTF-8 but plausible Windows-1252
    ("ANSI", as older Word saves text) is read with a warning; anything else is a ``StoreError``.
    """
    raw = read_import_file(path, MAX_TEXT_FILE_BYTES, GUIDE_FILE)
    for bom, codec, _name in BOMS:
        if raw.startswith(bom):
            try:
                return parse_guide(raw.decode(codec)), None
            except UnicodeDecodeError:
                break
    else:
        try:
            return parse_guide(raw.decode("utf-8")), None
        except UnicodeDecodeError:
            text = as_windows_1252(raw) if b"\0" not in raw else None
            if text is not None:
                said = _("{path} is not UTF-8; read it as Windows-1252 (ANSI, Latin-1): check å ä ö æ ø in the guide")
                return parse_guide(text), said.format(path=path)
    raise StoreError(_("{path} is not text in UTF-8; save it as UTF-8 text and import it again").format(path=path))


def render_guide(guide: Guide, title: str = "Interview guide") -> str:
    parts = [f"# {title}", ""]
    for theme in guide.themes:
        parts += [f"## {theme.title}", ""]
        parts += [f"- {question.text}" for question in theme.questions]
        parts.append("")
    return "\n".join(parts)
