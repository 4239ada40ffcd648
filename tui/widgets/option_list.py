"""Textual's ``OptionList`` with page keys that work before the list has been drawn.

Textual's ``OptionList`` maps options to lines when it renders; page up/down on a list that has not
been rendered yet (0 rows tall, or not on screen yet) looked up a line that is not there and raised
``KeyError``, which ended the app (a known Textual bug, still in the pinned version). Every list in
trodden is a ``SafeOptionList`` (``tests/test_option_lists.py`` checks the screens' sources).
"""

from __future__ import annotations

from textual.widgets import OptionList


class SafeOptionList(OptionList):
    """An ``OptionList`` whose pagedown/pageup move one option where no page is laid out yet."""

    def _move_page(self, direction) -> None:
        if self._options and (self.highlighted or 0) not in self._index_to_line:
            if direction > 0:
                self.action_cursor_down()
            else:
                self.action_cursor_up()
            return
        super()._move_page(direction)
