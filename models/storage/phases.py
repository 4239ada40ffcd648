"""The study's phases as every reader sees them: the shared map's, once a map exists.

They live in the journey map's CRDT document (``models/map/phase_doc.py``) so several
researchers can add, rename and reorder them at once; ``study.json``'s phases count only while
no map exists (and are kept there as they were). The map sits above storage, so its reader is
imported when first needed. A mixin of ``StudyStore``.
"""

from __future__ import annotations

from pathlib import Path

from trodden.models.domain import Phase

from .study_file import StudyFile


class StudyPhases:
    """``data`` (``study.json`` with the map's phases), ``phases``, and following them."""

    path: Path
    file_data: StudyFile
    _phases: list[Phase] | None
    _phases_seen: object
    _live_map: object
    _data: StudyFile | None

    @property
    def phases(self) -> list[Phase]:
        """The journey's phases in order, numbered 1..n."""
        return list(self._current_phases())

    def _phases_changed(self, study_file_changed: bool) -> bool:
        """Look again (``reload``): True if the phases differ from those last given."""
        if self._phases is None:
            return False
        before = self._phases
        if self._live_map is None and (self._map_stamp() != self._phases_seen or study_file_changed):
            self._phases = None
        return self._current_phases() != before

    def follow_phases(self, session) -> None:
        """Take the phases from a live ``MapSession`` (the map screen's own) instead of reading the
        map files (None: read them again, the session is closing)."""
        self._live_map = session
        self._phases = None

    def _map_stamp(self) -> object:
        from trodden.models.map.study_phases import map_stamp

        return map_stamp(self.path)

    def _current_phases(self) -> list[Phase]:
        live = self._live_map
        if live is not None:
            if self._phases is None or self._phases_seen != ("live", live.version):
                self._phases_seen = ("live", live.version)
                self._phases = live.phases()
        elif self._phases is None:
            from trodden.models.map.study_phases import read_phases

            self._phases_seen = self._map_stamp()
            self._phases = read_phases(self.path, self.file_data.phases, self._phases_seen)
        return self._phases

    @property
    def data(self) -> StudyFile:
        """Everything study-level: ``study.json`` with the journey's phases as the map holds them."""
        phases = self._current_phases()
        if self._data is None or self._data.phases is not phases:
            self._data = self.file_data.model_copy(update={"phases": phases})
        return self._data
