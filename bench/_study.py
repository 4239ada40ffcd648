"""Shared by the bench scripts: a generated study, written as a JSON study export and
loaded with ``trodden import``, so the benchmarks use only the command line and keep
working while the app's modules move.

Texts carry markers a bench can look for on screen: note texts start with ``n00001``
(numbered across the study), map item titles with ``Item 0001``.
"""

from __future__ import annotations

import json
import random
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

from _pty import TRODDEN

PHASES = ["Living with plants", "Looking for know-how", "Choosing and ordering", "Getting it home", "Making it thrive"]
CHANNELS = ["webshop", "email", "phone", "delivery", "store", "chat", "instagram", "neighbour"]
TAGS = ["price", "delivery", "care-guide", "watering", "light", "returns", "packaging", "plant-id"]
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
KINDS = [[], [], ["touchpoint"], ["quote"], ["touchpoint"], ["backstage"], ["moment"]]


def note_text(number: int, rng: random.Random) -> str:
    return f"n{number:05d} " + " ".join(rng.choices(WORDS, k=rng.randint(5, 18)))


def document(
    interviews: int,
    notes: int,
    items: int = 0,
    *,
    live: str | None = None,
    live_notes: int = 0,
    extras: bool = False,
    seed: int = 1,
) -> dict:
    """A ``trodden-study`` export: ``interviews`` cleaned interviews sharing ``notes`` notes,
    ``items`` map items holding their touchpoints as evidence, and optionally one *live*
    (unfinished) interview of participant ``live`` with ``live_notes`` notes, which
    ``trodden capture --participant`` resumes. ``extras`` adds hearts, clouds, moments,
    backstage items, chosen quotes and a curve override (the Word report draws them all)."""
    rng = random.Random(seed)
    phases = [{"id": f"ph{i}", "name": name, "order": i} for i, name in enumerate(PHASES, start=1)]
    codes = [f"P{i}" for i in range(1, interviews + 1)]
    if live is not None and live not in codes:
        codes.append(live)
    per = notes // max(interviews, 1)
    numbered = 0
    records, evidence, quotes = [], {p["id"]: [] for p in phases}, {p["id"]: [] for p in phases}
    for index, code in enumerate(codes):
        is_live = code == live
        start = datetime(2026, 1, 5, 9, 0) + timedelta(days=index)
        record_id = f"{start:%Y-%m-%d}-{code}"
        batch = []
        for seq in range(1, (live_notes if is_live else per) + 1):
            numbered += 1
            text = note_text(numbered, rng)
            kinds = rng.choice(KINDS)
            phase = None if is_live else phases[min(len(phases) - 1, (seq - 1) * len(phases) // per)]["id"]
            wall = start + timedelta(seconds=seq * 10)
            batch.append(
                {
                    "id": f"{record_id}/{seq}",
                    "interview": record_id,
                    "seq": seq,
                    "t": seq * 10.0,
                    "wall": wall.isoformat(),
                    "text": text,
                    "kinds": kinds,
                    "valence": rng.choice([None, None, -2, -1, 1, 2]),
                    "channels": rng.sample(CHANNELS, k=rng.choice([0, 1])),
                    "tags": rng.sample(TAGS, k=rng.choice([0, 1, 2])),
                    "phase": phase,
                    "history": [{"at": wall.isoformat(), "raw": text}],
                }
            )
            if phase and "touchpoint" in kinds:
                evidence[phase].append(batch[-1]["id"])
            if phase and "quote" in kinds:
                quotes[phase].append(batch[-1]["id"])
        records.append(
            {
                "id": record_id,
                "participant": code,
                "date": f"{start:%Y-%m-%d}",
                "status": "live" if is_live else "cleaned",
                "start": start.isoformat(),
                "end": None if is_live else (start + timedelta(seconds=len(batch) * 10 + 60)).isoformat(),
                "notes": batch,
            }
        )
    return {
        "format": "trodden-study",
        "version": 1,
        "study": {"name": "Bench: creating a thriving home", "language": "en"},
        "phases": phases,
        "participants": [{"code": code} for code in codes],
        "interviews": records,
        "map": journey_map(phases, items, evidence, quotes, extras, rng) if items else None,
    }


def journey_map(phases, count, evidence, quotes, extras, rng) -> dict:
    """``count`` touchpoint items, round-robin over the phases, each with 1-6 of its phase's touchpoints."""
    items = []
    for number in range(1, count + 1):
        phase = phases[(number - 1) % len(phases)]["id"]
        pool = evidence[phase]
        proof = [pool.pop() for _ in range(min(len(pool), rng.randint(1, 6)))]
        mark = ("heart" if number % 2 else "cloud") if extras and number <= 8 else None
        words = " ".join(rng.sample(WORDS, 4))
        items.append(item(number, phase, (number - 1) // len(phases) + 1, f"Item {number:04d} {words}", proof, mark))
    picks = []
    if extras:
        for number, phase in enumerate(phases[:3], start=1):
            items.append(item(count + number, phase["id"], 999, f"Moment {number}", [], None, kind="moment"))
        for number, kind in enumerate(["people", "policy", "system", "employee"], start=4):
            items.append(item(count + number, "ph4", 999, f"Backstage {kind}", [], None, kind="backstage"))
            items[-1]["backstage"] = kind
        for phase in phases:
            for note in quotes[phase["id"]][:3]:  # ids unique across phases (import refuses a repeated one)
                picks.append({"id": len(picks) + 1, "note": note, "phase": phase["id"]})
    overrides = [{"phase": "ph4", "value": -1.5, "reason": "workshop"}] if extras else []
    return {"items": items, "quotes": picks, "overrides": overrides}


def item(number, phase, order, title, proof, mark, kind="touchpoint") -> dict:
    return {"id": number, "kind": kind, "phase": phase, "order": order, "title": title, "evidence": proof, "mark": mark}


def make_study(folder: Path, **spec) -> tuple[Path, Path, dict]:
    """Write the export to ``folder/export.json`` and import it as ``folder/study``.

    A folder that already holds both (``--keep`` from an earlier run) is reused as it is:
    the benches that change a study (map keys, capture notes) then start from that state.
    """
    folder.mkdir(parents=True, exist_ok=True)
    export, study = folder / "export.json", folder / "study"
    if export.exists() and (study / "study.json").exists():
        return study, export, json.loads(export.read_text(encoding="utf-8"))
    doc = document(**spec)
    export.write_text(json.dumps(doc), encoding="utf-8")
    subprocess.run([TRODDEN, "import", str(study), str(export)], check=True, capture_output=True)
    return study, export, doc
