"""Writing the interview guide in the app: themes and their questions, in order.

One outline (themes, each followed by its questions); keys add, edit, delete and move
the highlighted line; ``i`` appends a guide Markdown file. Every change is saved at once
through ``StudyStore.update`` on the screen's ``Writer`` (in the order the keys were pressed),
addressed by id (models/guide/edits.py), so a change made meanwhile by another process is
never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from trodden.models.domain import Guide
from trodden.models.errors import StoreError
from trodden.models.guide import edits
from trodden.models.guide.markdown import read_guide_file
from trodden.models.storage.store import StudyStore
from trodden.models.undo import Step, UndoRedo
from trodden.tui.actions import Action, register
from trodden.tui.base import LiteralInput, TroddenScreen, literal
from trodden.tui.i18n import N_, _, ngettext
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.widgets.option_list import SafeOptionList
from trodden.tui.writer import Writer

from .editor_saving import GuideSaving
from .served import served_of

ACTIONS = register(
    "guide_editor",
    "Guide editor",
    [
        Action("guide_editor.add_theme", "t", "add_theme", "New theme", "Add a theme after the highlighted one"),
        Action(
            "guide_editor.add_question",
            "a",
            "add_question",
            "New question",
            "Add a question to the highlighted theme (after the highlighted question)",
        ),
        Action("guide_editor.edit", "e", "edit", "Edit", "Edit the highlighted theme's title or question's text"),
        Action("guide_editor.delete", "d", "delete", "Delete", "Delete the highlighted line (press d twice)"),
        Action("guide_editor.up", "shift+up,ctrl+up", "move(-1)", "Move up", "Move the highlighted line up"),
        Action("guide_editor.down", "shift+down,ctrl+down", "move(1)", "Move down", "Move the highlighted line down"),
        Action("guide_editor.import", "i", "import_file", "Import", "Add the themes of a guide Markdown file"),
        Action("guide_editor.undo", "ctrl+z", "undo", "Undo", "Take back the last change to the guide", show=False),
        Action("guide_editor.redo", "ctrl+y", "redo", "Redo", "Do again the last change ctrl+z took back", show=False),
        Action("guide_editor.back", "escape", "back", "Back", "Cancel typing, or leave the editor"),
    ],
)

Change = Callable[[Guide], Guide]


class GuideEditor(GuideSaving, TroddenScreen):
    CONTEXT = "guide_editor"
    BINDINGS = ACTIONS
    HELP_INTRO = N_(
        "[b]Guide editor[/b]\n"
        "The interview guide is a list of themes, each with its questions. Every change is saved at once.\n"
        "Import reads a Markdown file: each heading is a theme, each list item under it a question;\n"
        "its themes are added after the ones you have (nothing is replaced).\n"
    )
    CSS_PATH = "guide.tcss"

    def __init__(self, store: StudyStore) -> None:
        super().__init__()
        self.store = store
        self.guide = store.guide
        self._mode: tuple[str, str | None] | None = None  # (what, id) while the prompt is open
        self._asked = ""  # the open prompt's label
        self._armed_delete: str | None = None
        self.writer = Writer(self, "guide-editor")
        self.history: UndoRedo[Step[Guide]] = UndoRedo()
        """Each change as its key asked for it; the writer fills in the guide before and after."""

    def compose(self) -> ComposeResult:
        yield Static(
            literal(_("trodden · {name} · interview guide").format(name=self.store.study.name), one_line=True),
            classes="screen-title",
        )
        yield SafeOptionList(id="outline")
        yield Static("", id="editor-message", classes="muted")
        prompt = LiteralInput(id="prompt", select_on_focus=False)  # e edits a text: keys add to it, as in clean
        prompt.cursor_blink = False
        yield prompt
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#outline", OptionList).border_title = _("Themes and questions")
        self._draw()
        self.query_one("#outline", OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Served in a browser, import is refused: it reads a path on the server."""
        served = served_of(self)
        if served is not None and not served.allows_editor_action(action):
            return False
        return super().check_action(action, parameters)

    def on_unmount(self) -> None:
        """Changes still queued are saved before the editor goes (the app may be quitting)."""
        self.writer.close()

    # ------------------------------------------------------------------ outline
    def _draw(self, select: str | None = None) -> None:
        outline = self.query_one("#outline", OptionList)
        before = outline.highlighted
        rows: list[Option] = []
        for number, theme in enumerate(self.guide.themes, 1):
            text = Text(f"{number:>2}  ", style="dim")
            text.append_text(literal(theme.title, style="bold"))
            rows.append(Option(text, id=f"t:{theme.id}"))
            for question in theme.questions:
                line = Text("      • ", style="dim")
                line.append_text(literal(question.text))
                rows.append(Option(line, id=f"q:{question.id}"))
        outline.set_options(rows)
        if not rows:
            can_import = self.check_action("import_file", ()) is not False
            self._say(
                _("No themes yet: press t to add one, or i to import a guide Markdown file.")
                if can_import
                else _("No themes yet: press t to add one.")
            )
            return
        ids = [row.id for row in rows]
        if select is not None and select in ids:
            outline.highlighted = ids.index(select)
        else:
            outline.highlighted = min(before or 0, len(rows) - 1)

    def selected(self) -> tuple[str, str] | None:
        """("t", theme id) or ("q", question id) of the highlighted line."""
        option = self.query_one("#outline", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        kind, _colon, ident = option.id.partition(":")
        return kind, ident

    def _theme_here(self) -> str | None:
        here = self.selected()
        if here is None:
            return None
        if here[0] == "t":
            return here[1]
        theme = edits.theme_of(self.guide, here[1])
        return theme.id if theme else None

    def _say(self, text: str, error: bool = False) -> None:
        self.query_one("#editor-message", Static).update(literal(text, style="bold red" if error else ""))

    # ----------------------------------------------------------------- prompt
    def _ask(self, what: str, ident: str | None, label: str, value: str = "") -> None:
        prompt = self.query_one("#prompt", Input)
        prompt.placeholder = label
        prompt.value = value
        prompt.add_class("-open")
        prompt.border_title = label
        self._asked = label
        self._mode = (what, ident)
        self._say(_("{label} · enter saves · esc cancels").format(label=label))
        prompt.focus()
        prompt.cursor_position = len(value)

    def _close_prompt(self) -> None:
        prompt = self.query_one("#prompt", Input)
        prompt.remove_class("-open")
        prompt.value = ""
        self._mode = None
        self.query_one("#outline", OptionList).focus()

    @on(Input.Submitted, "#prompt")
    def _submitted(self, message: Input.Submitted) -> None:
        if self._mode is None:
            return
        what, ident = self._mode
        text = message.value
        typed = (what, ident, self._asked, text)  # given back if it cannot be saved
        if not text.strip():
            self._say(_("Nothing typed; type a text, or esc to cancel."), error=True)
            return
        if what == "import":
            self._import(text.strip())
            return
        self._close_prompt()
        if what == "add_theme":
            self._save(lambda g: _tagged(edits.add_theme(g, text, after=ident), "t"), _("Theme added."), typed)
        elif what == "add_question" and ident is not None:
            after = self.selected()
            after_id = after[1] if after and after[0] == "q" else None
            self._save(
                lambda g: _tagged(edits.add_question(g, ident, text, after=after_id), "q"),
                _("Question added."),
                typed,
            )
        elif what == "rename" and ident is not None:
            self._save(lambda g: (edits.rename_theme(g, ident, text), f"t:{ident}"), _("Theme renamed."), typed)
        elif what == "edit_question" and ident is not None:
            self._save(lambda g: (edits.edit_question(g, ident, text), f"q:{ident}"), _("Question changed."), typed)

    def _import(self, raw_path: str) -> None:
        if self.check_action("import_file", ()) is False:
            return
        path = Path(raw_path).expanduser()
        try:
            imported, warning = read_guide_file(path)
        except StoreError as error:  # named, in the interface's language; a device or pipe is refused unread
            self._say(str(error), error=True)
            return
        if not imported.themes:
            self._say(
                _("{path} has no themes: each Markdown heading is a theme, each list item a question.").format(
                    path=path
                ),
                True,
            )
            return
        self._close_prompt()

        def change(guide: Guide) -> tuple[Guide, str | None]:
            merged, _added = edits.append_guide(guide, imported)
            first_new = merged.themes[len(guide.themes)].id if len(merged.themes) > len(guide.themes) else None
            return merged, f"t:{first_new}" if first_new else None

        themes = len(imported.themes)
        said = ngettext("Imported {n} theme from {name}.", "Imported {n} themes from {name}.", themes)
        self._save(change, " ".join(filter(None, [said.format(n=themes, name=path.name), warning])))

    # ----------------------------------------------------------------- actions
    def action_add_theme(self) -> None:
        self._ask("add_theme", self._theme_here(), _("New theme title"))

    def action_add_question(self) -> None:
        theme = self._theme_here()
        if theme is None:
            self._say(_("Add a theme first (t): questions belong to a theme."), error=True)
            return
        self._ask("add_question", theme, _("New question"))

    def action_edit(self) -> None:
        here = self.selected()
        if here is None:
            return
        kind, ident = here
        if kind == "t":
            theme = next((t for t in self.guide.themes if t.id == ident), None)
            if theme is not None:
                self._ask("rename", ident, _("Theme title"), theme.title)
        else:
            question = next((q for t in self.guide.themes for q in t.questions if q.id == ident), None)
            if question is not None:
                self._ask("edit_question", ident, _("Question"), question.text)

    def action_delete(self) -> None:
        here = self.selected()
        if here is None:
            return
        key = ":".join(here)
        if self._armed_delete != key:
            self._armed_delete = key
            again = _("Press d again to delete this theme and its questions.")
            self._say(again if here[0] == "t" else _("Press d again to delete this question."), error=True)
            return
        kind, ident = here
        if kind == "t":
            self._save(lambda g: (edits.delete_theme(g, ident), None), _("Theme deleted."))
        else:
            self._save(lambda g: (edits.delete_question(g, ident), None), _("Question deleted."))

    def action_move(self, step: int) -> None:
        here = self.selected()
        if here is None:
            return
        kind, ident = here
        if kind == "t":
            self._save(lambda g: (edits.move_theme(g, ident, step), f"t:{ident}"), _("Moved."))
        else:
            self._save(lambda g: (edits.move_question(g, ident, step), f"q:{ident}"), _("Moved."))

    def action_import_file(self) -> None:
        if self.check_action("import_file", ()) is False:
            self._say(_("Import is not available in a browser: it reads a file on the server."), error=True)
            return
        self._ask("import", None, _("Guide Markdown file to import (path)"))

    def action_back(self) -> None:
        if self._mode is not None:
            self._close_prompt()
            self._say(_("Cancelled."))
            return
        if len(self.app.screen_stack) > 1:
            self.dismiss(None)
        else:
            self.app.exit()

    def on_option_list_option_highlighted(self) -> None:
        if self._armed_delete is not None:
            self._armed_delete = None
            self._say("")

    @on(OptionList.OptionSelected, "#outline")
    def _selected_line(self) -> None:
        self.action_edit()


def _tagged(result: tuple[Guide, str | None], kind: str) -> tuple[Guide, str | None]:
    guide, ident = result
    return guide, f"{kind}:{ident}" if ident else None
