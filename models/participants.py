"""Who takes part: customers of a type and members of staff with a team, planned or interviewed.

The method asks for participants chosen broadly across customer types, and for staff
interviews kept apart from the customers'. These are the pure rules behind ``trodden new
--participant``, ``trodden participant`` and the overview's line: a spec parsed, a type
matched to the study's earlier spelling, and the recruiting plan (who is still to come).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .domain import Interview, InterviewStatus, Participant, Role
from .errors import StoreError
from .i18n import _, ngettext
from .names import clean_participant_code, visible
from .natural_sort import natural_key

ROLES = tuple(role.value for role in Role)


def parse_spec(spec: str) -> Participant:
    """``P1``, ``P1:customer:first-time buyer`` or ``P7:staff:warehouse`` as a participant.

    The text after the second colon is the customer type (customers) or team (staff) and
    may itself hold colons. Raises ``StoreError`` with a one-line reason.
    """
    code, _sep, rest = spec.partition(":")
    role_text, _sep, text = rest.partition(":")
    cleaned = clean_participant_code(code)
    if cleaned != code.strip():
        message = _("{code} is not a participant code: use letters, digits, - and _ (like P3)")
        raise StoreError(message.format(code=repr(code)))
    role = role_text.strip().casefold() or Role.CUSTOMER.value
    if role not in ROLES:
        message = _("{spec}: the role is {roles}, not {role} (CODE:ROLE:TYPE)")
        raise StoreError(message.format(spec=repr(spec), roles=" or ".join(ROLES), role=repr(role_text.strip())))
    text = " ".join(text.split())
    if role == Role.STAFF:
        return Participant(code=cleaned, role=Role.STAFF, team=text)
    return Participant(code=cleaned, segment=text)


MAX_TYPE = 100
"""the longest customer type or team name taken (they head columns, charts and the overview)"""


def known_types(participants: Iterable[Participant], *, staff: bool = False) -> list[str]:
    """The study's customer types (``staff``: teams), as first written, in first-seen order."""
    seen: dict[str, str] = {}
    for person in participants:
        if person.is_staff == staff and person.kind_text:
            seen.setdefault(person.kind_text.casefold(), person.kind_text)
    return list(seen.values())


def match_type(text: str, participants: Iterable[Participant], *, staff: bool = False) -> str:
    """``text`` as the study already spells it ("First-time  buyer" -> "first-time buyer"), so
    one customer type is not counted as two; a new type is kept as typed (spaces tidied). A type
    or team is a name, as a study's settings are: a control character or a paste of over
    ``MAX_TYPE`` characters is refused (``StoreError``), naming it."""
    text = " ".join(text.split())
    what = _("a team") if staff else _("a customer type")
    hidden = next((char for char in text if visible(char, one_line=True) != char), None)
    if hidden is not None:
        shown = visible(hidden, one_line=True)
        message = _("{what} is one line of plain text, but {text} has a control character ({shown})")
        raise StoreError(message.format(what=what, text=repr(visible(text)), shown=shown))
    if len(text) > MAX_TYPE:
        message = _("{what} is at most {longest} characters; this one has {length}")
        raise StoreError(message.format(what=what, longest=MAX_TYPE, length=len(text)))
    for known in known_types(participants, staff=staff):
        if known.casefold() == text.casefold():
            return known
    return text


def set_role(person: Participant, role: Role, text: str | None) -> None:
    """Make ``person`` a customer (``text``: the customer type) or staff (``text``: the team).

    The other field is kept, so switching back and forth loses nothing typed.
    """
    person.role = role
    if text is not None:
        if role is Role.STAFF:
            person.team = text
        else:
            person.segment = text


def put_participant(participants: list[Participant], code: str, role: Role, text: str, *, new: bool) -> Participant:
    """Add (``new``) or change participant ``code`` in ``participants`` (in place), as a customer of a
    type or staff of a team; the type takes the study's earlier spelling. Raises ``StoreError``
    for a code that is taken (new), missing (change) or would not do as a file name."""
    code = clean_participant_code(code)
    person = next((p for p in participants if p.code.casefold() == code.casefold()), None)
    if new and person is not None:
        raise StoreError(_("{code} is already a participant").format(code=person.code))
    if not new and person is None:
        raise StoreError(_("no participant {code}").format(code=code))
    if person is None:
        person = Participant(code=code)
        participants.append(person)
    others = [p for p in participants if p is not person]
    set_role(person, role, match_type(text, others, staff=role is Role.STAFF))
    return person


@dataclass(frozen=True)
class PlanRow:
    """A participant and how far their interviews have come."""

    code: str
    role: Role
    kind_text: str
    interviews: int
    """interviews held or under way (planned ones do not count)"""

    @property
    def status(self) -> str:
        """``interviewed`` or ``planned``, in the interface's language."""
        return _("interviewed") if self.interviews else _("planned")


def plan(participants: Iterable[Participant], interviews: Iterable[Interview]) -> list[PlanRow]:
    """Every participant, planned or interviewed, customers first, in code order."""
    held: dict[str, int] = {}
    for interview in interviews:
        if interview.status is not InterviewStatus.PLANNED:
            key = interview.participant.casefold()
            held[key] = held.get(key, 0) + 1
    rows = [
        PlanRow(person.code, person.role, person.kind_text, held.get(person.code.casefold(), 0))
        for person in participants
    ]
    return sorted(rows, key=lambda row: (row.role is Role.STAFF, natural_key(row.code)))


def still_to_interview(participants: Iterable[Participant], interviews: Iterable[Interview]) -> list[PlanRow]:
    """Participants with no interview at all (a planned interview is listed as one already):
    who is left to interview, customers first, in code order."""
    listed = {interview.participant.casefold() for interview in interviews}
    return [row for row in plan(participants, ()) if row.code.casefold() not in listed]


def overview_line(participants: Iterable[Participant], interviews: Iterable[Interview]) -> str:
    """``Customers: 5 of 8 interviewed · first-time buyer 2, plant lover 3 · staff 1``."""
    rows = plan(participants, interviews)
    customers = [row for row in rows if row.role is Role.CUSTOMER]
    staff = [row for row in rows if row.role is Role.STAFF]
    done = [row for row in customers if row.interviews]
    parts = [_("Customers: {done} of {total} interviewed").format(done=len(done), total=len(customers))]
    types: dict[str, int] = {}
    for row in done:
        name = row.kind_text or _("type not given")
        types[name] = types.get(name, 0) + 1
    if types:  # most first; a long tail of one-off types is counted, not listed
        ranked = sorted(types.items(), key=lambda pair: -pair[1])
        shown = [f"{_short(name)} {count}" for name, count in ranked[:TYPES_SHOWN]]
        if len(ranked) > TYPES_SHOWN:
            more = len(ranked) - TYPES_SHOWN
            shown.append(ngettext("{n} more type", "{n} more types", more).format(n=more))
        parts.append(", ".join(shown))
    if staff:
        interviewed = sum(1 for row in staff if row.interviews)
        if interviewed == len(staff):
            parts.append(_("staff {n}").format(n=interviewed))
        else:
            parts.append(_("staff {n} of {total}").format(n=interviewed, total=len(staff)))
    return " · ".join(parts)


TYPES_SHOWN = 3
"""Customer types named in the overview's line (the rest are counted)."""


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
