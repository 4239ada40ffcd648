"""The tags screen's keys, registered once (footer, F1 help and the palette come from here)."""

from __future__ import annotations

from trodden.tui.actions import Action, register

ACTIONS = register(
    "tags",
    "Tags and channels",
    [
        Action("tags.rename", "r", "rename", "Rename", "Rename the highlighted tag or channel in every note"),
        Action(
            "tags.merge",
            "m",
            "merge",
            "Merge into",
            "Merge the highlighted tag or channel into another (type its name)",
            short="Merge",
        ),
        Action("tags.search", "enter", "find", "Notes", "Search the notes that carry it", short="Notes"),
        Action("tags.undo", "ctrl+z", "undo", "Undo", "Undo the last rename or merge", priority=True),
        Action("tags.back", "escape", "back", "Back", "Back to the overview"),
    ],
)
