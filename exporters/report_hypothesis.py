"""The report's section on the hypothesis: each kept item's outcome, and the items no one expected.

Pure: built from the kept hypothesis (redacted like the rest, by ``assemble``), the map's
report items and the phases; ``models.map.hypothesis`` decides the outcomes.
"""

from __future__ import annotations

from trodden.models.domain import Phase
from trodden.models.map.hypothesis import Outcome, hypothesis_outcomes
from trodden.models.map.journey_map import JourneyMap, MapItem
from trodden.models.map.kept_hypothesis import KeptHypothesis

from .i18n import Labels
from .report_model import HypothesisEntry, HypothesisGroup, HypothesisSection, Item


def hypothesis_section(
    kept: KeptHypothesis, journey: JourneyMap, items: dict[int, Item], phases: list[Phase], labels: Labels
) -> HypothesisSection:
    names = {phase.id: phase.name for phase in phases}

    def phase_name(item: MapItem) -> str:
        return names.get(item.phase or "", labels["no_phase"])

    def backing(item_id: int) -> str:
        shown = items.get(item_id)
        if shown is None:
            return ""
        return labels["hypothesis"] if shown.hypothesis else shown.backing

    result = hypothesis_outcomes(kept, journey)
    groups = []
    for outcome in Outcome:
        entries = []
        for entry in result.of(outcome):
            detail = entry.reason
            if outcome is Outcome.CONFIRMED and entry.now is not None:
                detail = backing(entry.now.id)
                if entry.now.title != entry.item.title:
                    detail = f"{labels.f('hyp.as', title=labels.quoted(entry.now.title))} · {detail}"
            entries.append(HypothesisEntry(entry.item.title, phase_name(entry.item), detail))
        groups.append(HypothesisGroup(outcome.value, labels[f"hyp.{outcome.value}"], tuple(entries)))
    new = tuple(HypothesisEntry(item.title, phase_name(item), backing(item.id)) for item in result.new)
    groups.append(HypothesisGroup("new", labels["hyp.new"], new))
    intro = labels.f("hyp.intro", n=len(kept.items), date=kept.taken.date().isoformat())
    return HypothesisSection(intro, tuple(groups))
