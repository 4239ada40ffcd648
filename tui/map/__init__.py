"""The mapping workshop: the board, the inbox, the evidence view, panels and phase editing."""
