"""What every trodden screen shares: its action context and a safe way to show user text."""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen

from trodden.models.names import visible


class TroddenScreen(Screen):
    """A screen whose actions are in the registry under ``CONTEXT``."""

    CONTEXT: str = "app"
    HELP_INTRO: str = ""
    """A paragraph for the help screen (e.g. the capture syntax)."""


def literal(text: str, style: str = "") -> Text:
    """User text as a Rich ``Text``: never parsed as markup, control characters made visible."""
    return Text(visible(text), style=style, no_wrap=False)
