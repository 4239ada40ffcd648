"""``trodden target DIR``: start the target map from the current one (same phases, every item kept,
the curve as it is), to mark what changes and set the target curve by hand."""

from __future__ import annotations

from .common import add_study_arg, left_out, open_study, say


def register(sub) -> None:
    parser = sub.add_parser(
        "target",
        help="start the target map from the current map",
        description=(
            "Start the target map beside the current one: the same phases, every touchpoint and moment of truth "
            "kept, the curve as it is now. Then mark items to change or remove, add new ones and set the target "
            "curve in the map's problem-area screen (p, then T). Nothing is overwritten if one exists."
        ),
    )
    add_study_arg(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.models.change.store import edit_plan
    from trodden.models.change.target import start_target
    from trodden.models.interchange import read_map
    from trodden.models.map.curve import emotion_curve
    from trodden.models.map.evidence import load_study_map
    from trodden.models.map.journey_map import JourneyMap

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
        say(f"The target map is already started ({len(plan.target_items)} items); nothing was changed.")
        return status
    say(
        f"Target map started: {len(plan.target_items)} items kept from the current map, "
        f"{len(plan.target_curve)} phases on the target curve (set by hand from here)."
    )
    return status
