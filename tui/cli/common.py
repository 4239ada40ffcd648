"""Helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from trodden.models.errors import StoreError
from trodden.models.names import clean_participant_code
from trodden.models.storage.atomic import atomic_write

if TYPE_CHECKING:
    from trodden.models.storage.store import StudyStore


def participant_code(value: str) -> str:
    """``--participant``: refused, not silently changed, when it would not do as a file name."""
    try:
        cleaned = clean_participant_code(value)
    except StoreError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if cleaned != value.strip():
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a participant code: use letters, digits, - and _ (like P3), e.g. {cleaned!r}"
        )
    return cleaned


def add_study_arg(parser) -> None:
    parser.add_argument("dir", metavar="DIR", type=Path, help="the study folder")


def open_study(path: Path) -> StudyStore:
    from trodden.models.storage.store import StudyStore  # pydantic: loaded only by commands that run

    return StudyStore.open(path)


def warn(message: str) -> None:
    print(f"trodden: warning: {message}", file=sys.stderr)


def left_out(store: StudyStore, problems: Iterable[object] = ()) -> int:
    """Name everything a read left out (unreadable interviews, damaged journal lines the
    store skipped) and give the exit status: 1 if anything was, so a backup script knows
    its copy is not the whole study."""
    named: list[str] = []
    for problem in [*problems, *store.damage]:
        if str(problem) not in named:
            named.append(str(problem))
            warn(f"left out: {problem}")
    return 1 if named else 0


def info(message: str) -> None:
    print(message, file=sys.stderr)


def write_output(data: bytes | str, output: Path | None) -> None:
    """Write an export to ``output`` atomically, or to stdout when it is None or ``-``."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return
    atomic_write(Path(output), payload)
    info(f"wrote {output}")
