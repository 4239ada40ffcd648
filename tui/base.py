"""What every trodden screen shares: its action context and a safe way to show user text."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widgets import Input

from trodden.models.names import visible
from trodden.tui.i18n import _


class TroddenScreen(Screen):
    """A screen whose actions are in the registry under ``CONTEXT``."""

    CONTEXT: str = "app"
    HELP_INTRO: str = ""
    """A paragraph for the help screen (e.g. the capture syntax), in English: shown translated."""

    def help_intro(self) -> str:
        """The help screen's paragraph in the interface's language."""
        return _(self.HELP_INTRO)

    def _on_timer_update(self) -> None:
        """Textual's frame, forgetting what a whole-screen repaint has just drawn.

        When the screen is repainted whole (a focus change does it) Textual drops its list of
        widgets waiting for a redraw without taking their dirty regions, so a widget refreshed
        whole in that frame (the focused board, the inbox it left) keeps its region until its
        next refresh: a key's frame after a Tab then re-sent the whole board or inbox (15-26 KB
        to the terminal instead of the 1-2 KB the key changed). Drawn already: forgotten here.
        Textual is pinned (8.2.8); this mirrors ``Screen._on_timer_update``'s repaint branch.
        """
        repainted = (
            list(self._dirty_widgets)
            if self._repaint_required and self.is_current and not self.app._batch_count
            else []
        )
        super()._on_timer_update()
        for widget in repainted:
            if widget is not self:
                widget._exchange_repaint_regions()

    def footer_panels(self) -> set[str]:
        """The ids of the panels whose keys the footer shows (``Action.panel``): by default the focused
        widget and its ancestors. A screen whose one input keeps the focus while the user works on
        something else (capture's selected note) names that instead."""
        return focus_panels(self)


def focus_panels(screen: Screen) -> set[str]:
    """The ids of ``screen``'s focused widget and of every widget around it."""
    focused = screen.focused
    return {node.id for node in (focused, *focused.ancestors) if node.id} if focused is not None else set()


def literal(text: str, style: str = "", *, one_line: bool = False) -> Text:
    """User text as a Rich ``Text``: the one way user text reaches a widget.

    A ``Text`` is never parsed as markup (a plain ``str`` is, by ``Static``, ``Label``,
    ``border_title``, ``Option`` and ``notify``), so ``[@click=app.quit]`` stays text; control
    characters are made visible by ``visible``. ``one_line`` for titles, cells and rows.
    """
    return Text(visible(text, one_line=one_line), style=style, no_wrap=False)


class LiteralInput(Input):
    """An ``Input`` whose value is drawn through ``visible``: a title or note being edited shows
    ␛ for ESC instead of sending it to the terminal. The value itself is unchanged (an edit
    saves what was there), and ``visible(one_line=True)`` maps one character to one, so the
    cursor stays where it is. Its own editing keys run in the order they were typed (``_on_key``)."""

    async def _on_key(self, event: events.Key) -> None:
        """Run the input's own bound keys (backspace, arrows, home/end, ctrl+w...) here, at once.

        Textual 8.2.8 types a letter in the input's ``_on_key`` but runs a bound key only when its
        event has bubbled up to the app, several message hops later: when keys arrive together (a
        note-taker typing over ssh, keys sent in one burst) a letter typed after backspace was put
        in before the backspace ran ("ab⌫c" gave "ac" with the wrong letter gone, textual#6605).
        The focused widget's bindings come first in Textual's chain anyway, so running them here
        runs the same action, only in order; a binding its ``check_action`` refuses passes on.
        """
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                if not binding.priority and await self.app.run_action(binding.action, self):
                    event.stop()
                    event.prevent_default()
                    return
        await super()._on_key(event)

    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        # from the value itself: Rich's Text would silently drop BEL, BS and CR (cursor off by one)
        text = Text(visible(self.value, one_line=True), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text
