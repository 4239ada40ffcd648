"""User text is data, never code: a study whose every field is hostile, on every screen and export.

Each screen is rendered with Pilot and its segments are read: no ``@click`` or link from user
text, no control, C1 or bidi character reaches the terminal, and the markup shows as typed.
Clicking the words a markup click would have used does nothing. Every export, to a (fake)
terminal and to files, carries no control characters and shows the markup literally.
"""

from __future__ import annotations

import asyncio
import functools
import io
import json
import re
import sys

import pytest
from docx import Document
from hostile_study import ATTACK, CLICK, CODES, LONG, SHOT, make_hostile_study
from waiting import wait_until

from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.cli.main import main

RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal from user text (tabs and newlines aside)."""
ACTIONS = ("quit", "screenshot")


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    return make_hostile_study(tmp_path_factory.mktemp("hostile") / "s")


def sync(test):
    @functools.wraps(test)
    def run(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run


def shown(app) -> list[str]:
    """The screen's lines, after checking every segment: nothing raw, no click or link from text."""
    lines = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            assert not RAW.search(segment.text), f"raw control character on screen: {segment.text!r}"
            style = segment.style
            if style is None:
                continue
            assert not style.link, f"a link reached the screen: {style.link!r} on {segment.text!r}"
            meta = repr(style.meta) if style._meta else ""
            assert not any(action in meta for action in ACTIONS), f"markup became an action: {meta}"
        lines.append(strip.text)
    return lines


def where(lines: list[str], text: str) -> tuple[int, int] | None:
    for y, line in enumerate(lines):
        if text in line:
            return line.index(text), y
    return None


async def check(pilot, *expected: str) -> list[str]:
    """The screen is safe, shows each of ``expected`` as typed; a click on "Welcome" does nothing."""
    await pilot.pause()
    lines = shown(pilot.app)
    screen_text = "\n".join(lines)
    for text in expected:
        assert text in screen_text, f"{text!r} not shown literally on {type(pilot.app.screen).__name__}"
    spot = where(lines, "Welcome")
    assert spot is not None, "the markup's 'Welcome' is not on screen"
    before = pilot.app.screen
    await pilot.click(offset=spot)
    await pilot.pause()
    assert pilot.app.is_running and pilot.app.return_code is None, "a click on user text ran an action"
    if pilot.app.screen is not before:  # a click may focus or open what it is on: that is fine
        shown(pilot.app)
    return lines


def app_with(store, start=None) -> TroddenApp:
    return TroddenApp(store, start=start)


@sync
async def test_overview_and_help(study, tmp_path, monkeypatch):
    store, _, _ = study
    monkeypatch.chdir(tmp_path)  # a screenshot action, if one ran, would land here
    app = app_with(store)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await wait_until(pilot, lambda: app.screen.query_one("#interviews").row_count, "the interviews listed")
        await check(pilot, "Study: [@click=app.quit]Welcome[/]", "Purpose: [@click=app.quit]", "Phase1: [@click")
        app.notify(f"Toast {ATTACK}", title=f"Title {ATTACK}")  # a message naming a file or theme
        await wait_until(pilot, lambda: "Toast [@click" in "".join(shown(app)), "the toast shown")
        await pilot.press("f1")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "HelpScreen", "help")
        shown(app)
    assert not list(tmp_path.rglob("*.svg"))


@sync
async def test_new_interview_pick_and_a_hostile_code(study, tmp_path, monkeypatch):
    """``n``: the participants' customer types listed as typed; a typed code with markup is refused, shown as typed."""
    store, _, _ = study
    monkeypatch.chdir(tmp_path)
    before = sorted(p.code for p in store.participants)
    app = app_with(store)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await wait_until(pilot, lambda: app.screen.query_one("#interviews").row_count, "the interviews listed")
        home = app.screen
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is not home, "the pick list")
        await pilot.pause()
        assert "Segment: [@click=app.quit]Welcome[/]" in "\n".join(shown(app))  # no click: it would start one
        await pilot.press("enter")  # "+ a new participant…" is first
        await wait_until(pilot, lambda: type(app.screen).__name__ == "PromptScreen", "the code prompt")
        await pilot.press(*CLICK, "enter")
        await wait_until(pilot, lambda: "Welcome[/]" in "".join(shown(app)), "the refusal, as typed")
        assert app.screen is home and app.is_running
    assert sorted(p.code for p in StudyStore.open(store.path).participants) == before
    assert not list(tmp_path.rglob("*.svg"))


