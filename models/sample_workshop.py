"""The sample's workshop outcome (``workshop.json``): the map the group built from the interviews.

Evidence and picked quotes name a note as ``"P03: a unique piece of its words"``, so the data
stays readable and survives notes being added or reworded; a piece that matches no note, or
more than one, is a ``SampleProblem`` naming it. ``hypothesis`` (the journey drafted before the
interviews, with what the group found contradicted) and ``areas`` (problem areas with ideas)
are kept in the data for the features that show them.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from trodden.models.domain import Note
from trodden.models.map.journey_map import BackstageKind, ItemKind, MapItem, Mark, QuotePick
from trodden.models.map.kept_hypothesis import KeptHypothesis, Verdict, write_kept
from trodden.models.map.map_session import MapSession
from trodden.models.storage.store import StudyStore

from .sample import SampleProblem


class NoteFinder:
    """Finds a sample note by its participant and a piece of its words."""

    def __init__(self, store: StudyStore) -> None:
        self.notes: dict[str, list[Note]] = {}
        for interview in store.interviews()[0]:
            with store.open_interview(interview.id) as session:
                self.notes[interview.participant] = list(session.notes())

    def __call__(self, reference: str) -> str:
        code, _, piece = reference.partition(":")
        piece = piece.strip().strip('"')
        found = [note for note in self.notes.get(code.strip(), []) if piece in note.text]
        if len(found) != 1:
            raise SampleProblem(f"workshop.json: {reference!r} matches {len(found)} notes, not one")
        return found[0].id


def write_workshop(store: StudyStore, workshop: dict) -> None:
    """Put the workshop's items and picked quotes on the sample's (empty) map."""
    note = NoteFinder(store)
    phase_ids = {phase.order: phase.id for phase in store.data.phases}
    order: dict[str, int] = {}
    items: list[MapItem] = []
    with MapSession(store.path, writable=True) as session:
        for number, spec in enumerate(workshop.get("items", []), start=1):
            phase = phase_ids[spec["phase"]]
            order[phase] = order.get(phase, 0) + 1
            items.append(
                MapItem(
                    id=number,
                    kind=ItemKind(spec.get("kind", "touchpoint")),
                    phase=phase,
                    order=order[phase],
                    title=spec["title"],
                    evidence=[note(reference) for reference in spec.get("evidence", [])],
                    channels=spec.get("channels", []),
                    backstage=BackstageKind(spec["backstage"]) if spec.get("backstage") else None,
                    mark=Mark(spec["mark"]) if spec.get("mark") else None,
                    design_question=spec.get("design_question", ""),
                )
            )
            session.put_item(items[-1])
        for number, spec in enumerate(workshop.get("quotes", []), start=1):
            session.put_quote(QuotePick(id=number, note=note(spec["note"]), phase=phase_ids[spec["phase"]]))
    keep_hypothesis(store, workshop.get("hypothesis", []), phase_ids, items)
    write_areas(store, workshop.get("areas", []), note, items)


def write_areas(store: StudyStore, specs: list[dict], note: NoteFinder, items: list[MapItem]) -> None:
    """The problem areas the group made of the moments of truth, with their write-ups,
    quotes, priorities and ideas (``areas`` in workshop.json, by the moment's title)."""
    from trodden.models.change.areas import area_for_moment
    from trodden.models.change.plan import Idea, IdeaKind, IdeaStatus, PlanChange
    from trodden.models.change.store import write_plan
    from trodden.models.map.shared_doc import ordered_id

    moments = {item.title: item for item in items if item.kind is ItemKind.MOMENT}
    puts: list = []
    for order, spec in enumerate(specs, start=1):
        moment = moments.get(spec["from_moment"])
        if moment is None:
            raise SampleProblem(f"workshop.json: area {spec['title']!r} is of {spec['from_moment']!r}, no moment")
        area = area_for_moment(moment, ordered_id(), order).model_copy(
            update={
                "title": spec["title"],
                "experience": spec.get("experience", ""),
                "quotes": [note(reference) for reference in spec.get("quotes", [])],
                "impact": spec.get("impact"),
                "effort": spec.get("effort"),
            }
        )
        puts.append(area)
        for number, idea in enumerate(spec.get("ideas", []), start=1):
            puts.append(
                Idea(
                    id=ordered_id(),
                    area=area.id,
                    kind=IdeaKind(idea.get("kind", "action")),
                    text=idea["text"],
                    owner=idea.get("owner", ""),
                    status=IdeaStatus(idea.get("status", "idea")),
                    effect=idea.get("effect", ""),
                    order=number,
                )
            )
    if puts:
        write_plan(store.path, PlanChange(puts=tuple(puts)))


def keep_hypothesis(store: StudyStore, specs: list[dict], phase_ids: dict[int, str], on_map: list[MapItem]) -> None:
    """The journey the team drafted the day before the first interview, as ``hypothesis.json`` keeps it.

    A drafted item that ``became`` a workshop item shares its id (so the interviews confirmed it,
    or left it unbacked); the others were removed, ``contradicted`` with the group's reason or not.
    """
    if not specs:
        return
    ids = {item.title: item.id for item in on_map}
    drafted = _drafted(store)
    items, verdicts, spare = [], {}, 1000
    for order, spec in enumerate(specs, start=1):
        if spec.get("became"):
            if spec["became"] not in ids:
                raise SampleProblem(
                    f"workshop.json: hypothesis {spec['title']!r} became {spec['became']!r}, not on the map"
                )
            item_id = ids[spec["became"]]
        else:
            spare += 1
            item_id = spare
        if spec.get("contradicted"):
            verdicts[item_id] = Verdict(contradicted=True, reason=spec["contradicted"], at=drafted)
        items.append(
            MapItem(
                id=item_id,
                kind=ItemKind(spec.get("kind", "touchpoint")),
                phase=phase_ids[spec["phase"]],
                order=order,
                title=spec["title"],
                backstage=BackstageKind(spec["backstage"]) if spec.get("backstage") else None,
            )
        )
    write_kept(store.path, KeptHypothesis(taken=drafted, items=items, verdicts=verdicts))


def _drafted(store: StudyStore) -> datetime:
    """The day before the first interview, at nine."""
    first = min(interview.date for interview in store.interviews()[0])
    return datetime.combine(first - timedelta(days=1), time(9))
