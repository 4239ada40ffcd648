"""The hypothesis on the map: what the interviews did to it (``H``), and removing one of its items.

The kept hypothesis (``models.map.kept_hypothesis``) is read with the map, on the loading
worker. Removing an item that is in it asks whether the interviews contradicted it (with a
reason) or it is just removed; the answer is kept with the hypothesis, written on the
screen's writer after the removal itself.
"""

from __future__ import annotations

from rich.text import Text

from trodden.models.domain import Phase
from trodden.models.map.edit import remove_item
from trodden.models.map.hypothesis import Outcome, hypothesis_outcomes
from trodden.models.map.journey_map import JourneyMap, MapItem
from trodden.models.map.kept_hypothesis import KeptHypothesis, Verdict, record_verdict
from trodden.models.names import visible
from trodden.tui.i18n import N_, _, ngettext
from trodden.tui.widgets.dialogs import PickScreen, PromptScreen, TextPanel

from .writing import MapWriting

HEADINGS = {
    Outcome.CONFIRMED: (N_("Confirmed"), "green"),
    Outcome.CONTRADICTED: (N_("Contradicted"), "red"),
    Outcome.UNBACKED: (N_("Still unbacked"), "yellow"),
    Outcome.REMOVED: (N_("Removed, not called contradicted"), "dim"),
}
NOT_KEPT = N_(
    "No hypothesis kept yet: the study's first interview keeps the map's unbacked items,"
    " or keep them now with 'trodden map DIR --snapshot hypothesis'"
)


def hypothesis_text(kept: KeptHypothesis, journey: JourneyMap, phases: list[Phase]) -> Text:
    """The hypothesis view: each kept item under its outcome, then what no one expected."""
    names = {phase.id: phase.name for phase in phases}
    result = hypothesis_outcomes(kept, journey)

    def line(item: MapItem, detail: str = "") -> Text:
        row = Text("  ")
        row.append(visible(item.title, one_line=True), style="bold")
        row.append(visible(f"  {names.get(item.phase or '', _('no phase'))}", one_line=True), style="dim")
        if detail:
            row.append(visible(f"  {detail}", one_line=True))
        return row + Text("\n")

    kept_line = ngettext(
        "Kept {when}, {n} item drafted before the interviews.",
        "Kept {when}, {n} items drafted before the interviews.",
        len(kept.items),
    )
    text = Text(kept_line.format(when=f"{kept.taken:%Y-%m-%d %H:%M}", n=len(kept.items)) + "\n")
    text.append("  ·  ".join(f"{_(HEADINGS[o][0])} {n}" for o, n in result.counts().items()) + "\n\n", style="dim")
    for outcome, (heading, style) in HEADINGS.items():
        entries = result.of(outcome)
        text.append(f"{_(heading)} ({len(entries)})\n", style=f"bold {style}")
        for entry in entries:
            detail = entry.reason
            if outcome is Outcome.CONFIRMED and entry.now is not None and entry.now.title != entry.item.title:
                detail = _("now “{title}”").format(title=entry.now.title)
            text.append_text(line(entry.item, detail))
        text.append("\n")
    text.append(_("New: what no one expected ({n})").format(n=len(result.new)) + "\n", style="bold cyan")
    for item in result.new:
        backed = len(item.evidence)
        notes = ngettext("{n} note", "{n} notes", backed).format(n=backed) if backed else _("no notes yet")
        text.append_text(line(item, notes))
    return text


class HypothesisActions(MapWriting):
    """The hypothesis view and the question on removing one of its items (a mixin of ``MapScreen``)."""

    kept: KeptHypothesis | None
    kept_problem: str = ""
    """why the kept hypothesis could not be read (a damaged file, left as it is); "" if it was"""

    def action_hypothesis(self) -> None:
        if self.loaded is None:
            return
        if self.kept is None and self.kept_problem:
            self.status(_("The kept hypothesis cannot be shown: {problem}").format(problem=self.kept_problem), "red")
            return
        if self.kept is None:
            self.status(_(NOT_KEPT), "yellow")
            return
        body = hypothesis_text(self.kept, self.journey, self.phases)
        self.app.push_screen(TextPanel(_("What the interviews did to the hypothesis"), body))

    def in_hypothesis(self, item_id: int) -> bool:
        return self.kept is not None and self.kept.has(item_id)

    def ask_contradicted(self, item: MapItem) -> None:
        """Removing a hypothesis item: contradicted (with a reason), or just removed; esc keeps it."""
        sentence = _(
            "This item was in the hypothesis drafted before the interviews. Did the interviews "
            "{contradict} it? Esc keeps the item."
        )
        before, _word, after = sentence.partition("{contradict}")
        intro = Text(before)
        intro.append(_("contradict"), style="bold")
        intro.append(after)
        options = [
            ("contradicted", Text(_("Yes, contradicted: write why, then remove it"))),
            ("remove", Text(_("No, just remove it"))),
        ]

        def reasoned(reason: str | None) -> None:
            if reason is not None:
                self._remove_with_verdict(item, Verdict(contradicted=True, reason=reason.strip()))

        def chosen(answer: str | None) -> None:
            if answer == "remove":
                self._remove_with_verdict(item, Verdict(contradicted=False))
            elif answer == "contradicted":
                prompt = PromptScreen(
                    _("Contradicted: {title}").format(title=item.title),
                    "",
                    _("why (what the interviews showed)"),
                    blink=self.blink,
                )
                self.ask(prompt, reasoned)

        title = _("Remove “{title}”").format(title=visible(item.title, one_line=True))
        self.app.push_screen(PickScreen(title, intro, options), chosen)

    def _remove_with_verdict(self, item: MapItem, verdict: Verdict) -> None:
        self._edit(lambda: remove_item(self.journey, item.id), _("Item removed"), inbox=True)
        if self.journey.item(item.id) is not None or self.kept is None:
            return  # not removed (read-only, or the edit failed): nothing to keep
        self.kept = self.kept.model_copy(update={"verdicts": {**self.kept.verdicts, item.id: verdict}})
        self.store_later(record_verdict, self.store.path, item.id, verdict, retry=self.answer_retry())
        if verdict.contradicted:
            self.status(_("Item removed; kept as contradicted by the interviews (H shows the hypothesis)"), "green")
