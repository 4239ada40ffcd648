"""The map screen's panels: method checks (jump to what a finding is about), counts and
saturation, and a quote with its history."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.message import Message

from trodden.models.checks import Finding, run_checks
from trodden.models.checks_transcript import with_transcripts
from trodden.models.domain import Note
from trodden.models.map.evidence import StudyMapData
from trodden.models.map.journey_map import JourneyMap, Lane
from trodden.models.names import visible
from trodden.models.stats import backing_counts, backing_sections, saturation
from trodden.models.transcript.study import notes_by_interview
from trodden.tui.i18n import N_, _, quoted
from trodden.tui.widgets.charts import bar
from trodden.tui.widgets.dialogs import PickScreen, TextPanel

from .view import MapView

SEVERITY = {"warning": N_("warning"), "info": N_("info")}
"""A finding's severity as the interface says it (the finding's own words come from models)."""


class MapPanels(MapView):
    """Checks and stats actions for the map screen."""

    class ChecksFound(Message):
        """The method checks, with the quotes checked against the interviews' transcripts (a worker's)."""

        def __init__(self, findings: list[Finding]) -> None:
            super().__init__()
            self.findings = findings

    def action_checks(self) -> None:
        if self.loaded is None:
            return
        self.run_checks(self.loaded, self.journey.model_copy(deep=True))

    @work(thread=True, exclusive=True, group="checks", description="run the method checks")
    def run_checks(self, loaded: StudyMapData, journey: JourneyMap) -> None:
        """Off the UI thread: the quote checks read and align every transcript."""
        findings = run_checks(loaded.data, loaded.interviews, loaded.index, journey)
        notes = notes_by_interview(loaded.index.notes.values())
        findings, _problems = with_transcripts(self.store, loaded.data, loaded.interviews, notes, findings)
        self.post_message(self.ChecksFound(findings))  # a damaged transcript is left out, as by 'trodden check'

    def on_map_panels_checks_found(self, message: ChecksFound) -> None:
        findings = message.findings
        if not findings:
            self.status(_("No findings: the map follows the method's rules of thumb"), "green")
            return
        options = []
        severity_width = max(len(_(word)) for word in SEVERITY.values()) + 1  # "warning " in English
        code_width = max(len(finding.code) for finding in findings) + 1  # codes never run into their message
        for number, finding in enumerate(findings):
            severity = _(SEVERITY.get(finding.severity, finding.severity))
            line = Table.grid()  # a long message wraps under itself, not under the severity and code
            line.add_column(no_wrap=True, width=severity_width)
            line.add_column(no_wrap=True, width=code_width)
            line.add_column(overflow="fold")
            line.add_row(
                Text(severity, style="bold yellow" if finding.severity == "warning" else "cyan"),
                Text(finding.code, style="bold"),
                Text(visible(finding.message)),
            )
            options.append((f"{number}", line))
        intro = Text(
            _("Enter jumps to the phase or item a finding is about ('trodden check --help' explains each code).")
        )
        self.app.push_screen(PickScreen(_("Method checks"), intro, options), lambda key: self._jump(findings, key))

    def _jump(self, findings: list[Finding], key: str | None) -> None:
        """To the phase or item a finding is about; a quote's finding shows the quote and its history."""
        if key is None or self.loaded is None:
            return
        subject = findings[int(key)].subject
        phase_ids = [p.id for p in self.phases]
        note = self.loaded.index.notes.get(subject)
        if subject in phase_ids:
            self.board.go_to(Lane.TOUCHPOINTS, phase_ids.index(subject))
        elif subject.isdigit():
            self._focus_item(int(subject))
        elif note is not None:
            backed = next((item for item in self.journey.items if subject in item.evidence), None)
            if backed is not None:
                self._focus_item(backed.id)
            self.app.push_screen(TextPanel(_("Quote"), quote_panel(note, self.loaded.index.participant(note))))
        self.board.focus()

    def action_stats(self) -> None:
        if self.loaded is None:
            return
        self.app.push_screen(TextPanel(_("Counts and saturation"), stats_text(self.loaded, self.journey)))


def quote_panel(note: Note, participant: str) -> Text:
    text = Text()
    text.append(quoted(visible(note.text)) + "\n", style="italic bold")
    text.append(
        "\n"
        + visible(
            _("{participant} · {interview} · note {seq}").format(
                participant=participant, interview=note.interview, seq=note.seq
            )
        )
        + "\n",
        style="dim",
    )
    text.append("\n" + _("As typed:") + "\n", style="bold")
    for revision in note.history:
        text.append(f"  {revision.at:%Y-%m-%d %H:%M}  {visible(revision.raw)}\n")
    return text


def stats_text(loaded: StudyMapData, journey: JourneyMap, width: int = 30) -> Group:
    """The stats panel: participants per item, tag and channel, then saturation. Each section is a
    grid, so a long title wraps under itself, not under the counts."""
    rows = backing_counts(loaded.index, journey)
    parts: list[RenderableType] = []
    headings = {
        "item": _("Map items"),
        "backstage": _("Backstage only staff told of"),
        "tag": _("Tags"),
        "channel": _("Channels"),
    }
    for kind, section in backing_sections(rows):
        heading = headings[kind]
        counted = _("{heading} (staff, n of N)") if kind == "backstage" else _("{heading} (customers, n of N)")
        parts.append(Text(counted.format(heading=heading), style="bold"))
        if not section:
            parts.append(Text("  " + _("none yet"), style="dim"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True, width=10, style="green")
        grid.add_column(overflow="fold")
        for row in section:
            prefix = "#" if kind == "tag" else "@" if kind == "channel" else ""
            counts = "  " + _("{n} of {total}").format(n=f"{row.n:>3}", total=f"{row.total:<3}")
            grid.add_row(counts, bar(row.n, row.total, 10), Text(prefix + visible(row.label)))
        if section:
            parts.append(grid)
        parts.append(Text())
    text = Text()
    text.append(_("Saturation: what each interview added, in date order") + "\n", style="bold")
    yields = saturation(loaded.interviews, loaded.index, journey)
    peak = max((y.new for y in yields), default=0)
    for y in yields:
        text.append(
            f"  {visible(y.interview):<24} "
            + _("+{items} items +{tags} tags").format(items=f"{y.new_items:<3}", tags=f"{y.new_tags:<3}")
            + " "
        )
        text.append(bar(y.new_items, peak, width), style="green")
        text.append(bar(y.new_tags, peak, width), style="cyan")
        text.append("\n")
    return Group(*parts, text)
