"""Bench: the Word report of a 20-interview, 6,000-note study (with a map) vs pandoc.

Target: trodden writing the Word report takes no longer than pandoc converting trodden's
own Markdown report of the same study to Word, measured in the same run.

    .venv/bin/python bench/report.py [--interviews 20] [--notes 6000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from trodden.models.domain import (
    Interview,
    InterviewStatus,
    JourneyState,
    Kind,
    Note,
    Participant,
    Phase,
    Study,
    note_id,
)
from trodden.models.interchange import write_interview
from trodden.models.map.journey_map import BackstageKind, CurveOverride, ItemKind, MapItem, Mark, QuotePick
from trodden.models.map.map_session import MapSession
from trodden.models.storage.store import StudyStore

PHASES = ["Drömmer om grönt", "Letar och jämför", "Väljer och köper", "Väntar på leveransen", "Packar upp", "Sköter om"]
CHANNELS = ["web", "app", "instagram", "chat", "phone", "store", "e-mail", "delivery"]
WORDS = [
    "the",
    "plant",
    "arrived",
    "wilted",
    "and",
    "nobody",
    "told",
    "me",
    "why",
    "|",
    "I",
    "had",
    "to",
    "call",
    "support",
    "twice",
    "about",
    "the",
    "invoice",
    "what",
    "a",
    "lovely",
    "surprise",
    "with",
    "the",
    "care",
    "card",
    "#",
    "the",
    "app",
    "asked",
    "for",
    "my",
    "address",
    "again",
    "<b>really</b>",
    "smidigt",
    "och",
    "enkelt",
    "men",
    "leveransen",
    "tog",
    "för",
    "lång",
    "tid,",
    "jag",
    "blev",
    "orolig",
    "för",
    "växterna",
    "i",
    "kylan",
]


def generate(path: Path, interviews: int, notes: int, seed: int = 7) -> StudyStore:
    rng = random.Random(seed)
    phases = [Phase(id=f"ph{i}", name=name, order=i) for i, name in enumerate(PHASES, start=1)]
    codes = [f"P{i:02d}" for i in range(1, interviews + 1)]
    study = Study(name="Skapa ett grönskande hem", purpose="Benchmark study", state=JourneyState.CURRENT, language="sv")
    store = StudyStore.create(path, study, phases, participants=[Participant(code=c) for c in codes])
    per_interview = notes // interviews
    touchpoints: dict[str, list[str]] = {phase.id: [] for phase in phases}
    quotes: dict[str, list[str]] = {phase.id: [] for phase in phases}
    for number, code in enumerate(codes):
        interview_id = f"2026-03-{number + 1:02d}-{code}"
        start = datetime(2026, 3, number + 1, 9, 0)
        batch = []
        for seq in range(1, per_interview + 1):
            phase = phases[min(len(phases) - 1, (seq - 1) * len(phases) // per_interview)].id
            kinds = rng.choice([[], [], [Kind.TOUCHPOINT], [Kind.QUOTE], [Kind.TOUCHPOINT], [Kind.BACKSTAGE]])
            text = " ".join(rng.choices(WORDS, k=rng.randint(6, 22)))
            t = seq * 12.0
            batch.append(
                Note(
                    id=note_id(interview_id, seq),
                    interview=interview_id,
                    seq=seq,
                    t=t,
                    wall=start + timedelta(seconds=t),
                    text=text,
                    kinds=kinds,
                    valence=rng.choice([None, None, -2, -1, 0, 1, 2]),
                    channels=rng.sample(CHANNELS, rng.randint(0, 2)),
                    phase=phase,
                )
            )
            if Kind.TOUCHPOINT in kinds:
                touchpoints[phase].append(batch[-1].id)
            if Kind.QUOTE in kinds:
                quotes[phase].append(batch[-1].id)
        interview = Interview(
            id=interview_id,
            participant=code,
            date=date(2026, 3, number + 1),
            status=InterviewStatus.CLEANED,
            start=start,
            end=start + timedelta(seconds=per_interview * 12 + 60),
        )
        write_interview(store, interview, batch)
    with MapSession(store.path, writable=True) as session:
        item_id = 0
        for phase in phases:
            evidence = touchpoints[phase.id]
            rng.shuffle(evidence)
            groups = [evidence[i::20] for i in range(20)]  # 20 items a phase
            for order, group in enumerate(groups, start=1):
                item_id += 1
                session.put_item(
                    MapItem(
                        id=item_id,
                        phase=phase.id,
                        order=order,
                        title=f"Touchpoint {item_id} i {phase.name}",
                        evidence=group,
                    )
                )
            for pick, note in enumerate(quotes[phase.id][:3]):
                session.put_quote(QuotePick(id=len(phases) * 10 + item_id + pick, note=note, phase=phase.id))
        marks = [Mark.HEART] * 4 + [Mark.CLOUD] * 4
        for offset, mark in enumerate(marks):
            item = session.db.get("items", 1 + offset * 13)
            session.put_item(MapItem.model_validate({**item, "mark": mark.value}))
        for number in range(3):
            item_id += 1
            session.put_item(
                MapItem(
                    id=item_id,
                    kind=ItemKind.MOMENT,
                    phase=phases[number * 2].id,
                    order=99,
                    title=f"Sanningens ögonblick {number + 1}",
                    design_question="Hur kan vi göra leveransen till en glädje?",
                )
            )
        for kind in BackstageKind:
            item_id += 1
            session.put_item(
                MapItem(
                    id=item_id,
                    kind=ItemKind.BACKSTAGE,
                    phase=phases[3].id,
                    order=100,
                    title=f"Backstage {kind.value}",
                    backstage=kind,
                )
            )
        session.set_override(store.phases, CurveOverride(phase="ph4", value=-1.5, reason="workshop"), "ph4")
    return store


def trodden_export(study: Path, fmt: str, output: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "trodden.tui.cli", "export", str(study), "--format", fmt, "-o", str(output)],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def pandoc(markdown: Path, output: Path) -> float:
    started = time.perf_counter()
    subprocess.run(["pandoc", "-f", "gfm", str(markdown), "-o", str(output)], check=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--interviews", type=int, default=20)
    parser.add_argument("--notes", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="keep the study and outputs in this folder")
    args = parser.parse_args()
    if shutil.which("pandoc") is None:
        print("pandoc is not installed (apt-get install pandoc)", file=sys.stderr)
        return 2
    folder = args.keep or Path(tempfile.mkdtemp(prefix="trodden-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    study = folder / "study"
    if not study.exists():
        started = time.perf_counter()
        generate(study, args.interviews, args.notes)
        print(f"generated {args.interviews} interviews, {args.notes} notes in {time.perf_counter() - started:.1f} s")
    markdown = folder / "report.md"
    trodden_export(study, "md", markdown)
    words = sum(len(line.split()) for line in markdown.read_text(encoding="utf-8").splitlines())
    print(f"trodden's Markdown report: {markdown.stat().st_size // 1024} KiB, {words} words")
    ours, theirs = [], []
    for _ in range(args.runs):
        ours.append(trodden_export(study, "docx", folder / "report.docx"))
        theirs.append(pandoc(markdown, folder / "pandoc.docx"))
    mine, pandocs = statistics.median(ours), statistics.median(theirs)
    print(f"trodden export --format docx (whole command: read study, build, render, write): {mine:.2f} s")
    print(f"pandoc report.md -o report.docx:                                               {pandocs:.2f} s")
    print(f"ratio trodden/pandoc: {mine / pandocs:.2f} (target <= 1.00) -> {'OK' if mine <= pandocs else 'SLOWER'}")
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if mine <= pandocs else 1


if __name__ == "__main__":
    sys.exit(main())
