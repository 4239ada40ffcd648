"""Live capture: the note-taker's screen, its input line, header, notes log and saving."""
