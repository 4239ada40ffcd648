"""A command reads no package metadata while it starts (``tui/cli/startup.py``): pydantic's plugin
loader and pycrdt's version module get stand-ins that give the real modules' answers."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path

from trodden.tui.cli.startup import PLUGINS_OFF, installed_version

PROBE = """
import json, sys
from trodden.tui.cli.main import main

code = main(sys.argv[2:])
import pycrdt
from pydantic.plugin._loader import get_plugins

with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"code": code, "metadata": "importlib.metadata" in sys.modules,
               "pycrdt": pycrdt.__version__, "plugins": list(get_plugins())}, out)
"""

REAL_LOADER = """
import json, os, sys
answers = []
for value in sys.argv[1:]:
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = value
    from pydantic.plugin._loader import get_plugins
    answers.append(list(get_plugins()))
print(json.dumps(answers))
"""


def test_an_export_of_a_mapped_study_reads_no_package_metadata(tmp_path: Path) -> None:
    from report_study import make_study

    store = make_study(tmp_path / "study")
    assert any((store.path / "map").glob("*.updates"))
    report = tmp_path / "probe.json"
    argv = ["export", str(store.path), "--format", "md", "-o", str(tmp_path / "r.md")]
    child = subprocess.run(
        [sys.executable, "-c", PROBE, str(report), *argv], capture_output=True, text=True, timeout=60
    )
    assert report.exists(), child.stderr[-2000:]
    result = json.loads(report.read_text(encoding="utf-8"))
    assert result["code"] == 0
    assert not result["metadata"], "trodden export imported importlib.metadata"
    assert result["pycrdt"] == metadata.version("pycrdt")  # the stand-in's answer is the real one
    assert result["plugins"] == []


def test_the_real_plugin_loader_gives_no_plugins_for_every_value_the_stand_in_is_used_for() -> None:
    child = subprocess.run(
        [sys.executable, "-c", REAL_LOADER, *PLUGINS_OFF], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(child.stdout) == [[]] * len(PLUGINS_OFF)


def test_pydantic_takes_only_get_plugins_from_its_loader() -> None:
    """The stand-in has ``get_plugins`` alone: pydantic must import nothing else from the module."""
    spec = find_spec("pydantic")
    assert spec is not None and spec.origin
    imported: set[str] = set()
    for path in Path(spec.origin).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("_loader"):
                imported |= {alias.name for alias in node.names}
            if isinstance(node, ast.Import):
                assert not any(alias.name.endswith("plugin._loader") for alias in node.names), path
    assert imported == {"get_plugins"}


def test_installed_version_reads_the_dist_info_folder() -> None:
    assert installed_version("pycrdt") == metadata.version("pycrdt")
    assert installed_version("pydantic") == metadata.version("pydantic")
    assert installed_version("no_such_package_here") is None
