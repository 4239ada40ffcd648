"""How the capture screen and its help look (SVG snapshots; look at them after --snapshot-update)."""

from __future__ import annotations

from datetime import timedelta

from test_capture_support import START, FakeClock, capture_app, make_study

from trodden.models.notes.syntax import parse

LINES = [
    '"Jag vill bara att mina växter ska må bra" @butik',
    "*- @telefon i kö i 40 minuter #kundtjänst",
    "++ found the care guide on the @webshop #skötsel",
    "% lagret skickade fel kruka #förpackning",
    "!-- the plant died within a week, she never bought from them again, and told her neighbours about it "
    "at length: a long note wraps under its words",
    "? ask about the watering reminder",
    "[red]markup stays text[/red] and \x1b[31m escapes show ␛",
    "emoji 🌱 and æøå ÆØÅ",
]


def _app(tmp_path, press_up: bool = False):
    store = make_study(tmp_path / "s")
    interview = store.new_interview("P1", start=START)
    with store.open_interview(interview.id) as session:
        session.record_event("phase", "ph2", at=START)
        session.record_event("theme", "th2", at=START)
        for n, line in enumerate(LINES, start=1):
            session.add_note(parse(line), theme="th2", wall=START + timedelta(seconds=37 * n))
    clock = FakeClock(seconds=37 * len(LINES) + 5)
    app, _source = capture_app(store, clock)  # the screen closes it on unmount
    return app


def test_capture_screen_snapshot(tmp_path, snap_compare):
    assert snap_compare(_app(tmp_path), terminal_size=(100, 24))


def test_capture_screen_with_a_selected_note_snapshot(tmp_path, snap_compare):
    assert snap_compare(_app(tmp_path), terminal_size=(100, 24), press=["up", "up", "up"])


def test_capture_help_snapshot(tmp_path, snap_compare):
    assert snap_compare(_app(tmp_path), terminal_size=(110, 50), press=["f1"])
