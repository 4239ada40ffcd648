"""Hearts, thunderclouds and the emotion curve: mark items, set a phase's curve value by hand, show detail.

The curve is computed from the notes' feelings; an override (``v``) replaces one phase's
value and is always drawn as an override, with its reason.
"""

from __future__ import annotations

from trodden.models.domain import Phase
from trodden.models.map.edit import set_mark
from trodden.models.map.journey_map import CurveOverride, JourneyMap, Mark
from trodden.tui.i18n import _, ngettext
from trodden.tui.widgets.dialogs import PromptScreen

from .writing import MapWriting


class CurveActions(MapWriting):
    """Marks and the curve (a mixin of ``MapScreen``)."""

    def action_mark(self, mark: str) -> None:
        item = self._need_item()
        if item is None:
            return
        self._edit(lambda: set_mark(self.journey, item.id, Mark(mark)))
        count = sum(1 for i in self.journey.items if i.mark is Mark(mark))
        said = (
            ngettext("{count} heart on the map (the method: 3-5)", "{count} hearts on the map (the method: 3-5)", count)
            if mark == "heart"
            else ngettext(
                "{count} thundercloud on the map (the method: 3-5)",
                "{count} thunderclouds on the map (the method: 3-5)",
                count,
            )
        )
        self.status(said.format(count=count))

    def action_override(self) -> None:
        phase = self.current_phase()
        if phase is None or self.session is None or self.readonly:
            return
        current = self.journey.override_for(phase.id)

        def done(answer: str | None) -> None:
            if answer is None:
                return
            answer = answer.strip()
            if not answer:
                override = None
            else:
                value_text, _space, reason = answer.partition(" ")
                try:
                    value = float(value_text.replace(",", "."))
                    override = CurveOverride(phase=phase.id, value=value, reason=reason.strip())
                except ValueError:
                    self._fail(
                        ValueError(_("{value_text!r} is not a value from -2 to 2").format(value_text=value_text))
                    )
                    return
            self._set_override(phase, override)

        self.ask(
            PromptScreen(
                _("Curve value for {name} (-2..2, then an optional reason; empty to use the data)").format(
                    name=phase.name
                ),
                f"{current.value:+g} {current.reason}".strip() if current else "",
                blink=self.blink,
            ),
            done,
        )

    def _set_override(self, phase: Phase, override: CurveOverride | None) -> None:
        assert self.session is not None
        overrides = [o for o in self.journey.overrides if o.phase != phase.id]
        if override is not None:
            overrides.append(override)
        self.journey = JourneyMap(items=self.journey.items, quotes=self.journey.quotes, overrides=overrides)
        self.store_later(self.session.set_override, self.phases, override, phase.id, retry=self.answer_retry())
        self.refresh_board()
        self.status(_("Curve value set by hand (shown as an override)") if override else _("Curve from the data again"))

    def action_participant_lines(self) -> None:
        """Cycle the curve's detail: the curve, + one line per participant, + item by item."""
        modes = ["", "participants", "touchpoints"]
        self.curve_mode = modes[(modes.index(self.curve_mode) + 1) % len(modes)]
        self.refresh_board()
        shown = {
            "": _("the curve"),
            "participants": _("one line per participant"),
            "touchpoints": _("the curve per touchpoint"),
        }
        self.status(_("Curve: {shown} (l for more)").format(shown=shown[self.curve_mode]))