@sync
async def test_capture(study):
    from trodden.tui.capture.screen import CaptureScreen
    from trodden.tui.capture.session import open_capture

    store, _, live = study
    source = open_capture(store, interview=live, read_only=True)
    app = app_with(store, start=lambda s: CaptureScreen(source))
    try:
        # tall enough for all four long notes: the log shows its newest notes, the first at the top
        async with app.run_test(size=(160, 50)) as pilot:
            await wait_until(pilot, lambda: "Touch:" in "".join(shown(app)), "the notes shown")
            await check(pilot, "Touch: [@click=app.quit]Welcome[/]", "[bold red]Loud[/]")
    finally:
        source.close()


@sync
async def test_guide_view_and_editor(study):
    from guide_study import Clock

    from trodden.tui.guide.screen import GuideScreen

    store, _, live = study
    app = app_with(store, start=lambda s: GuideScreen(s, live, clock=Clock()))
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_until(pilot, lambda: "Questions · Theme" in "".join(shown(app)), "the guide drawn")
        lines = await check(pilot, "Theme: [@click=app.quit]", "Q: [@click=app.quit]Welcome[/]", CLICK)
        assert where(lines, "Questions · Theme: [@click=app.quit]") is not None
        await pilot.press("e")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "GuideEditor", "the guide editor")
        await check(pilot, "Theme: [@click=app.quit]Welcome[/]")
        await pilot.press("enter")  # edit the highlighted theme: its title in the prompt
        await wait_until(pilot, lambda: app.focused is not None and app.focused.id == "prompt", "the prompt")
        assert "␛]52;c;" in "".join(shown(app))


@sync
async def test_clean(study):
    from datetime import datetime

    from trodden.tui.clean.screen import CleanScreen

    store, cleaned, _ = study
    app = app_with(store, start=lambda s: CleanScreen(s, cleaned, clock=lambda: datetime(2026, 3, 5), blink=False))
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_until(pilot, lambda: "Touch:" in "".join(shown(app)), "the notes listed")
        await check(pilot, "Touch: [@click=app.quit]Welcome[/]")
        screen = app.screen
        # theme and phase pickers; the real name and the redaction terms in inputs
        for key, expected in (("t", "Theme: [@click"), ("p", "Phase1: [@click"), ("r", "a␍b Blåbär")):
            await pilot.press(key)
            await wait_until(pilot, lambda: app.screen is not screen, f"the dialog opened by {key!r}")
            assert expected in "".join(shown(app))
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is screen, "the picker closed")


@sync
async def test_settings_and_a_participant(study):
    from trodden.tui.settings.screen import SettingsScreen

    store, _, _ = study
    app = app_with(store, start=lambda s: SettingsScreen(s, blink=False))
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen), "the settings")
        settings = app.screen
        await check(pilot, "Study: [@click=app.quit]Welcome[/]")
        settings.query_one("#participants").focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is not settings, "the participant dialog")
        shown(app)


@sync
async def test_map_board_evidence_and_panels(study):
    from trodden.tui.map.screen import MapScreen

    store, _, _ = study
    app = app_with(store, start=lambda s: MapScreen(s, blink=False))
    async with app.run_test(size=(180, 50)) as pilot:
        await wait_until(pilot, lambda: app.screen.loaded is not None, "the map loaded")
        await check(pilot, "Item: [@click=app.quit]")
        board = app.screen
        board._focus_item(2)  # the moment of truth: its design question is on the board
        await check(pilot, "Design: [@click=app.quit]")
        for _ in range(2):  # curve detail: per participant, then per touchpoint
            await pilot.press("l")
            await pilot.pause()
            shown(app)
        # evidence view, rename prompt, checks, stats, curve value (its reason), phase rename, the hypothesis
        for key in ("enter", "r", "c", "s", "v", "R", "H"):
            await pilot.press(key)
            await wait_until(pilot, lambda: app.screen is not board, f"a panel opened by {key!r}")
            if key == "enter":
                await check(pilot, "Moment: [@click=app.quit]", "Moment item: [@click=app.quit]")
            if key == "H":
                await check(pilot, "Hypothesis: [@click=app.quit]", "Contradicted: [@click=app.quit]")
            shown(app)
            await pilot.press("escape")  # every one of them closes with escape
            await wait_until(pilot, lambda: app.screen is board, f"the panel opened by {key!r} closed")


