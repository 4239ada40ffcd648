"""A footer that fits the terminal: F1 Help always shows, first.

Textual's footer lays the keys out left to right and cuts whatever passes the right
edge. The app's own keys (Help, Quit) come last in its order, so on an 80-column
terminal, and on the busier screens even at 120, the one key that explains all the
others was the one cut. This footer puts Help first and Quit last; when the keys do
not fit it goes compact, then uses each action's short label (``Action.short``), then
leaves out the screen's keys from the end. Everything left out is in the help screen
and the command palette. Widths are computed from Textual's footer CSS (textual is
pinned exactly; tests/test_footer.py checks the sums against the painted screen).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual 8.2.8 exports no public FooterKey (pinned)

from trodden.tui.actions import action_by_id
from trodden.tui.base import TroddenScreen, focus_panels
from trodden.tui.i18n import action_text

FIRST = ("app.help",)
LAST = ("app.quit",)


@dataclass(frozen=True)
class FooterItem:
    id: str
    key: str
    key_display: str
    label: str
    short: str
    action: str
    enabled: bool
    tooltip: str


def item_width(item: FooterItem, label: str, *, compact: bool) -> int:
    """Cells a key takes in Textual's footer (its CSS: key padding, label padding, margin)."""
    if not label:
        return cell_len(item.key_display) + (1 if compact else 2)
    return cell_len(item.key_display) + cell_len(label) + 2 + (0 if compact else 1)


def palette_width(key_display: str, label: str, *, compact: bool) -> int:
    """The command-palette key docked at the right, with its border (and margin, compact)."""
    return 1 + cell_len(key_display) + 1 + cell_len(label) + (1 if compact else 3)


Chosen = list[tuple[FooterItem, str]]


def plan(items: list[FooterItem], width: int, palette: tuple[str, str] | None, *, compact: bool) -> tuple[Chosen, bool]:
    """The keys, labels and style (compact or not) for ``width`` cells.

    In order: full labels in the preferred style, full labels compact, short labels
    compact, then short labels compact with the screen's keys left out from the end.
    ``palette`` is the command-palette key and label docked at the right, if shown.
    """

    def fits(chosen: Chosen, compact: bool) -> bool:
        room = width - (palette_width(*palette, compact=compact) if palette else 0)
        return sum(item_width(item, label, compact=compact) for item, label in chosen) <= room

    full = [(item, item.label) for item in items]
    for style in dict.fromkeys((compact, True)):
        if fits(full, style):
            return full, style
    short = [(item, item.short) for item in items]
    first = [pair for pair in short if pair[0].id in FIRST]
    last = [pair for pair in short if pair[0].id in LAST]
    middle = [pair for pair in short if pair[0].id not in FIRST + LAST]
    while middle and not fits([*first, *middle, *last], True):
        middle.pop()
    return [*first, *middle, *last], True


class FittingFooter(Footer):
    """Textual's footer, ordered Help first and fitted to its width (see the module)."""

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._prefer_compact = compact
        self._fitted_for: tuple | None = None

    def items(self) -> list[FooterItem]:
        """The screen's shown keys, one per action: Help first, Quit last, the screen's own between."""
        found: list[FooterItem] = []
        seen: set[str] = set()
        screen = self.screen
        panels = screen.footer_panels() if isinstance(screen, TroddenScreen) else focus_panels(screen)
        for _namespace, binding, enabled, tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            action = action_by_id(binding.id or "")
            if action is not None and action.panel and panels.isdisjoint(action.panel.split()):
                continue  # another panel's key: the footer shows the focused panel's keys
            seen.add(binding.action)
            found.append(
                FooterItem(
                    id=binding.id or binding.action,
                    key=binding.key,
                    key_display=self.app.get_key_display(binding),
                    label=action_text(binding.description),
                    short=action_text(action.short_label if action else binding.description),
                    action=binding.action,
                    enabled=enabled,
                    tooltip=action_text(tooltip or binding.tooltip or binding.description),
                )
            )
        rank = dict.fromkeys(FIRST, 0) | dict.fromkeys(LAST, 2)
        return sorted(found, key=lambda item: rank.get(item.id, 1))

    def _palette(self) -> ActiveBinding | None:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        return self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)

    def _plan(self) -> tuple[Chosen, bool]:
        palette = self._palette()
        shown = (
            (self.app.get_key_display(palette.binding), action_text(palette.binding.description)) if palette else None
        )
        width = self.size.width or self.app.size.width
        return plan(self.items(), width, shown, compact=self._prefer_compact)

    def _fingerprint(self, chosen: Chosen, compact: bool) -> tuple:
        """What the footer shows: the same fingerprint, the same keys on screen."""
        palette = self._palette()
        shown = (palette.binding.key, palette.enabled, palette.tooltip) if palette else None
        keys = tuple((item.id, label, item.key_display, item.enabled, item.tooltip) for item, label in chosen)
        return compact, keys, shown

    def bindings_changed(self, screen) -> None:
        """Textual's footer composes its keys again whenever the screen's bindings are refreshed;
        capture refreshes them on every Enter and every move in the log (the footer follows what the
        keys act on), and composing seven keys anew cost ~10 ms of each note's frame. This one
        composes only when what it shows changes."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if not self.is_attached:  # its screen went away before the refresh came
            return
        if self._fitted_for is None or self._fingerprint(*self._plan()) != self._fitted_for:
            await self.recompose()

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        chosen, compact = self._plan()
        self._fitted_for = self._fingerprint(chosen, compact)
        self.compact = compact
        for item, label in chosen:
            yield FooterKey(
                item.key, item.key_display, label, item.action, disabled=not item.enabled, tooltip=item.tooltip
            ).data_bind(compact=Footer.compact)
        palette = self._palette()
        if palette is not None:
            binding = palette.binding
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                action_text(binding.description),
                binding.action,
                classes="-command-palette",
                disabled=not palette.enabled,
                tooltip=action_text(binding.tooltip or binding.description),
            )

    def on_resize(self, _event: events.Resize) -> None:
        if self._bindings_ready and self._fitted_for is not None:
            self.call_after_refresh(self._recompose_if_changed)
