"""The journey-research domain as pydantic models.

Field names here are also the public JSON interchange format (see ``interchange``),
so renaming a field is a format change: bump ``FORMAT_VERSION`` there.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_serializer

from trodden.models.defaults import new_list, today

if TYPE_CHECKING:
    from trodden.models.notes.syntax import NoteDraft


class Kind(StrEnum):
    """What a note is, besides plain text. A note may be several at once."""

    QUOTE = "quote"
    TOUCHPOINT = "touchpoint"
    MOMENT = "moment"
    BACKSTAGE = "backstage"
    QUESTION = "question"


KIND_ORDER: dict[Kind, int] = {kind: index for index, kind in enumerate(Kind)}
"""Canonical order of kinds (as the enum lists them)."""


class Scope(StrEnum):
    WHOLE = "whole"
    EPISODE = "episode"


class JourneyState(StrEnum):
    CURRENT = "current"
    TARGET = "target"


class InterviewStatus(StrEnum):
    PLANNED = "planned"
    LIVE = "live"
    DONE = "done"
    CLEANED = "cleaned"


Valence = Annotated[int, Field(ge=-2, le=2)]
"""-2 strong thundercloud .. +2 strong heart; ``None`` on a note means no feeling noted."""

Language = Literal["en", "sv", "da"]


class Model(BaseModel):
    """Base for every domain model: unknown fields are kept out, values are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Study(Model):
    """The journey being researched. Its name is told from the customer's side."""

    name: str = Field(min_length=1)
    purpose: str = ""
    scope: Scope = Scope.WHOLE
    state: JourneyState | None = None
    language: Language = "en"
    created: Date = Field(default_factory=today)
    bullets_are_clouds: bool = False
    """A ``- `` at the start of a pasted or imported line is a thundercloud (True) or a list
    bullet (False: ``syntax.unbullet``). Typed in capture it is always a thundercloud."""
    author: str = ""
    """who the study's Word files name as their author (the consultant or team), if anyone"""

    @model_serializer(mode="wrap")
    def _without_empty_author(self, handler):
        """An unset author is not written, so a study.json stays readable by an older trodden."""
        data = handler(self)
        if isinstance(data, dict) and not self.author:
            data.pop("author", None)
        return data


class Phase(Model):
    """A stage of the journey, named after what the customer does and wants in it."""

    id: str
    name: str = Field(min_length=1)
    description: str = ""
    order: int = 0


class GuideQuestion(Model):
    id: str
    text: str


class GuideTheme(Model):
    id: str
    title: str
    questions: list[GuideQuestion] = Field(default_factory=new_list)


class Guide(Model):
    """The interview guide: ordered themes, each with ordered questions."""

    themes: list[GuideTheme] = Field(default_factory=new_list)
    retired_ids: list[str] = Field(default_factory=new_list)
    """Ids of deleted themes and questions: never given out again, because notes and live
    events keep referring to them."""

    def find_theme(self, key: str) -> GuideTheme | None:
        """A theme by 1-based number, id, or (case-insensitive) title prefix."""
        key = key.strip()
        if key.isdigit():
            index = int(key) - 1
            return self.themes[index] if 0 <= index < len(self.themes) else None
        folded = key.casefold()
        for theme in self.themes:
            if theme.id == key or theme.title.casefold() == folded:
                return theme
        for theme in self.themes:
            if folded and theme.title.casefold().startswith(folded):
                return theme
        return None


class Role(StrEnum):
    """Who a participant is: the curve, n of N and saturation are the customers' alone."""

    CUSTOMER = "customer"
    STAFF = "staff"


class Participant(Model):
    """Someone interviewed (or planned to be). The real name is private: never exported unless asked.

    A ``customer`` has a customer type (``segment``, free text such as "first-time buyer"); a
    member of ``staff`` has a ``team`` (or role: "warehouse", "customer service"). Only
    customers count in the customer curve and in n of N; staff feed the staff view.
    """

    code: str = Field(min_length=1, max_length=32)
    real_name: str | None = None
    segment: str = ""
    role: Role = Role.CUSTOMER
    team: str = ""

    @property
    def is_staff(self) -> bool:
        return self.role is Role.STAFF

    @property
    def kind_text(self) -> str:
        """The team (staff) or customer type (customers), for lists."""
        return self.team if self.is_staff else self.segment


