"""The house rules on data flow, checked with ``ast`` on every module.

- ``models`` knows nothing of the terminal or of exporters: it imports only the standard
  library, pydantic and tinydb (and itself).
- ``exporters`` know no Textual and no ``tui``, and reach storage only through ``models``.
- ``tui`` never imports tinydb or the raw storage modules, and never names study files:
  it talks to storage only through ``trodden.models``' store API.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"models": "trodden.models", "exporters": "trodden.exporters", "tui": "trodden.tui"}

MODELS_MAY_IMPORT = {"pydantic", "pydantic_core", "tinydb", "trodden.models"}
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


def models_violations(source: str) -> list[str]:
    bad = []
    for name in imported_modules(source, "trodden.models"):
        top = name.split(".")[0]
        if top in sys.stdlib_module_names or top == "__future__" or _under(name, MODELS_MAY_IMPORT):
            continue
        if name.startswith("trodden.models."):
            continue
        bad.append(name)
    return _outermost(bad)


def exporters_violations(source: str) -> list[str]:
    return _outermost(
        [name for name in imported_modules(source, "trodden.exporters") if _under(name, EXPORTERS_MUST_NOT)]
    )


def tui_violations(source: str) -> list[str]:
    bad = _outermost([name for name in imported_modules(source, "trodden.tui") if _under(name, TUI_MUST_NOT)])
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


CHECKS = {"models": models_violations, "exporters": exporters_violations, "tui": tui_violations}


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("folder", list(CHECKS))
def test_every_module_keeps_the_data_flow_rules(folder: str) -> None:
    modules = _modules(folder)
    assert modules, f"no modules found in {folder}/"
    problems = {
        str(path.relative_to(ROOT)): found
        for path in modules
        if (found := CHECKS[folder](path.read_text(encoding="utf-8")))
    }
    assert problems == {}


@pytest.mark.parametrize(
    ("folder", "source", "expected"),
    [
        ("models", "import textual", ["textual"]),
        ("models", "from textual.widgets import Input", ["textual.widgets"]),
        ("models", "from ..tui import app", ["trodden.tui"]),
        ("models", "from trodden.exporters.word import x", ["trodden.exporters.word"]),
        ("models", "import rich.text", ["rich.text"]),
        ("models", "import json\nfrom .store import StudyStore\nfrom pydantic import Field\nimport tinydb", []),
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
