"""The settings screen: Pilot drives the keys, the test reads study.json back."""

from __future__ import annotations

import asyncio
import json

import pytest
from conftest import build_study
from textual.widgets import Select
from waiting import wait_until

from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.settings.person import PersonDialog
from trodden.tui.settings.screen import SettingsScreen


@pytest.fixture
def store(tmp_path):
    return build_study(tmp_path / "s")


def stored(store) -> dict:
    return json.loads((store.path / "study.json").read_text(encoding="utf-8"))


def app_for(store) -> TroddenApp:
    return TroddenApp(store, start=lambda s: SettingsScreen(s, blink=False))


def run(test):
    return asyncio.run(test)


async def settings(pilot) -> SettingsScreen:
    return await wait_until(
        pilot, lambda: pilot.app.screen if isinstance(pilot.app.screen, SettingsScreen) else None, "settings"
    )


async def saved(pilot, screen: SettingsScreen, what: str) -> None:
    await wait_until(pilot, lambda: what in str(screen.query_one("#settings-status").render()), f"status {what!r}")


def test_change_purpose_scope_and_language(store):
    async def go():
        async with app_for(store).run_test(size=(100, 30)) as pilot:
            screen = await settings(pilot)
            await pilot.press("tab", *"Rätta först")  # the purpose: selected on focus, replaced
            await pilot.press("tab", *"  Åsa   Ørsted  ")  # the author, for the Word files' properties
            await pilot.press("tab", "enter", "down", "enter")  # scope: whole -> episode
            language = screen.query_one("#set-language")
            assert "Svenska" in str(language.query_one("SelectCurrent Static").render())  # a name, not "sv"
            await pilot.press("tab", "tab", "enter", "down", "enter")  # language: sv -> da
            await wait_until(
                pilot, lambda: "Dansk" in str(language.query_one("SelectCurrent Static").render()), "Dansk"
            )
            await pilot.press("ctrl+s")
            await saved(pilot, screen, "Saved: purpose, author, scope, language")

    run(go())
    study = stored(store)["study"]
    assert (study["purpose"], study["scope"], study["language"]) == ("Rätta först", "episode", "da")
    assert study["author"] == "Åsa Ørsted"  # single spaces, as the CLI stores it
    assert study["name"] == "Creating a thriving home"  # untouched


def test_bullets_are_clouds_is_chosen_on_the_screen(store):
    async def go():
        async with app_for(store).run_test(size=(100, 30)) as pilot:
            screen = await settings(pilot)
            assert str(screen.query_one("#set-bullets-are-clouds").value) == "no"
            screen.query_one("#set-bullets-are-clouds").focus()
            await pilot.press("enter", "down", "enter", "ctrl+s")  # a list bullet -> a thundercloud
            await saved(pilot, screen, "Saved: pasted '- '")

    assert stored(store)["study"].get("bullets_are_clouds", False) is False
    run(go())
    assert stored(store)["study"]["bullets_are_clouds"] is True


def test_a_bad_value_is_named_and_nothing_is_lost(store):
    before = (store.path / "study.json").read_bytes()

    async def go():
        async with app_for(store).run_test(size=(100, 30)) as pilot:
            screen = await settings(pilot)
            await pilot.press("ctrl+a", "ctrl+k", "tab", *"Nytt syfte", "ctrl+s")  # the name emptied
            await saved(pilot, screen, "the name cannot be empty")
            assert screen.typed()["purpose"] == "Nytt syfte"
            await pilot.press("escape")  # unsaved: asks first
            await saved(pilot, screen, "Unsaved changes")
            assert pilot.app.screen is screen

    run(go())
    assert (store.path / "study.json").read_bytes() == before


