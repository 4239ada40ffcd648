"""The guide view's keys and help text, registered once in the app's action registry."""

from __future__ import annotations

from trodden.tui.actions import Action, in_panel, register
from trodden.tui.i18n import N_

ACTIONS = register(
    "guide",
    "Interview guide",
    in_panel(
        "themes",
        {"guide.goto"},
        in_panel(
            "followups",
            {"guide.asked"},
            [
                Action(
                    "guide.next",
                    "n",
                    "step_theme(1)",
                    "Next theme",
                    "Move on to the next theme (the note-taker follows)",
                ),
                Action("guide.prev", "p", "step_theme(-1)", "Previous", "Go back to the previous theme"),
                Action(
                    "guide.tick",
                    "space",
                    "tick",
                    "Tick",
                    "Tick the highlighted question off, or mark the highlighted follow-up asked (again to undo)",
                ),
                Action(
                    "guide.asked",
                    "a",
                    "toggle_asked",
                    "Asked",
                    "Mark the highlighted follow-up question asked (or not)",
                ),
                Action("guide.goto", "g", "go_to_theme", "Go to theme", "Make the highlighted theme the current one"),
                Action(
                    "guide.switch", "f", "switch_list", "Follow-ups", "Move between questions, follow-ups and themes"
                ),
                Action("guide.edit", "e", "edit_guide", "Edit guide", "Add, edit and reorder themes and questions"),
                Action("guide.back", "escape", "back", "Back", "Back to the study overview", show=False),
            ],
        ),
    ),
)
"""g (themes) and a (follow-ups) act on their list: the footer shows them while it has the focus."""

HELP_INTRO = N_(
    "[b]The interviewer's guide[/b]\n"
    "Left: the themes in order, the time spent on each ([b]▶[/b] current, [b]✓[/b] visited) and how many of "
    "its questions are ticked. Middle: the theme's questions, and the time on it in large figures. Right: "
    "follow-up questions from the note-taker ([b]?[/b] notes) and the latest notes.\n\n"
    "Moving to another theme here gives the note-taker's next notes that theme within a second; a "
    "[b]/theme[/b] typed by the note-taker moves this view too. This view writes only its own progress "
    "file, so it can never lose or change a note. Close and reopen it at any time: it picks up where the "
    "interview is.\n"
)
