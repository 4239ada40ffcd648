"""One vocabulary of symbols: the same mark means the same thing on every screen and in every
export, every F1 help has the legend, and the footer shows the focused panel's keys."""

from __future__ import annotations

import ast
from pathlib import Path

from rich.table import Table
from test_map_screen import app_for, loaded, store, sync  # noqa: F401  (store: the fixture)
from textual.widgets import Static

import trodden.tui
from trodden.models.domain import Kind
from trodden.models.notes.marks import KIND_SYMBOLS, LEGEND, feeling_level
from trodden.tui.map.inbox import note_line
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.widgets.help import HelpScreen

MARKS = set("❝◆★⚙♥☁▲△○▽▼")


def test_a_feeling_never_looks_like_a_kind():
    levels = {feeling_level(value) for value in (None, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0)}
    assert not levels & set(KIND_SYMBOLS.values())
    assert feeling_level(0.0) == "○" and feeling_level(1.5) == "▲" and feeling_level(-0.3) == "▽"
    legend = "".join(symbols for symbols, _ in LEGEND)
    assert set(legend) >= MARKS, "every mark is explained in the legend"


def test_no_screen_or_exporter_defines_its_own_marks():
    """The marks are literals only in models/notes/marks.py (labels in the action registry aside)."""
    root = Path(trodden.tui.__file__).parent.parent
    found = []
    for folder in ("tui", "exporters"):
        for path in (root / folder).rglob("*.py"):
            if path.name in ("actions.py", "screen.py") and path.parent.name in ("map", "capture"):
                continue  # footer labels such as "♥Heart" name the key, they draw no note
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docs = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}  # docstrings
            for node in ast.walk(tree):
                if (
                    id(node) not in docs
                    and isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and MARKS & set(node.value)
                ):
                    found.append(f"{path.relative_to(root)}:{node.lineno} {node.value!r}")
    assert found == [], found


def test_the_inbox_shows_a_notes_marks_as_capture_does(store):  # noqa: F811
    from trodden.models.map.evidence import load_study_map

    index = load_study_map(store).index
    touch = next(n for n in index.notes.values() if n.has(Kind.TOUCHPOINT) and n.valence == 2)
    line = note_line(touch, "P1", {"ph2": 2}).plain
    assert "♥♥◆" in line and "*" not in line.split("unpacks")[0]


@sync
async def test_the_footer_shows_the_focused_panels_keys_and_help_has_the_legend(store):  # noqa: F811
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot)
        footer = screen.query_one(FittingFooter)

        def labels() -> set[str]:
            return {item.label for item in footer.items()}

        screen.board.focus()
        await pilot.pause()
        assert "Merge" in labels() and "Add to item" not in labels()
        await pilot.press("tab")
        await pilot.pause()
        assert "Add to item" in labels() and "Merge" not in labels()
        await pilot.press("f1")
        await pilot.pause()
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        parts = []
        for widget in help_screen.query(Static):
            content = widget.content
            if isinstance(content, Table):  # a table's cells, as the help lays them out
                parts += [str(cell) for column in content.columns for cell in column._cells]
            else:
                parts.append(str(content))
        shown = "\n".join(parts)
    assert "Symbols" in shown and "touchpoint" in shown and "▲ △" in shown


def test_the_guide_footer_shows_asked_only_with_the_follow_ups_focused(tmp_path):
    import asyncio

    from test_guide_snapshots import loaded as guide_loaded
    from test_guide_snapshots import mid_interview
    from textual.widgets import OptionList

    async def run() -> tuple[set[str], set[str]]:
        app = mid_interview(tmp_path)
        async with app.run_test(size=(130, 34)) as pilot:
            await guide_loaded(pilot)
            footer = app.screen.query_one(FittingFooter)
            app.screen.query_one("#questions", OptionList).focus()
            await pilot.pause()
            questions = {item.label for item in footer.items()}
            app.screen.query_one("#followups", OptionList).focus()
            await pilot.pause()
            return questions, {item.label for item in footer.items()}

    questions, followups = asyncio.run(run())
    assert "Asked" not in questions and "Tick" in questions
    assert "Asked" in followups
