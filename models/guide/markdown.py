"""Interview guides as Markdown: each heading is a theme, each list item a question."""

from __future__ import annotations

import re

from trodden.models.domain import Guide, GuideQuestion, GuideTheme

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


def render_guide(guide: Guide, title: str = "Interview guide") -> str:
    parts = [f"# {title}", ""]
    for theme in guide.themes:
        parts += [f"## {theme.title}", ""]
        parts += [f"- {question.text}" for question in theme.questions]
        parts.append("")
    return "\n".join(parts)
