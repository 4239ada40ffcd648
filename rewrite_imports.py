"""Point ``from X import a, b`` statements at the modules the split of issue 11 moved names to.

``models/storage/store.py``, ``models/storage/durable.py`` and ``models/map/journey_map.py``
were split by job; their names now live in other modules (``MOVES`` below). This script
finds every ``from ... import ...`` statement with ``ast`` (also relative ones, and ones
inside functions or ``if TYPE_CHECKING:``), and rewrites those that import a moved name:
a statement whose names now live in different modules becomes one statement per
module, in its place. A renamed name keeps its old spelling through ``as`` so the code
using it still works. Running it again changes nothing.

Usage (from the repository root)::

    python rewrite_imports.py              # models tui exporters tests bench docs
    python rewrite_imports.py path ...     # only these files or folders
    ruff check --fix . && ruff format .    # then sort and wrap the new statements

It does not touch ``import trodden.models.storage.store`` or attribute access on a
module (``durable._sync``): names that stayed need nothing, and nothing imports moved
names that way.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PACKAGES = ("models", "tui", "exporters")
DEFAULT_FOLDERS = ("models", "tui", "exporters", "tests", "bench", "docs")

STORE = "trodden.models.storage.store"
DURABLE = "trodden.models.storage.durable"
JOURNEY_MAP = "trodden.models.map.journey_map"

S = "trodden.models.storage."
M = "trodden.models.map."
DOMAIN = "trodden.models.domain"
ERRORS = "trodden.models.errors"


def _each(module: str, names: str, new_module: str) -> dict[tuple[str, str], tuple[str, str]]:
    return {(module, name): (new_module, name) for name in names.split()}


MOVES: dict[tuple[str, str], tuple[str, str]] = {
    # store.py -> study_file, session, model_json, layout (and names it only re-exported)
    **_each(STORE, "StudyFile STUDY_FORMAT new_id", S + "study_file"),
    **_each(STORE, "InterviewSession", S + "session"),
    **_each(STORE, "first_problem", S + "model_json"),
    (STORE, "_first_problem"): (S + "model_json", "first_problem"),
    (STORE, "_dump"): (S + "model_json", "json_bytes"),
    **_each(STORE, "STUDY_FILE INTERVIEWS_DIR INTERVIEW_FILE NOTES_DB", S + "layout"),
    **_each(STORE, "CorruptFile Locked ReadOnly StoreError StudyNotFound WriteFailed", ERRORS),
    **_each(STORE, "clean_participant_code safe_filename", "trodden.models.names"),
    **_each(STORE, "Guide Interview InterviewStatus Model Note Participant Pause Phase Revision Study note_id", DOMAIN),
    **_each(STORE, "revised", "trodden.models.notes.cleaning"),
    **_each(STORE, "NoteDraft render", "trodden.models.notes.syntax"),
    **_each(STORE, "atomic_write drop_stale_temp_files make_dir", S + "atomic"),
    **_each(STORE, "Doc Put", S + "journal"),
    **_each(STORE, "DurableDB", DURABLE),
    **_each(STORE, "paused_gc request_freeze", S + "gc_policy"),
    **_each(STORE, "EVENTS_TABLE GUIDE_DB EventsLog LiveEvent", S + "live"),
    **_each(STORE, "FileLock", S + "lockfile"),
    # durable.py -> journal, snapshot, gc_policy, tables
    **_each(DURABLE, "Put Delete Op Doc", S + "journal"),
    (DURABLE, "_encode"): (S + "journal", "encode_ops"),
    (DURABLE, "_decode"): (S + "journal", "decode_line"),
    **_each(DURABLE, "META_TABLE FORMAT", S + "snapshot"),
    (DURABLE, "_encode_tables"): (S + "snapshot", "encode_tables"),
    **_each(DURABLE, "paused_gc request_freeze FREEZE_AT", S + "gc_policy"),
    **_each(DURABLE, "CorruptFile ReadOnly StoreError WriteFailed", ERRORS),
    **_each(DURABLE, "atomic_write drop_stale_temp_files fsync_dir make_dir", S + "atomic"),
    **_each(DURABLE, "FileLock", S + "lockfile"),
    # journey_map.py -> map_session, evidence, curve
    **_each(JOURNEY_MAP, "MAP_DB MapSession read_map write_hypothesis", M + "map_session"),
    **_each(
        JOURNEY_MAP,
        "NotesIndex item_channels placed_note_ids inbox is_map_material placed_phases effective_phase"
        " quotes_in is_quote StudyMapData build_index load_study_map",
        M + "evidence",
    ),
    **_each(JOURNEY_MAP, "CurvePoint per_participant_mean emotion_curve item_feeling", M + "curve"),
    **_each(JOURNEY_MAP, "Interview Kind Model Note Phase", DOMAIN),
    **_each(JOURNEY_MAP, "CorruptFile StoreError", ERRORS),
    **_each(JOURNEY_MAP, "Delete Put", S + "journal"),
    **_each(JOURNEY_MAP, "DurableDB", DURABLE),
    **_each(JOURNEY_MAP, "StudyFile", S + "study_file"),
    **_each(JOURNEY_MAP, "StudyStore", STORE),
    **_each(JOURNEY_MAP, "first_problem", S + "model_json"),
}


def package_of(path: Path) -> str | None:
    """The dotted package a file is in (``models/map/edit.py`` -> ``trodden.models.map``)."""
    try:
        parts = path.resolve().relative_to(ROOT).parts
    except ValueError:
        return None
    if not parts or parts[0] not in PACKAGES:
        return None
    return ".".join(["trodden", *parts[:-1]])


def absolute(node: ast.ImportFrom, package: str | None) -> tuple[str, str] | None:
    """(absolute module, package the relative form is relative to) of a from-import."""
    if not node.level:
        return node.module or "", ""
    if package is None:
        return None
    base = package.split(".")
    base = base[: len(base) - (node.level - 1)]
    anchor = ".".join(base)
    return (".".join([*base, node.module]) if node.module else anchor), anchor


def spelled(module: str, node: ast.ImportFrom, anchor: str) -> str:
    """``module`` written the way the original statement was (relative if it was and can be)."""
    if node.level and module.startswith(anchor + "."):
        return "." * node.level + module[len(anchor) + 1 :]
    return module


def rewritten(node: ast.ImportFrom, package: str | None) -> list[str] | None:
    """The statements replacing ``node`` (without indentation), or None to keep it."""
    found = absolute(node, package)
    if found is None:
        return None
    module, anchor = found
    groups: dict[str, list[str]] = {}
    moved = False
    for alias in node.names:
        target = MOVES.get((module, alias.name))
        if target is None:
            new_module, text = module, alias.name + (f" as {alias.asname}" if alias.asname else "")
        else:
            moved = True
            new_module, new_name = target
            local = alias.asname or alias.name
            text = new_name if local == new_name else f"{new_name} as {local}"
        groups.setdefault(new_module, [])
        if text not in groups[new_module]:
            groups[new_module].append(text)
    if not moved:
        return None
    return [f"from {spelled(mod, node, anchor)} import {', '.join(names)}" for mod, names in sorted(groups.items())]


def rewrite_source(source: str, package: str | None) -> str:
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    edits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            new = rewritten(node, package)
            if new is not None:
                edits.append((node, new))
    for node, new in sorted(edits, key=lambda edit: edit[0].lineno, reverse=True):
        first, last = node.lineno - 1, node.end_lineno or node.lineno
        indent, comment = lines[first][: node.col_offset], lines[last - 1][node.end_col_offset :].strip()
        if indent.strip() or (comment and not comment.startswith("#")):
            raise ValueError(f"line {node.lineno}: an import sharing its line with other code")
        replacement = [f"{indent}{statement}\n" for statement in new]
        if comment:  # a trailing comment stays with the last statement
            replacement[-1] = f"{replacement[-1][:-1]}  {comment}\n"
        if not lines[last - 1].endswith("\n"):
            replacement[-1] = replacement[-1][:-1]
        lines[first:last] = replacement
    return "".join(lines)


def python_files(paths: list[Path]) -> list[Path]:
    files = []
    for path in paths:
        if path.is_dir():
            files += [p for p in sorted(path.rglob("*.py")) if ".venv" not in p.parts]
        elif path.suffix == ".py":
            files.append(path)
    return files


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or [ROOT / folder for folder in DEFAULT_FOLDERS]
    changed = 0
    for file in python_files(paths):
        source = file.read_text(encoding="utf-8")
        try:
            new = rewrite_source(source, package_of(file))
        except (SyntaxError, ValueError) as error:
            print(f"{file}: skipped ({error})", file=sys.stderr)
            continue
        if new != source:
            file.write_text(new, encoding="utf-8")
            changed += 1
            print(f"rewrote {file}")
    print(f"{changed} file(s) changed; now run: ruff check --fix . && ruff format .")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
