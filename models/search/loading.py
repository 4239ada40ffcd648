"""One study's search index, read from disk (off the UI thread: it reads every interview)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trodden.models.map.evidence import StudyMapData, load_study_map

from .index import SearchIndex

if TYPE_CHECKING:
    from trodden.models.storage.store import StudyStore


def index_of(store: StudyStore, loaded: StudyMapData) -> SearchIndex:
    """The index of ``loaded``'s notes, stemmed in the study's language."""
    return SearchIndex.build(
        loaded.index.notes.values(),
        loaded.interviews,
        language=store.study.language,
        participants=store.participants,
        guide=store.guide,
        phases=store.phases,
        journey=loaded.journey,
    )


def load_search(store: StudyStore) -> tuple[SearchIndex, StudyMapData]:
    """Every readable note of the study, indexed; ``StudyMapData.problems`` names what was not."""
    loaded = load_study_map(store)
    return index_of(store, loaded), loaded
