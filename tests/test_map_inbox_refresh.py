"""A refresh of the inbox (the map re-read: another researcher's edit, a poll) keeps the reader's
note under the cursor and says nothing when it is the same note: before, every refresh posted
``Highlighted`` again (the hint was cleared and recomputed each time) and the cursor stayed at
its row number, so a note placed above it by someone else moved the reader onto another note."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.map.evidence import load_study_map
from trodden.tui.map.inbox import Inbox

NOTES = {
    "P1": ["1|-* calls support @phone", "1|the box was wet", "2|*+ unpacks the box", "2|% waits for the van"],
    "P2": ["1|-* called support again @phone", "2|++ the plant is lovely"],
}


class InboxApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.said: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield Inbox(id="inbox")

    def on_inbox_highlighted(self, message: Inbox.Highlighted) -> None:
        self.said.append(message.note.text if message.note is not None else None)


def test_a_refresh_keeps_the_readers_note_and_says_nothing(tmp_path) -> None:
    store = build_study(tmp_path / "s", ["Finding a plant", "Getting it home"], NOTES)
    loaded = load_study_map(store)
    notes = list(loaded.index.notes.values())
    participants, phases = loaded.index.participant_of, loaded.data.phases

    async def run() -> tuple[list, list]:
        app = InboxApp()
        seen = []
        async with app.run_test(size=(80, 4)) as pilot:
            inbox = app.query_one(Inbox)
            inbox.set_notes(notes, participants, phases)
            await pilot.pause()
            inbox.move(3)
            await pilot.pause()
            reading = inbox.note
            said = len(app.said)
            inbox.set_notes(notes, participants, phases)  # the same notes again: a poll
            await pilot.pause()
            seen.append((inbox.note == reading, len(app.said) == said))
            first = inbox.notes[0]
            inbox.set_notes([n for n in notes if n.id != first.id], participants, phases)  # placed elsewhere
            await pilot.pause()
            seen.append((inbox.note == reading, len(app.said) == said))
            inbox.set_notes([n for n in notes if n.id not in {first.id, reading.id}], participants, phases)
            await pilot.pause()
            seen.append((inbox.note != reading, len(app.said) == said + 1))  # its note gone: the new one is said
        return seen, app.said

    seen, said = asyncio.run(run())
    assert seen == [(True, True)] * 3, (seen, said)