def to_tty(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """``trodden`` with stdout a terminal: (exit code, what the terminal got, stderr)."""

    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

    raw = Terminal()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="utf-8", write_through=True))
    code = main(list(args))
    sys.stdout.flush()
    return code, raw.getvalue().decode("utf-8"), capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ("--format", "csv"),
        ("--format", "md"),
        ("--format", "json"),
        ("--format", "json", "--include-private"),
        ("--format", "md", "--interview", CODES[0]),
        ("--format", "md", "--interview", CODES[0], "--include-private"),
    ],
)
def test_text_exports_to_a_terminal_show_no_control_characters(study, monkeypatch, capsys, args):
    store, _, _ = study
    code, out, err = to_tty(monkeypatch, capsys, "export", str(store.path), *args)
    assert code == 0, err
    assert not RAW.search(out.replace("\t", " ")), repr(RAW.search(out))
    assert "52;c;cHduZWQ=" in out and ("␛" in out or "\\u001b" in out)  # shown, not run
    assert "@click=app.quit" in out and not RAW.search(err)


def test_word_files_are_refused_on_a_terminal_and_read_back_clean(study, monkeypatch, capsys, tmp_path):
    store, _, _ = study
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    for extra in ((), ("--interview", CODES[0])):
        code, out, err = to_tty(monkeypatch, capsys, "export", str(store.path), "--format", "docx", "-o", "-", *extra)
        assert code == 1 and out == "" and "-o FILE.docx" in err
        code, out, err = to_tty(monkeypatch, capsys, "export", str(store.path), "--format", "docx", *extra)
        assert code == 0 and out == "" and not RAW.search(err)  # without -o: a file here, named safely
        target = tmp_path / f"out{len(extra)}.docx"
        assert main(["export", str(store.path), "--format", "docx", "-o", str(target), *extra]) == 0
        text = "\n".join(p.text for p in Document(str(target)).paragraphs)
        tables = [cell.text for table in Document(str(target)).tables for row in table.rows for cell in row.cells]
        text += "\n".join(tables)
        assert not RAW.search(text.replace("\t", " ")) and CLICK in text and SHOT in text
    written = sorted(path.name for path in here.iterdir())
    assert len(written) == 2 and all(name.endswith(".docx") and not RAW.search(name) for name in written)


def test_json_files_escape_c1_and_bidi_and_keep_the_data(study, tmp_path):
    store, _, _ = study
    target = tmp_path / "study.json"
    assert main(["export", str(store.path), "--format", "json", "--include-private", "-o", str(target)]) == 0
    raw = target.read_text(encoding="utf-8")
    assert not re.search(r"[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]", raw)
    assert "\\u009b2J" in raw and "\\u202e" in raw
    document = json.loads(raw)
    texts = [note["text"] for interview in document["interviews"] for note in interview["notes"]]
    assert LONG in texts  # lossless: the escapes read back as the very same characters


def test_messages_show_file_names_and_typed_values_without_running_them(tmp_path, capsys):
    folder = tmp_path / "x\x1b]0;PWNED\x07\x9b2J\u202e"
    assert main(["export", str(folder), "--format", "csv"]) == 1
    err = capsys.readouterr().err
    assert "␛]0;PWNED␇" in err and not RAW.search(err.replace("\n", ""))
    with pytest.raises(SystemExit):
        main(["export", str(tmp_path), "--format", "\x1b[2J[bold]"])
    err = capsys.readouterr().err
    assert "[2J[bold]" in err and not RAW.search(err.replace("\n", ""))


