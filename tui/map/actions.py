"""Every key of the map screen, in the one action registry (footer, palette, help)."""

from __future__ import annotations

from trodden.tui.actions import Action, in_panel, register
from trodden.tui.i18n import N_

_PLACE = [
    Action(
        f"map.place{n}",
        str(n),
        f"place({n})",
        N_("Place in phase") if n == 1 else N_("Phase {n}").format(n=n),
        N_("Inbox: place the note in phase {n}. Board: move the item to phase {n}").format(n=n),
        show=n == 1,
    )
    for n in range(1, 10)
]

INBOX_KEYS = {"map.attach", "map.attach_similar", "map.quote", "map.filter", "map.plain", "map.column"}
"""Keys that act on the inbox's note: the footer shows them while the inbox has the focus."""
BOARD_KEYS = {
    *("map.select", "map.merge", "map.duplicates", "map.move_left", "map.move_right", "map.reorder_up"),
    *("map.reorder_down", "map.heart", "map.cloud", "map.new_moment", "map.new", "map.rename", "map.backstage"),
    *("map.remove", "map.override", "map.lines", "map.kind", "map.lane_up", "map.lane_down"),
}
"""Keys that act on the board's item or cell: shown while the board has the focus."""

ACTIONS = register(
    "map",
    "Journey map",
    in_panel(
        "board",
        BOARD_KEYS,
        in_panel(
            "inbox",
            INBOX_KEYS,
            [
                Action(
                    "map.up",
                    "up",
                    "cursor(0,-1)",
                    "Up",
                    "Move up (board: to the lane above at the top of a cell)",
                    show=False,
                ),
                Action("map.down", "down", "cursor(0,1)", "Down", "Move down", show=False),
                Action("map.left", "left", "cursor(-1,0)", "Left", "Board: previous phase", show=False),
                Action("map.right", "right", "cursor(1,0)", "Right", "Board: next phase", show=False),
                Action("map.lane_up", "pageup", "lane(-1)", "Lane up", "Board: jump to the lane above", show=False),
                Action(
                    "map.lane_down", "pagedown", "lane(1)", "Lane down", "Board: jump to the lane below", show=False
                ),
                Action(
                    "map.switch",
                    "tab",
                    "switch",
                    "Board/inbox",
                    "Switch between the board and the inbox",
                    priority=True,
                    short="Switch",
                ),
                *_PLACE,
                Action(
                    "map.open",
                    "enter",
                    "open",
                    "Open/place",
                    "Board: open the item's evidence. Inbox: place the note in its own phase",
                    short="Open",
                ),
                Action(
                    "map.attach",
                    "a",
                    "attach",
                    "Add to item",
                    "Add the inbox note as evidence of the board's item (same thing said again)",
                    short="Add",
                ),
                Action(
                    "map.attach_similar",
                    "equals_sign",
                    "attach_similar",
                    "Add to similar",
                    "Add the inbox note to the most similar item shown",
                    show=False,
                ),
                Action(
                    "map.quote",
                    "q",
                    "quote",
                    "Pick quote",
                    "Pick the inbox note as a verbatim quote of its phase (or the board's phase)",
                    short="Quote",
                ),
                Action(
                    "map.select",
                    "space",
                    "select",
                    "Select",
                    "Board: select an item to merge (again to unselect)",
                    show=False,
                ),
                Action(
                    "map.merge",
                    "g",
                    "merge",
                    "Merge",
                    "Merge the selected items into the item under the cursor, keeping all evidence",
                ),
                Action(
                    "map.duplicates",
                    "d",
                    "duplicates",
                    "Duplicates",
                    "Suggest likely duplicates (similar text, same phase and channel)",
                    short="Dups",
                ),
                Action(
                    "map.move_left",
                    "shift+left",
                    "move_phase(-1)",
                    "Move ←",
                    "Move the item to the previous phase",
                    show=False,
                ),
                Action(
                    "map.move_right",
                    "shift+right",
                    "move_phase(1)",
                    "Move →",
                    "Move the item to the next phase",
                    show=False,
                ),
                Action(
                    "map.reorder_up", "shift+up", "reorder(-1)", "Move ↑", "Move the item up in its cell", show=False
                ),
                Action(
                    "map.reorder_down",
                    "shift+down",
                    "reorder(1)",
                    "Move ↓",
                    "Move the item down in its cell",
                    show=False,
                ),
                Action(
                    "map.heart",
                    "h",
                    "mark('heart')",
                    "Heart",
                    "Mark (or unmark) the item as a heart: among the strongest positive",
                    short="♥",
                ),
                Action(
                    "map.cloud",
                    "t",
                    "mark('cloud')",
                    "Cloud",
                    "Mark (or unmark) the item as a thundercloud: among the most negative",
                    short="☁",
                ),
                Action(
                    "map.moment",
                    "m",
                    "promote",
                    "Moment",
                    "Promote the item to a moment of truth, with a design question",
                    short="★",
                ),
                Action(
                    "map.new_moment",
                    "M",
                    "new_moment",
                    "New moment",
                    "Write a moment of truth in this phase",
                    show=False,
                ),
                Action(
                    "map.new",
                    "n",
                    "new_item",
                    "New item",
                    "Write an item in this cell: a hypothesis until notes back it",
                    show=False,
                ),
                Action("map.rename", "r", "rename", "Rename", "Rename the item", show=False),
                Action(
                    "map.backstage",
                    "b",
                    "backstage",
                    "Backstage kind",
                    "Backstage item: people, policy, system, staff experience",
                    show=False,
                ),
                Action(
                    "map.remove",
                    "delete,backspace",
                    "remove",
                    "Remove",
                    "Remove the item or quote (press twice); its notes go back to the inbox",
                    show=False,
                ),
                Action(
                    "map.override",
                    "v",
                    "override",
                    "Curve value",
                    "Set (or clear) a manual curve value for this phase",
                    show=False,
                ),
                Action(
                    "map.lines",
                    "l",
                    "participant_lines",
                    "Curve detail",
                    "Curve detail: one line per participant, then per touchpoint",
                    show=False,
                ),
                Action(
                    "map.filter",
                    "slash",
                    "filter",
                    "Filter",
                    "Filter the inbox: @channel #tag kind:quote theme:2 phase:1 P3 + - words",
                ),
                Action(
                    "map.plain",
                    "P",
                    "plain_notes",
                    N_("Plain notes"),
                    N_("Inbox: notes without a marker from cleaned interviews (the default), from all, or none"),
                    show=False,
                ),
                Action(
                    "map.clear_filter",
                    "escape",
                    "clear_filter",
                    "Back",
                    "Clear the inbox filter, then the merge selection, then go back to the overview",
                    show=False,
                ),
                Action(
                    "map.phase_rename",
                    "R",
                    "phase_rename",
                    "Rename phase",
                    "Rename the phase under the cursor",
                    show=False,
                ),
                Action(
                    "map.phase_add",
                    "A",
                    "phase_add",
                    "Add phase",
                    "Add a phase after the one under the cursor",
                    show=False,
                ),
                Action(
                    "map.phase_remove",
                    "X",
                    "phase_remove",
                    "Remove phase",
                    "Remove the phase under the cursor (only when nothing is on it)",
                    show=False,
                ),
                Action(
                    "map.phase_left",
                    "less_than_sign",
                    "phase_move(-1)",
                    "Phase ←",
                    "Move the phase one column left",
                    show=False,
                ),
                Action(
                    "map.phase_right",
                    "greater_than_sign",
                    "phase_move(1)",
                    "Phase →",
                    "Move the phase one column right",
                    show=False,
                ),
                Action(
                    "map.checks",
                    "c",
                    "checks",
                    "Checks",
                    "Method checks: funnel names, counts of hearts/clouds/moments...",
                ),
                Action(
                    "map.hypothesis",
                    "H",
                    "hypothesis",
                    "Hypothesis",
                    "What the interviews did to the hypothesis: confirmed, contradicted, unbacked, new",
                    show=False,
                ),
                Action(
                    "map.stats",
                    "s",
                    "stats",
                    "Stats",
                    "Participants per item, tag and channel; saturation per interview",
                ),
                Action(
                    "map.changes",
                    "w",
                    "changes",
                    "What changed",
                    "Edits two researchers made at the same time, with who and when; enter takes the other side",
                    show=False,
                ),
                Action(
                    "map.column",
                    "f",
                    "column_filter",
                    "This column",
                    "Show only the inbox notes that carry the phase under the board's cursor (again: all)",
                    show=False,
                ),
                Action(
                    "map.areas",
                    "p",
                    "problem_areas",
                    "Problem areas",
                    "From map to change: problem areas, priorities, ideas and actions",
                    show=False,
                ),
                Action(
                    "map.target",
                    "T",
                    "target_map",
                    "Target map",
                    "Start the target map from this map (in the problem-area screen)",
                    show=False,
                ),
                Action(
                    "map.undo",
                    "u,ctrl+z",
                    "undo",
                    "Undo",
                    "Undo the last change to the map, an item's or a phase's (again for the one before)",
                ),
                Action("map.redo", "U", "redo", "Redo", "Redo what undo took back", show=False),
                Action(
                    "map.kind",
                    "k",
                    "cycle_kind",
                    "Lane",
                    "Move the item between lanes: touchpoint, backstage (a moment goes back to touchpoints)",
                    show=False,
                ),
                Action("map.reload", "f5", "reload", "Reload", "Re-read the notes and the map from disk", show=False),
            ],
        ),
    ),
)

HELP_INTRO = N_(
    "[b]The mapping board.[/b] Phases are columns, lanes are rows. The inbox below holds the tagged notes "
    "not yet on the map (their phase number first). Place a note with its phase number, add more notes "
    "to the same item with [b]a[/b] (or [b]=[/b] for the suggested one), pick quotes with [b]q[/b]. "
    "Items show n/N participants; ┆? marks a hypothesis (no evidence). Everything is saved as you go; "
    "[b]u[/b] or [b]ctrl+z[/b] undoes the last edit, of an item or a phase, and [b]U[/b] does it again."
)
