"""A DataTable that repaints rows after its columns widen to fit new content."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class FittingTable(DataTable):
    """``DataTable`` whose rows never stay cut to the headers' width.

    Textual 8.2.8 widens auto-width columns on idle, but its cell cache is not keyed by
    width and is cleared only for auto-height rows, so cells painted before that idle
    pass keep the headers' width until the cursor moves. Seen in a real terminal on a
    cold ``trodden demo``, where the overview's worker fills the table while the first
    frame is drawn. Dropping the render caches after every resize makes it harmless.
    A long table edited a row at a time is better as a Line-API view (the clean screen's
    ``tui/clean/notes_view.py``): DataTable's render caches are keyed by one update counter.
    """

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(new_rows)
        self._clear_caches()
        self.refresh()
