"""What a renderable (a Text, a grid) shows, as plain text: for tests that read a prompt's words."""

from __future__ import annotations

import io

from rich.console import Console


def plain(renderable, width: int = 200) -> str:
    """The words as a terminal ``width`` columns wide shows them, without colours or trailing space."""
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()).strip()
