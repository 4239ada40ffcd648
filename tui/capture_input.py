"""The capture input line: Enter takes the line at once, in order with the keys around it.

A plain ``Input`` reads its value when the ``submit`` binding runs, which can be after
keys typed just behind Enter were inserted (a fast typist, a busy moment): two notes
would run together. Here Enter is handled in the input's own key queue, the line is
taken and the input cleared there, and the screen gets the line in a message.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input


class CaptureInput(Input):
    class Sent(Message):
        """A line the note-taker sent with Enter (the input is already empty)."""

        def __init__(self, line: str) -> None:
            super().__init__()
            self.line = line

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            line = self.value
            self.value = ""
            self.post_message(self.Sent(line))
            return
        await super()._on_key(event)

    def _on_paste(self, event: events.Paste) -> None:
        """A pasted block becomes one line (a plain Input would keep only its first line)."""
        if event.text:
            line = " ".join(part.strip() for part in event.text.splitlines() if part.strip())
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(line)
            else:
                self.replace(line, *selection)
        event.stop()
        event.prevent_default()

    def restore(self, line: str) -> None:
        """Put a line back (not saved, or not understood), keeping anything typed since."""
        current = self.value
        self.value = line + (" " + current if current.strip() else "")
        self.cursor_position = len(line)
