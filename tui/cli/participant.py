"""``trodden participant DIR add|edit|list``: who takes part, customers of a type and staff.

A participant may be added before their interview (planned), so the list shows who is still
to be interviewed and how the customer types are spread. Customer types are matched to the
study's earlier spelling, and the study's types are named whenever a new one appears.
"""

from __future__ import annotations

from trodden.models.errors import StoreError
from trodden.models.names import visible

from .common import add_study_arg, open_study, participant_code, say, warn


def register(sub) -> None:
    parser = sub.add_parser(
        "participant",
        help="add, edit and list participants (customers and staff)",
        description=(
            "Participants are customers (with a customer type, free text such as 'first-time buyer') or "
            "staff (with a team, such as 'warehouse'). Only customers count in the customer curve and in "
            "n of N; staff interviews feed the staff view. Add participants before their interview to "
            "plan who to recruit."
        ),
    )
    add_study_arg(parser)
    actions = parser.add_subparsers(dest="action", required=True, metavar="add|edit|list")
    for name, text in (("add", "add a planned participant"), ("edit", "change a participant's role or type")):
        action = actions.add_parser(name, help=text, description=text)
        action.add_argument("code", metavar="CODE", type=participant_code, help="participant code, e.g. P3")
        add_who_args(action, edit=name == "edit")
    actions.add_parser("list", help="list participants: role, team or customer type, planned or interviewed")
    parser.set_defaults(run=run)


def add_who_args(parser, *, edit: bool = False) -> None:
    """``--segment TYPE`` (a customer) or ``--staff [TEAM]``, and for edit ``--customer``."""
    who = parser.add_mutually_exclusive_group()
    who.add_argument(
        "--segment",
        metavar="TYPE",
        help="a customer of this type, e.g. 'first-time buyer' (the study's types are listed by 'list')",
    )
    who.add_argument("--staff", nargs="?", const="", metavar="TEAM", help="a member of staff, with their team or role")
    if edit:
        who.add_argument("--customer", action="store_true", help="a customer again (keeps the customer type)")


def run(args) -> int:
    store = open_study(args.dir)
    if args.action == "list":
        return list_participants(store)
    person, note = set_who(
        store,
        args.code,
        segment=args.segment,
        staff=args.staff,
        customer=getattr(args, "customer", False),
        create=args.action == "add",
    )
    kind = f"staff ({person.team})" if person.is_staff and person.team else person.role.value
    if not person.is_staff and person.segment:
        kind += f", {person.segment}"
    say(f"{'added' if args.action == 'add' else 'changed'} {person.code}: {kind}")
    if note:
        say(note)
    return 0


def set_who(store, code: str, *, segment=None, staff=None, customer=False, create=True, exists_ok=False):
    """Add (``create``) or change participant ``code``; returns it and a line on new types, if any.

    ``exists_ok``: add or change, whichever applies (capture's start). A type that differs
    from the study's only by case or spaces takes the study's spelling.
    """
    from trodden.models.domain import Participant, Role
    from trodden.models.participants import known_types, match_type, set_role

    before = known_types(store.participants, staff=staff is not None)

    def change(data) -> None:
        person = data.participant(code)
        if person is None and not create:
            raise StoreError(
                f"no participant {code} in {store.path}; add one with 'trodden participant DIR add {code}'"
            )
        if person is not None and create and not exists_ok:
            raise StoreError(f"{person.code} is already a participant; change it with 'trodden participant DIR edit'")
        if person is None:
            person = Participant(code=code)
            data.participants.append(person)
        if staff is not None:
            set_role(person, Role.STAFF, match_type(staff, data.participants, staff=True) if staff else None)
        elif segment is not None:
            set_role(person, Role.CUSTOMER, match_type(segment, data.participants))
        elif customer:
            set_role(person, Role.CUSTOMER, None)

    person = store.update(change).participant(code)
    text = (staff if staff is not None else segment) or ""
    matched = person.team if person.is_staff else person.segment
    note = None
    if text and matched.casefold() not in {known.casefold() for known in before}:
        what = "team" if person.is_staff else "customer type"
        note = f"new {what} {matched!r}" + (f"; the study's others: {', '.join(before)}" if before else "")
    return person, note


def list_participants(store) -> int:
    from trodden.models.participants import overview_line, plan

    interviews, problems = store.interviews()
    rows = plan(store.participants, interviews)
    if not rows:
        say("no participants yet: add one with 'trodden participant DIR add P1 --segment TYPE'")
        return 0
    width = max(4, *(len(row.code) for row in rows))
    kinds = max([len("team / customer type"), *(len(visible(row.kind_text, one_line=True)) for row in rows)])
    say(f"{'code'.ljust(width)}  role      {'team / customer type'.ljust(kinds)}  status")
    for row in rows:
        held = f" ({row.interviews})" if row.interviews > 1 else ""
        kind = visible(row.kind_text, one_line=True) or "-"
        say(f"{row.code.ljust(width)}  {row.role.value.ljust(8)}  {kind.ljust(kinds)}  {row.status}{held}")
    say(overview_line(store.participants, interviews))
    for problem in problems:
        warn(f"left out: {problem}")
    return 1 if problems else 0