def test_add_a_participant_with_a_suggested_type_and_make_another_staff(store):
    async def go():
        async with app_for(store).run_test(size=(100, 30)) as pilot:
            screen = await settings(pilot)
            await pilot.press("ctrl+n")
            await wait_until(pilot, lambda: isinstance(pilot.app.screen, PersonDialog), "the dialog")
            await pilot.press(*"P3", "tab", "tab", *"FIRST", "right", "enter")  # suggestion taken with →
            await saved(pilot, screen, "Added P3")
            screen.query_one("#participants").focus()
            await pilot.press("home", "enter")  # P1
            await wait_until(pilot, lambda: isinstance(pilot.app.screen, PersonDialog), "the dialog for P1")
            await pilot.press("shift+tab", "enter", "down", "enter", "tab", *"lagret", "ctrl+s")
            await saved(pilot, screen, "Changed P1: staff, lagret")

    run(go())
    people = {p["code"]: p for p in stored(store)["participants"]}
    assert people["P3"]["segment"] == "first-time buyer" and people["P3"]["role"] == "customer"
    assert (people["P1"]["role"], people["P1"]["team"], people["P1"]["real_name"]) == (
        "staff",
        "lagret",
        "Anna Svensson",
    )


def test_a_taken_code_is_refused_in_the_dialog(store):
    async def go():
        async with app_for(store).run_test(size=(100, 30)) as pilot:
            await settings(pilot)
            await pilot.press("ctrl+n", *"p2", "enter")
            dialog = pilot.app.screen
            assert isinstance(dialog, PersonDialog)
            assert "P2 is already a participant" in str(dialog.query_one("#person-error").render())

    run(go())
    assert [p["code"] for p in stored(store)["participants"]] == ["P1", "P2"]


def test_the_overview_opens_settings_and_shows_the_change(store):
    async def go():
        app = TroddenApp(StudyStore.open(store.path))
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.press("s")
            screen = await settings(pilot)
            await pilot.press("ctrl+a", "ctrl+k", *"Frodigt", "ctrl+s")
            await saved(pilot, screen, "Saved: name")
            await pilot.press("escape")
            await wait_until(pilot, lambda: not isinstance(app.screen, SettingsScreen), "the overview")
            return str(app.screen.query_one("#title").render())

    assert "Frodigt" in run(go())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot_of_the_settings_screen(snap_compare, tmp_path, size):
    store = build_study(tmp_path / "s")

    async def ready(pilot) -> None:
        await settings(pilot)
        await pilot.pause()

    assert snap_compare(app_for(store), terminal_size=size, run_before=ready)


def test_saved_terms_typed_without_spaces_are_not_unsaved_changes_after(store):
    """'Malin,Kjell ' is stored as 'Malin, Kjell': escape after saving warned of unsaved changes, forever."""

    async def go():
        async with app_for(store).run_test(size=(100, 30)) as pilot:
            screen = await settings(pilot)
            screen.query_one("#set-redaction-terms").value = "Malin,Kjell ,malin"
            await pilot.press("ctrl+s")
            await saved(pilot, screen, "Saved: redaction terms")
            assert screen.changed() == {}
            assert screen.typed()["redaction-terms"] == "Malin, Kjell"  # what is stored, shown
            await pilot.press("escape")
            await wait_until(pilot, lambda: not isinstance(pilot.app.screen, SettingsScreen), "the screen closed")

    run(go())
    assert stored(store)["redaction_terms"] == ["Malin", "Kjell"]


def test_a_short_terminal_shows_participants(store):
    """At 60x16 the form took every row but the list's header: the list now keeps rows, in view once focused."""

    async def go():
        async with app_for(store).run_test(size=(60, 16)) as pilot:
            screen = await settings(pilot)
            table = screen.query_one("#participants")
            await wait_until(pilot, lambda: table.row_count, "the participants")
            assert table.scrollable_content_region.height >= 3  # the header and two participants
            table.focus()  # the screen scrolls it into view, above the footer
            in_view = lambda: table.region.y >= 0 and table.region.bottom <= pilot.app.size.height - 1  # noqa: E731
            await wait_until(pilot, in_view, "the participants in view")

    run(go())


def test_pagedown_in_a_drop_down_on_a_narrow_terminal_does_not_crash(store):
    """At 20 columns the drop-downs have no room to draw their options; pagedown in one ended the app."""

    async def go():
        async with app_for(store).run_test(size=(20, 6)) as pilot:
            screen = await settings(pilot)
            scope = screen.query_one("#set-scope", Select)
            before = scope.value
            scope.focus()
            await pilot.press("enter", "pagedown", "pageup", "escape")
            assert pilot.app.is_running and scope.value == before

    run(go())
