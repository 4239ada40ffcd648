"""No screen-side class defines ``__len__`` or ``__bool__``: Textual asks ``self.focused or
self.screen`` where a key goes, so a widget that is false when empty (a notes log with no notes
yet) would hand its keys to the screen, and a crash finder waiting for "the widget under a
point" waited forever on one. A count is a property (``NotesLog.count``)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TRUTH = {"__len__", "__bool__"}


def truthy_classes(source: str) -> list[str]:
    """``Class.__len__`` for each class in ``source`` that decides its own truth."""
    return [
        f"{node.name}.{item.name}"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ClassDef)
        for item in node.body
        if isinstance(item, ast.FunctionDef) and item.name in TRUTH
    ]


def test_no_class_in_the_interface_decides_its_own_truth() -> None:
    found = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / "tui").rglob("*.py"))
        for name in truthy_classes(path.read_text(encoding="utf-8"))
    ]
    assert found == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("class Log:\n    def __len__(self):\n        return 0", ["Log.__len__"]),
        ("class A:\n    class B:\n        def __bool__(self):\n            return False", ["B.__bool__"]),
        ("class Log:\n    @property\n    def count(self):\n        return 0", []),
    ],
)
def test_the_check_finds_a_class_that_decides_its_own_truth(source: str, expected: list[str]) -> None:
    assert truthy_classes(source) == expected
