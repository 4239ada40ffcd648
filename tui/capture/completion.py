"""Channel, tag and command completion for the capture input: channels and tags from those already
used in the study, commands in the study's language (``/pa`` → ``/paus`` in a Swedish study).

The note-taker types ``@te`` and sees ``@telefon`` suggested (accepted with → or tab), so the
same channel is spelled the same way in every interview.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from textual.suggester import Suggester

from trodden.models.domain import Note
from trodden.models.notes.commands import complete_command

_PARTIAL = re.compile(r"(?<![\w@#])([@#])(\w+(?:-\w+)*-?)$")


class TokenSuggester(Suggester):
    """Suggests the most used channel (``@``) or tag (``#``) that the last word starts."""

    def __init__(self, language: str = "en") -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.language = language
        self.channels: Counter[str] = Counter()
        self.tags: Counter[str] = Counter()
        """Every name known, with its uses: this interview's and the others' together."""
        self._own: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
        self._others: tuple[Counter[str], Counter[str]] = (Counter(), Counter())

    def learn(self, notes: Iterable[Note]) -> None:
        """This interview's notes, as they are saved (added to what is known)."""
        own_channels, own_tags = self._own
        for note in notes:
            own_channels.update(note.channels)
            own_tags.update(note.tags)
            self.channels.update(note.channels)
            self.tags.update(note.tags)

    def learn_others(self, notes: Iterable[Note]) -> None:
        """The other interviews' notes as they are now, replacing what was read of them before: a
        tag renamed in another process (``trodden tags``) stops being suggested."""
        channels: Counter[str] = Counter()
        tags: Counter[str] = Counter()
        for note in notes:
            channels.update(note.channels)
            tags.update(note.tags)
        self._others = (channels, tags)
        self.channels = self._own[0] + channels
        self.tags = self._own[1] + tags

    def complete(self, value: str) -> str | None:
        if value.startswith("/"):
            return complete_command(value, self.language)
        match = _PARTIAL.search(value)
        if match is None:
            return None
        sign, partial = match.groups()
        folded = partial.casefold()
        known = self.channels if sign == "@" else self.tags
        best = [word for word, _ in known.most_common() if word.startswith(folded) and word != folded]
        if not best:
            return None
        return value + best[0][len(partial) :]

    async def get_suggestion(self, value: str) -> str | None:
        return self.complete(value)