class Pause(Model):
    start: datetime
    end: datetime | None = None


class Interview(Model):
    """One conversation with one participant, run by an interviewer and a note-taker."""

    id: str
    participant: str
    date: Date = Field(default_factory=today)
    interviewer: str = ""
    note_taker: str = ""
    status: InterviewStatus = InterviewStatus.PLANNED
    start: datetime | None = None
    end: datetime | None = None
    pauses: list[Pause] = Field(default_factory=new_list)

    @property
    def paused(self) -> bool:
        return bool(self.pauses) and self.pauses[-1].end is None

    def elapsed(self, now: datetime) -> float:
        """Seconds of conversation so far: wall time since start, pauses excluded."""
        if self.start is None:
            return 0.0
        stop = self.end or now
        if self.paused and self.pauses[-1].start < stop:
            stop = self.pauses[-1].start
        total = (stop - self.start).total_seconds()
        for pause in self.pauses:
            if pause.end is not None and pause.start < stop:
                total -= (min(pause.end, stop) - pause.start).total_seconds()
        return max(total, 0.0)


class Revision(Model):
    """One version of a note as typed (capture syntax). The first is the raw note."""

    at: datetime
    raw: str


class Note(Model):
    """A note taken during an interview: its words plus what the note-taker tagged."""

    id: str
    interview: str
    seq: int = Field(ge=1)
    t: float = Field(ge=0, description="seconds since the interview started, pauses excluded")
    wall: datetime
    text: str
    kinds: list[Kind] = Field(default_factory=new_list)
    valence: Valence | None = None
    channels: list[str] = Field(default_factory=new_list)
    tags: list[str] = Field(default_factory=new_list)
    phase: str | None = None
    theme: str | None = None
    history: list[Revision] = Field(default_factory=new_list)
    deleted: bool = False
    checked: bool = False
    """A quote whose words were checked as verbatim during cleaning (void once edited)."""
    remark: str = ""
    """A quote's words after its closing mark, the note-taker's own (``"Det var jobbigt" sa hon``:
    ``sa hon``); empty for every other note. Shown and exported apart from the quoted words."""

    @field_validator("kinds")
    @classmethod
    def _kinds_in_canonical_order(cls, kinds: list[Kind]) -> list[Kind]:
        if len(kinds) < 2:  # the common case; opening 20,000 notes runs this 20,000 times
            return kinds
        return sorted(set(kinds), key=KIND_ORDER.__getitem__)

    @classmethod
    def from_draft(
        cls,
        draft: NoteDraft,
        *,
        interview: str,
        seq: int,
        t: float,
        wall: datetime,
        history: list[Revision],
        phase: str | None = None,
        theme: str | None = None,
    ) -> Note:
        """A new note ``seq`` of ``interview`` with the draft's content (text, kinds,
        feeling, channels, tags): one place that knows how a typed line becomes a note."""
        return cls(
            id=note_id(interview, seq),
            interview=interview,
            seq=seq,
            t=t,
            wall=wall,
            text=draft.text,
            remark=draft.remark,
            kinds=list(draft.kinds),
            valence=draft.valence,
            channels=list(draft.channels),
            tags=list(draft.tags),
            phase=phase,
            theme=theme,
            history=history,
        )

    @property
    def raw(self) -> str:
        """The note exactly as first typed, whatever edits came after."""
        return self.history[0].raw if self.history else self.text

    def has(self, kind: Kind) -> bool:
        return kind in self.kinds


def note_id(interview_id: str, seq: int) -> str:
    """Study-wide note id: stable, readable, and safe in file names and Markdown."""
    return f"{interview_id}/{seq}"
