"""The footer fits the terminal: Help first, Quit last, short labels, then fewer keys."""

from __future__ import annotations

from test_capture_support import FakeClock, capture_app, make_study, pilot_test, settle

from trodden.tui.widgets.footer import FooterItem, plan


def _item(id: str, key: str, label: str, short: str = "") -> FooterItem:
    return FooterItem(id, key, key, label, short or label, id, True, label)


ITEMS = [
    _item("app.help", "f1", "Help"),
    _item("capture.quote", "f2", "❝Quote", "❝"),
    _item("capture.heart", "f7", "♥Heart", "♥"),
    _item("capture.edit", "f9", "Edit"),
    _item("app.quit", "^q", "Quit"),
]


def _plan(width: int, compact: bool = False) -> tuple[list[str], bool]:
    chosen, compact = plan(ITEMS, width, ("^p", "Commands"), compact=compact)
    return [f"{item.key_display} {label}" for item, label in chosen], compact


FULL = ["f1 Help", "f2 ❝Quote", "f7 ♥Heart", "f9 Edit", "^q Quit"]


def test_full_labels_then_compact_then_short_labels_then_fewer_keys():
    assert _plan(64) == (FULL, False)  # 49 cells of keys + 15 for ^p Commands, with its border
    assert _plan(63) == (FULL, True)  # compact: 44 + 13
    assert _plan(57) == (FULL, True)
    assert _plan(56) == (["f1 Help", "f2 ❝", "f7 ♥", "f9 Edit", "^q Quit"], True)
    assert _plan(42) == (["f1 Help", "f2 ❝", "f7 ♥", "^q Quit"], True)
    assert _plan(5) == (["f1 Help", "^q Quit"], True)  # never fewer than these
    assert _plan(57, compact=True) == (FULL, True)


async def _painted_rows(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pilot_test
async def test_capture_on_80_columns_shows_help_every_kind_key_and_quit(tmp_path):
    app, _source = capture_app(make_study(tmp_path / "s"), FakeClock())
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        footer = (await _painted_rows(app))[-1]
        assert footer.split() == [
            *("f1", "Help", "f2", "❝", "f3", "◆", "f4", "★", "f5", "⚙", "f6", "?", "f7", "♥", "f8", "☁"),
            *("f9", "Edit", "^q", "Quit", "▏^p", "Commands"),
        ]
        await pilot.resize_terminal(120, 20)
        await pilot.pause()
        await pilot.pause()
        footer = (await _painted_rows(app))[-1]
        assert footer.split()[:6] == ["f1", "Help", "f2", "❝Quote", "f3", "◆Touch"]
        assert footer.split()[-4:] == ["^q", "Quit", "▏^p", "Commands"]
        await pilot.resize_terminal(50, 20)
        await pilot.pause()
        await pilot.pause()
        footer = (await _painted_rows(app))[-1]
        words = footer.split()
        assert words[:2] == ["f1", "Help"] and words[-4:] == ["^q", "Quit", "▏^p", "Commands"]  # nothing cut mid-label


@pilot_test
async def test_the_full_width_footer_is_measured_right_at_every_width(tmp_path):
    """The overview's footer (not compact): at each width the last key shown is whole."""
    from conftest import build_study

    from trodden.models.storage.store import StudyStore
    from trodden.tui.app import TroddenApp

    app = TroddenApp(StudyStore.open(build_study(tmp_path / "study").path))  # a small study: the footer is the same
    async with app.run_test(size=(100, 20)) as pilot:
        await app.workers.wait_for_complete()
        for width in range(40, 111, 2):
            await pilot.resize_terminal(width, 20)
            await pilot.pause()
            await pilot.pause()
            words = (await _painted_rows(app))[-1].split()
            assert words[:2] == ["f1", "Help"], (width, words)
            assert words[-4:] == ["^q", "Quit", "▏^p", "Commands"], (width, words)


@pilot_test
async def test_a_note_saved_does_not_compose_the_footer_again(tmp_path):
    """Capture refreshes its bindings on every Enter; the footer keeps its keys when they are the same
    (composing them again cost ~10 ms of every note's frame), and still follows a real change (F9)."""
    from textual.widgets._footer import FooterKey

    app, _source = capture_app(make_study(tmp_path / "s"), FakeClock())
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        keys = list(app.screen.query(FooterKey))
        for line in ("first note #a", "second note @phone"):
            await pilot.press(*line, "enter")
            await settle(pilot)
        assert list(app.screen.query(FooterKey)) == keys and all(key.is_attached for key in keys)
        await pilot.press("up", "f9")  # editing a note: other keys
        await settle(pilot)
        assert list(app.screen.query(FooterKey)) != keys
