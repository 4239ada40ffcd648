"""Who is who on the shared map: the researcher's initials, asked once when the app opens the map.

``trodden map`` asks on the terminal; the overview and search open the map through
``open_map_screen``, which asks in a small dialog the first time (no initials in the user's
config, none in the environment) and keeps them in the user's config (``models.map.researcher``).
Esc takes a default from the login name, kept the same way, so the question comes once.
"""

from __future__ import annotations

from textual.app import App

from trodden.models.errors import StoreError
from trodden.models.map import researcher
from trodden.models.storage.store import StudyStore
from trodden.tui.i18n import _
from trodden.tui.widgets.dialogs import PromptScreen


def initials_prompt(problem: str = "") -> PromptScreen:
    hint = _("shown to the others on the map; asked once · esc: {default}").format(default=researcher.default())
    return PromptScreen(_("Your initials"), "", f"{problem} {hint}".strip())


def open_map_screen(app: App, store: StudyStore, **options) -> None:
    """Push the map screen, asking for the researcher's initials first if they were never given."""
    from .screen import MapScreen

    if researcher.current() is not None:
        app.push_screen(MapScreen(store, **options))
        return

    def answered(typed: str | None) -> None:
        initials = researcher.default() if typed is None else researcher.valid(typed)
        if initials is None:
            app.push_screen(initials_prompt(_("1-12 letters or digits (a - is allowed), like AB.")), answered)
            return
        try:
            researcher.remember(initials)
        except StoreError:  # no config folder to keep them in: this map only
            app.notify(_("Your initials could not be kept; they name you on this map only."), severity="warning")
        app.push_screen(MapScreen(store, who=initials, **options))

    app.push_screen(initials_prompt(), answered)
