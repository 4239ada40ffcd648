"""Textual's ``OptionList`` and ``Select`` with page keys that work before the list has been drawn.

Textual's ``OptionList`` maps options to lines when it renders; page up/down on a list that has not
been rendered yet (0 rows tall, 0 columns wide, or not on screen yet) looked up a line that is not
there and raised ``KeyError``, which ended the app (a known Textual bug, still in the pinned version).
A ``Select``'s drop-down is such a list: on a 20-column terminal the settings' drop-downs are 0 wide,
and pagedown in one ended the app. Every list in trodden is a ``SafeOptionList`` and every drop-down a
``SafeSelect`` (``tests/test_option_lists.py`` checks the screens' sources).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import OptionList, Select
from textual.widgets._select import SelectCurrent, SelectOverlay  # not exported by Textual 8.2.8 (pinned)


class SafePaging:
    """Pagedown/pageup move one option where no page is laid out yet (mixed into an ``OptionList``)."""

    def _move_page(self, direction) -> None:
        if self._options and (self.highlighted or 0) not in self._index_to_line:
            if direction > 0:
                self.action_cursor_down()
            else:
                self.action_cursor_up()
            return
        super()._move_page(direction)


class SafeOptionList(SafePaging, OptionList):
    """An ``OptionList`` whose page keys never look up a line that is not drawn."""


class SafeSelectOverlay(SafePaging, SelectOverlay):
    """A ``Select``'s drop-down whose page keys never look up a line that is not drawn."""


class SafeSelect(Select):
    """A ``Select`` whose drop-down is a ``SafeSelectOverlay`` (its compose, with that one class swapped)."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield SafeSelectOverlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
