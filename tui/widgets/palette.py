"""Textual's command palette, saying "No matches found" in the interface's language.

Textual writes that line in English inside ``CommandPalette._start_no_matches_countdown``; this
subclass is the same method with the words translated (Textual is pinned; ``tests/test_palette_words``
fails if the original changes). Everything else is Textual's own palette.
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from trodden.tui.i18n import _


class Palette(CommandPalette):
    """The command palette (ctrl+p), every word of it in the interface's language."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:  # searching found nothing (in discovery mode there is nothing to say)
                no_matches = Option(
                    Align.center(Text(_("No matches found"), style="not bold")), disabled=True, id=self._NO_MATCHES
                )
                self.query_one(CommandList).add_option(no_matches)
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)
