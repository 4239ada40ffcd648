"""Every key of the settings screen and its participant dialog, in the one action registry."""

from __future__ import annotations

from trodden.tui.actions import Action, register
from trodden.tui.i18n import N_

ACTIONS = register(
    "settings",
    "Study settings",
    [
        Action(
            "settings.save",
            "ctrl+s",
            "save",
            "Save",
            "Save the study's settings (name to redaction terms)",
            priority=True,
        ),
        Action(
            "settings.add",
            "ctrl+n",
            "add_participant",
            "Add participant",
            "Add a participant: a customer of a type, or staff of a team",
            priority=True,
            short="Add",
        ),
        Action(
            "settings.edit",
            "ctrl+e",
            "edit_participant",
            "Edit participant",
            "Change the highlighted participant's role and customer type or team (enter on the list too)",
            priority=True,
            short="Edit",
        ),
        Action("settings.back", "escape", "back", "Back", "Back to the overview (asks first if something is unsaved)"),
    ],
)

PERSON_ACTIONS = register(
    "settings.person",
    "Study settings: participant",
    [
        Action("settings.person.save", "ctrl+s", "save", "Save", "Save the participant", priority=True),
        Action("settings.person.cancel", "escape", "cancel", "Cancel", "Close without changing anything"),
    ],
)

HELP_INTRO = N_(
    "[b]The study's settings.[/b] Tab moves between the fields; [b]ctrl+s[/b] saves them all at once (a bad "
    "value is named and nothing is lost). Participants are saved one at a time from their own dialog: "
    "customers have a customer type, staff a team, suggested from the study's earlier values."
)
