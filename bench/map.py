"""Benchmark the mapping board on a big study: 60 interviews, 20,000 notes, a busy map.

Targets (issue 6): the map ready within 1.5 s; placing, merging or moving an item
reflected on screen within 50 ms (median), measured in-process with Textual's Pilot.

    python bench/map.py [--interviews 60] [--notes 20000] [--items 400] [--keep DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from trodden.models.domain import InterviewStatus, Kind, Note, Phase, Revision, Study, note_id
from trodden.models.map.evidence import load_study_map
from trodden.models.map.journey_map import Change, MapItem
from trodden.models.map.map_session import MapSession
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.map.board import Board
from trodden.tui.map.screen import MapScreen

WORDS = [
    *(
        [
            "plant",
            "box",
            "delivery",
            "invoice",
            "support",
            "phone",
            "webshop",
            "pothos",
            "watering",
            "light",
            "soil",
            "leaf",
            "pot",
            "card",
        ]
    ),
    *(
        [
            "neighbour",
            "friend",
            "price",
            "return",
            "store",
            "chat",
            "e-mail",
            "care",
            "guide",
            "repot",
            "gift",
            "calm",
            "dark",
            "window",
        ]
    ),
]
CHANNELS = ["webshop", "email", "phone", "delivery", "store", "chat", "instagram", "neighbour"]
TAGS = ["price", "delivery", "care-guide", "watering", "light", "returns", "packaging", "plant-id"]
PHASES = ["Living with plants", "Looking for know-how", "Choosing and ordering", "Getting it home", "Making it thrive"]


def generate(path: Path, interviews: int, notes: int, items: int, seed: int = 1) -> StudyStore:
    rng = random.Random(seed)
    store = StudyStore.create(
        path,
        Study(name="Bench: creating a thriving home"),
        [Phase(id=f"ph{i}", name=name, order=i) for i, name in enumerate(PHASES, start=1)],
    )
    per = notes // interviews
    start = datetime(2026, 1, 5, 9, 0)
    all_ids: list[tuple[str, str | None]] = []
    for number in range(interviews):
        moment = start + timedelta(days=number)
        interview = store.new_interview(f"P{number + 1}", start=moment, status=InterviewStatus.CLEANED)
        batch = []
        for seq in range(1, per + 1):
            kinds = rng.sample([Kind.TOUCHPOINT, Kind.QUOTE, Kind.MOMENT, Kind.BACKSTAGE], k=rng.choice([0, 1, 1, 2]))
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14)))
            phase = f"ph{rng.randint(1, len(PHASES))}" if rng.random() < 0.8 else None
            wall = moment + timedelta(seconds=seq * 10)
            batch.append(
                Note(
                    id=note_id(interview.id, seq),
                    interview=interview.id,
                    seq=seq,
                    t=seq * 10.0,
                    wall=wall,
                    text=text,
                    kinds=kinds,
                    valence=rng.choice([None, None, -2, -1, 1, 2]),
                    channels=rng.sample(CHANNELS, k=rng.choice([0, 1])),
                    tags=rng.sample(TAGS, k=rng.choice([0, 1, 2])),
                    phase=phase,
                    history=[Revision(at=wall, raw=text)],
                )
            )
            all_ids.append((batch[-1].id, phase))
        with store.open_interview(interview.id) as session:
            session.save_notes(batch)
    rng.shuffle(all_ids)
    with MapSession(path, writable=True) as session:
        made = []
        for number in range(1, items + 1):
            evidence = [all_ids.pop() for _ in range(rng.randint(1, 6))]
            phase = evidence[0][1] or "ph1"
            made.append(
                MapItem(
                    id=number,
                    phase=phase,
                    order=number,
                    title=f"item {number} " + " ".join(rng.sample(WORDS, 4)),
                    evidence=[e[0] for e in evidence],
                )
            )
        session.apply(Change(items=tuple(made)))
    return store


class ShownProbe:
    """Notes when the board first draws a line after getting a new model: "on screen"."""

    def __init__(self) -> None:
        self.dirty = False
        self.shown: float | None = None
        set_model, render_line = Board.set_model, Board.render_line
        probe = self

        def patched_set_model(board, model):
            set_model(board, model)
            probe.dirty = True

        def patched_render_line(board, y):
            if probe.dirty:
                probe.dirty = False
                probe.shown = time.perf_counter()
            return render_line(board, y)

        Board.set_model = patched_set_model  # type: ignore[method-assign]
        Board.render_line = patched_render_line  # type: ignore[method-assign]


async def measure(store: StudyStore, repeats: int) -> dict[str, list[float]]:
    """Seconds from a key press to the board drawing the change (and Pilot's full round trip)."""
    timings: dict[str, list[float]] = {"ready": [], "place": [], "merge": [], "move": []}
    round_trips: dict[str, list[float]] = {"place": [], "merge": [], "move": []}
    """Pilot's press() waits until the app is idle (polling), so these include its own overhead:
    compare with "unbound key"."""
    probe = ShownProbe()
    started = time.perf_counter()
    app = TroddenApp(store, start=lambda s: MapScreen(s, blink=False))
    async with app.run_test(size=(160, 50)) as pilot:
        screen = app.screen
        while not (isinstance(screen, MapScreen) and screen.loaded is not None):
            await pilot.pause(0.005)
            screen = app.screen
        await pilot.pause()
        timings["ready"].append(time.perf_counter() - started)
        assert isinstance(screen, MapScreen)

        async def timed(name: str, *keys: str) -> None:
            probe.shown = None
            began = time.perf_counter()
            await pilot.press(*keys)
            ended = time.perf_counter()
            round_trips[name].append(ended - began)
            timings[name].append((probe.shown or ended) - began)

        for _ in range(repeats):  # Pilot's own floor: a key bound to nothing
            began = time.perf_counter()
            await pilot.press("f12")
            round_trips.setdefault("unbound key", []).append(time.perf_counter() - began)
        await pilot.press("tab")  # inbox
        for _ in range(repeats):
            await timed("place", "1")  # place the highlighted note in phase 1
            await pilot.press("tab")  # board: cursor on the new item
            await timed("move", "shift+right")
            await pilot.press("space", "up")  # select it, go to the item above
            if screen.current_item() is not None and screen.selected - {screen.current_item().id}:
                await timed("merge", "g")
            else:
                await pilot.press("escape")
            await pilot.press("tab")
        screen.flush_writes()
    timings.update({f"{name} (pilot round trip)": values for name, values in round_trips.items()})
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=60)
    parser.add_argument("--notes", type=int, default=20000)
    parser.add_argument("--items", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=25)
    parser.add_argument("--keep", type=Path, default=None, help="write the study here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="trodden-bench-")) / "study"
    began = time.perf_counter()
    if not (folder / "study.json").exists():
        generate(folder, args.interviews, args.notes, args.items)
        print(
            f"generated {args.interviews} interviews, {args.notes} notes, {args.items} items in "
            f"{time.perf_counter() - began:.1f} s at {folder}"
        )
    store = StudyStore.open(folder)
    began = time.perf_counter()
    loaded = load_study_map(store)
    print(f"load_study_map: {len(loaded.index.notes)} notes in {time.perf_counter() - began:.3f} s")
    timings = asyncio.run(measure(store, args.repeats))
    ready = timings["ready"][0]
    print(f"map ready on screen: {ready:.3f} s   (target 1.5 s, ratio {ready / 1.5:.2f})")
    for name in [key for key in timings if key != "ready"]:
        values = timings[name]
        if not values:
            print(f"{name}: no samples")
            continue
        median = statistics.median(values) * 1000
        print(
            f"{name:<28} median {median:6.1f} ms  max {max(values) * 1000:6.1f} ms  n={len(values)}"
            f"   (target 50 ms, ratio {median / 50:.2f})"
        )


if __name__ == "__main__":
    main()
