"""The overview's two summary lines in the interface's language.

``models`` words them in English for the command line (``overview_line``, ``SaturationVerdict.line``);
the overview builds the same lines from the same figures here, through ``_``.
"""

from __future__ import annotations

from collections.abc import Iterable

from trodden.models.domain import Interview, Participant, Role
from trodden.models.participants import TYPES_SHOWN, plan
from trodden.models.stats import SaturationVerdict
from trodden.tui.i18n import _


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def overview_text(participants: Iterable[Participant], interviews: Iterable[Interview]) -> str:
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
            shown.append(_("1 more type") if more == 1 else _("{n} more types").format(n=more))
        parts.append(", ".join(shown))
    if staff:
        interviewed = sum(1 for row in staff if row.interviews)
        if interviewed == len(staff):
            parts.append(_("staff {n}").format(n=interviewed))
        else:
            parts.append(_("staff {n} of {total}").format(n=interviewed, total=len(staff)))
    return " · ".join(parts)


def verdict_text(verdict: SaturationVerdict) -> str:
    """``4 of 15-20 customer interviews · saturation not yet: last 3 added 30% new``."""
    low, high = verdict.guidance
    guidance = _("{n} of {low}-{high} customer interviews").format(n=verdict.interviews, low=low, high=high)
    if verdict.verdict == "too early":
        if verdict.interviews > verdict.window:
            said = _("saturation: too early (nothing tagged yet)")
        else:
            said = _("saturation: too early (from {n} interviews)").format(n=verdict.window + 1)
    else:
        said = (
            _("saturation likely: last {window} added {share}% new")
            if verdict.verdict == "likely"
            else _("saturation not yet: last {window} added {share}% new")
        ).format(window=verdict.window, share=round(verdict.share * 100))
    return f"{guidance} · {said}"
