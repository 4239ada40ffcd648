"""The journey report as one model: every figure and every piece of text the formats show.

``report_assemble.assemble`` builds a ``Report`` from a study, purely; Markdown, Word and
Mermaid only lay its fields out, so the formats can never disagree about a number. The
small helpers here say how numbers and times read in every format.

Participants appear only by their codes; real names never enter the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .i18n import Labels

QUOTE_SHORT = 90
"""Characters of a quote shown in the map table (the full quote is in its phase)."""


def clock(seconds: float) -> str:
    """Time into an interview as ``mm:ss`` (``h:mm:ss`` past an hour), for tracing a quote."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def signed(value: float) -> str:
    """``+1.3``, ``−0.5``, ``0.0`` (a real minus sign, which reads better in print)."""
    text = f"{abs(value):.1f}"
    if text == "0.0":
        return text
    return ("+" if value > 0 else "−") + text


def score(value: float | None) -> int | None:
    """A feeling -2..+2 as a 1-5 score (Mermaid's journey scale)."""
    if value is None:
        return None
    return max(1, min(5, round(value) + 3))


def shorten(text: str, limit: int = QUOTE_SHORT) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return (cut or flat[: limit - 1]) + "…"


# ------------------------------------------------------------------ the model
@dataclass(frozen=True)
class Source:
    """One interview note as evidence or a chosen quote, traceable to its interview."""

    note_id: str
    interview: str
    participant: str
    time: str
    text: str
    quoted: str
    """the text in the language's quotation marks"""
    short: str
    """``quoted`` shortened for the map table"""
    valence: int | None
    verified: bool = False
    """A quote whose words the interview's transcript shows were said, word for word."""
    is_quote: bool = False

    @property
    def as_evidence(self) -> str:
        """The note as the evidence appendix lists it: a quote in quotation marks, as everywhere
        (the method: nobody may mistake a customer's words for the team's analysis)."""
        return self.quoted if self.is_quote else self.text


@dataclass(frozen=True)
class Feeling:
    value: float | None
    """the value shown: the override if there is one"""
    computed: float | None
    n: int
    spread: float
    override: bool
    override_reason: str
    score: int | None
    text: str
    """ready to print, e.g. ``+0.8 (n = 5, spread ±0.6)`` or ``−1.0, set by hand (computed: +0.2)``"""
    short: str
    """e.g. ``+0.8`` or ``–``"""
    override_note: str
    """e.g. ``set by hand: workshop call (computed: −0.7)``, empty when computed"""
    spread_text: str = "–"
    """e.g. ``±0.6`` (``±0,6`` in Swedish and Danish), ``–`` when nobody felt anything"""


@dataclass(frozen=True)
class Item:
    id: int
    kind: str
    kind_label: str
    title: str
    phase_id: str | None
    phase_name: str
    channels: tuple[str, ...]
    mark: str | None
    """``"heart"``, ``"cloud"`` or None"""
    mark_label: str
    feeling: Feeling
    score: int
    """1-5 for Mermaid: the item's feeling, else neutral 3 (no feeling noted is not a bad feeling)"""
    n: int
    total: int
    backing: str
    """``3 of 8 participants``"""
    backing_short: str
    """``3/8``"""
    backers: tuple[str, ...]
    """the customers backing it (the Mermaid journey's actors); backstage, staff too"""
    hypothesis: bool
    design_question: str
    backstage_kind: str | None
    evidence: tuple[Source, ...]
    by_type: str = ""
    """the customers backing it by customer type: ``first-time buyer 2, plant lover 1``"""
    one_type: bool = False
    """backed by customers of one type only (while the study has several)"""


def evidence_status(item: Item, labels: Labels) -> str:
    """The appendix's line on who backs ``item``: ``3 of 5 participants: first-time buyer 2,
    plant lover 1``, marked when one customer type alone backs it."""
    if item.hypothesis:
        return labels["hypothesis"]
    status = item.backing
    if item.by_type:
        status += f": {item.by_type}" + (f" ({labels['types.one']})" if item.one_type else "")
    return status


@dataclass(frozen=True)
class CellEntry:
    text: str
    mark: str | None = None
    hypothesis: bool = False
    backing: str = ""
    override: bool = False


@dataclass(frozen=True)
class MapRow:
    lane: str
    label: str
    cells: tuple[tuple[CellEntry, ...], ...]
    """one cell per phase column, each a list of entries"""


@dataclass(frozen=True)
class PhaseSection:
    id: str
    number: int
    name: str
    description: str
    feeling: Feeling
    touchpoints: tuple[Item, ...]
    channels: tuple[str, ...]
    quotes: tuple[Source, ...]
    moments: tuple[Item, ...]
    backstage: tuple[Item, ...]
    staff_feeling: Feeling | None = None
    """the staff view at this phase; None when no member of staff was interviewed"""


