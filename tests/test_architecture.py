"""The house rules on data flow, checked with ``ast`` on every module.

- ``models`` knows nothing of the terminal or of exporters: it imports only the standard
  library, pydantic and tinydb (and itself).
- ``exporters`` know no Textual and no ``tui``, and reach storage only through ``models``.
- ``tui`` never imports tinydb or the raw storage modules, and never names study files:
  it talks to storage only through ``trodden.models``' store API.
- Screens (all of ``tui`` outside ``tui/cli``) never import the command line: the CLI drives
  screens, never the other way round, so a screen can be opened from a test or another app.
- No file over 400 lines and no class over 300 lines in the three packages, so every module
  stays readable in one sitting (a generated file, marked ``@generated``, is exempt).
- Tests wait for the app only through ``tests/waiting.py``'s ``wait_until``: one bounded
  loop that fails by name, instead of a copy per file with its own bound.
- The runtime half of the import contract (Harlequin's idea): the commands that need no screen
  never load Textual, so ``trodden export``, ``check``, ``stats`` and ``--help`` start fast.
  The static checks cannot see this, since a lazy import inside a function is allowed.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"models": "trodden.models", "exporters": "trodden.exporters", "tui": "trodden.tui"}

MODELS_MAY_IMPORT = {
    "pydantic",
    "pydantic_core",
    "tinydb",
    "snowballstemmer",
    "pycrdt",
    "platformdirs",
    "trodden.models",
}
TRANSCRIPT_MAY_IMPORT = {"webvtt", "srt", "docx", "rapidfuzz"}
"""models/transcript/ reads file formats with their well-kept parsers and matches words with rapidfuzz."""
EXPORTERS_MUST_NOT = {
    "textual",
    "trodden.tui",
    "tinydb",
    "trodden.models.storage.durable",
    "trodden.models.storage.lockfile",
}
TUI_MUST_NOT = {"tinydb", "trodden.models.storage.durable", "trodden.models.storage.lockfile"}
STUDY_FILE_NAMES = ("study.json", "interview.json", "notes.json", ".journal", "notes.lock", "study.lock")
STORE_LAYOUT_NAMES = {"STUDY_FILE", "INTERVIEW_FILE", "INTERVIEWS_DIR", "NOTES_DB"}
CLI = "trodden.tui.cli"
MAX_FILE_LINES = 400
MAX_CLASS_LINES = 300
GENERATED_MARKER = "@generated"


def imported_modules(source: str, package: str) -> list[str]:
    """Absolute names of every module imported in ``source`` (relative ones resolved)."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            names.append(module)
            names += [f"{module}.{alias.name}" for alias in node.names]
    return names


def _outermost(names: list[str]) -> list[str]:
    """``from a.b import c`` yields ``a.b`` and ``a.b.c``; report only ``a.b``."""
    return [name for name in names if not any(name.startswith(other + ".") for other in names)]


