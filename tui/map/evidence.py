"""An item's evidence: every source note, with participant and mm:ss, and its feeling."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from trodden.models.domain import Kind
from trodden.models.map.curve import item_feeling
from trodden.models.map.evidence import NotesIndex, item_channels
from trodden.models.map.journey_map import ItemKind, MapItem
from trodden.models.names import visible
from trodden.tui.actions import Action, register
from trodden.tui.base import literal
from trodden.tui.i18n import _, ngettext, number, quoted
from trodden.tui.widgets.footer import FittingFooter
from trodden.tui.widgets.option_list import SafeOptionList
from trodden.tui.words import word

from .board_text import MARK_GLYPH, curve_label
from .inbox import mm_ss
from .transcript_context import TranscriptContext, TranscriptContextView

ACTIONS = register(
    "map.item",
    "Map: item evidence",
    [
        Action("map.item.close", "escape", "close", "Close", "Back to the board"),
        Action(
            "map.item.detach",
            "x",
            "detach",
            "Take note off",
            "Take the highlighted note off this item (back to the inbox)",
        ),
        Action("map.item.rename", "r", "rename", "Rename", "Rename this item"),
        Action(
            "map.item.quote", "q", "quote", "Pick quote", "Pick the highlighted quote note as a quote of this phase"
        ),
    ],
)


def item_summary(item: MapItem, index: NotesIndex, phase_name: str) -> Text:
    n, total = index.backing(item)
    text = Text()
    text.append(visible(item.title), style="bold")
    text.append("\n")
    kind = word(item.kind)
    if item.backstage:
        kind += f" ({word(item.backstage)})"
    said = _("{kind} in {phase} · backed by {backing}")
    text.append(
        said.format(kind=kind, phase=visible(phase_name), backing=backing_text(item, index, n, total)), style="dim"
    )
    if item.is_hypothesis:
        text.append(" · " + _("HYPOTHESIS: no interview note backs it yet"), style="bold yellow")
    if item.mark:
        glyph, style = MARK_GLYPH[item.mark]
        text.append(f"  {glyph} {word(item.mark)}", style=style)
    channels = item_channels(item, index)
    if channels:
        text.append("\n" + _("channels:") + " " + " ".join(f"@{visible(c)}" for c in channels), style="cyan")
    feeling = item_feeling(item, index)
    text.append("\n" + _("feeling:") + " ")
    text.append_text(curve_label(feeling))
    if feeling.per_participant:
        text.append("  (" + ", ".join(f"{visible(p)} {number(v)}" for p, v in feeling.per_participant.items()) + ")")
    staff = item_feeling(item, index, staff=True)
    if staff.value is not None:  # the staff's, apart: it is not the customers' feeling
        text.append("\n" + _("staff feeling:") + " ", style="blue")
        text.append_text(curve_label(staff))
    text.append_text(types_text(item, index))
    if item.design_question:
        text.append("\n" + visible(item.design_question), style="italic")
    return text


def backing_text(item: MapItem, index: NotesIndex, n: int, total: int) -> str:
    """``3 of 5 participants`` (customers); backstage, once staff were interviewed, says who backs
    it: ``2 of 3 staff, 1 customer``."""
    if item.kind is not ItemKind.BACKSTAGE or not index.staff:
        return ngettext("{n} of {total} participant", "{n} of {total} participants", total).format(n=n, total=total)
    if n == 0:  # staff alone: no "0 customers" beside it, as if customers had been counted
        return _("{staff} of {total} staff").format(staff=len(index.staff_backers(item)), total=len(index.staff))
    said = ngettext("{staff} of {total} staff, {n} customer", "{staff} of {total} staff, {n} customers", n)
    return said.format(staff=len(index.staff_backers(item)), total=len(index.staff), n=n)


def types_text(item: MapItem, index: NotesIndex) -> Text:
    """``customer types: first-time buyer 2, plant lover 1``, marked when one type alone backs it."""
    counts = index.by_type(item)
    if all(not segment for segment, _ in counts):
        return Text()
    named = ", ".join(f"{visible(segment or _('type not given'), one_line=True)} {count}" for segment, count in counts)
    text = Text("\n" + _("customer types: {named}").format(named=named), style="dim")
    if index.one_type_only(item):
        text.append("  ! " + _("one customer type only"), style="bold yellow")
    return text


def evidence_line(note, participant: str) -> Text:
    text = Text(no_wrap=False)
    text.append(f"{visible(participant):<4} {mm_ss(note.t)} ", style="bold")
    text.append(f"{visible(note.interview)}  ", style="dim")
    if Kind.QUOTE in note.kinds:
        text.append(quoted(visible(note.text)), style="italic")
    else:
        text.append(visible(note.text))
    if note.valence:
        text.append(f"  ({note.valence:+d})", style="green" if note.valence > 0 else "red")
    return text


class ItemScreen(TranscriptContextView, ModalScreen[str | None]):
    """Returns ``detach:<note id>``, ``quote:<note id>``, ``rename`` or None. Given the ``store``,
    it shows where the highlighted note sits in its interview's transcript, if it has one."""

    CONTEXT = "map.item"
    BINDINGS = ACTIONS
    CSS_PATH = "map.tcss"

    def __init__(
        self, item: MapItem, index: NotesIndex, phase_name: str, *, readonly: bool = False, store=None, changed=""
    ) -> None:
        super().__init__()
        self.changed = changed
        """``last changed by AB 14:02 UTC`` on a shared map ("" unknown)"""
        self.store = store
        self.item = item
        self.index = index
        self.phase_name = phase_name
        self.readonly = readonly

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Item {id}: evidence").format(id=self.item.id)
            summary = item_summary(self.item, self.index, self.phase_name)
            if self.changed:
                summary.append("\n" + self.changed, style="dim")
            yield Static(summary, id="item-summary")
            notes = self.index.evidence(self.item)
            missing = [n for n in self.item.evidence if n not in self.index.notes]
            options = [Option(evidence_line(note, self.index.participant(note)), id=note.id) for note in notes]
            options += [
                Option(literal(_("{note}: note not found (deleted?)").format(note=n), "red", one_line=True), id=n)
                for n in missing
            ]
            if not options:
                options = [
                    Option(
                        Text(_("No evidence yet: place interview notes on this item (a)"), style="dim"), disabled=True
                    )
                ]
            yield SafeOptionList(*options, id="evidence")
            yield TranscriptContext(id="transcript-context")
        yield FittingFooter()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_detach(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id is None or self.readonly:
            return
        self.dismiss(f"detach:{option.id}")

    def action_quote(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id is None or self.readonly:
            return
        self.dismiss(f"quote:{option.id}")

    def action_rename(self) -> None:
        if not self.readonly:
            self.dismiss("rename")
