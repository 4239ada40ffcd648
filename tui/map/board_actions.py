"""The board's keys: open, select and merge, move, promote, write, rename, remove items.

Each action turns the key into a pure edit (``models.map.edit``) of the item under the
board's cursor and commits it; prompts ask for titles and design questions first.
"""

from __future__ import annotations

from rich.text import Text

from trodden.models.domain import Phase
from trodden.models.map.board_model import LANE_KIND
from trodden.models.map.design_question import lead_in
from trodden.models.map.edit import (
    EditError,
    cycle_backstage,
    merge_items,
    move_item,
    new_item,
    pick_quote,
    promote_moment,
    remove_evidence,
    remove_item,
    remove_quote,
    rename_item,
    reorder_item,
    set_kind,
)
from trodden.models.map.journey_map import ItemKind
from trodden.models.map.similarity import duplicate_items
from trodden.models.names import visible
from trodden.tui.i18n import _, ngettext
from trodden.tui.widgets.dialogs import PickScreen, PromptScreen, TextPanel
from trodden.tui.words import word

from .board import Board
from .evidence import ItemScreen
from .panels import quote_panel
from .writing import MapWriting


class BoardActions(MapWriting):
    """What the keys do to the item under the board's cursor (a mixin of ``MapScreen``)."""

    def on_board_opened(self, message: Board.Opened) -> None:
        """A double click on a board entry opens it, as enter does on the board."""
        if self.board.has_focus:
            self.action_open()

    def action_open(self) -> None:
        """Enter. Inbox: place the note in its own phase. Board: open the evidence, the quote or the curve's detail."""
        if self.inbox_focused:
            note = self.inbox_widget.note
            if note is None:
                return
            phase = next((p for p in self.phases if p.id == note.phase), None) or self.current_phase()
            if phase is None:
                self.status(_("Add a phase first (A)"), "yellow")
                return
            self._place(note, phase)
            return
        entry = self.board.entry()
        if entry is None or self.loaded is None:
            return
        if entry.kind == "curve":
            self.action_participant_lines()
            return
        if entry.kind == "quote":
            pick = next((q for q in self.journey.quotes if q.id == entry.ref), None)
            note = self.loaded.index.notes.get(pick.note) if pick else None
            if note is not None:
                self.app.push_screen(TextPanel(_("Quote"), quote_panel(note, self.loaded.index.participant(note))))
            return
        item = self.current_item()
        if item is None:
            return
        screen = ItemScreen(
            item,
            self.loaded.index,
            self.phase_name(item.phase),
            readonly=bool(self.readonly),
            store=self.store,
            changed=self.changed_by(item.id, others_only=True).removeprefix(" · "),
        )

        def done(result: str | None) -> None:
            if result == "rename":
                self.action_rename()
            elif result and result.startswith("quote:") and self.loaded is not None:
                note = self.loaded.index.notes.get(result.removeprefix("quote:"))
                if note is not None and item.phase:
                    self._edit(
                        lambda: pick_quote(self.journey, note, item.phase, self._new_id),
                        _("Quote picked for {phase_name}").format(phase_name=self.phase_name(item.phase)),
                    )
            elif result and result.startswith("detach:"):
                note_id = result.removeprefix("detach:")
                self._edit(
                    lambda: remove_evidence(self.journey, item.id, note_id), _("Note back in the inbox"), inbox=True
                )

        self.app.push_screen(screen, done)

    def action_select(self) -> None:
        item = self._need_item()
        if item is None:
            return
        self.selected.symmetric_difference_update({item.id})
        self.refresh_board()
        self.status(
            _("{n} selected: put the cursor on the item to keep and press g to merge").format(n=len(self.selected))
        )

    def action_merge(self) -> None:
        item = self._need_item()
        if item is None:
            return
        sources = [i for i in self.selected if i != item.id]
        try:
            change = merge_items(self.journey, item.id, sources)
        except EditError as error:
            self._fail(error)
            return
        self.selected.clear()
        merged = ngettext(
            "Merged {n} into {title}; all evidence kept", "Merged {n} into {title}; all evidence kept", len(sources)
        )
        self.commit(change, merged.format(n=len(sources), title=item.title))
        self._focus_item(item.id)

    def action_move_phase(self, step: int) -> None:
        item = self._need_item()
        if item is None:
            return
        ids = [p.id for p in self.phases]
        target = ids.index(item.phase) + step if item.phase in ids else 0
        if 0 <= target < len(ids):
            self._edit(lambda: move_item(self.journey, item.id, ids[target]))
            self._focus_item(item.id)

    def action_reorder(self, step: int) -> None:
        item = self._need_item()
        if item is None:
            return
        self._edit(lambda: reorder_item(self.journey, item.id, step))
        self._focus_item(item.id)

    def question_lead_in(self) -> str:
        """ "Hur kan vi " in a Swedish study: the design question starts in the study's language."""
        return lead_in(self.loaded.data.study.language if self.loaded is not None else "en")

    def action_promote(self) -> None:
        """m: the inbox's note becomes a moment of truth (inbox focused), or the board's item does."""
        if self.inbox_focused:
            self.promote_note()
            return
        item = self._need_item()
        if item is None or self.readonly:
            return
        question = item.design_question or self.question_lead_in()

        def done(answer: str | None) -> None:
            if answer is None:
                return
            self._edit(lambda: promote_moment(self.journey, item.id, answer), _("Moment of truth"))
            self._focus_item(item.id)

        self.ask(
            PromptScreen(
                _("Moment of truth: {title}").format(title=item.title),
                question,
                _("the design question it raises"),
                blink=self.blink,
            ),
            done,
        )

    def action_new_moment(self) -> None:
        self._write_item(ItemKind.MOMENT)

    def action_new_item(self) -> None:
        kind = LANE_KIND.get(self.board.lane, ItemKind.TOUCHPOINT)
        self._write_item(kind)

    def _write_item(self, kind: ItemKind) -> None:
        phase = self.current_phase()
        if phase is None or self.readonly:
            return

        def titled(title: str | None) -> None:
            if not title:
                return
            if kind is ItemKind.MOMENT:

                def questioned(question: str | None) -> None:
                    self._create(phase, kind, title, question or "")

                self.ask(PromptScreen(_("Design question"), self.question_lead_in(), blink=self.blink), questioned)
            else:
                self._create(phase, kind, title, "")

        label = {ItemKind.MOMENT: _("moment of truth"), ItemKind.BACKSTAGE: _("backstage item")}.get(
            kind, _("touchpoint")
        )
        self.ask(
            PromptScreen(
                _("New {label} in {name}").format(label=label, name=phase.name),
                "",
                _("no notes back it yet: it starts as a hypothesis"),
                blink=self.blink,
            ),
            titled,
        )

    def _create(self, phase: Phase, kind: ItemKind, title: str, question: str) -> None:
        try:
            change = new_item(self.journey, phase.id, kind, title, self._new_id, question=question)
        except EditError as error:
            self._fail(error)
            return
        self.commit(change, _("Written (a hypothesis until notes back it)"))
        self._focus_item(change.items[0].id)

    def action_rename(self) -> None:
        item = self._need_item()
        if item is None or self.readonly:
            return

        def done(title: str | None) -> None:
            if title is not None:
                self._edit(lambda: rename_item(self.journey, item.id, title), _("Renamed"))

        self.ask(PromptScreen(_("Rename item"), item.title, blink=self.blink), done)

    def action_backstage(self) -> None:
        item = self._need_item()
        if item is None:
            return
        if item.kind is not ItemKind.BACKSTAGE:
            self.status(_("Only backstage items have a kind (people, policy, system, staff)"), "yellow")
            return
        self._edit(lambda: cycle_backstage(self.journey, item.id))

    def action_remove(self) -> None:
        entry = self.board.entry()
        if entry is None or entry.kind not in ("item", "quote") or self.inbox_focused:
            return
        key = (entry.kind, entry.ref)
        if self._armed_remove != key:
            self._armed_remove = key
            self.status(_("Press delete again to remove it (its notes go back to the inbox)"), "yellow")
            return
        self._armed_remove = None
        if entry.kind == "quote":
            self._edit(lambda: remove_quote(self.journey, int(entry.ref)), _("Quote removed"), inbox=True)
        elif self.in_hypothesis(int(entry.ref)) and self.journey.item(int(entry.ref)) is not None:
            self.ask_contradicted(self.journey.item(int(entry.ref)))  # hypothesis.HypothesisActions
        else:
            self._edit(lambda: remove_item(self.journey, int(entry.ref)), _("Item removed"), inbox=True)

    def action_cycle_kind(self) -> None:
        item = self._need_item()
        if item is None:
            return
        kind = ItemKind.BACKSTAGE if item.kind is ItemKind.TOUCHPOINT else ItemKind.TOUCHPOINT
        self._edit(lambda: set_kind(self.journey, item.id, kind), _("Now a {kind} item").format(kind=word(kind)))
        self._focus_item(item.id)

    def action_duplicates(self) -> None:
        if self.loaded is None:
            return
        suggestions = duplicate_items(self.journey, self.loaded.index)
        if not suggestions:
            self.status(_("No likely duplicates (similar text, same phase and channel)"))
            return
        options = []
        for suggestion in suggestions[:200]:
            first, second = self.journey.item(suggestion.first), self.journey.item(suggestion.second)
            if first is None or second is None:
                continue
            text = Text(f"{suggestion.score:.2f}  ", style="dim")
            text.append(visible(first.title), style="bold")
            text.append("  ⟵  ")
            text.append(visible(second.title))
            text.append(f"  ({visible(self.phase_name(first.phase))})", style="dim")
            options.append((f"{first.id}:{second.id}", text))

        def done(key: str | None) -> None:
            if not key:
                return
            keep, other = (int(part) for part in key.split(":"))
            self._edit(lambda: merge_items(self.journey, keep, [other]), _("Merged; all evidence kept"))
            self._focus_item(keep)

        intro = Text(_("Enter merges the right item into the left one (all evidence is kept). Esc closes."))
        self.app.push_screen(PickScreen(_("Likely duplicates"), intro, options), done)
