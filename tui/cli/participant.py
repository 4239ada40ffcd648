"""``trodden participant DIR add|edit|list``: who takes part, customers of a type and staff.

A participant may be added before their interview (planned), so the list shows who is still
to be interviewed and how the customer types are spread. Customer types are matched to the
study's earlier spelling, and the study's types are named whenever a new one appears.
"""

from __future__ import annotations

from trodden.models.errors import StoreError
from trodden.models.names import visible
from trodden.tui.i18n import N_, _, quoted
from trodden.tui.words import word

from .common import add_study_arg, open_study, participant_code, say, warn


def register(sub) -> None:
    parser = sub.add_parser(
        "participant",
        help=_("add, edit and list participants (customers and staff)"),
        description=(
            _(
                "Participants are customers (with a customer type, free text such as 'first-time buyer') or "
                "staff (with a team, such as 'warehouse'). Only customers count in the customer curve and in "
                "n of N; staff interviews feed the staff view. Add participants before their interview to "
                "plan who to recruit."
            )
        ),
    )
    add_study_arg(parser)
    actions = parser.add_subparsers(dest="action", required=True, metavar="add|edit|list")
    for name, text in (("add", N_("add a planned participant")), ("edit", N_("change a participant's role or type"))):
        action = actions.add_parser(name, help=_(text), description=_(text))
        action.add_argument("code", metavar="CODE", type=participant_code, help=_("participant code, e.g. P3"))
        add_who_args(action, edit=name == "edit")
    actions.add_parser("list", help=_("list participants: role, team or customer type, planned or interviewed"))
    parser.set_defaults(run=run)


def add_who_args(parser, *, edit: bool = False) -> None:
    """``--segment TYPE`` (a customer) or ``--staff [TEAM]``, and for edit ``--customer``."""
    who = parser.add_mutually_exclusive_group()
    who.add_argument(
        "--segment",
        metavar="TYPE",
        help=_("a customer of this type, e.g. 'first-time buyer' (the study's types are listed by 'list')"),
    )
    who.add_argument(
        "--staff", nargs="?", const="", metavar="TEAM", help=_("a member of staff, with their team or role")
    )
    if edit:
        who.add_argument("--customer", action="store_true", help=_("a customer again (keeps the customer type)"))


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
    kind = _("staff ({team})").format(team=person.team) if person.is_staff and person.team else word(person.role)
    if not person.is_staff and person.segment:
        kind += f", {person.segment}"
    done = _("added {code}: {kind}") if args.action == "add" else _("changed {code}: {kind}")
    say(done.format(code=person.code, kind=kind))
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
            missing = _("no participant {code} in {folder}; add one with 'trodden participant DIR add {code}'")
            raise StoreError(missing.format(code=code, folder=store.path))
        if person is not None and create and not exists_ok:
            already = _("{code} is already a participant; change it with 'trodden participant DIR edit'")
            raise StoreError(already.format(code=person.code))
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
        new = _("new team {name}") if person.is_staff else _("new customer type {name}")
        note = new.format(name=quoted(matched))
        if before:
            note += "; " + _("the study's others: {names}").format(names=", ".join(before))
    return person, note


def list_participants(store) -> int:
    from trodden.models.participants import overview_line, plan

    interviews, problems = store.interviews()
    rows = plan(store.participants, interviews)
    if not rows:
        say(_("no participants yet: add one with 'trodden participant DIR add P1 --segment TYPE'"))
        return 0
    width = max(4, *(len(row.code) for row in rows))
    heads = [_("code"), _("role"), _("team / customer type"), _("status")]
    width = max(width, len(heads[0]))
    roles = max(8, len(heads[1]), *(len(word(row.role)) for row in rows))
    kinds = max([len(heads[2]), *(len(visible(row.kind_text, one_line=True)) for row in rows)])
    say(f"{heads[0].ljust(width)}  {heads[1].ljust(roles)}  {heads[2].ljust(kinds)}  {heads[3]}")
    for row in rows:
        held = f" ({row.interviews})" if row.interviews > 1 else ""
        kind = visible(row.kind_text, one_line=True) or "-"
        say(f"{row.code.ljust(width)}  {word(row.role).ljust(roles)}  {kind.ljust(kinds)}  {row.status}{held}")
    say(overview_line(store.participants, interviews))
    for problem in problems:
        warn(_("left out: {what}").format(what=problem))
    return 1 if problems else 0
