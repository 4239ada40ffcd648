"""Transcripts: importing and aligning a 90-minute recording, and the clean screen's keys with the
transcript panel open (issue 17: import+align under 1 s; keys within 50 ms).

1. A Teams WebVTT of 1,500 cues (90 minutes, two speakers) and an interview of 300 notes typed
   10-60 s after the words they record, the recording started 95 s into trodden's clock: time
   ``read_transcript`` (webvtt-py) and ``align`` (offset, every note's span, every quote's match),
   as ``trodden transcript`` runs them; the median of ``--runs``.
2. The clean screen on that interview, in this process under Pilot (headless), the transcript
   panel open (T): ``down`` moves the selection and the panel follows; ``>`` widens a quote's span
   and re-matches it; ``w`` takes the words said (a stored, undoable step). Each key is timed
   from Pilot sending it to the screen having processed it and gone idle (``pilot.pause``), with
   the panel open and, as the baseline in the same run, closed: the ratio is what the panel costs.

    .venv/bin/python bench/transcript.py [--runs 5] [--keys 30]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

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


async def keys(store: StudyStore, interview_id: str, count: int, *, panel: bool) -> dict[str, float]:
    """Median seconds per key, the transcript panel open or (the baseline) closed."""
    from trodden.tui.app import TroddenApp
    from trodden.tui.clean.screen import CleanScreen

    app = TroddenApp(store, start=lambda s: CleanScreen(s, interview_id, blink=False))
    timings: dict[str, list[float]] = {"down": [], ">": [], "w": []}
    async with app.run_test(size=(120, 40)) as pilot:
        while not (isinstance(app.screen, CleanScreen) and app.screen.alignment is not None):
            await pilot.pause(0.05)
        screen = app.screen
        if panel:
            await pilot.press("T")
            await pilot.pause()
        for _ in range(count):
            for key, name in (("down", "down"), ("greater_than_sign", ">")):
                started = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                timings[name].append(time.perf_counter() - started)
        quotes = [seq for seq in screen.rows if screen.state.notes[seq].kinds][:count]
        for seq in quotes:
            screen.query_one("DataTable").move_cursor(row=screen.rows.index(seq))
            await pilot.pause()
            started = time.perf_counter()
            await pilot.press("w")
            await pilot.pause()
            timings["w"].append(time.perf_counter() - started)
            await pilot.press("ctrl+z")  # the same quote stays a close one for the next run
            await pilot.pause()
        screen.writer.wait_idle(30)
    return {key: statistics.median(values) for key, values in timings.items() if values}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=30)
    args = parser.parse_args()
    case = recorded(cues=1500, notes=300, offset=95.0)
    with tempfile.TemporaryDirectory() as folder:
        vtt = Path(folder) / "recording.vtt"
        write_vtt(case, vtt)
        figures = import_and_align(case, vtt, args.runs)
        print(
            f"1,500 cues, {len(case.notes)} notes: read {figures['read'] * 1000:.0f} ms, "
            f"align {figures['align'] * 1000:.0f} ms, total {figures['total'] * 1000:.0f} ms (target < 1000 ms)"
        )
        store, interview_id = make_study(case, Path(folder) / "study")
        closed = asyncio.run(keys(store, interview_id, args.keys, panel=False))
        opened = asyncio.run(keys(store, interview_id, args.keys, panel=True))
        for key, value in opened.items():
            print(
                f"clean screen key {key!r}: panel open {value * 1000:.0f} ms, closed {closed[key] * 1000:.0f} ms "
                f"(ratio {value / closed[key]:.2f}; target < 50 ms)"
            )


if __name__ == "__main__":
    main()
