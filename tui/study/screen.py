"""The study overview: which interviews exist, their status, and where to go next."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static

from trodden.models.domain import Interview, InterviewStatus
from trodden.models.map.evidence import load_study_map
from trodden.models.participants import PlanRow, overview_line, still_to_interview
from trodden.models.stats import saturation_verdict
from trodden.models.storage.store import StudyStore
from trodden.tui.actions import Action, register
from trodden.tui.base import TroddenScreen, literal
from trodden.tui.i18n import _
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.widgets.table import FittingTable
from trodden.tui.words import language_name, word
from trodden.tui.writer import Writer

from .starting import StartingInterviews
from .summary import verdict_text

ACTIONS = register(
    "study",
    "Study overview",
    [
        Action(
            "study.new",
            "n",
            "new_interview",
            "New interview",
            "Start an interview: pick a participant or add one, then take notes",
            short="New",
        ),
        Action(
            "study.capture",
            "c",
            "capture",
            "Capture",
            "Take notes live on the selected interview (or start the interview of someone still to interview)",
        ),
        Action(
            "study.guide",
            "g",
            "open_guide",
            "Guide view",
            "Follow the highlighted interview in the guide view",
            short="Guide",
        ),
        Action(
            "study.clean",
            "e",
            "clean",
            "Clean notes",
            "Clean the selected interview's notes and export them",
            short="Clean",
        ),
        Action("study.map", "m", "open_map", "Map", "Open the mapping board: assemble the journey from the notes"),
        Action(
            "study.search", "slash", "app.search", "Search", "Find any note of the study", short="Find", palette=False
        ),
        Action("study.tags", "t", "tags", "Tags", "Every tag and channel: counts, rename and merge"),
        Action(
            "study.guide_editor",
            "w",
            "edit_guide",
            "Write guide",
            "Add, edit and reorder the guide's themes",
            short="Write",
        ),
        Action("study.refresh", "r", "refresh", "Refresh", "Re-read the study folder", short="Reload"),
        Action(
            "study.settings",
            "s",
            "settings",
            "Settings",
            "Change the study's name, purpose, scope, state, language, redaction terms and participants",
        ),
    ],
)

STATUS_STYLE = {
    InterviewStatus.PLANNED: "dim",
    InterviewStatus.LIVE: "bold yellow",
    InterviewStatus.DONE: "cyan",
    InterviewStatus.CLEANED: "green",
}


@dataclass
class InterviewRow:
    interview: Interview
    notes: int | None
    problem: str | None = None
    live_now: bool = False
    """Its notes are being written by another process right now (a note-taker capturing)."""


def _short(text: str, width: int = 24) -> str:
    """A customer type in a column: long ones ("First-time plant owner, first own flat, ...") cut with …."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class StudyScreen(StartingInterviews, TroddenScreen):
    CONTEXT = "study"
    BINDINGS = ACTIONS
    DEFAULT_CSS = """
    StudyScreen #enough { height: auto; max-height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    StudyScreen #summary { max-height: 40vh; }
    """
    """The guidance and saturation line: one row at any width, cut with … rather than wrapped. The
    summary takes at most 40% of a small terminal: wrapped at 60x16 it took every row and the
    interviews, which the keys act on, were out of sight."""

    class Loaded(Message):
        def __init__(self, rows: list[InterviewRow], problems: list[str], enough: str = "") -> None:
            super().__init__()
            self.rows = rows
            self.problems = problems
            self.enough = enough

    def __init__(self, store: StudyStore) -> None:
        super().__init__()
        self.store = store
        self.rows: list[InterviewRow] = []
        self.planned: list[PlanRow] = []
        """Participants with no interview yet: rows after the interviews (``c`` starts theirs)."""
        self.writer = Writer(self, "study")

    def compose(self) -> ComposeResult:
        study = self.store.study
        yield Static(literal(f"trodden · {study.name}", one_line=True), classes="screen-title", id="title")
        yield Static(self._summary(), id="summary", classes="muted")
        yield Static("", id="enough", classes="muted")
        yield FittingTable(id="interviews", cursor_type="row", zebra_stripes=True)
        yield Static("", id="problems", classes="error")
        yield FittingFooter()

    def _summary(self) -> Text:
        study = self.store.study
        state = word(study.state) if study.state else _("state not chosen")
        phases = " → ".join(phase.name for phase in self.store.phases) or _("no phases yet")
        text = Text(" ")
        line = _("{scope} journey · {state} · in {language}").format(
            scope=word(study.scope), state=state, language=language_name(study.language)
        )
        text.append(f"{line}\n ")
        text.append_text(literal(study.purpose or _("no purpose written yet")))
        text.append_text(literal("\n " + _("Phases: {phases}").format(phases=phases)))
        return text

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # The interview's id (date and participant again) goes last: at 80 columns the counts
        # must not be cut at the screen's edge, where "30" notes would read "3".
        table.add_columns(
            _("Participant"),
            _("Type"),
            _("Date"),
            _("Status"),
            _("Notes"),
            _("Interviewer"),
            _("Note-taker"),
            _("Interview"),
        )
        self.load()

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        interviews, problems = self.store.interviews()
        rows = []
        for interview in interviews:
            try:
                with self.store.open_interview(interview.id, writable=False) as session:
                    damage = "; ".join(str(problem) for problem in session.problems)  # shown, never hidden
                    notes = len(session.notes())
                rows.append(InterviewRow(interview, notes, damage or None, self.store.being_written(interview.id)))
            except Exception as error:
                rows.append(InterviewRow(interview, None, str(error)))
        self.post_message(self.Loaded(rows, [str(problem) for problem in problems], self._enough()))

    def _enough(self) -> str:
        """``4 customer interviews (guidance 15-20) · saturation not yet: ...`` (off the UI thread)."""
        try:
            loaded = load_study_map(self.store)
            verdict = saturation_verdict(loaded.interviews, loaded.index, loaded.journey, self.store.study.scope)
        except Exception:  # a damaged map or interview is named elsewhere; the line is only a summary
            return ""
        return verdict_text(verdict)

    def on_study_screen_loaded(self, message: Loaded) -> None:
        self.rows = message.rows
        table = self.query_one(DataTable)
        problems = message.problems + [f"{row.interview.id}: {row.problem}" for row in message.rows if row.problem]
        self.query_one("#problems", Static).update(literal("\n".join(problems)))
        self.query_one("#summary", Static).update(self._summary() + Text("\n ") + literal(overview_line(self.store.participants, [r.interview for r in message.rows]), one_line=True))  # fmt: skip
        self.query_one("#enough", Static).update(literal(f" {message.enough}", one_line=True))
        cleaned = sum(1 for row in message.rows if row.interview.status is InterviewStatus.CLEANED)
        self.planned = still_to_interview(self.store.participants, [row.interview for row in message.rows])
        table.border_title = _("Interviews ({n}, {cleaned} cleaned)").format(n=len(message.rows), cleaned=cleaned)
        table.clear()
        kinds = {person.code.casefold(): person.kind_text for person in self.store.participants}
        for row in message.rows:
            interview = row.interview
            status = Text(word(interview.status), style=STATUS_STYLE[interview.status])
            if row.live_now:
                status.append(" ● " + _("now"), style="bold red")
            table.add_row(
                literal(interview.participant, one_line=True),
                literal(_short(kinds.get(interview.participant.casefold(), "")), one_line=True),
                interview.date.isoformat(),
                status,
                "?" if row.notes is None else str(row.notes),
                literal(interview.interviewer, one_line=True),
                literal(interview.note_taker, one_line=True),
                literal(interview.id, one_line=True),
                key=interview.id,
            )
        for person in self.planned:  # after the interviews: who is left, with their type
            table.add_row(
                literal(person.code, one_line=True),
                literal(_short(person.kind_text), one_line=True),
                "",
                Text(_("planned"), style="dim italic"),
                *("", "", ""),
                Text("—", style="dim"),
                key=f"to-interview:{person.code}",
            )

    def action_refresh(self) -> None:
        self.store.reload()
        self.load()

    def action_capture(self) -> None:
        from trodden.tui.capture.screen import capture_screen_for

        table = self.query_one(DataTable)
        if 0 <= table.cursor_row - len(self.rows) < len(self.planned):  # someone still to interview
            self._ask_who(self.planned[table.cursor_row - len(self.rows)].code)  # starting.py, as n does
            return
        interview = self.selected_interview()
        screen = capture_screen_for(self.store, interview.id, self.notify) if interview else None
        if screen is not None:
            self.app.push_screen(screen, lambda _: self.action_refresh())

    def selected_interview(self) -> Interview | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row < 0 or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row].interview

    def action_clean(self) -> None:
        from trodden.tui.clean.screen import CleanScreen

        interview = self.selected_interview()
        if interview is not None:
            self.app.push_screen(CleanScreen(self.store, interview.id), lambda _: self.action_refresh())

    def action_open_guide(self) -> None:
        from trodden.tui.guide.screen import GuideScreen

        interview = self.selected_interview()
        if interview is None:
            self.notify(_("No interview highlighted: start one with 'trodden guide DIR --participant CODE'."))
            return
        self.app.push_screen(GuideScreen(self.store, interview.id))

    def action_edit_guide(self) -> None:
        from trodden.tui.guide.editor import GuideEditor

        self.app.push_screen(GuideEditor(self.store))

    def action_open_map(self) -> None:
        from trodden.tui.map.initials import open_map_screen

        open_map_screen(self.app, self.store)

    def action_settings(self) -> None:
        from trodden.tui.settings.screen import SettingsScreen

        self.app.push_screen(SettingsScreen(self.store), lambda _: self._after_settings())

    def _after_settings(self) -> None:
        self.query_one("#title", Static).update(literal(f"trodden · {self.store.study.name}", one_line=True))
        self.action_refresh()