def _under(name: str, prefixes: set[str]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def models_violations(source: str, package: str = "trodden.models") -> list[str]:
    bad = []
    for name in imported_modules(source, package):
        top = name.split(".")[0]
        if top in sys.stdlib_module_names or top == "__future__" or _under(name, MODELS_MAY_IMPORT):
            continue
        if _under(package, {"trodden.models.transcript"}) and _under(name, TRANSCRIPT_MAY_IMPORT):
            continue
        if name.startswith("trodden.models."):
            continue
        bad.append(name)
    return _outermost(bad)


def exporters_violations(source: str, package: str = "trodden.exporters") -> list[str]:
    return _outermost([name for name in imported_modules(source, package) if _under(name, EXPORTERS_MUST_NOT)])


def tui_violations(source: str, package: str = "trodden.tui") -> list[str]:
    bad = _outermost([name for name in imported_modules(source, package) if _under(name, TUI_MUST_NOT)])
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree) if _has_docstring(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            bad += [f"string {node.value!r}" for name in STUDY_FILE_NAMES if name in node.value]
        elif isinstance(node, ast.ImportFrom):
            bad += [f"import of {alias.name}" for alias in node.names if alias.name in STORE_LAYOUT_NAMES]
    return bad


def _has_docstring(node: ast.AST) -> bool:
    """Docstrings may name the files a screen's data ends up in; code may not open them."""
    body = getattr(node, "body", None)
    return (
        isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and bool(body)
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    )


def screen_violations(source: str, package: str = "trodden.tui.study") -> list[str]:
    """Imports of the command line from a screen (``package`` is the screen's own package)."""
    return _outermost([name for name in imported_modules(source, package) if _under(name, {CLI})])


def oversized_classes(source: str, limit: int = MAX_CLASS_LINES) -> list[tuple[str, int]]:
    """``(name, lines)`` of every class, nested ones too, longer than ``limit`` lines
    (decorators included, since they are part of what a reader has to take in)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
            lines = node.end_lineno - first + 1
            if lines > limit:
                found.append((node.name, lines))
    return found


def is_generated(source: str) -> bool:
    """A generated file says so in its first lines; its size is the generator's business."""
    return any(GENERATED_MARKER in line for line in source.splitlines()[:5])


CHECKS = {"models": models_violations, "exporters": exporters_violations, "tui": tui_violations}


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _package(path: Path) -> str:
    """The package a module's relative imports start from: ``tui/map/screen.py`` -> ``trodden.tui.map``."""
    parts = path.relative_to(ROOT).parent.parts
    return ".".join([PACKAGES[parts[0]], *parts[1:]])


def _source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", list(CHECKS))
def test_every_module_keeps_the_data_flow_rules(folder: str) -> None:
    modules = _modules(folder)
    assert modules, f"no modules found in {folder}/"
    problems = {
        str(path.relative_to(ROOT)): found
        for path in modules
        if (found := CHECKS[folder](_source(path), _package(path)))
    }
    assert problems == {}


def test_screens_never_import_the_command_line() -> None:
    screens = [path for path in _modules("tui") if not path.is_relative_to(ROOT / "tui" / "cli")]
    assert screens, "no screen modules found in tui/"
    problems = {
        str(path.relative_to(ROOT)): found
        for path in screens
        if (found := screen_violations(_source(path), _package(path)))
    }
    assert problems == {}, f"screens import the CLI (tui/cli drives screens, not the other way): {problems}"


def _sized_modules() -> list[Path]:
    return [path for folder in PACKAGES for path in _modules(folder) if not is_generated(_source(path))]


def test_no_file_is_over_400_lines() -> None:
    sizes = {str(path.relative_to(ROOT)): len(_source(path).splitlines()) for path in _sized_modules()}
    offenders = sorted((lines, name) for name, lines in sizes.items() if lines > MAX_FILE_LINES)
    listing = "\n".join(f"  {name}: {lines} lines" for lines, name in reversed(offenders))
    if offenders:
        pytest.fail(f"{len(offenders)} files over {MAX_FILE_LINES} lines; split them by job:\n{listing}", pytrace=False)


def test_no_class_is_over_300_lines() -> None:
    offenders = sorted(
        (lines, f"{path.relative_to(ROOT)}: class {name}")
        for path in _sized_modules()
        for name, lines in oversized_classes(_source(path))
    )
    listing = "\n".join(f"  {where}: {lines} lines" for lines, where in reversed(offenders))
    if offenders:
        pytest.fail(
            f"{len(offenders)} classes over {MAX_CLASS_LINES} lines; split them by job:\n{listing}", pytrace=False
        )


@pytest.mark.parametrize(
    ("folder", "source", "expected"),
    [
        ("models", "import textual", ["textual"]),
        ("models", "from textual.widgets import Input", ["textual.widgets"]),
        ("models", "from ..tui import app", ["trodden.tui"]),
        ("models", "from trodden.exporters.word import x", ["trodden.exporters.word"]),
        ("models", "import rich.text", ["rich.text"]),
        ("models", "import json\nfrom .store import StudyStore\nfrom pydantic import Field\nimport tinydb", []),
        ("models", "import rapidfuzz", ["rapidfuzz"]),
        ("exporters", "from textual.app import App", ["textual.app"]),
        ("exporters", "from ..tui.base import literal", ["trodden.tui.base"]),
        ("exporters", "from trodden.models.storage import durable", ["trodden.models.storage.durable"]),
        ("exporters", "from trodden.models.storage.store import StudyStore\nimport docx", []),
        ("tui", "import tinydb", ["tinydb"]),
        ("tui", "from trodden.models.storage.durable import DurableDB", ["trodden.models.storage.durable"]),
        ("tui", "from ..models.storage import durable", ["trodden.models.storage.durable"]),
        ("tui", "p = folder / 'study.json'", ["string 'study.json'"]),
        ("tui", "def f():\n    'Saved to study.json.'\n    return 'notes.lock'", ["string 'notes.lock'"]),
        ("tui", "from trodden.models.storage.store import STUDY_FILE", ["import of STUDY_FILE"]),
        ("tui", "from trodden.models.storage.store import StudyStore\nfrom textual.app import App", []),
        ("tui", '"""Edits study.json through the store."""\ndef f():\n    """Reads study.json."""', []),
        ("tui", "path = f'{folder}/interview.json'", ["string '/interview.json'"]),
    ],
)
def test_the_checks_catch_violations(folder: str, source: str, expected: list[str]) -> None:
    assert CHECKS[folder](source) == expected


@pytest.mark.parametrize(
    ("source", "package", "expected"),
    [
        ("from trodden.tui.cli.common import open_store", "trodden.tui.map", ["trodden.tui.cli.common"]),
        ("from ..cli import main", "trodden.tui.capture", ["trodden.tui.cli"]),
        ("import trodden.tui.cli.export", "trodden.tui", ["trodden.tui.cli.export"]),
        ("from .cli.main import main", "trodden.tui", ["trodden.tui.cli.main"]),
        ("from ..widgets.footer import Footer\nfrom .board import Board", "trodden.tui.map", []),
        ("from trodden.tui.client import x", "trodden.tui.map", []),
    ],
)
def test_the_screen_check_catches_cli_imports(source: str, package: str, expected: list[str]) -> None:
    assert screen_violations(source, package) == expected


@pytest.mark.parametrize(
    ("folder", "source", "package", "expected"),
    [
        ("models", "from ..domain import Note\nfrom .edit import move", "trodden.models.map", []),
        ("models", "from ...exporters import word", "trodden.models.map", ["trodden.exporters"]),
        ("models", "import webvtt\nfrom rapidfuzz import fuzz", "trodden.models.transcript", []),
        ("models", "import textual", "trodden.models.transcript", ["textual"]),
        ("tui", "from ...models.storage import durable", "trodden.tui.capture", ["trodden.models.storage.durable"]),
        ("exporters", "from ..tui.map import board", "trodden.exporters", ["trodden.tui.map"]),
    ],
)
def test_relative_imports_resolve_from_the_modules_own_package(
    folder: str, source: str, package: str, expected: list[str]
) -> None:
    assert CHECKS[folder](source, package) == expected


def test_a_module_package_follows_its_folder() -> None:
    assert _package(ROOT / "tui" / "map" / "screen.py") == "trodden.tui.map"
    assert _package(ROOT / "tui" / "app.py") == "trodden.tui"
    assert _package(ROOT / "models" / "storage" / "__init__.py") == "trodden.models.storage"


def test_the_class_check_measures_classes_with_their_decorators() -> None:
    body = "    x = 1\n" * 299
    assert oversized_classes(f"class Fits:\n{body}") == []
    assert oversized_classes(f"@dataclass\nclass Long:\n{body}") == [("Long", 301)]
    nested = "class Outer:\n    class Inner:\n" + "        y = 2\n" * 300
    assert oversized_classes(nested) == [("Outer", 302), ("Inner", 301)]


def test_only_a_marked_file_counts_as_generated() -> None:
    assert is_generated('"""Word lists. @generated by bench/make_words.py; do not edit."""\n')
    assert not is_generated('"""Hand-written."""\n' + "x = 1\n" * 10 + "# @generated below\n")


def polling_loops(source: str) -> list[int]:
    """Lines of loops that poll the app: a ``while`` that awaits a pause, or a ``for`` that
    awaits a pause and stops early (``break``/``return``) once something holds."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            continue
        inside = [child for statement in node.body for child in ast.walk(statement)]
        pauses = any(
            isinstance(child, ast.Await)
            and isinstance(child.value, ast.Call)
            and isinstance(child.value.func, ast.Attribute)
            and child.value.func.attr == "pause"
            for child in inside
        )
        stops = any(isinstance(child, (ast.Break, ast.Return)) for child in inside)
        if pauses and (stops or isinstance(node, ast.While)):
            found.append(node.lineno)
    return found


def test_tests_wait_only_through_wait_until() -> None:
    tests = [path for path in sorted((ROOT / "tests").glob("*.py")) if path.name != "waiting.py"]
    problems = {path.name: lines for path in tests if (lines := polling_loops(_source(path)))}
    assert problems == {}, f"polling loops (file: lines); use waiting.wait_until instead: {problems}"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "async def f(pilot):\n    for _ in range(200):\n        await pilot.pause()\n        if ok():\n            break",
            [2],
        ),
        ("async def f(pilot):\n    while not ok():\n        await pilot.pause(0.01)", [2]),
        (
            "async def f(pilot):\n    for _ in range(9):\n        if ok():\n            return 1\n        await pilot.pause()",
            [2],
        ),
        ("async def f(pilot):\n    for size in SIZES:\n        await pilot.pause()\n        check(size)", []),
        ("async def f(pilot):\n    while not ok():\n        await pilot.press('down')", []),
        ("async def f(pilot):\n    await wait_until(pilot, ok, 'ok')", []),
    ],
)
def test_the_polling_check_finds_wait_loops(source: str, expected: list[int]) -> None:
    assert polling_loops(source) == expected


PROBE = """
import importlib, json, sys

report, preload, *argv = sys.argv[1:]
for name in filter(None, preload.split(",")):
    importlib.import_module(name)
from trodden.tui.cli.main import main

try:
    code = main(argv)
except SystemExit as stop:
    code = stop.code
loaded = sorted(name for name in sys.modules if name == "textual" or name.startswith("textual."))
with open(report, "w", encoding="utf-8") as out:
    aligning = "trodden.models.transcript.check" in sys.modules
    json.dump({"code": code, "textual": loaded, "asyncio": "asyncio" in sys.modules, "aligning": aligning}, out)
"""


def run_cli_in_child(tmp_path: Path, argv: list[str], preload: str = "") -> dict:
    """Run ``trodden.tui.cli.main.main(argv)`` in a fresh interpreter; its exit code and the
    Textual modules loaded by the end. A child, because this test process has Textual loaded."""
    report = tmp_path / "probe.json"
    child = subprocess.run(
        [sys.executable, "-c", PROBE, str(report), preload, *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert report.exists(), f"the probe did not finish: {child.stderr[-2000:]}"
    assert "unexpected error" not in child.stderr, child.stderr
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["export", "--help"], 0),
        (["check", "{study}"], 1),  # the crafted study breaks rules of thumb (nothing mapped yet)
        (["stats", "{study}"], 0),
        (["export", "{study}", "--format", "md"], 0),
        (["--help"], 0),
        (["actions", "{study}", "--format", "csv"], 0),
        (["search", "{study}", "plant"], 0),
    ],
    ids=["export --help", "check", "stats", "export md", "--help", "actions", "search"],
)
def test_commands_without_a_screen_never_load_textual(study, tmp_path: Path, argv: list[str], code: int) -> None:
    argv = [arg.format(study=study.path) for arg in argv]
    result = run_cli_in_child(tmp_path, argv)
    assert result["code"] == code
    assert result["textual"] == [], f"trodden {' '.join(argv)} loaded Textual: {result['textual'][:5]}"


def test_a_report_of_a_mapped_study_never_loads_asyncio(tmp_path: Path) -> None:
    """The map's CRDT (pycrdt) makes an anyio lock; anyio asks sniffio whether a loop runs,
    which needs no asyncio (~20 ms of start-up that a command does not pay). A study without
    transcripts does not load the transcript aligning either."""
    from report_study import make_study

    store = make_study(tmp_path / "study")
    assert any((store.path / "map").glob("*.updates"))
    result = run_cli_in_child(tmp_path, ["export", str(store.path), "--format", "docx", "-o", str(tmp_path / "r.docx")])
    assert result["code"] == 0
    assert not result["asyncio"], "trodden export loaded asyncio"
    assert not result["aligning"], "trodden export loaded the transcript aligning without a transcript"


def test_the_probe_sees_textual_when_it_is_loaded(tmp_path: Path) -> None:
    result = run_cli_in_child(tmp_path, ["--help"], preload="textual.app")
    assert "textual.app" in result["textual"]
