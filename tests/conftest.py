"""Shared fixtures: a small crafted study on disk with a fixed clock.

Kept small on purpose: every test area builds what it needs on top of ``study``.
"""

from __future__ import annotations

import gc
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings

from trodden.models.domain import Guide, GuideQuestion, GuideTheme, InterviewStatus, Participant, Phase, Study
from trodden.models.notes.syntax import NoteDraft, parse
from trodden.models.storage import atomic, durable
from trodden.models.storage.session import InterviewSession
from trodden.models.storage.store import StudyStore
from trodden.tui.i18n import set_language

settings.register_profile("trodden", deadline=None, print_blob=True)
settings.load_profile("trodden")
"""No time limit per example: on a loaded CI machine (four workers on two cores) a slow example is
not a failure, and the suite never asserts timings. A failing example prints its blob, so a CI
failure can be replayed with ``@reproduce_failure``."""


def _flush_skipped(fd: int) -> None:
    """An fsync that checks ``fd`` (a closed or bad descriptor still raises) but leaves the disk alone."""
    os.fstat(fd)


@pytest.fixture(autouse=True, scope="session")
def no_disk_flush():
    """In-process tests skip the disk flush (fsync/fdatasync): a test can kill a writer or cut a
    file, never the power, so a flush changes nothing a test can see, and each one costs from a
    few to tens of milliseconds on a busy disk (thousands per run). Killed processes
    (tests/test_crash_kill.py, tests/test_guide_sync.py) run their own interpreter and flush for
    real; a test that makes the flush fail (tests/test_store_diskfull.py) patches over this."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", _flush_skipped)
        if hasattr(os, "fdatasync"):
            patch.setattr(os, "fdatasync", _flush_skipped)
        patch.setattr(durable, "_sync", _flush_skipped)  # bound at import: patched where it is called
        patch.setattr(atomic, "_datasync", _flush_skipped)
        yield


@pytest.fixture(autouse=True, scope="session")
def lighter_garbage_collection():
    """Fewer, cheaper cyclic collections: every test run builds and drops whole Textual apps,
    and the collector's full passes rescanned everything imported (Textual, pydantic, the
    app) each time. What exists once the tests are collected is frozen out of its scans, and
    it runs ten times less often; refcounting still frees everything acyclic at once. This
    halved the time the collector took in the Pilot tests (about a tenth of their run)."""
    threshold = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(7000, 10, 10)
    yield
    gc.set_threshold(*threshold)
    gc.unfreeze()


@pytest.fixture(autouse=True)
def english_interface(monkeypatch):
    """Tests read the English interface unless they ask for another (``ui_lang=``): the crafted
    studies are Swedish, and the interface would otherwise follow the study's language."""
    monkeypatch.setenv("TRODDEN_UI_LANG", "en")
    set_language("en")
    yield
    set_language("en")  # a test that drew Swedish leaves no Swedish behind for pure tests after it


@pytest.fixture(autouse=True)
def researcher_initials(monkeypatch):
    """The map's researcher is ``anon`` whatever the developer's own config says (the app would
    otherwise ask for initials: tests/test_map_initials.py asks on purpose)."""
    monkeypatch.setenv("TRODDEN_RESEARCHER", "anon")


CLOCK = datetime(2026, 3, 2, 10, 0, 0)
"""The fixed 'now' of every crafted study: interviews start here, notes follow it."""

P1_LINES = [
    '"Jag vill bara att mina växter ska må bra" @butik',
    "*- @telefon i kö i 40 minuter #kundtjänst",
    "++ found the care guide on the @webshop #skötsel",
    "% lagret skickade fel kruka #förpackning",
    "! the plant died within a week @grannen",
    "? ask about the watering reminder",
]
P2_LINES = [
    "»Jeg elsker at have planter i stuen« @nabo",
    "-- potten var knust ved levering @e-mail #levering",
    "* asked in the store about light @butik",
]


def build_study(path: Path) -> StudyStore:
    """A study with three phases, a two-theme guide and two interviews of notes."""
    store = StudyStore.create(
        path,
        Study(name="Creating a thriving home", purpose="test study", language="sv", created=date(2026, 3, 1)),
        [
            Phase(id="ph1", name="Everyday life with plants", order=1),
            Phase(id="ph2", name="Searching for plant information", order=2),
            Phase(id="ph3", name="Making the plants work at home", order=3),
        ],
        Guide(
            themes=[
                GuideTheme(id="th1", title="Plants at home", questions=[GuideQuestion(id="th1q1", text="Tell me")]),
                GuideTheme(id="th2", title="Buying plants", questions=[GuideQuestion(id="th2q1", text="Where?")]),
            ]
        ),
        [Participant(code="P1", real_name="Anna Svensson"), Participant(code="P2", segment="first-time buyer")],
        ["Svensson"],
    )
    for code, lines, start in (("P1", P1_LINES, CLOCK), ("P2", P2_LINES, CLOCK + timedelta(days=1))):
        interview = store.new_interview(code, start=start, interviewer="AB", note_taker="CD")
        with store.open_interview(interview.id) as session:
            add_lines(session, lines, start)
            session.end(start + timedelta(minutes=len(lines) + 1))
    return store


def add_lines(session: InterviewSession, lines: list[str], start: datetime = CLOCK) -> None:
    """Add each line as a note, one minute apart, in theme th1 and phase ph1."""
    for index, line in enumerate(lines):
        draft = parse(line)
        assert isinstance(draft, NoteDraft)
        session.add_note(draft, raw=line, theme="th1", phase="ph1", wall=start + timedelta(minutes=index + 1))


@pytest.fixture
def study(tmp_path: Path) -> StudyStore:
    """A crafted study (two done interviews, P1 and P2) in ``tmp_path/study``."""
    return build_study(tmp_path / "study")


@pytest.fixture
def live_interview(study: StudyStore):
    """A live interview of a new participant P3 in ``study``, open for writing."""
    interview = study.new_interview("P3", start=CLOCK + timedelta(days=2))
    assert interview.status is InterviewStatus.LIVE
    session = study.open_interview(interview.id)
    yield session
    session.close()


def snapshot_files(folder: Path) -> dict[str, bytes]:
    """Every data file under ``folder`` (relative path -> bytes), to prove nothing changed.

    Lock files are left out: they hold no data, only who last held the lock.
    """
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix != ".lock"
    }
