"""``trodden target DIR``: start the target map from the current one (same phases, every item kept,
the curve as it is), to mark what changes and set the target curve by hand."""

from __future__ import annotations

from trodden.tui.i18n import _, ngettext

from .common import add_study_arg, left_out, open_study, say


def register(sub) -> None:
    parser = sub.add_parser(
        "target",
        help=_("start the target map from the current map"),
        description=(
            _(
                "Start the target map beside the current one: the same phases, every touchpoint and moment of truth "
                "kept, the curve as it is now. Then mark items to change or remove, add new ones and set the target "
                "curve in the map's problem-area screen (p, then T). Nothing is overwritten if one exists."
            )
        ),
    )
    add_study_arg(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.models.change.store import edit_plan
    from trodden.models.change.target import start_target
    from trodden.models.map.curve import emotion_curve
    from trodden.models.map.evidence import load_study_map
    from trodden.models.map.journey_map import JourneyMap
    from trodden.models.map.map_session import read_study_map as read_map

    store = open_study(args.dir)
    loaded = load_study_map(store, read_map(store) or JourneyMap())
    curve = emotion_curve(store.phases, loaded.index, loaded.journey)
    started = []

    def make(plan, plans):
        change = start_target(plan, store.phases, loaded.journey, curve, plans.next_id)
        started.append(bool(change))
        return change

    plan = edit_plan(store.path, make)
    status = left_out(store, loaded.problems)
    if not started[0]:
        items = len(plan.target_items)
        already = ngettext(
            "The target map is already started ({n} item); nothing was changed.",
            "The target map is already started ({n} items); nothing was changed.",
            items,
        )
        say(already.format(n=items))
        return status
    items = ngettext(
        "Target map started: {n} item kept from the current map,",
        "Target map started: {n} items kept from the current map,",
        len(plan.target_items),
    ).format(n=len(plan.target_items))
    phases = ngettext(
        "{n} phase on the target curve (set by hand from here).",
        "{n} phases on the target curve (set by hand from here).",
        len(plan.target_curve),
    ).format(n=len(plan.target_curve))
    say(f"{items} {phases}")
    return status
