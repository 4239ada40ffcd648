"""The capture input line: Enter takes the line at once, in order with the keys around it.

A plain ``Input`` reads its value when the ``submit`` binding runs, which can be after
keys typed just behind Enter were inserted (a fast typist, a busy moment): two notes
would run together. Here Enter is handled in the input's own key queue, the line is
taken and the input cleared there, and handed straight to ``on_send`` (same thread, no
message hops: the note starts saving at once).

The capture screen's own keys (F2-F9, ↑/↓, delete, ctrl+z...) are run here too, through
``on_key``, for the same reason: a priority binding would run as soon as the app reads the key,
before the input has taken the Enter typed just before it, so "Enter F3" would tag the note
before the one just sent. Here every key is handled in the order it was typed.

``ctrl+j`` (a newline byte) sends too, as it does in a shell: keys typed while the app
starts arrive through the terminal's line mode, which turns each Enter into a newline,
and without this the lines typed ahead would run together.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual import events

from trodden.models.notes.syntax import unbullet
from trodden.tui.base import LiteralInput, TroddenScreen

SEND_KEYS = ("enter", "ctrl+j")


class CaptureInput(LiteralInput):
    def __init__(
        self,
        *,
        on_send: Callable[[str], None],
        on_key: Callable[[str], Awaitable[bool]] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.on_send = on_send
        self.on_key = on_key
        """Runs the screen's action for a key; False if the key is not the screen's (or it passed)."""
        self.bullets_are_clouds = False
        """A pasted line's leading ``- `` is a thundercloud, not a list bullet (the study's setting)."""
        self.swallow_space = False
        """Set by tab completion, which adds a space: the space a typist adds by habit right after
        is not doubled (``@telefon  i kö``)."""

    async def _on_key(self, event: events.Key) -> None:
        swallow, self.swallow_space = self.swallow_space, False
        if swallow and event.key == "space" and self.cursor_at_end and self.value.endswith(" "):
            event.stop()
            event.prevent_default()
            return
        if event.key in SEND_KEYS:
            event.stop()
            event.prevent_default()
            line = self.value
            self.value = ""
            try:
                self.on_send(line)
            except Exception:
                self.restore(line)  # whatever broke, the words stay in the input
                raise
            return
        if self.on_key is not None and await self.on_key(event.key):
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With a note selected, delete deletes it (the screen's key, run first by ``on_key``): the
        input's own delete steps aside so the footer shows the screen's."""
        screen = self.screen
        if action == "delete_right" and isinstance(screen, TroddenScreen) and "notes" in screen.footer_panels():
            return False
        return super().check_action(action, parameters)

    def _on_paste(self, event: events.Paste) -> None:
        """A pasted block becomes one line (a plain Input would keep only its first line)."""
        if event.text:
            parts = [part.strip() for part in event.text.splitlines() if part.strip()]
            if not self.bullets_are_clouds:  # pasted from a document: "- " is a list bullet
                parts = [unbullet(part) for part in parts]
            line = " ".join(parts)
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
