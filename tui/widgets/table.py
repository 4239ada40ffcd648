"""A DataTable that repaints rows after its columns widen to fit new content, and that changes,
adds and drops rows without repainting the rows that stayed the same."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text
from textual._two_way_dict import TwoWayDict
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class FittingTable(DataTable):
    """``DataTable`` whose rows never stay cut to the headers' width.

    Textual 8.2.8 widens auto-width columns on idle, but its cell cache is not keyed by
    width and is cleared only for auto-height rows, so cells painted before that idle
    pass keep the headers' width until the cursor moves. Seen in a real terminal on a
    cold ``trodden demo``, where the overview's worker fills the table while the first
    frame is drawn. Dropping the render caches after every resize makes it harmless.

    ``update_row`` and ``insert_row`` are for long tables edited a row at a time (the clean
    screen): Textual's ``update_cell`` marks *every* cell stale (its render caches are keyed by
    one update counter), so a key that changes one note re-rendered the whole visible table
    (100+ ms a key on a loaded machine), and a table can only grow at its end. These two drop
    only the changed row's cached renders, and put a new row where it belongs. They reach into
    DataTable's caches, so Textual is pinned (tests/test_clean_table.py covers them).
    """

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(new_rows)
        self._clear_caches()
        self.refresh()

    def update_row(self, key: str, cells: Sequence[Text]) -> None:
        """Put ``cells`` in the row ``key`` (same widths: columns are not refitted) and repaint it."""
        row_key = RowKey(key)
        data = self._data[row_key]
        if list(data.values()) == list(cells):
            return
        for column, cell in zip(self.ordered_columns, cells, strict=False):
            data[column.key] = cell
        index = self._row_locations.get(row_key)
        for cache, stale in (
            (self._cell_render_cache, lambda k: k[0] == row_key),
            (self._row_render_cache, lambda k: k[0] == row_key),
            (self._row_renderable_cache, lambda k: k[1] == index),
        ):
            held = cache.keys()  # Textual's LRUCache has keys(), no iteration of its own
            for cache_key in [k for k in held if stale(k)]:
                cache.discard(cache_key)
        self._line_cache.clear()  # lines are keyed by y: cheap to put together again from the rows
        self.refresh()

    def arrange(self, keys: Sequence[str], new: dict[str, Sequence[Text]]) -> None:
        """Make the rows ``keys``, in that order: drop the rows not in it, add the ``new`` ones.

        One relocation of every row for the whole change (DataTable's ``remove_row`` rebuilds the
        locations once per row removed, and ``add_row`` can only append).
        """
        for key, cells in new.items():  # appended first: the table stays whole until it is reordered
            self.add_row(*cells, key=key)
        held = {row_key.value: row_key for row_key in self.rows}  # a new RowKey costs more than a lookup
        wanted = [held[key] for key in keys]
        keep = set(wanted)
        for row_key in [row_key for row_key in self._row_locations if row_key not in keep]:
            del self.rows[row_key]
            del self._data[row_key]
        self._row_locations = TwoWayDict({row_key: index for index, row_key in enumerate(wanted)})
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate  # kept within the rows
        self._update_count += 1
        self.refresh(layout=True)
