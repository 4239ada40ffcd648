"""Interview guides as Markdown: each heading is a theme, each list item a question."""

from __future__ import annotations

import re
from pathlib import Path

from trodden.models.domain import Guide, GuideQuestion, GuideTheme
from trodden.models.i18n import N_, _
from trodden.models.import_checks import MAX_TEXT_FILE_BYTES, read_import_file
from trodden.models.notes.encoding import SAVE_AS, decode_text

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
    UTF-16 are read as they are; a file that is not UTF-8 but plausible Windows-1252 ("ANSI", as
    older Word saves text) is read with a warning (``decode_text``, as transcripts are); anything
    else is a ``StoreError``.
    """
    raw = read_import_file(path, MAX_TEXT_FILE_BYTES, GUIDE_FILE)
    text, warning = decode_text(
        raw,
        path,
        not_text=_("{name} is not text (it holds binary data); give a guide saved as UTF-8 Markdown (.md)"),
        ansi=_("{name} is not UTF-8; read it as Windows-1252 (ANSI, Latin-1): check å ä ö æ ø in the guide"),
        advice=_(SAVE_AS),
    )
    return parse_guide(text), warning


def render_guide(guide: Guide, title: str = "Interview guide") -> str:
    parts = [f"# {title}", ""]
    for theme in guide.themes:
        parts += [f"## {theme.title}", ""]
        parts += [f"- {question.text}" for question in theme.questions]
        parts.append("")
    return "\n".join(parts)
