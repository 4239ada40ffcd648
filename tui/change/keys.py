"""Every key of the problem-area screen and its priority matrix, in the one action registry."""

from __future__ import annotations

from trodden.tui.actions import Action, register
from trodden.tui.i18n import N_

ACTIONS = register(
    "change",
    "Problem areas",
    [
        Action(
            "change.switch",
            "tab",
            "switch",
            "Areas/ideas",
            "Switch between the areas and the area's ideas",
            priority=True,
            short="Switch",
        ),
        Action(
            "change.moments",
            "m",
            "from_moments",
            "From moments",
            "Make a problem area of every moment of truth that has none yet",
            short="Moments",
        ),
        Action(
            "change.new",
            "n",
            "new_area",
            "New area",
            "New problem area from a moment of truth, a thundercloud, a phase, or by title",
            short="New",
        ),
        Action("change.idea", "a", "add_idea", "Add idea", "Add an idea or action under the area", short="Idea"),
        Action("change.priority", "p", "priority", "Priority", "Set impact and effort, 1-5 each (e.g. 4 2)"),
        Action("change.matrix", "x", "matrix", "Matrix", "The priority matrix: move the area with the arrows"),
        Action(
            "change.write",
            "w",
            "write_up",
            "Write-up",
            "Write the customer's experience in a few sentences (from the customer's side)",
            short="Write",
        ),
        Action("change.quotes", "q", "quotes", "Quotes", "Pick (or unpick) a verbatim quote from the area's evidence"),
        Action(
            "change.questions",
            "d",
            "questions",
            "Design questions",
            'Edit the design questions ("How might we ..."), separated by |',
            short="Questions",
        ),
        Action(
            "change.target",
            "T",
            "start_target",
            "Target map",
            "The target map: started from the current map (once); mark items kept, changed, removed, new",
            short="Target",
        ),
        Action("change.undo", "u", "undo", "Undo", "Undo the last change (again for the one before)"),
        Action("change.back", "escape", "back", "Back", "Back to the map"),
        Action("change.rename", "r", "rename", "Rename", "Rename the problem area", show=False),
        Action(
            "change.sort",
            "s",
            "sort",
            "Sort",
            "Sort by the next rule (priority, impact, effort, evidence) and keep that order",
            show=False,
        ),
        Action("change.up", "shift+up", "move(-1)", "Move ↑", "Move the area up in the order", show=False),
        Action("change.down", "shift+down", "move(1)", "Move ↓", "Move the area down in the order", show=False),
        Action("change.edit_idea", "enter", "edit_idea", "Edit idea", "Ideas: edit the idea's text", show=False),
        Action(
            "change.kind", "k", "idea_kind", "Kind", "Ideas: prototype, job to be done, narrative or action", show=False
        ),
        Action(
            "change.status", "space", "idea_status", "Status", "Ideas: idea, trying, decided, done, dropped", show=False
        ),
        Action("change.owner", "o", "idea_owner", "Owner", "Ideas: the owner's initials", show=False),
        Action(
            "change.effect",
            "e",
            "idea_effect",
            "Effect",
            'Ideas: the effect it should have ("fewer calls about the invoice")',
            show=False,
        ),
        Action("change.outcome", "h", "idea_outcome", "Happened", "Ideas: note what happened", show=False),
        Action(
            "change.remove",
            "delete,backspace",
            "remove",
            "Remove",
            "Remove the idea (ideas) or the area with its ideas (areas); u brings it back",
            show=False,
        ),
        Action(
            "change.target_value",
            "v",
            "target_value",
            "Target value",
            "Set the target curve in the area's phase by hand, with a reason (e.g. 1.5 fewer calls)",
            show=False,
        ),
        Action("change.redo", "U", "redo", "Redo", "Redo what undo took back", show=False),
    ],
)

MATRIX_ACTIONS = register(
    "change.matrix",
    "Problem areas: priority matrix",
    [
        Action("change.matrix.up", "up", "shift(1,0)", "Impact +", "More impact"),
        Action("change.matrix.down", "down", "shift(-1,0)", "Impact −", "Less impact"),
        Action("change.matrix.right", "right", "shift(0,1)", "Effort +", "More effort"),
        Action("change.matrix.left", "left", "shift(0,-1)", "Effort −", "Less effort"),
        Action("change.matrix.next", "tab", "next_area(1)", "Next area", "The next area", priority=True),
        Action("change.matrix.prev", "shift+tab", "next_area(-1)", "Previous", "The previous area", show=False),
        Action("change.matrix.close", "escape,enter,x", "close", "Close", "Back to the problem areas"),
    ],
)

HELP_INTRO = N_(
    "[b]From map to change.[/b] Every moment of truth heads a problem area ([b]m[/b] makes the missing ones); "
    "add others from the map's thunderclouds or phases ([b]n[/b]). Write each up from the customer's side "
    "([b]w[/b]), pick verbatim quotes from its evidence ([b]q[/b]), set impact and effort ([b]p[/b], or move it "
    "on the matrix with [b]x[/b]; the list says I5 E2 for impact 5, effort 2) and add ideas under it ([b]a[/b]): prototypes, jobs to be done, narratives, "
    "actions, each with an owner and a status. Evidence (n of N customers) is computed from the linked items; "
    "staff never count in it. Saved as you go; [b]u[/b] undoes."
)

TARGET_ACTIONS = register(
    "change.target",
    "Problem areas: target map",
    [
        Action("change.target.keep", "k", "fate('keep')", "Keep", "The item stays as it is in the target state"),
        Action("change.target.change", "c", "change_item", "Change", "The item changes: say how"),
        Action("change.target.remove", "x", "fate('remove')", "Remove", "The item is gone in the target state"),
        Action("change.target.new", "n", "new_item", "New", "A new target item in this phase (needs no evidence)"),
        Action(
            "change.target.answers",
            "a",
            "answers",
            "Answers area",
            "The change answers the problem area selected on the area screen (again: it does not)",
        ),
        Action("change.target.value", "v", "value", "Target value", "Set this phase's target curve, with a reason"),
        Action("change.target.undo", "u", "undo", "Undo", "Undo the last change", show=False),
        Action("change.target.redo", "U", "redo", "Redo", "Redo what undo took back", show=False),
        Action("change.target.close", "escape", "close", "Close", "Back to the problem areas"),
    ],
)
