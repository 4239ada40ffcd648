"""The map screen's panels: method checks (jump to what a finding is about), counts and
saturation, and a quote with its history."""

from __future__ import annotations

from rich.text import Text

from trodden.models.checks import run_checks
from trodden.models.domain import Note
from trodden.models.map.evidence import StudyMapData
from trodden.models.map.journey_map import JourneyMap, Lane
from trodden.models.names import visible
from trodden.models.plurals import noun
from trodden.models.stats import backing_counts, saturation
from trodden.tui.widgets.charts import bar
from trodden.tui.widgets.dialogs import PickScreen, TextPanel

from .view import MapView


class MapPanels(MapView):
    """Checks and stats actions for the map screen."""

    def action_checks(self) -> None:
        if self.loaded is None:
            return
        findings = run_checks(self.loaded.data, self.loaded.interviews, self.loaded.index, self.journey)
        if not findings:
            self.status("No findings: the map follows the method's rules of thumb", "green")
            return
        options = []
        code_width = max(len(finding.code) for finding in findings) + 1  # codes never run into their message
        for number, finding in enumerate(findings):
            line = Text(f"{finding.severity:<8}", style="bold yellow" if finding.severity == "warning" else "cyan")
            line.append(f"{finding.code:<{code_width}}", style="bold")
            line.append(visible(finding.message))
            options.append((f"{number}", line))
        intro = Text("Enter jumps to the phase or item a finding is about ('trodden check --help' explains each code).")

        def jump(key: str | None) -> None:
            if key is None:
                return
            subject = findings[int(key)].subject
            phase_ids = [p.id for p in self.phases]
            if subject in phase_ids:
                self.board.go_to(Lane.TOUCHPOINTS, phase_ids.index(subject))
            elif subject.isdigit():
                self._focus_item(int(subject))
            self.board.focus()

        self.app.push_screen(PickScreen("Method checks", intro, options), jump)

    def action_stats(self) -> None:
        if self.loaded is None:
            return
        self.app.push_screen(TextPanel("Counts and saturation", stats_text(self.loaded, self.journey)))


def quote_panel(note: Note, participant: str) -> Text:
    text = Text()
    text.append(f"“{visible(note.text)}”\n", style="italic bold")
    text.append(visible(f"\n{participant} · {note.interview} · note {note.seq}\n"), style="dim")
    text.append("\nAs typed:\n", style="bold")
    for revision in note.history:
        text.append(f"  {revision.at:%Y-%m-%d %H:%M}  {visible(revision.raw)}\n")
    return text


def stats_text(loaded: StudyMapData, journey: JourneyMap, width: int = 30) -> Text:
    """The stats panel: participants per item, tag and channel, then saturation."""
    rows = backing_counts(loaded.index, journey)
    text = Text()
    for kind, heading in (("item", "Map items"), ("tag", "Tags"), ("channel", "Channels")):
        text.append(f"{heading} (participants, n of N)\n", style="bold")
        section = [row for row in rows if row.kind == kind]
        if not section:
            text.append("  none yet\n", style="dim")
        for row in section:
            prefix = "#" if kind == "tag" else "@" if kind == "channel" else ""
            text.append(f"  {row.n:>3} of {row.total:<3} ")
            text.append(bar(row.n, row.total, 10).ljust(10), style="green")
            text.append(f" {prefix}{visible(row.label)}\n")
        text.append("\n")
    text.append("Saturation: what each interview added, in date order\n", style="bold")
    yields = saturation(loaded.interviews, loaded.index, journey)
    peak = max((y.new for y in yields), default=0)
    for y in yields:
        text.append(
            f"  {visible(y.interview):<24} +{y.new_items:<3} {noun(y.new_items, 'item'):<5} +{y.new_tags:<3} {noun(y.new_tags, 'tag'):<4} "
        )
        text.append(bar(y.new_items, peak, width), style="green")
        text.append(bar(y.new_tags, peak, width), style="cyan")
        text.append("\n")
    return text
