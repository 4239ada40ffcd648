"""Where the other researchers' cursors are: ``map/<who>.presence``, small and not durable.

Each screen rewrites its own file when its cursor moves (atomically, not fsynced: a lost
cursor is no loss) and removes it on close; a file not rewritten for ``STALE`` seconds (a
killed process, a laptop gone to sleep) is ignored. The board draws a coloured mark with the
researcher's initials on the cell their cursor is on.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

SUFFIX = ".presence"
STALE = 60.0
"""seconds after which a cursor is no longer shown"""


@dataclass(frozen=True)
class Presence:
    who: str
    lane: str
    phase: str
    row: int = 0
    item: int | None = None
    """the item under the cursor: followed when the cell's order changes"""


def write_presence(folder: Path, name: str, where: Presence) -> None:
    """Say where this researcher's cursor is (best effort: an error is ignored)."""
    path = Path(folder) / f"{name}{SUFFIX}"
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    data = {"who": where.who, "lane": where.lane, "phase": where.phase, "row": where.row, "item": where.item}
    try:
        tmp.write_text(json.dumps({**data, "at": time.time()}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:  # e.g. a full disk: no half-written temporary file is left behind either
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def drop_presence(folder: Path, name: str) -> None:
    try:
        (Path(folder) / f"{name}{SUFFIX}").unlink(missing_ok=True)
    except OSError:
        pass


def read_presence(folder: Path, own: str | None, now: float | None = None) -> tuple[Presence, ...]:
    """The others' cursors, fresh ones only, by initials."""
    now = time.time() if now is None else now
    found = []
    for path in sorted(Path(folder).glob(f"*{SUFFIX}")):
        if path.stem == own:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if now - float(data["at"]) > STALE:
                continue
            item = data.get("item")
            found.append(
                Presence(str(data["who"]), str(data["lane"]), str(data["phase"]), int(data.get("row", 0)), item)
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue  # half written, or not ours to read: no cursor shown
    return tuple(found)
