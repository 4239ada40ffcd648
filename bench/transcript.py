"""Transcripts: importing and aligning a 90-minute recording, and the clean screen's keys with the
transcript panel open (issue 17: import+align under 1 s; keys within 50 ms).

1. A Teams WebVTT of 1,500 cues (90 minutes, two speakers) and an interview of 300 notes typed
   10-60 s after the words they record, the recording started 95 s into trodden's clock: time
   ``read_transcript`` (webvtt-py) and ``align`` (offset, every note's span, every quote's match),
   as ``trodden transcript`` runs them; the median of ``--runs``.
2. The clean screen (``trodden clean`` run in this process under Pilot, headless, every frame turned
   into terminal output as a real run does: ``_inprocess.ScreenProbe``) on interviews of 300 and
   about 4,000 notes (``--notes``): ``down``, ``"`` (toggle a quote), ``j`` (join), ``ctrl+z`` (undo
   the join), ``>`` (widen a quote's span) and ``w`` (take the words said). Each key is timed from
   sent to the first frame showing its change (wall) and by the UI thread's CPU until the screen is
   quiet (cpu: hardly depends on what else the shared machine runs), with the transcript panel open
   and, as the baseline in the same run, closed.

    .venv/bin/python bench/transcript.py [--runs 5] [--keys 15] [--notes 300 5000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _inprocess import run_command
from _pty import expected, machine
from transcript_kit import START, recorded

from trodden.models.domain import Guide, GuideTheme, Phase, Study
from trodden.models.interchange import write_interview
from trodden.models.storage.store import StudyStore
from trodden.models.transcript.check import align
from trodden.models.transcript.reading import read_transcript


def stamp(seconds: float) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"


def write_vtt(case, path: Path) -> None:
    blocks = ["WEBVTT", ""]
    for number, cue in enumerate(case.transcript.cues):
        blocks += [f"9f1c2b3a-6d5e-4f70-8a9b-0c1d2e3f4a5b/{number}-0", f"{stamp(cue.start)} --> {stamp(cue.end)}"]
        blocks += [f"<v {cue.speaker}>{cue.text}</v>", ""]
    path.write_text("\n".join(blocks), encoding="utf-8")


def import_and_align(case, vtt: Path, runs: int) -> dict[str, float]:
    reading, aligning = [], []
    for _ in range(runs):
        started = time.perf_counter()
        transcript = read_transcript(vtt)
        read_done = time.perf_counter()
        result = align(transcript, case.interview, case.notes)
        aligning.append(time.perf_counter() - read_done)
        reading.append(read_done - started)
    totals = [a + b for a, b in zip(reading, aligning, strict=True)]
    print(
        f"offset found {result.offset.seconds:+.1f} s (true, lag included: {case.true_shift:+.1f} s), "
        f"confidence {result.offset.level}; quotes: {dict(result.summary())}"
    )
    return {
        "read": statistics.median(reading),
        "align": statistics.median(aligning),
        "total": statistics.median(totals),
    }


def make_study(case, folder: Path) -> tuple[StudyStore, str]:
    store = StudyStore.create(
        folder,
        Study(name="Bench", language="sv", created=date(2026, 3, 1)),
        [Phase(id="ph1", name="Fas", order=1)],
        Guide(themes=[GuideTheme(id="th1", title="Tema")]),
    )
    interview = case.interview.model_copy(update={"id": "2026-03-02-P1", "date": START.date()})
    notes = [
        n.model_copy(update={"interview": interview.id, "id": f"{interview.id}/{n.seq}", "theme": "th1"})
        for n in case.notes
    ]
    write_interview(store, interview, notes)
    store.save_transcript(interview.id, case.transcript)
    return store, interview.id


STEPS = [
    ("down", "down"),
    ("quotation_mark", "toggle quote"),
    ("quotation_mark", None),  # back as it was
    ("j", "join"),
    ("ctrl+z", "undo"),
    ("greater_than_sign", ">"),
    ("w", "w"),
    ("ctrl+z", None),  # the quote stays a close one for the next round
]
"""(key, name): each named key is timed; None keys put the interview back between rounds."""


async def timed(app, pilot, probe, key: str) -> tuple[float, float]:
    """(seconds from ``key`` sent to the first frame showing a change, seconds of the UI thread's CPU
    the key cost until the screen was quiet). The CPU figure hardly depends on what else the machine
    runs (a wall-clock figure on a busy shared machine mostly measures the others)."""
    await probe.settle()
    check = expected(None, probe.lines())
    cpu, sent = time.thread_time(), time.perf_counter()  # the app runs in this thread (run_test)
    await pilot.press(key)
    await probe.settle()
    cpu = time.thread_time() - cpu
    changed = probe.catch_up(check)  # parsing the frames (pyte) is not the app's time: after the CPU
    if changed is None:
        raise TimeoutError(f"{key!r} changed nothing on screen")
    return changed - sent, cpu


def keys(study: Path, interview_id: str, rounds: int, *, panel: bool) -> dict[str, list[tuple[float, float]]]:
    """Each named key's (wall, CPU) samples, ``trodden clean`` run in this process under Pilot
    (headless, frames turned into terminal output as a real run does); the panel open or closed."""
    from trodden.tui.clean.screen import CleanScreen

    timings: dict[str, list[tuple[float, float]]] = {name: [] for _key, name in STEPS if name}

    async def script(app, pilot, probe) -> None:
        while not (isinstance(app.screen, CleanScreen) and app.screen.alignment is not None):
            await pilot.pause(0.05)
        screen = app.screen
        if panel:
            await pilot.press("T")
        quotes = [seq for seq in screen.rows if screen.state.notes[seq].kinds]
        for number in range(rounds):
            screen.query_one("#notes").move_cursor(row=screen.rows.index(quotes[number % len(quotes)]) - 1)
            for key, name in STEPS:
                if name is None:
                    await pilot.press(key)
                    continue
                timings[name].append(await timed(app, pilot, probe, key))
        screen.writer.wait_idle(30)

    run_command(["clean", str(study), "--interview", interview_id], script, cols=120, rows=40)
    return timings


def screen_keys(notes: int, rounds: int) -> None:
    """The keys on an interview of ``notes`` notes, the panel closed then open (the same run)."""
    case = recorded(cues=max(1500, notes + notes // 5), notes=notes, offset=95.0)
    with tempfile.TemporaryDirectory() as folder:
        store, interview_id = make_study(case, Path(folder) / "study")
        closed = keys(store.path, interview_id, rounds, panel=False)
        opened = keys(store.path, interview_id, rounds, panel=True)
    print(
        f"clean screen, {len(case.notes)} notes (median of {rounds}): key sent -> first frame showing it "
        "(wall), and the UI thread's CPU for the key (cpu)"
    )
    for name, samples in opened.items():
        wall, cpu = (statistics.median(values) for values in zip(*samples, strict=True))
        base_wall, base_cpu = (statistics.median(values) for values in zip(*closed[name], strict=True))
        print(
            f"  {name:<13} panel open: wall {wall * 1000:5.1f} ms, cpu {cpu * 1000:5.1f} ms · "
            f"closed: wall {base_wall * 1000:5.1f} ms, cpu {base_cpu * 1000:5.1f} ms · "
            f"open/closed cpu {cpu / base_cpu:.2f} · target < 50 ms: {'PASS' if wall <= 0.05 else 'MISS'} (wall), "
            f"{'PASS' if cpu <= 0.05 else 'MISS'} (cpu)"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=15, help="rounds of the timed keys")
    parser.add_argument("--notes", type=int, nargs="+", default=[300, 5000], help="interview sizes for the keys")
    args = parser.parse_args()
    print(machine())
    case = recorded(cues=1500, notes=300, offset=95.0)
    with tempfile.TemporaryDirectory() as folder:
        vtt = Path(folder) / "recording.vtt"
        write_vtt(case, vtt)
        figures = import_and_align(case, vtt, args.runs)
        print(
            f"1,500 cues, {len(case.notes)} notes: read {figures['read'] * 1000:.0f} ms, "
            f"align {figures['align'] * 1000:.0f} ms, total {figures['total'] * 1000:.0f} ms (target < 1000 ms)"
        )
    for notes in args.notes:
        screen_keys(notes, args.keys)
    print(machine("end"))


if __name__ == "__main__":
    main()