@pytest.mark.parametrize(
    ("raw", "multi_line", "one_line"),
    [
        ("å ä ö æ ø Å Ä Ö Æ Ø", "å ä ö æ ø Å Ä Ö Æ Ø", "å ä ö æ ø Å Ä Ö Æ Ø"),
        ("\x1b]52;c;eA==\x07", "␛]52;c;eA==␇", "␛]52;c;eA==␇"),
        ("a\x00b\x7fc", "a␀b␡c", "a␀b␡c"),
        ("tab\tline\nend", "tab\tline\nend", "tab line␊end"),
        ("cr\r\n", "cr␍\n", "cr␍␊"),
        ("sep\u2028par\u2029", "sep\npar\n", "sep␊par␊"),
        ("zw\u200bsp\u2060\ufeff", "zw\u200bsp\u2060\ufeff", "zw\ufffdsp\ufffd\ufffd"),
        ("emoji 👩\u200d💻", "emoji 👩\u200d💻", "emoji 👩\u200d💻"),  # a joiner is part of the emoji
        ("lone \ud800", "lone \ufffd", "lone \ufffd"),
    ]
    + [(chr(code), "\ufffd", "\ufffd") for code in range(0x80, 0xA0)]
    + [(chr(code), "\ufffd", "\ufffd") for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F)],
)
def test_visible_covers_every_kind_of_hidden_character(raw, multi_line, one_line):
    from trodden.models.names import visible

    assert visible(raw) == multi_line
    assert visible(raw, one_line=True) == one_line
    assert len(visible(raw, one_line=True)) == len(raw)  # one for one: an input's cursor stays put


def test_no_widget_is_handed_a_formatted_string():
    """A ``str`` given to a widget is read as markup: an f-string there is user text waiting to
    run. Widgets get ``literal(...)`` (or a ``Text`` built with it); markup is never switched on."""
    import ast
    from pathlib import Path

    import trodden.tui

    widgets = {"Static", "Label", "Option", "update", "Button", "Markdown"}  # notify: TroddenApp.notify
    found = []
    for path in Path(trodden.tui.__file__).parent.rglob("*.py"):
        if "cli" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in widgets and node.args and isinstance(node.args[0], ast.JoinedStr):
                found.append(f"{path.name}:{node.lineno} {name}(f'...')")
            if any(k.arg == "markup" and getattr(k.value, "value", False) is True for k in node.keywords):
                found.append(f"{path.name}:{node.lineno} markup=True")
            if name == "from_markup" and path.name != "help.py":  # help.py: the registry's own words
                found.append(f"{path.name}:{node.lineno} from_markup")
    assert found == []


@sync
async def test_search_and_tags(study):
    from trodden.tui.search.screen import SearchScreen
    from trodden.tui.tags.screen import TagsScreen

    store, _, _ = study
    app = app_with(store, start=lambda s: SearchScreen(s, "touch"))
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_until(pilot, lambda: "Touch: [@click" in "".join(shown(app)), "the notes found")
        await check(pilot, "Touch: [@click=app.quit]Welcome[/]")
        app.screen.action_query()  # the click may have focused the list
        await pilot.press("end", *" [@click")  # the query itself is shown in the status line: as typed
        await wait_until(pilot, lambda: "notes: touch [@click" in "".join(shown(app)), "the query shown")
    app = app_with(store, start=lambda s: TagsScreen(s))
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_until(pilot, lambda: "channels" in "".join(shown(app)), "the tags counted")
        shown(app)


@pytest.mark.parametrize(
    "args", [("search", "welcome"), ("search", "--participant", "P9"), ("tags",), ("study", "show")]
)
def test_the_new_commands_print_user_text_without_running_it(study, monkeypatch, capsys, args):
    """``trodden search``, ``tags`` and ``study show`` print notes, names and settings: shown, never run."""
    store, _, _ = study
    command, *rest = args
    code, out, err = to_tty(monkeypatch, capsys, command, str(store.path), *rest)
    assert code in (0, 1), err
    assert not RAW.search(out.replace("\t", " ")), repr(RAW.search(out))
    assert not RAW.search(err.replace("\n", " "))
    if args in (("search", "welcome"), ("study", "show")):
        assert "[@click=app.quit]Welcome[/]" in out