@dataclass(frozen=True)
class BackstageGroup:
    kind: str
    label: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class FindingRow:
    code: str
    severity: str
    severity_label: str
    message: str
    subject: str
    title: str = ""
    """the check's short name in the report's language (``Antal hjärtan``); the code is for scripts"""


@dataclass(frozen=True)
class HypothesisEntry:
    title: str
    phase_name: str
    detail: str = ""
    """the backing now (confirmed, new), or the group's reason (contradicted)"""


@dataclass(frozen=True)
class HypothesisGroup:
    outcome: str
    """confirmed, contradicted, unbacked, removed or new"""
    label: str
    entries: tuple[HypothesisEntry, ...]


@dataclass(frozen=True)
class HypothesisSection:
    """What the interviews did to the hypothesis journey kept before them."""

    intro: str
    groups: tuple[HypothesisGroup, ...]

    @property
    def summary(self) -> str:
        """``Confirmed 3 · Contradicted 1 · ...``"""
        return " · ".join(f"{group.label} {len(group.entries)}" for group in self.groups)


@dataclass(frozen=True)
class IdeaLine:
    kind: str
    kind_label: str
    text: str
    owner: str
    status: str
    status_label: str
    effect: str
    outcome: str


@dataclass(frozen=True)
class AreaSection:
    """A problem area as the report shows it: the write-up, quotes, evidence, priority, ideas."""

    number: int
    title: str
    source: str
    """``moment of truth · Paying the bill``: where it came from on the map"""
    phase_name: str
    experience: str
    design_questions: tuple[str, ...]
    quotes: tuple[Source, ...]
    evidence: str
    """``3 of 8 customers: first-time buyer 2, plant lover 1``"""
    n: int
    total: int
    says: str
    """what the map says: curve depth, thunderclouds, the staff view"""
    impact: int | None
    effort: int | None
    quadrant: str
    quadrant_label: str
    priority: str
    """``Impact 4 · Effort 2 · quick win`` or ``not prioritised yet``"""
    ideas: tuple[IdeaLine, ...]


@dataclass(frozen=True)
class TargetRow:
    fate: str
    fate_label: str
    phase_name: str
    current: str
    target: str
    change: str
    answers: str
    """the problem areas it answers, by number and title"""


@dataclass(frozen=True)
class TargetCurvePoint:
    phase_name: str
    current: float | None
    target: float | None
    current_short: str
    target_short: str
    reason: str


@dataclass(frozen=True)
class TargetSection:
    """The current-vs-target comparison: what changes, which area each answers, both curves."""

    changes: tuple[TargetRow, ...]
    kept: str
    """``12 items are kept as they are.``"""
    curve: tuple[TargetCurvePoint, ...]
    alt: str
    """the two curves' picture described in words"""


@dataclass(frozen=True)
class Report:
    labels: Labels
    language: str
    title: str
    purpose: str
    scope: str
    state: str
    state_set: bool
    interviews: int
    participants: int
    participant_codes: tuple[str, ...]
    period: str
    basis: str
    """``8 interviews with 8 participants``"""
    generated: date
    phases: tuple[PhaseSection, ...]
    unphased: tuple[Item, ...]
    """touchpoints not yet placed in a phase"""
    map_rows: tuple[MapRow, ...]
    curve: tuple[tuple[str, Feeling], ...]
    """(phase name, feeling) in phase order"""
    moments: tuple[Item, ...]
    backstage: tuple[BackstageGroup, ...]
    items: tuple[Item, ...]
    """every item, in map order (phase, then position): the evidence appendix"""
    findings: tuple[FindingRow, ...]
    staff_interviews: int = 0
    """interviews with staff (with notes): the staff view's basis, never in the customer curve"""
    staff_heading: str = ""
    """``Staff view (2 staff interviews)``; empty when there is no staff view"""
    hypothesis: HypothesisSection | None = None
    """what became of the hypothesis journey; None when none was kept"""
    areas: tuple[AreaSection, ...] = ()
    """problem areas in the group's order (after the moments of truth)"""
    matrix_alt: str = ""
    """the priority matrix described in words (the picture's alt text)"""
    target: TargetSection | None = None
    """the current-vs-target comparison; None while there is no target map"""
    target_state: bool = False
    """a target-state study: no evidence checks (its report says so)"""

    @property
    def staff_curve(self) -> tuple[tuple[str, Feeling], ...]:
        """(phase name, the staff's feeling) in phase order; empty without staff interviews."""
        return tuple((p.name, p.staff_feeling) for p in self.phases if p.staff_feeling is not None)

    @property
    def phase_names(self) -> list[str]:
        return [phase.name for phase in self.phases]
