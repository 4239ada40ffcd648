"""A screen's one-row status line that grows (to ``max-height`` in its screen's .tcss) while it
says a failure: at 80 columns "Not saved: could not save to <a long path>: No space left on
device" cut at one row hid the reason. Other messages keep the one row, and the layout as it was."""

from __future__ import annotations

from textual.widgets import Static

from trodden.tui.base import literal

FAILING = "failing"
"""The class a status line has while it says a failure (its .tcss rule: ``height: auto``)."""


def show_status(line: Static, message: str, style: str = "", *, one_line: bool = False, layout: bool = True) -> None:
    """Show ``message`` on ``line``; a red one (a failure, a refusal) may take more than one row.

    ``layout=False``: a message that is no failure is drawn without a layout pass (the map's line
    is updated on most keys, and is one row then anyway); a failure, and the first message after
    one, always lay out again."""
    failing = "red" in style.split()
    laid_out = layout or failing or line.has_class(FAILING)
    line.set_class(failing, FAILING)
    line.update(literal(message, style, one_line=one_line), layout=laid_out)
