"""``study.json``: everything study-level (study, phases, guide, participants), and how it
is read, so that every way it can be wrong is reported with the file's name."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import Field, ValidationError

from trodden.models.defaults import new_list
from trodden.models.domain import Guide, Model, Participant, Phase, Study
from trodden.models.errors import NEWER, CorruptFile, StudyNotFound, unreadable
from trodden.models.i18n import _

from .layout import STUDY_FILE
from .model_json import first_problem

STUDY_FORMAT = 1


class StudyFile(Model):
    """Everything study-level, as stored in ``study.json``."""

    format: int = STUDY_FORMAT
    study: Study
    phases: list[Phase] = Field(default_factory=new_list)
    guide: Guide = Field(default_factory=Guide)
    participants: list[Participant] = Field(default_factory=new_list)
    redaction_terms: list[str] = Field(default_factory=new_list)
    not_names: list[str] = Field(default_factory=new_list)
    """Words the redactor took for a likely name and a person said are not one in this study
    (``Rose`` the flower); stored as written, compared casefolded."""
    speaker_names: list[str] = Field(default_factory=new_list)
    """The names transcripts give their speakers (``Anna Lind``): redacted like participants'
    real names in every export, so a transcript's names never leave the machine."""

    def participant(self, code: str) -> Participant | None:
        folded = code.casefold()
        return next((p for p in self.participants if p.code.casefold() == folded), None)

    def find_phase(self, key: str) -> Phase | None:
        """A phase by 1-based number, id, or case-insensitive name (or name prefix)."""
        key = key.strip()
        ordered = sorted(self.phases, key=lambda phase: phase.order)
        if key.isdigit():
            index = int(key) - 1
            return ordered[index] if 0 <= index < len(ordered) else None
        folded = key.casefold()
        for phase in ordered:
            if phase.id == key or phase.name.casefold() == folded:
                return phase
        return next((p for p in ordered if folded and p.name.casefold().startswith(folded)), None)


def read_study_file(path: Path) -> StudyFile:
    """The ``study.json`` of the study folder ``path``; ``StudyNotFound`` or ``CorruptFile``."""
    file = path / STUDY_FILE
    if path.exists() and not path.is_dir():
        raise StudyNotFound(_("{path} is a file, not a study folder").format(path=path))
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        if not path.exists():
            raise StudyNotFound(_("{path} does not exist").format(path=path)) from None
        message = _("{path} is not a trodden study (no {file}); create one with 'trodden new'")
        raise StudyNotFound(message.format(path=path, file=STUDY_FILE)) from None
    except OSError as error:
        raise CorruptFile(file, unreadable(error)) from error
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark (Notepad's) is no damage
    except UnicodeDecodeError as error:
        raise CorruptFile(file, _not_utf8(raw, error)) from None
    try:
        payload = json.loads(text)
    except ValueError as error:
        raise CorruptFile(file, _("is not valid JSON ({error})").format(error=error)) from None
    if isinstance(payload, dict) and isinstance(payload.get("format"), int) and payload["format"] > STUDY_FORMAT:
        raise CorruptFile(file, _(NEWER))
    try:
        return StudyFile.model_validate(payload)
    except ValidationError as error:
        raise CorruptFile(file, first_problem(error)) from None


def _not_utf8(raw: bytes, error: UnicodeDecodeError) -> str:
    """What to do about a study file an editor saved in another encoding, in words a person can act on."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return _("is UTF-16 text; save it as UTF-8 in the editor that changed it")
    return _("is not UTF-8 text (byte {byte}; Latin-1?); save it as UTF-8 in the editor that changed it").format(
        byte=error.start
    )


def new_id(prefix: str, existing: Iterable[str]) -> str:
    """The next free ``prefix<N>`` id (``ph1``, ``th3``...)."""
    taken = set(existing)
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"
