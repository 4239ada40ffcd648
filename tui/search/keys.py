"""The search screen's keys, registered once (footer, F1 help and the palette come from here)."""

from __future__ import annotations

from trodden.tui.actions import Action, register
from trodden.tui.i18n import N_

ACTIONS = register(
    "search",
    "Search",
    [
        Action("search.open", "enter", "open_note", "Open note", "Open the note in its interview (the clean screen)"),
        Action(
            "search.map",
            "m",
            "open_on_map",
            "On map",
            "Open the map at the item this note backs (from the results list)",
            short="Map",
        ),
        Action("search.results", "tab", "results", "Results", "Move to the results list", show=False),
        Action("search.query", "slash", "query", "Query", "Back to the query (from the results list)", show=False),
        Action("search.down", "down", "move(1)", "Next", "Next result", show=False, priority=True),
        Action("search.up", "up", "move(-1)", "Previous", "Previous result", show=False, priority=True),
        Action("search.page_down", "pagedown", "page(1)", "Page down", "A page of results down", show=False),
        Action("search.page_up", "pageup", "page(-1)", "Page up", "A page of results up", show=False),
        Action("search.back", "escape", "back", "Back", "Leave the search"),
    ],
)

HELP_INTRO = N_(
    "Type words: a note is found when it has every word, with any ending (växt finds växter and växterna,"
    " the start of a word is enough). Filters: #tag @channel kind:quote feeling:- (+ ++ - -- none)"
    " p:P3 type:nurse theme:2 phase:home (a number or part of the name). ▣ marks a note on the map."
)
