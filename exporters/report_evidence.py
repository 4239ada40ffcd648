"""Map items and their notes turned into report pieces: ``Item``, ``Source`` and ``Feeling``.

The study given here is already redacted as a whole (``redacted.export_inputs``) and its notes
are redacted as they are read (``redacted.shown_notes``), so the report's pieces never see a
participant's real name and nothing here decides what to redact.
"""

from __future__ import annotations

from collections.abc import Iterable

from trodden.models.domain import Kind, Note
from trodden.models.map.curve import CurvePoint, emotion_curve, item_feeling, staff_curve
from trodden.models.map.design_question import tidy
from trodden.models.map.evidence import NotesIndex
from trodden.models.map.journey_map import ItemKind, JourneyMap, MapItem
from trodden.models.natural_sort import natural_key, natural_sorted
from trodden.models.plurals import noun
from trodden.models.storage.study_file import StudyFile

from .i18n import Labels
from .report_model import Feeling, Item, Source, clock, score, shorten
from .report_model import signed as plain_signed


def report_feeling(point: CurvePoint, labels: Labels) -> Feeling:
    """A point of the emotion curve (a phase's or an item's) with its printed forms."""
    shown = point.shown

    def signed(value: float) -> str:  # in the language's form: +1,3 in Swedish
        return labels.number(plain_signed(value))

    if point.override is not None:
        computed = signed(point.value) if point.value is not None else "–"
        text = labels.f("override.detail", value=signed(point.override.value), computed=computed)
        reason = point.override.reason
    elif point.value is not None:
        spread = labels.number(f"{point.spread:.1f}")
        text = labels.f("feeling.detail", value=signed(point.value), n=point.n, spread=spread)
        reason = ""
    else:
        text, reason = labels["feeling.none"], ""
    return Feeling(
        value=shown,
        computed=point.value,
        n=point.n,
        spread=point.spread,
        override=point.override is not None,
        override_reason=reason,
        score=score(shown),
        text=text,
        short=signed(shown) if shown is not None else "–",
        override_note=_override_note(point, labels),
        spread_text=labels.number(f"±{point.spread:.1f}") if point.n else "–",
    )


def _override_note(point: CurvePoint, labels: Labels) -> str:
    if point.override is None:
        return ""
    note = labels["override"]
    if point.override.reason:
        note += f": {point.override.reason}"
    if point.value is not None:
        note += f" ({labels['computed']}: {labels.number(plain_signed(point.value))})"
    return note


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """Non-empty values in first-seen order, case-insensitively unique (``Web`` = ``web``)."""
    seen: dict[str, str] = {}
    for value in values:
        key = value.casefold()
        if value and key not in seen:
            seen[key] = value
    return tuple(seen.values())


class EvidenceBuilder:
    """Builds ``Item``s and ``Source``s for one (already redacted) study, sharing its phases and curve."""

    def __init__(
        self,
        data: StudyFile,
        index: NotesIndex,
        journey: JourneyMap,
        labels: Labels,
        verified: frozenset[str] = frozenset(),
    ) -> None:
        self.data, self.index, self.journey, self.labels = data, index, journey, labels
        self.verified = verified
        self.phases = sorted(data.phases, key=lambda phase: phase.order)
        self.phase_name = {phase.id: phase.name for phase in self.phases}
        self.curve = {point.key: point for point in emotion_curve(self.phases, index, journey)}
        self.phase_feeling = {key: report_feeling(point, labels) for key, point in self.curve.items()}
        staff = staff_curve(self.phases, index, journey) if index.staff else []
        self.staff_feeling = {point.key: report_feeling(point, labels) for point in staff}

    def source(self, note: Note) -> Source:
        text = note.text
        quoted = self.labels.quoted(text) + (f" {note.remark}" if note.remark else "")
        return Source(
            note_id=note.id,
            interview=note.interview,
            participant=self.index.participant(note),
            time=clock(note.t),
            text=text,
            quoted=quoted,
            short=self.labels.quoted(shorten(text)),
            valence=note.valence,
            verified=note.id in self.verified,
            is_quote=note.has(Kind.QUOTE),
        )

    def item(self, item: MapItem) -> Item:
        evidence = sorted(
            self.index.evidence(item), key=lambda note: (natural_key(self.index.participant(note)), note.t)
        )
        n, total = self.index.backing(item)
        feeling = report_feeling(item_feeling(item, self.index), self.labels)
        mark = item.mark.value if item.mark else None
        backstage = item.kind is ItemKind.BACKSTAGE  # staff back it too; on stage, the customers do
        return Item(
            id=item.id,
            kind=item.kind.value,
            kind_label=self.labels[f"kind.{item.kind.value}"],
            title=item.title,
            phase_id=item.phase,
            phase_name=self.phase_name.get(item.phase or "", self.labels["no_phase"]),
            channels=unique([*item.channels, *(c for note in evidence for c in note.channels)]),
            mark=mark,
            mark_label=self.labels[mark] if mark else "",
            feeling=feeling,
            score=feeling.score or 3,
            n=n,
            total=total,
            backing=self.backing(item, n, total),
            backing_short=self.backing_short(item, n, total),
            backers=tuple(natural_sorted(self.index.backers(item) if backstage else self.index.customer_backers(item))),
            hypothesis=item.is_hypothesis,
            design_question=tidy(item.design_question),
            backstage_kind=item.backstage.value if item.backstage else None,
            evidence=tuple(self.source(note) for note in evidence),
            by_type=self.by_type(item),
            one_type=self.index.one_type_only(item),
        )

    def backing(self, item: MapItem, n: int, total: int) -> str:
        """``3 of 8 participants`` (customers); backstage, once staff were interviewed, says who
        backs it: ``2 of 3 staff, 1 customer``."""
        if item.kind is not ItemKind.BACKSTAGE or not self.index.staff:
            return self.labels.f("backing", n=n, N=total)
        customers = noun(n, "customer", self.labels.language)
        staff = len(self.index.staff_backers(item))
        return self.labels.f("backing.staff", s=staff, S=len(self.index.staff), n=n, customers=customers)

    def backing_short(self, item: MapItem, n: int, total: int) -> str:
        """``3/8`` (customers), as on the map's board; backstage backed by staff says so apart:
        ``staff 2`` or ``1/8 · staff 2``, never ``0/8`` as if no one had said it."""
        short = self.labels.f("backing.short", n=n, N=total)
        staff = len(self.index.staff_backers(item)) if item.kind is ItemKind.BACKSTAGE else 0
        if not staff:
            return short
        said = self.labels.f("backing.short.staff", s=staff)
        return f"{short} · {said}" if n else said

    def by_type(self, item: MapItem) -> str:
        """``first-time buyer 2, plant lover 1``: empty when no customer type was given at all."""
        counts = self.index.by_type(item)
        if all(not segment for segment, _ in counts):
            return ""
        return ", ".join(f"{segment or self.labels['type.unset']} {count}" for segment, count in counts)
